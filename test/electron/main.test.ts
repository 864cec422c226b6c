import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNEL } from '../../src/shared/api/methodNames'
import type { IpcCallHandler } from '../../src/main/electron/ipc'
import { FakeEvent, FakeFrame, FakeSession, FakeWebContents, invokeEvent } from './fakes'

// The whole 'electron' module, faked: the app's lifecycle events, one BrowserWindow class, the
// protocol, ipcMain, dialog and the default session. `steps` records the order of calls.
const electron = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above: take EventEmitter by dynamic import.
  const { EventEmitter } = await import('node:events')
  const steps: string[] = []
  class FakeApp extends EventEmitter {
    lock = true
    isPackaged = false
    ready = Promise.resolve()
    requestSingleInstanceLock = vi.fn(() => {
      steps.push('lock')
      return this.lock
    })
    quit = vi.fn(() => steps.push('quit'))
    exit = vi.fn()
    enableSandbox = vi.fn(() => steps.push('enableSandbox'))
    setName = vi.fn()
    setAppUserModelId = vi.fn()
    getPath = vi.fn((name: string) => `/fake/${name}`)
    whenReady = vi.fn(() => this.ready.then(() => steps.push('ready')))
  }
  const windows: Array<{
    options: unknown
    webContents: unknown
    emitter: InstanceType<typeof EventEmitter>
    show: ReturnType<typeof vi.fn>
    focus: ReturnType<typeof vi.fn>
    restore: ReturnType<typeof vi.fn>
    loadURL: ReturnType<typeof vi.fn>
    minimized: boolean
  }> = []
  const state = { app: new FakeApp(), makeContents: (): unknown => null }
  class BrowserWindow extends EventEmitter {
    webContents: unknown
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    loadURL = vi.fn(async () => undefined)
    minimized = false
    constructor(public options: unknown) {
      super()
      steps.push('window')
      this.webContents = state.makeContents()
      // Like Electron: the webContents exists (and is announced) before anything loads.
      state.app.emit('web-contents-created', {}, this.webContents)
      windows.push(this as never)
    }
    isMinimized() {
      return this.minimized
    }
    isDestroyed() {
      return false
    }
  }
  const session = { defaultSession: null as unknown }
  return {
    steps,
    state,
    windows,
    session,
    module: {
      get app() {
        return state.app
      },
      BrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      ipcMain: { handle: vi.fn() },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => steps.push('registerScheme')),
        handle: vi.fn(),
      },
      session,
    },
    reset() {
      steps.length = 0
      windows.length = 0
      state.app = new FakeApp()
    },
  }
})

vi.mock('electron', () => electron.module)

const kaohe = vi.hoisted(() => ({
  instance: { call: vi.fn(async () => ({ ok: true as const, value: 'pong' })), close: vi.fn() },
  create: vi.fn(),
}))
vi.mock('../../src/main/api/app', () => ({ createKaohe: kaohe.create }))

const { startDesktop } = await import('../../src/main/electron/main')

let session: FakeSession
beforeEach(() => {
  vi.clearAllMocks()
  electron.reset()
  electron.state.makeContents = () => new FakeWebContents('app://kaohe/index.html')
  session = new FakeSession()
  electron.session.defaultSession = session
  kaohe.create.mockImplementation(() => kaohe.instance)
})

const app = () => electron.state.app
const mainWindow = () => {
  const window = electron.windows[0]
  if (!window) throw new Error('no window')
  return window as unknown as FakeWindow
}
interface FakeWindow {
  options: { webPreferences: Record<string, unknown>; title: string }
  webContents: FakeWebContents
  show: ReturnType<typeof vi.fn>
  focus: ReturnType<typeof vi.fn>
  restore: ReturnType<typeof vi.fn>
  loadURL: ReturnType<typeof vi.fn>
  minimized: boolean
  emit(event: string): boolean
}
const ipcHandler = (): IpcCallHandler => {
  const call = electron.module.ipcMain.handle.mock.calls[0] as unknown as [string, IpcCallHandler] | undefined
  if (!call) throw new Error('no IPC handler')
  return call[1]
}

