import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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
  it.skipIf(electronInstalled())('without the Electron binary: says so in Chinese and English, points to start:web, exits 1', () => {
    const run = node('scripts/start.mjs')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('无法启动桌面版')
    expect(run.stderr).toContain('desktop shell cannot run')
    expect(run.stderr).toContain('npm run start:web')
  })
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
