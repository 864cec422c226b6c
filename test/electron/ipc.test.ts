import type { IpcMain, OpenDialogOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { IPC_CHANNEL } from '../../src/shared/api/methodNames'
import type { Result } from '../../src/shared/errors'
import { createIpcHandler, createPickFolderHandler, registerIpc, registerPickFolder } from '../../src/main/electron/ipc'
import { PICK_FOLDER_CHANNEL } from '../../src/shared/desktop'
import { asContents, asElectron, FakeFrame, FakeWebContents, invokeEvent } from './fakes'

function setup() {
  const window = new FakeWebContents('app://kaohe/index.html')
  const app = { call: vi.fn(async (method: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { method, input } })) }
  const logError = vi.fn()
  const handler = createIpcHandler({ app, trustedContents: () => asContents(window), logError })
  return { window, app, handler, logError }
}

const forbidden = (method: string) => ({ ok: false, error: { code: 'FORBIDDEN', params: { method } } })

describe('IPC sender check', () => {
  it("passes a call from our window's main frame on our origin to the app, and returns its result", async () => {
    const { window, app, handler } = setup()
    const result = await handler(invokeEvent(window), 'auth.login', { username: 'hr', password: 'x' })
    expect(app.call).toHaveBeenCalledWith('auth.login', { username: 'hr', password: 'x' })
    expect(result).toEqual({ ok: true, value: { method: 'auth.login', input: { username: 'hr', password: 'x' } } })
  })

  it('refuses another webContents, even showing our URL', async () => {
    const { app, handler } = setup()
    const other = new FakeWebContents('app://kaohe/index.html')
    expect(await handler(invokeEvent(other), 'users.list', {})).toEqual(forbidden('users.list'))
    expect(app.call).not.toHaveBeenCalled()
  })

  it('refuses a subframe of our window', async () => {
    const { window, app, handler } = setup()
    const subframe = new FakeFrame('app://kaohe/index.html', 7, 2, window.mainFrame)
    expect(await handler(invokeEvent(window, subframe), 'users.list', {})).toEqual(forbidden('users.list'))
    const sameIdsButChild = new FakeFrame('app://kaohe/index.html', 7, 1, window.mainFrame)
    expect(await handler(invokeEvent(window, sameIdsButChild), 'users.list', {})).toEqual(forbidden('users.list'))
    expect(app.call).not.toHaveBeenCalled()
  })

  it('refuses our main frame once it shows another origin', async () => {
    const { window, app, handler } = setup()
    for (const url of ['https://example.com/', 'file:///tmp/x.html', 'app://other/index.html', 'http://127.0.0.1:5173/']) {
      window.mainFrame.url = url
      expect(await handler(invokeEvent(window), 'users.list', {})).toEqual(forbidden('users.list'))
    }
    expect(app.call).not.toHaveBeenCalled()
  })

  it('refuses a missing or detached frame, a destroyed window, and no window at all', async () => {
    const { window, app, handler } = setup()
    expect((await handler(invokeEvent(window, null), 'users.list', {})).ok).toBe(false)
    window.mainFrame.detached = true
    expect((await handler(invokeEvent(window), 'users.list', {})).ok).toBe(false)
    window.mainFrame.detached = false
    window.destroyed = true
    expect((await handler(invokeEvent(window), 'users.list', {})).ok).toBe(false)
    const none = createIpcHandler({ app, trustedContents: () => null })
    expect((await none(invokeEvent(new FakeWebContents()), 'users.list', {})).ok).toBe(false)
    expect(app.call).not.toHaveBeenCalled()
  })

  it('refuses method names that are not strings', async () => {
    const { window, app, handler } = setup()
    expect(await handler(invokeEvent(window), 42, {})).toEqual(forbidden('number'))
    expect(await handler(invokeEvent(window), { toString: () => 'users.list' }, {})).toEqual(forbidden('object'))
    expect(await handler(invokeEvent(window), undefined, {})).toEqual(forbidden('undefined'))
    expect(app.call).not.toHaveBeenCalled()
  })

  it('turns an unexpected throw into INTERNAL with a reference, without the stack', async () => {
    const { window, app, handler, logError } = setup()
    app.call.mockRejectedValueOnce(new Error('secret stack detail'))
    const result = await handler(invokeEvent(window), 'home.tasks', {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', params: { ref: expect.stringMatching(/^[0-9a-f]{8}$/) as unknown } } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(logError).toHaveBeenCalledOnce()
  })

  it('registers the one channel', () => {
    const ipcMain = { handle: vi.fn() }
    const { handler } = setup()
    registerIpc(asElectron<IpcMain>(ipcMain), handler)
    expect(ipcMain.handle).toHaveBeenCalledExactlyOnceWith(IPC_CHANNEL, handler)
  })
})

describe('folder picker IPC (backups, desktop app only)', () => {
  function pickSetup(result: { canceled: boolean; filePaths: string[] }) {
    const window = new FakeWebContents('app://kaohe/index.html')
    const showOpenDialog = vi.fn(async (_options: OpenDialogOptions) => result)
    const handler = createPickFolderHandler({ trustedContents: () => asContents(window), showOpenDialog })
    return { window, showOpenDialog, handler }
  }

  it('opens a folder dialog (may create a folder) for our main frame and returns the chosen folder', async () => {
    const { window, showOpenDialog, handler } = pickSetup({ canceled: false, filePaths: ['/media/usb/kaohe-backup'] })
    expect(await handler(invokeEvent(window))).toEqual({ ok: true, value: '/media/usb/kaohe-backup' })
    expect(showOpenDialog).toHaveBeenCalledWith({ properties: ['openDirectory', 'createDirectory'] })
  })

  it('returns null when the dialog is cancelled', async () => {
    const { window, handler } = pickSetup({ canceled: true, filePaths: [] })
    expect(await handler(invokeEvent(window))).toEqual({ ok: true, value: null })
  })

  it('refuses another webContents or a subframe, and opens no dialog', async () => {
    const { window, showOpenDialog, handler } = pickSetup({ canceled: false, filePaths: ['/tmp/x'] })
    const refused = { ok: false, error: { code: 'FORBIDDEN', params: { method: 'desktop.pickFolder' } } }
    expect(await handler(invokeEvent(new FakeWebContents('app://kaohe/index.html')))).toEqual(refused)
    expect(await handler(invokeEvent(window, new FakeFrame('app://kaohe/index.html', 7, 2, window.mainFrame)))).toEqual(refused)
    window.mainFrame.url = 'https://example.com/'
    expect(await handler(invokeEvent(window))).toEqual(refused)
    expect(showOpenDialog).not.toHaveBeenCalled()
  })

  it('is registered on its own channel, not the API channel', () => {
    const handle = vi.fn()
    const { handler } = pickSetup({ canceled: true, filePaths: [] })
    registerPickFolder(asElectron<Pick<IpcMain, 'handle'>>({ handle }), handler)
    expect(handle).toHaveBeenCalledWith(PICK_FOLDER_CHANNEL, handler)
    expect(PICK_FOLDER_CHANNEL).not.toBe(IPC_CHANNEL)
  })
})
