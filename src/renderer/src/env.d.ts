import type { KaoheWindowApi } from '@shared/api/window'

declare global {
  interface Window {
    /** Provided by the preload (desktop) or the loopback bridge script (browser tests). */
    api: KaoheWindowApi
  }
}

export {}
