import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { IPC_CHANNEL, METHOD_NAMES } from '../../src/shared/api/methodNames'

// Only these two Electron objects exist for the preload: touching anything else would throw.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })) },
}))
vi.mock('electron', () => electron)

await import('../../src/preload/index')

function exposed(): Record<string, (input?: unknown) => Promise<unknown>> {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (input?: unknown) => Promise<unknown>>]
  expect(key).toBe('api')
  return api
}

describe('preload', () => {
  it('exposes exactly one function per contract method, as window.api, frozen', () => {
    const api = exposed()
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) expect(typeof api[name]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('each function only invokes the one channel with its method name and input', async () => {
    const api = exposed()
    for (const name of METHOD_NAMES) {
      electron.ipcRenderer.invoke.mockClear()
      const input = { probe: name }
      await api[name]?.(input)
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNEL, name, input)
    }
  })

  it('returns what main answered', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await exposed()['users.list']?.({})).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('imports nothing but electron and the method names (no zod, no contract)', () => {
    const source = readFileSync(new URL('../../src/preload/index.ts', import.meta.url), 'utf8')
    const imports = [...source.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1])
    expect(imports.sort()).toEqual(['@shared/api/methodNames', 'electron'])
  })
})
