/**
 * Where the renderer lives. The built UI is served from a custom, privileged scheme
 * (`app://kaohe/…`) instead of file://, so it has a real origin that the navigation limits, the
 * IPC sender check and the CSP can name, and no access to the rest of the file system.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'kaohe'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * True only for URLs on our own origin: scheme `app:`, host `kaohe`, no port, no credentials.
 * (Node's URL reports origin "null" for non-special schemes, so compare the parts instead.)
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
