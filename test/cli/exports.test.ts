// The built `kaohe` command against hostile use (issue 7, defects 4, 5, 12): the auditor's export
// aimed at the database, a 60-million-character cell, an internal error. Real child processes,
// real files, the demo unit.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Database } from './sqlite'
import { sheetXml, workbookParts, zip } from '../support/zip'

const BIN = resolve('bin/kaohe.js')

function kaohe(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAOHE_')))
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr }
}
const as = (user: string) => ({ KAOHE_USER: user, KAOHE_PASSWORD: 'Kaohe@2026' })
const mode = (f: string) => statSync(f).mode & 0o777

let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-exports-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe exports', () => {
  it('audit export onto the database is refused (exit 4) and the unit still opens; an existing file needs --force', () => {
    const before = readFileSync(db)
    const onDb = kaohe(['--db', db, 'audit', 'export', db], as('auditor'))
    expect(onDb.code).toBe(4)
    expect(onDb.err).toContain('EXPORT_TARGET_PROTECTED')
    expect(onDb.err).toContain(db)
    expect(onDb.err).toContain('不能导出到本单位自己的文件')
    expect(kaohe(['--db', db, 'audit', 'export', `${db}.keys`, '--force'], as('auditor')).code).toBe(4)
    expect(readFileSync(db).subarray(0, 4096).equals(before.subarray(0, 4096))).toBe(true)

    const out = join(dir, 'audit.jsonl')
    const first = kaohe(['--db', db, 'audit', 'export', out], as('auditor'))
    expect(first.code, first.err).toBe(0)
    expect(mode(out)).toBe(0o600)
    const again = kaohe(['--db', db, 'audit', 'export', out], as('auditor'))
    expect(again.code).toBe(4)
    expect(again.err).toContain('EXPORT_TARGET_EXISTS')
    expect(kaohe(['--db', db, 'audit', 'export', out, '--force'], as('auditor')).code).toBe(0)
    // Every sign-in still works: the database was never touched.
    expect(kaohe(['--db', db, 'audit', 'verify'], as('auditor')).code).toBe(0)
  })

  it('the roster template and the ledger export follow the same rule and are written 0600', () => {
    const keys = kaohe(['--db', db, 'template', 'roster', '--out', `${db}.keys`], as('hr'))
    expect(keys.code).toBe(4)
    expect(keys.err).toContain('EXPORT_TARGET_PROTECTED')
    const template = join(dir, '模板.xlsx')
    expect(kaohe(['--db', db, 'template', 'roster', '--out', template], as('hr')).code).toBe(0)
    expect(mode(template)).toBe(0o600)
    expect(kaohe(['--db', db, 'template', 'roster', '--out', template], as('hr')).code).toBe(4)

    const ledger = join(dir, '台账.xlsx')
    const r = kaohe(['--db', db, '--json', 'ledger', 'export', '--out', ledger], as('hr'))
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out).bytes).toBeGreaterThan(1000)
    expect(readFileSync(ledger).subarray(0, 2).toString('latin1')).toBe('PK')
    expect(mode(ledger)).toBe(0o600)
    expect(kaohe(['--db', db, 'ledger', 'export', '--out', db, '--force'], as('hr')).code).toBe(4)
  })
})

describe('kaohe and hostile input', () => {
  it('a roster .xlsx with one cell of 60 million characters is refused with the limit named; the process lives', () => {
    const huge = Buffer.alloc(60_000_000, 'A')
    const head = sheetXml([['工号', '姓名', '科室', '岗位类别'], ['00001', '张三', '办公室', '综合管理类']])
    const xml = Buffer.concat([head.subarray(0, -'</sheetData></worksheet>'.length), Buffer.from('<row r="3"><c r="B3" t="inlineStr"><is><t>'), huge, Buffer.from('</t></is></c></row></sheetData></worksheet>')])
    const file = join(dir, 'hostile.xlsx')
    writeFileSync(file, zip(workbookParts(xml)))
    const r = kaohe(['--db', db, '--json', 'import', 'roster', file, '--dry-run'], as('hr'))
    expect(r.signal).toBeNull()
    expect(r.code, r.err).toBe(4)
    const report = JSON.parse(r.out)
    expect(report.errors).toEqual([expect.objectContaining({ code: 'ROSTER_TOO_LARGE', message: expect.stringContaining('imports.maxCompressionRatio') })])
  })

  it('an internal error prints the sentence and a reference, never a stack or SQL; KAOHE_DEBUG=1 adds the details', () => {
    // An insider with a password breaks the schema behind the app's back.
    const key = Database.keyOf(db, 'hr', 'Kaohe@2026')
    Database.exec(db, key, 'DROP TABLE quarterly_summaries')
    const r = kaohe(['--db', db, 'quarterly', 'status', '--year', '2026', '--quarter', '1'], as('hr'))
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/错误 \/ error \[INTERNAL\]: 内部错误，操作未执行（编号 [0-9a-f]{8}）/)
    expect(r.err).not.toMatch(/\n\s+at /)
    expect(r.err).not.toContain('quarterly_summaries')
    expect(r.err).not.toContain('SqliteError')
    const debug = kaohe(['--db', db, 'quarterly', 'status', '--year', '2026', '--quarter', '1'], { ...as('hr'), KAOHE_DEBUG: '1' })
    expect(debug.code).toBe(1)
    expect(debug.err).toMatch(/\n\s+at /)
    expect(debug.err).toContain('quarterly_summaries')
  })
})
