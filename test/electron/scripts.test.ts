import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const node = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } })

function electronInstalled(): boolean {
  try {
    const path: unknown = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path)
  } catch {
    return false
  }
}

describe('npm start (scripts/start.mjs)', () => {
  it.skipIf(electronInstalled())(
    'without the Electron binary: says so in Chinese and English, then serves the demo on 127.0.0.1 with its sign-ins',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'kaohe-start-'))
      const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', dataDir], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1' },
      })
      let out = ''
      child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')))
      child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')))
      try {
        const url = await new Promise<string>((resolve, reject) => {
          child.on('exit', (code) => reject(new Error(`start.mjs ended (${code}) before serving:\n${out}`)))
          const poll = setInterval(() => {
            const m = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out)
            if (m && /Kaohe@2026/.test(out)) {
              clearInterval(poll)
              resolve(m[0])
            }
          }, 100)
        })
        expect(out).toContain('无法打开桌面窗口')
        expect(out).toContain('no desktop window')
        expect(out).toContain('npm run start:web')
        // The address answers with the interface.
        const page = await fetch(url.replace(/#.*$/, ''))
        expect(page.status).toBe(200)
        expect(await page.text()).toContain('<div id="root">')
      } finally {
        child.kill('SIGTERM')
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
    180_000,
  )
})

describe('npm run scan:electron (scripts/scan-electron.mjs)', () => {
  it('fails on an unsafe main process, naming the checks', () => {
    const run = node('scripts/scan-electron.mjs', '--input', 'test/electron/fixtures/scan-unsafe')
    expect(run.status).toBe(1)
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']) {
      expect(run.stdout).toMatch(new RegExp(`FAIL ${id}`))
    }
  })

  it('passes a hardened main process, and checks what windowOptions() really returns', () => {
    const run = node('scripts/scan-electron.mjs', '--input', 'test/electron/fixtures/scan-hardened')
    expect(run.stdout).toContain('0 failing')
    expect(run.stdout).toContain('__scan__/mainWindowOptions.js')
    expect(run.status).toBe(0)
  })
})
