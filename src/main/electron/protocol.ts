import { readFile as fsReadFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { SECURITY_HEADERS } from './hardening'
import { APP_SCHEME, isAppUrl } from './origin'

/**
 * app://kaohe is a standard, secure scheme (so it has an origin, 'self' in the CSP means it, and
 * fetch works on it). It gets no CORS, no CSP bypass and no service workers.
 * Must be called before the app's 'ready' event.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export interface AppRequestHandlerOptions {
  /** The built renderer (`out/renderer`). Nothing outside it is ever served. */
  rootDir: string
  readFile?: (path: string) => Promise<Uint8Array>
}

function respond(status: number, body: Uint8Array | null = null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS } })
}

/**
 * Serves the built renderer for app://kaohe/…: GET and HEAD only, files under rootDir only, known
 * file types only, every response with the security headers (CSP). A path without a file extension
 * is a client-side route and gets index.html.
 */
export function createAppRequestHandler({ rootDir, readFile = fsReadFile }: AppRequestHandlerOptions) {
  const root = resolve(rootDir)
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405)
    if (!isAppUrl(request.url)) return respond(404)
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname)
    } catch {
      return respond(400)
    }
    if (pathname.includes('\0')) return respond(400)
    const relative = pathname.replace(/^[/\\]+/, '')
    const route = relative === '' || extname(relative) === ''
    const file = resolve(root, route ? 'index.html' : relative)
    if (!file.startsWith(root + sep)) return respond(404)
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()]
    if (contentType === undefined) return respond(404)
    let data: Uint8Array
    try {
      data = await readFile(file)
    } catch {
      return respond(404)
    }
    return respond(200, request.method === 'HEAD' ? null : data, contentType)
  }
}

/** Installs the app:// handler on the (default session's) protocol. Call after 'ready'. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler({ rootDir }))
}
