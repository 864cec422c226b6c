import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** Issue 4 with the built `kaohe` command on the demo unit: attendance and survey imports, the ledger. */
const fixture = (path: string) => resolve('test/fixtures', path)

let dir: string
let db: string
beforeAll(() => {
  // Always rebuilt: the bundle must hold the commands under test.
  execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli4-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
  // The fixtures' people (00101…) join the demo unit.
  const roster = join(dir, 'roster.csv')
  writeFileSync(roster, '工号,姓名,科室,岗位类别\n00101,张明,办公室,综合管理\n00102,李娜,办公室,综合管理\n00103,王强,办公室,综合管理\n00201,赵刚,办公室,综合管理\n')
  const r = kaohe(['--db', db, 'import', 'roster', roster], as('hr'))
  expect(r.code, r.err).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe import attendance | survey', () => {
  it('refuses a file with bad rows (exit 4, every error listed, nothing written), dry-runs, imports, and re-imports nothing', () => {
    const bad = kaohe(['--db', db, '--json', 'import', 'attendance', fixture('attendance/attendance-bad.csv')], as('hr'))
    expect(bad.code).toBe(4)
    const report = JSON.parse(bad.out)
    expect(report.written).toBe(false)
    expect(report.errors.length).toBeGreaterThan(5)
    expect(report.errors[0]).toMatchObject({ row: 3, column: '日期', code: 'ATTENDANCE_BAD_DATE' })

    const machine = fixture('attendance/attendance-machine.xlsx')
    const dry = kaohe(['--db', db, '--json', 'import', 'attendance', machine, '--dry-run'], as('hr'))
    expect(dry.code, dry.err).toBe(0)
    expect(JSON.parse(dry.out)).toMatchObject({ rows: 6, added: 6, unchanged: 0, written: false })
    const done = kaohe(['--db', db, '--json', 'import', 'attendance', machine], as('hr'))
    expect(done.code, done.err).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ added: 6, written: true })
    const again = kaohe(['--db', db, 'import', 'attendance', machine], as('hr'))
    expect(again.code, again.err).toBe(0)
    expect(again.out).toContain('added 0, 已有 unchanged 6')

    // Staff may not import: exit 3, with the error contract on stdout under --json.
    const refused = kaohe(['--db', db, '--json', 'import', 'attendance', machine], as('staff'))
    expect(refused.code).toBe(3)
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(kaohe(['--db', db, 'import', 'attendance'], as('hr')).code).toBe(2)
  })

  it('imports survey results, flags a small sample, and refuses the same keyless file twice', () => {
    const hcp = kaohe(['--db', db, '--json', 'import', 'survey', fixture('survey/survey-haochaping.xlsx')], as('hr'))
    expect(hcp.code, hcp.err).toBe(0)
    const out = JSON.parse(hcp.out)
    expect(out).toMatchObject({ added: 12, written: true })
    expect(out.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'SURVEY_FEW_RESPONSES', column: '被评价人工号' })]))

    const gbk = fixture('survey/survey-gbk.csv')
    // 00201 has 4 responses: flagged; no 评价编号: warned.
    const first = kaohe(['--db', db, 'import', 'survey', gbk], as('hr'))
    expect(first.code, first.err).toBe(0)
    expect(first.out).toContain('SURVEY_NO_RESPONSE_ID')
    expect(first.out).toContain('样本不足')
    const second = kaohe(['--db', db, '--json', 'import', 'survey', gbk], as('hr'))
    expect(second.code).toBe(4)
    expect(JSON.parse(second.out)).toMatchObject({ added: 0, unchanged: 4, written: false, errors: [expect.objectContaining({ code: 'SURVEY_ALREADY_IMPORTED' })] })
  })
})

