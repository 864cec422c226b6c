import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

/**
 * The built `kaohe` command as a user runs it: a child process with none of this process's KAOHE_*
 * variables, so each test says exactly which database, account and password it uses.
 */
export const BIN = resolve('bin/kaohe.js')

export function kaohe(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAOHE_')))
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** Signed in as a demo account (every demo password is Kaohe@2026). */
export const as = (user: string): Record<string, string> => ({ KAOHE_USER: user, KAOHE_PASSWORD: 'Kaohe@2026' })
