// The desktop app's own calls, outside the API contract: window.kaoheDesktop exists only in the
// Electron app (the preload exposes it); the browser bridge has none, and the renderer checks for it.
import type { Result } from './errors'

/** The one IPC channel of the folder picker (invoke-only; main checks the sender like the API channel). */
export const PICK_FOLDER_CHANNEL = 'kaohe:pickFolder'

export interface KaoheDesktop {
  /** Opens the system folder dialog; the chosen folder's path, or null when cancelled. */
  pickFolder: () => Promise<Result<string | null>>
}