describe('desktop start-up', () => {
  it('quits when another instance holds the lock, creating nothing', async () => {
    app().lock = false
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.'] })
    expect(app().quit).toHaveBeenCalled()
    expect(electron.windows).toHaveLength(0)
    expect(kaohe.create).not.toHaveBeenCalled()
    expect(electron.module.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('registers the scheme and the sandbox before ready, then opens one hardened window on app://kaohe', async () => {
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.'] })
    expect(electron.steps.indexOf('registerScheme')).toBeLessThan(electron.steps.indexOf('ready'))
    expect(electron.steps.indexOf('enableSandbox')).toBeLessThan(electron.steps.indexOf('ready'))
    expect(electron.windows).toHaveLength(1)
    const window = mainWindow()
    expect(window.options.webPreferences).toMatchObject({
      preload: join('/app/out/main', '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    expect(window.loadURL).toHaveBeenCalledWith('app://kaohe/index.html')
    expect(electron.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    // hardened through 'web-contents-created' before it loaded anything
    expect(window.webContents.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    // permissions of the default session
    const answers: boolean[] = []
    session.permissionRequestHandler?.(window.webContents, 'media', (granted) => answers.push(granted), {})
    expect(answers).toEqual([false])
    expect(session.permissionCheckHandler?.(null, 'media', 'app://kaohe', {})).toBe(false)
  })

  it('shows the window only when it is ready to show', async () => {
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.'] })
    const window = mainWindow()
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
  })

  it('opens the KaoheApp on the userData folder and closes it on will-quit', async () => {
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.'] })
    expect(kaohe.create).toHaveBeenCalledWith({ dataDir: '/fake/userData', demoIfEmpty: false })
    expect(kaohe.instance.close).not.toHaveBeenCalled()
    app().emit('will-quit', new FakeEvent())
    expect(kaohe.instance.close).toHaveBeenCalledOnce()
  })

  it('passes --demo-if-empty (npm start) through to the app', async () => {
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.', '--demo-if-empty'] })
    expect(kaohe.create).toHaveBeenCalledWith({ dataDir: '/fake/userData', demoIfEmpty: true })
  })

  it('focuses (and restores) the existing window when a second instance starts', async () => {
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.'] })
    const window = mainWindow()
    window.minimized = true
    app().emit('second-instance', new FakeEvent(), ['kaohe'], '/')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
  })

  it('wires IPC to the window: its main frame reaches the app, anything else does not', async () => {
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.'] })
    expect(electron.module.ipcMain.handle).toHaveBeenCalledWith(IPC_CHANNEL, expect.any(Function))
    const handler = ipcHandler()
    const window = mainWindow()
    expect(await handler(invokeEvent(window.webContents), 'home.tasks', {})).toEqual({ ok: true, value: 'pong' })
    expect(kaohe.instance.call).toHaveBeenCalledExactlyOnceWith('home.tasks', {})
    const stranger = new FakeWebContents('app://kaohe/index.html')
    expect((await handler(invokeEvent(stranger), 'home.tasks', {})).ok).toBe(false)
    const subframe = new FakeFrame('app://kaohe/index.html', 7, 9, window.webContents.mainFrame)
    expect((await handler(invokeEvent(window.webContents, subframe), 'home.tasks', {})).ok).toBe(false)
    expect(kaohe.instance.call).toHaveBeenCalledOnce()
  })

  it('tells the user and exits when the app cannot open', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    kaohe.create.mockImplementation(() => {
      throw new Error('database damaged')
    })
    await startDesktop({ mainDir: '/app/out/main', argv: ['electron', '.'] })
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(expect.stringContaining('考核台'), 'database damaged')
    expect(app().exit).toHaveBeenCalledWith(1)
    expect(electron.windows).toHaveLength(0)
  })
})
