import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowOptionsInput {
  /** Absolute path of the built, sandbox-compatible preload (`out/preload/index.cjs`). */
  preloadPath: string
  /** Developer tools: on in a development run, off in the packaged app. */
  devTools: boolean
}

/**
 * Options of the one application window. Pure, so a test can hold every switch of Electron's
 * security checklist to account (docs/electron.md explains each).
 */
export function windowOptions({ preloadPath, devTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: '考核台',
    width: 1280,
    height: 800,
    minWidth: 1100,
    minHeight: 700,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      // The renderer is an untrusted web page: no Node, its own JS world, the Chromium sandbox.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click (auxclick) is another way to open a link in a new window: off.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  }
}
