import type { KaoheWindowApi } from '@shared/api/window'
import type { KaoheDesktop } from '@shared/desktop'

declare global {
  interface Window {
    /** Provided by the preload (desktop) or the loopback bridge script (browser tests). */
    api: KaoheWindowApi
    /** Only in the desktop app (the preload); absent in the browser: check before use. */
    kaoheDesktop?: KaoheDesktop
  }
}

export {}
