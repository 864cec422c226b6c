import { randomUUID } from 'node:crypto'
import type { IpcMain, IpcMainInvokeEvent, OpenDialogOptions, WebContents } from 'electron'
import { IPC_CHANNEL } from '@shared/api/methodNames'
import { PICK_FOLDER_CHANNEL } from '@shared/desktop'
import type { Result } from '@shared/errors'
import type { KaoheApp } from '../api/app'
import { isAppUrl } from './origin'

/**
 * True only when the call comes from the main frame of our own window, showing our own origin:
 * not another window, not a subframe, not a page that navigated elsewhere.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: WebContents | null): boolean {
  if (trusted === null || trusted.isDestroyed() || event.sender !== trusted) return false
  const frame = event.senderFrame
  const main = trusted.mainFrame
  if (frame === null || frame.detached) return false
  const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId)
  return isMainFrame && frame.parent === null && isAppUrl(frame.url)
}

export interface IpcHandlerOptions {
  app: Pick<KaoheApp, 'call'>
  /** The main window's webContents, or null while there is none. */
  trustedContents: () => WebContents | null
  /** Where an unexpected failure is logged (main process only; never sent to the renderer). */
  logError?: (ref: string, error: unknown) => void
}

export type IpcCallHandler = (event: IpcMainInvokeEvent, method: unknown, input: unknown) => Promise<Result<unknown>>

function forbidden(method: unknown): Result<never> {
  const name = typeof method === 'string' ? method.slice(0, 100) : typeof method
  return { ok: false, error: { code: 'FORBIDDEN', params: { method: name } } }
}

/** The one IPC handler: checks the sender, then hands the call to the app. Never throws. */
export function createIpcHandler({ app, trustedContents, logError = defaultLogError }: IpcHandlerOptions): IpcCallHandler {
  return async (event, method, input) => {
    if (typeof method !== 'string' || !isTrustedSender(event, trustedContents())) return forbidden(method)
    try {
      return await app.call(method, input)
    } catch (error) {
      // app.call promises never to throw; if it does anyway, no stack trace crosses to the renderer.
      const ref = randomUUID().slice(0, 8)
      logError(ref, error)
      return { ok: false, error: { code: 'INTERNAL', params: { ref } } }
    }
  }
}

function defaultLogError(ref: string, error: unknown): void {
  console.error(`[kaohe] IPC call failed (ref ${ref})`, error)
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handler: IpcCallHandler): void {
  ipcMain.handle(IPC_CHANNEL, handler)
}

/** Electron's dialog.showOpenDialog, bound to the main window (main.ts passes it in; tests pass a fake). */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>

export type PickFolderHandler = (event: IpcMainInvokeEvent) => Promise<Result<string | null>>

/** The folder picker (backups): same sender check as the API channel; the chosen folder, or null when cancelled. */
export function createPickFolderHandler(options: { trustedContents: () => WebContents | null; showOpenDialog: ShowOpenDialog }): PickFolderHandler {
  return async (event) => {
    if (!isTrustedSender(event, options.trustedContents())) return forbidden('desktop.pickFolder')
    const chosen = await options.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] })
    return { ok: true, value: chosen.canceled ? null : (chosen.filePaths[0] ?? null) }
  }
}

export function registerPickFolder(ipcMain: Pick<IpcMain, 'handle'>, handler: PickFolderHandler): void {
  ipcMain.handle(PICK_FOLDER_CHANNEL, handler)
}
