import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { METHOD_NAMES } from '@shared/api/methodNames'
import type { KaoheApp } from './app'

/**
 * The loopback HTTP bridge (DESIGN.md §6): serves the real renderer build to a browser and carries
 * its `window.api` calls to the same router the desktop app uses. For development and UI tests
 * only — it is not part of the packaged app. It binds 127.0.0.1, requires a per-launch token on
 * every call, and refuses other Host and Origin headers (DNS rebinding).
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const BRIDGE_SCRIPT = '/__kaohe_bridge.js'
// Files cross as base64 in the body; the contract caps them at 20 MB (about 28 MB encoded).
const MAX_BODY = 30 << 20

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface Bridge {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

/** The browser side: reads the token from the URL fragment once, then one function per method. */
function bridgeScript(): string {
  return `(() => {
  const m = /[#&]token=([0-9a-f]+)/.exec(location.hash)
  if (m) { sessionStorage.setItem('kaohe.token', m[1]); history.replaceState(null, '', location.pathname) }
  const token = sessionStorage.getItem('kaohe.token') || ''
  const api = {}
  for (const name of ${JSON.stringify(METHOD_NAMES)}) {
    api[name] = async (input) => {
      const r = await fetch('/api/' + name, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kaohe-token': token }, body: JSON.stringify(input ?? {}) })
      return r.json()
    }
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false })
})()
`
}

export async function startBridge(app: KaoheApp, opts: { rendererDir: string; port?: number }): Promise<Bridge> {
  const token = randomBytes(24).toString('hex')
  const root = resolve(opts.rendererDir)
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`renderer build not found in ${root}: run npm run build first / 请先运行 npm run build`)
  }
  let port = 0
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain', 'internal error'))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'wrong host')
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) return handleCall(req, res, url.pathname.slice(5), host)
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed')
    if (url.pathname === BRIDGE_SCRIPT) return send(res, 200, TYPES['.js']!, bridgeScript())
    return serveStatic(res, url.pathname)
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string, host: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed')
    const origin = req.headers.origin
    if (origin && origin !== `http://${host}`) return send(res, 403, 'text/plain', 'wrong origin')
    const given = Buffer.from(String(req.headers['x-kaohe-token'] ?? ''))
    const expected = Buffer.from(token)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return send(res, 401, 'application/json', JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', params: { method } } }))
    }
    const name = decodePath(method)
    if (name === null) return send(res, 400, 'text/plain', 'bad request')
    // Chunks are collected as bytes and decoded once: a character split across two chunks
    // (中 is three bytes in UTF-8) would otherwise be decoded half in each and corrupted.
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > MAX_BODY) return send(res, 413, 'text/plain', 'too large')
      chunks.push(chunk as Buffer)
    }
    const body = Buffer.concat(chunks, size).toString('utf8')
    let input: unknown
    try {
      input = body ? JSON.parse(body) : {}
    } catch {
      return send(res, 200, 'application/json', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', params: { details: 'body is not JSON' } } }))
    }
    const result = await app.call(name, input)
    send(res, 200, 'application/json', JSON.stringify(result))
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    const decoded = decodePath(pathname)
    if (decoded === null) return send(res, 400, 'text/plain', 'bad request')
    const rel = pathname === '/' ? 'index.html' : normalize(decoded).replace(/^[/\\]+/, '')
    const file = resolve(root, rel)
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'text/plain', 'forbidden')
    const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html')
    let content: Buffer | string = readFileSync(target)
    const type = TYPES[extname(target)] ?? 'application/octet-stream'
    if (target.endsWith('index.html')) {
      // The bridge script must run before the app's module script reads window.api.
      content = content.toString('utf8').replace('<head>', `<head><script src="${BRIDGE_SCRIPT}"></script>`)
    }
    send(res, 200, type, content)
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}

/** A %-decoded path, or null when the encoding is malformed (a bad request, not a server error). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  })
  res.end(body)
}
