import type { App, Session, WebContents } from 'electron'
import { isAppUrl } from './origin'

/**
 * Headers sent with every response of the app:// scheme (see protocol.ts).
 *
 * The policy allows only our own origin: scripts, fetches, fonts and images from app://kaohe (plus
 * data: images and fonts); 'unsafe-inline' for styles only, because Mantine injects <style> tags;
 * no plugins, no <base>, no form posts, no framing.
 */
function buildSecurityHeaders() {
  const headers = {
    'Content-Security-Policy': '',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
  // One literal assignment on purpose: electronegativity's CSP check (npm run scan:electron) reads
  // exactly this string and evaluates it, so the scan checks the policy we really send.
  headers['Content-Security-Policy'] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
  return Object.freeze(headers)
}

export const SECURITY_HEADERS = buildSecurityHeaders()
export const CONTENT_SECURITY_POLICY: string = SECURITY_HEADERS['Content-Security-Policy']

interface NavigationEvent {
  url: string
  preventDefault(): void
}

/** Navigations and redirects may only stay on our own origin. */
export function preventOffOriginNavigation(event: NavigationEvent): void {
  if (!isAppUrl(event.url)) event.preventDefault()
}

/**
 * Limits for one webContents: no navigation or redirect away from app://kaohe, no new windows
 * (window.open and target=_blank open nothing), no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', preventOffOriginNavigation)
  contents.on('will-frame-navigate', preventOffOriginNavigation)
  contents.on('will-redirect', preventOffOriginNavigation)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** The app asks for no browser permission (camera, notifications, clipboard reads, …): deny all. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Applies hardenWebContents to every webContents the app ever creates, before it loads anything. */
export function hardenAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
}
