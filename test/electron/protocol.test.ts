import { join, resolve } from 'node:path'
import type { Protocol } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/hardening'
import { createAppRequestHandler, registerAppScheme, serveApp } from '../../src/main/electron/protocol'
import { asElectron } from './fakes'

const root = resolve('/built/renderer')
const files = new Map<string, string>([
  [join(root, 'index.html'), '<!doctype html><title>考核台</title>'],
  [join(root, 'assets/index-abc.js'), 'console.log(1)'],
  [join(root, 'assets/index-abc.css'), 'body{}'],
  [join(root, 'assets/app.bin'), 'binary'],
  [resolve('/built/secret.txt'), 'secret'],
])
const readFile = vi.fn(async (path: string) => {
  const text = files.get(path)
  if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
  return new TextEncoder().encode(text)
})
const handle = createAppRequestHandler({ rootDir: root, readFile })
const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

describe('app:// protocol', () => {
  it('serves the built renderer with its content type', async () => {
    const page = await get('app://kaohe/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('考核台')
    const script = await get('app://kaohe/assets/index-abc.js')
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await get('app://kaohe/assets/index-abc.css')).headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('sets the CSP (and nosniff) on every response, errors included', async () => {
    for (const url of ['app://kaohe/index.html', 'app://kaohe/assets/index-abc.js', 'app://kaohe/missing.js', 'app://other/index.html']) {
      const response = await get(url)
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect((await get('app://kaohe/index.html', 'POST')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers client-side routes and the bare origin with index.html', async () => {
    expect(await (await get('app://kaohe/')).text()).toContain('考核台')
    expect(await (await get('app://kaohe/ledger/2025')).text()).toContain('考核台')
  })

  it('never serves anything outside the renderer folder', async () => {
    for (const url of ['app://kaohe/../secret.txt', 'app://kaohe/%2e%2e/secret.txt', 'app://kaohe/..%2fsecret.txt', 'app://kaohe/..%5csecret.txt']) {
      const response = await get(url)
      expect(response.status, url).not.toBe(200)
      expect(await response.text()).not.toContain('secret')
    }
    expect(readFile).not.toHaveBeenCalledWith(resolve('/built/secret.txt'))
  })

  it('refuses other hosts, other methods, unknown file types and bad escapes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404)
    expect((await get('app://kaohe/index.html', 'POST')).status).toBe(405)
    expect((await get('app://kaohe/assets/app.bin')).status).toBe(404)
    expect((await get('app://kaohe/missing.js')).status).toBe(404)
    expect((await get('app://kaohe/%E0%A4%A')).status).toBe(400)
    expect((await get('app://kaohe/a%00.js')).status).toBe(400)
  })

  it('registers app as a standard, secure scheme without CSP bypass or CORS', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerAppScheme(asElectron<Protocol>(protocol))
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] ?? []
    expect(schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ])
    const privileges = (schemes as Array<{ privileges: Record<string, boolean> }>)[0]?.privileges ?? {}
    expect(privileges.bypassCSP).toBeUndefined()
    expect(privileges.corsEnabled).toBeUndefined()
    expect(privileges.allowServiceWorkers).toBeUndefined()
  })

  it('installs the handler for the app scheme', async () => {
    const protocol = { handle: vi.fn() }
    serveApp(asElectron<Protocol>(protocol), root)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})
