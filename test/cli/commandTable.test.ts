import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ERROR_EXIT, ERROR_TEXT, type ErrorCode } from '../../src/shared/errors'
import { exitCodeFor, GLOBAL_OPTIONS } from '../../src/main/cli/command'
import { COMMANDS } from '../../src/main/cli/commands'
import { usageLine } from '../../src/main/cli/help'
import { main } from '../../src/main/cli/main'

/** The command tables are the CLI: the help, the options each command takes and the exit codes follow from them. */

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-table-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const name = (c: { path: readonly string[] }) => c.path.join(' ')

describe('kaohe command tables', () => {
  it('kaohe --help lists every command of every table with its usage line and both summaries', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    for (const c of COMMANDS) {
      expect(r.out, name(c)).toContain(`  ${usageLine(c)}\n`)
      expect(r.out, name(c)).toContain(c.summary.zh)
      expect(r.out, name(c)).toContain(c.summary.en)
    }
    // The commands other engineers and issues added are all there.
    for (const c of ['audit head', 'backup key', 'user reset-approve', 'ledger export', 'quarterly status', 'serve-web']) {
      expect(COMMANDS.map(name)).toContain(c)
    }
  })

  it('no two commands share their words, and an option name means the same type in every table', () => {
    const names = COMMANDS.map(name)
    expect(new Set(names).size).toBe(names.length)
    const types = new Map<string, string>(Object.entries(GLOBAL_OPTIONS).map(([n, s]) => [n, s.type]))
    for (const c of COMMANDS) {
      for (const [n, s] of Object.entries(c.options)) {
        expect(n in GLOBAL_OPTIONS, `${name(c)} redeclares the global --${n}`).toBe(false)
        expect(types.get(n) ?? s.type, `--${n} in ${name(c)}`).toBe(s.type)
        types.set(n, s.type)
      }
    }
  })

  it('kaohe help COMMAND and COMMAND --help print that command’s own options, not another’s', async () => {
    const help = await run(['help', 'audit', 'export'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('kaohe audit export FILE [--force]')
    expect(help.out).toContain('--force')
    expect(help.out).not.toContain('--dry-run')
    const flag = await run(['import', 'roster', '--help'])
    expect(flag.code).toBe(0)
    expect(flag.out).toContain('kaohe import roster FILE [--dry-run]')
    expect(flag.out).toContain('只检查，不写入 / check only, write nothing')
    expect(flag.out).not.toContain('--force')
    for (const c of COMMANDS) {
      const page = await run(['help', ...c.path])
      expect(page.code, name(c)).toBe(0)
      for (const o of Object.keys(c.options)) expect(page.out, name(c)).toContain(`--${o}`)
    }
  })

  it('an option of another command is refused with exit 2 and a clear message, before the unit is opened', async () => {
    const db = join(dir, 'never-opened.kaohe')
    const r = await run(['--db', db, 'audit', 'verify', '--dry-run'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('kaohe audit verify 不接受选项 --dry-run / kaohe audit verify takes no option --dry-run')
    expect(r.err).toContain('用法 / usage: kaohe audit verify [--checkpoint SEQ:HASH]')
    const year = await run(['--db', db, 'backup', 'create', join(dir, 'b'), '--year', '2026'])
    expect(year.code).toBe(2)
    expect(year.err).toContain('kaohe backup create 不接受选项 --year')
    const made = await run(['--db', db, 'frob-option-x', '--no-such-thing'])
    expect(made.code).toBe(2)
    expect(made.err).toContain('未知选项 / unknown option: --no-such-thing')
    expect(existsSync(db)).toBe(false)
  })

  it('missing arguments and required options, extra arguments and a bare group are usage errors (exit 2)', async () => {
    const db = join(dir, 'never-opened.kaohe')
    expect((await run(['--db', db, 'audit', 'export'])).err).toContain('kaohe audit export 需要 FILE')
    const q = await run(['--db', db, 'quarterly', 'status', '--year', '2026'])
    expect(q.code).toBe(2)
    expect(q.err).toContain('kaohe quarterly status 需要 --quarter')
    const extra = await run(['--db', db, 'user', 'list', 'everyone'])
    expect(extra.code).toBe(2)
    expect(extra.err).toContain('多余的参数 / unexpected argument: everyone')
    const group = await run(['backup'])
    expect(group.code).toBe(2)
    expect(group.err).toContain('backup create FOLDER')
    expect(group.err).toContain('backup key')
    expect(existsSync(db)).toBe(false)
  })

  it('every error code carries its exit class, and the class gives the documented exit code', () => {
    expect(Object.keys(ERROR_EXIT).sort()).toEqual(Object.keys(ERROR_TEXT).sort())
    const code = (c: ErrorCode) => exitCodeFor({ code: c })
    expect(code('AUTH_FAILED')).toBe(3)
    expect(code('FORBIDDEN')).toBe(3)
    expect(code('ACCOUNT_LOCKED')).toBe(3)
    expect(code('WEAK_PASSWORD')).toBe(4)
    expect(code('EXPORT_TARGET_EXISTS')).toBe(4)
    expect(code('INTERNAL')).toBe(1)
    expect(new Set(Object.keys(ERROR_TEXT).map((c) => code(c as ErrorCode)))).toEqual(new Set([1, 3, 4]))
  })
})
