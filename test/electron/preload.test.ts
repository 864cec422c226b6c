import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { IPC_CHANNEL, METHOD_NAMES } from '../../src/shared/api/methodNames'
import { PICK_FOLDER_CHANNEL } from '../../src/shared/desktop'

// Only these two Electron objects exist for the preload: touching anything else would throw.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })) },
}))
vi.mock('electron', () => electron)

await import('../../src/preload/index')

function exposed(): Record<string, (input?: unknown) => Promise<unknown>> {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2)
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

  it('exposes window.kaoheDesktop with only pickFolder, invoking its own channel with no argument', async () => {
    const [key, desktop] = electron.contextBridge.exposeInMainWorld.mock.calls[1] as [string, Record<string, () => Promise<unknown>>]
    expect(key).toBe('kaoheDesktop')
    expect(Object.keys(desktop)).toEqual(['pickFolder'])
    expect(Object.isFrozen(desktop)).toBe(true)
    electron.ipcRenderer.invoke.mockClear()
    await desktop.pickFolder?.()
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(PICK_FOLDER_CHANNEL)
  })

  it('imports nothing but electron and the method names (no zod, no contract)', () => {
    const source = readFileSync(new URL('../../src/preload/index.ts', import.meta.url), 'utf8')
    const imports = [...source.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1])
    expect(imports.sort()).toEqual(['@shared/api/methodNames', '@shared/desktop', 'electron'])
  })
})
