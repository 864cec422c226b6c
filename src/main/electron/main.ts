import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { createKaohe, type KaoheApp } from '../api/app'
import { hardenAllWebContents, hardenSession } from './hardening'
import { createIpcHandler, createPickFolderHandler, registerIpc, registerPickFolder } from './ipc'
import { APP_ENTRY_URL } from './origin'
import { registerAppScheme, serveApp } from './protocol'
import { windowOptions } from './windowOptions'

/** The built preload and renderer, beside the built main (out/main/index.js). */
export function buildPaths(mainDir: string): { preload: string; renderer: string } {
  return { preload: join(mainDir, '../preload/index.cjs'), renderer: join(mainDir, '../renderer') }
}

function createMainWindow(preloadPath: string): BrowserWindow {
  // Every webContents is hardened in 'web-contents-created' (hardenAllWebContents) before it loads.
  const window = new BrowserWindow(windowOptions({ preloadPath, devTools: !app.isPackaged }))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(APP_ENTRY_URL)
  return window
}

function failStartup(error: unknown): void {
  console.error('[kaohe] startup failed', error)
  const detail = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('考核台无法启动 / Kaohe cannot start', detail)
  app.exit(1)
}

export interface DesktopOptions {
  /** Folder of the built main process (out/main); preload and renderer sit beside it. */
  mainDir?: string
  /** Command line; `--demo-if-empty` (npm start) opens the demo unit when no unit exists yet. */
  argv?: readonly string[]
}

/**
 * The desktop app's lifecycle: one instance, one window, one KaoheApp over the data folder.
 * Returns the promise of start-up (resolved once the window exists, or at once when another
 * instance already runs), for tests.
 */
export function startDesktop({ mainDir = __dirname, argv = process.argv }: DesktopOptions = {}): Promise<void> {
  // Before 'ready': the privileged scheme, the sandbox for every renderer, a stable data folder name.
  registerAppScheme(protocol)
  app.enableSandbox()
  app.setName('Kaohe')
  app.setAppUserModelId('cn.gov.kaohe')

  if (!app.requestSingleInstanceLock()) {
    // Another instance runs and has been told (its 'second-instance' event) to come to the front.
    app.quit()
    return Promise.resolve()
  }

  hardenAllWebContents(app)
  const paths = buildPaths(mainDir)
  let mainWindow: BrowserWindow | null = null
  let kaohe: KaoheApp | null = null

  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    kaohe?.close()
    kaohe = null
  })

  return app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession)
      serveApp(protocol, paths.renderer)
      kaohe = createKaohe({ dataDir: app.getPath('userData'), demoIfEmpty: argv.includes('--demo-if-empty') })
      registerIpc(
        ipcMain,
        createIpcHandler({
          app: kaohe,
          trustedContents: () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
        }),
      )
      registerPickFolder(
        ipcMain,
        createPickFolderHandler({
          trustedContents: () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
          showOpenDialog: (options) => (mainWindow !== null ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
        }),
      )
      mainWindow = createMainWindow(paths.preload)
      mainWindow.on('closed', () => {
        mainWindow = null
      })
    })
    .catch(failStartup)
}
