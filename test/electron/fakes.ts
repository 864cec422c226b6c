// Stand-ins for the few Electron objects the Electron layer touches. Electron's binary is not
// installed here, so tests drive the real handlers with these and cast them at the boundary.
import { EventEmitter } from 'node:events'
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'

/** Casts a fake to the Electron type a function expects. */
export function asElectron<T>(fake: unknown): T {
  return fake as T
}

export class FakeFrame {
  constructor(
    public url: string,
    public processId = 7,
    public routingId = 1,
    public parent: FakeFrame | null = null,
    public detached = false,
  ) {}
}

export interface WindowOpenResponse {
  action: 'allow' | 'deny'
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame
  destroyed = false
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null

  constructor(url = 'app://kaohe/index.html', processId = 7) {
    super()
    this.mainFrame = new FakeFrame(url, processId, 1)
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Emits a navigation-like event the way Electron does and says whether it was prevented. */
  navigate(eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    const event = new FakeEvent(url)
    this.emit(eventName, event, url)
    return event.defaultPrevented
  }
}

export class FakeEvent {
  defaultPrevented = false
  constructor(public url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export function asContents(fake: FakeWebContents): WebContents {
  return asElectron<WebContents>(fake)
}

/** An IPC invoke event as Electron builds it: the sending webContents and frame. */
export function invokeEvent(sender: FakeWebContents, senderFrame: FakeFrame | null = sender.mainFrame): IpcMainInvokeEvent {
  return asElectron<IpcMainInvokeEvent>({ sender, senderFrame, processId: senderFrame?.processId ?? 0, frameId: senderFrame?.routingId ?? 0 })
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null
  devicePermissionHandler: ((details: unknown) => boolean) | null = null
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler
  }
  asSession(): Session {
    return asElectron<Session>(this)
  }
}