describe('kaohe template attendance | survey', () => {
  it.each([
    ['attendance', 'ATTENDANCE_EXAMPLE_ROW', ['工号', '姓名', '日期', '状态', '时长']],
    ['survey', 'SURVEY_EXAMPLE_ROW', ['工号', '姓名', '日期', '评价', '渠道', '评价人', '评价编号']],
  ] as const)('%s: writes the template and lists its columns; as it is it imports nothing, edited it imports', (kind, code, headers) => {
    const xlsx = join(dir, `${kind}-template.xlsx`)
    const written = kaohe(['--db', db, '--json', 'template', kind, '--out', xlsx], as('hr'))
    expect(written.code, written.err).toBe(0)
    expect(existsSync(xlsx)).toBe(true)
    const out = JSON.parse(written.out) as { file: string; columns: { header: string; required: boolean }[] }
    expect(out.columns.map((c) => c.header)).toEqual(headers)
    const text = kaohe(['--db', db, 'template', kind, '--out', xlsx, '--force'], as('hr'))
    expect(text.code, text.err).toBe(0)
    expect(text.out).toContain(`${headers[0]}（必填 required）`)
    // Not over an existing file without --force.
    expect(kaohe(['--db', db, 'template', kind, '--out', xlsx], as('hr')).code).not.toBe(0)

    const asIs = kaohe(['--db', db, '--json', 'import', kind, xlsx, '--dry-run'], as('hr'))
    expect(asIs.code, asIs.err).toBe(0)
    const report = JSON.parse(asIs.out)
    expect(report).toMatchObject({ rows: 2, added: 0, unchanged: 0, errors: [] })
    expect(report.warnings.filter((w: { code: string }) => w.code === code)).toHaveLength(2)

    const csv = join(dir, `${kind}-template.csv`)
    expect(kaohe(['--db', db, 'template', kind, '--format', 'csv', '--out', csv], as('hr')).code).toBe(0)
    const filled = join(dir, `${kind}-filled.csv`)
    writeFileSync(filled, readFileSync(csv, 'utf8').replaceAll('（示例）', ''))
    const edited = kaohe(['--db', db, '--json', 'import', kind, filled, '--dry-run'], as('hr'))
    expect(edited.code, edited.err).toBe(0)
    const e = JSON.parse(edited.out)
    expect(e).toMatchObject({ rows: 2, errors: [] })
    expect(e.added + e.unchanged).toBe(2)
    expect(e.warnings.map((w: { code: string }) => w.code)).not.toContain(code)
    // Staff may not: exit 3.
    expect(kaohe(['--db', db, 'template', kind, '--out', join(dir, 'x.xlsx')], as('staff')).code).toBe(3)
  })
})

describe('kaohe ledger add | list', () => {
  it('a supervisor adds for a direct report by staff number; others are refused; staff list their own', () => {
    const added = kaohe(['--db', db, '--json', 'ledger', 'add', '--person', '0402', '--date', '2026-03-05', '--kind', '工作记录', '--text', '完成辖区巡查'], as('kezhang'))
    expect(added.code, added.err).toBe(0)
    expect(JSON.parse(added.out)).toMatchObject({ staffNo: '0402', kind: 'workRecord', day: '2026-03-05', text: '完成辖区巡查' })

    // Not kezhang's report: refused (exit 3). An unknown kind is a usage error (exit 2).
    expect(kaohe(['--db', db, 'ledger', 'add', '--person', '0502', '--date', '2026-03-05', '--kind', 'workRecord', '--text', 'x'], as('kezhang')).code).toBe(3)
    expect(kaohe(['--db', db, 'ledger', 'add', '--person', '0402', '--date', '2026-03-05', '--kind', '闲聊', '--text', 'x'], as('kezhang')).code).toBe(2)
    expect(kaohe(['--db', db, 'ledger', 'add', '--person', '0402'], as('kezhang')).code).toBe(2)

    const mine = kaohe(['--db', db, '--json', 'ledger', 'list'], as('staff'))
    expect(mine.code, mine.err).toBe(0)
    const entries = JSON.parse(mine.out).entries as { staffNo: string; text: string }[]
    expect(entries.map((e) => e.text)).toContain('完成辖区巡查')
    expect(new Set(entries.map((e) => e.staffNo))).toEqual(new Set(['0402']))
    // Staff have no org.read: --person filters their own list instead of looking the number up.
    expect(kaohe(['--db', db, '--json', 'ledger', 'list', '--person', '0402'], as('staff')).code).toBe(0)

    const filtered = kaohe(['--db', db, 'ledger', 'list', '--person', '0402', '--kind', 'workRecord', '--from', '2026-03-01', '--to', '2026-03-31', '--text', '巡查'], as('kezhang'))
    expect(filtered.code, filtered.err).toBe(0)
    expect(filtered.out).toContain('完成辖区巡查')
    expect(kaohe(['--db', db, 'ledger', 'list', '--limit', '0'], as('kezhang')).code).toBe(2)
  })

  it('documents the commands in --help', () => {
    const help = kaohe(['--help'])
    for (const cmd of ['import attendance FILE', 'import survey FILE', 'template attendance', 'template survey', 'ledger add --person', 'ledger list']) expect(help.out).toContain(cmd)
  })
})
