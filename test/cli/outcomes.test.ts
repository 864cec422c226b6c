import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BonusTable, FollowUpView, GenerateResult } from '../../src/shared/outcomes'
import { as, kaohe } from '../support/cli'

/** `kaohe bonus show|set|export` and `kaohe followup generate|list|done` on the demo unit's final 2025 round. */
let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-outcomes-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (args: string[], user = 'hr') => kaohe(['--db', db, ...args], as(user))

describe('kaohe bonus', () => {
  it('sets the base and budget in yuan and shows the table exact to the fen', () => {
    const set = run(['bonus', 'set', '--year', '2025', '--base', '12345.67', '--budget', '300000', '--json'])
    expect(set.code, set.err).toBe(0)
    const t = JSON.parse(set.out) as BonusTable
    expect(t.baseFen).toBe(1_234_567)
    expect(t.budgetFen).toBe(30_000_000)
    expect(t.rows.find((r) => r.grade === '优秀')?.amountFen).toBe(1_481_480)
    const shown = run(['bonus', 'show', '--year', '2025'])
    expect(shown.code, shown.err).toBe(0)
    expect(shown.out).toContain('14814.80')
    expect(shown.out).toMatch(/合计 \/ total：\d+\.\d{2} 元/)
    expect(shown.out).toMatch(/结余|超出预算/)
  })

  it('refuses a bad amount (usage, exit 2) and staff (exit 3)', () => {
    const bad = run(['bonus', 'set', '--year', '2025', '--base', '12.345', '--budget', '1'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--base')
    const staff = run(['bonus', 'show', '--year', '2025'], 'staff')
    expect(staff.code).toBe(3)
  })

  it('exports an Excel file (0600) and never overwrites one', async () => {
    const out = join(dir, 'bonus.xlsx')
    const r = run(['bonus', 'export', '--year', '2025', '--out', out, '--json'])
    expect(r.code, r.err).toBe(0)
    const info = JSON.parse(r.out) as { file: string; rows: number; totalFen: number }
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]!
    const total = ws.getRows(3 + info.rows, 1)![0]!
    expect(total.getCell(7).value).toBe('合计')
    expect(Math.round((total.getCell(8).value as number) * 100)).toBe(info.totalFen)
    writeFileSync(join(dir, 'taken.xlsx'), 'x')
    const again = run(['bonus', 'export', '--year', '2025', '--out', join(dir, 'taken.xlsx')])
    expect(again.code).not.toBe(0)
    expect(again.err).toMatch(/已存在|exists/)
  })
})

describe('kaohe followup', () => {
  it('generates once, lists with filters and marks one done with a note', () => {
    const g = run(['followup', 'generate', '--year', '2025', '--json'])
    expect(g.code, g.err).toBe(0)
    const second = JSON.parse(run(['followup', 'generate', '--year', '2025', '--json']).out) as GenerateResult
    expect(second.created).toBe(0)
    const list = JSON.parse(run(['followup', 'list', '--year', '2025', '--json']).out) as FollowUpView[]
    expect(list.length).toBeGreaterThan(0)
    const talks = JSON.parse(run(['followup', 'list', '--year', '2025', '--kind', '诫勉谈话', '--json']).out) as FollowUpView[]
    expect(talks.length).toBeGreaterThan(0)
    expect(talks.every((f) => f.kind === 'admonitionTalk')).toBe(true)
    const text = run(['followup', 'list', '--year', '2025'])
    expect(text.out).toContain('诫勉谈话')
    expect(run(['followup', 'list', '--kind', 'nonsense']).code).toBe(2)
    const overdue = JSON.parse(run(['followup', 'list', '--overdue', '--json']).out) as FollowUpView[]
    for (const f of overdue) expect(f.status).toBe('overdue')

    const open = talks.find((f) => f.status !== 'done')!
    // HR does not own the head's talk: refused, exit 3.
    expect(run(['followup', 'done', String(open.id), '--note', '代登记']).code).toBe(3)
    const done = run(['followup', 'done', String(open.id), '--note', '已谈话', '--json'], 'head')
    expect(done.code, done.err).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ id: open.id, status: 'done', note: '已谈话' })
    const twice = run(['followup', 'done', String(open.id), '--note', '再次'], 'head')
    expect(twice.code).toBe(1)
    expect(twice.err).toContain('不能再次完成')
    expect(run(['followup', 'done', 'abc', '--note', 'x'], 'head').code).toBe(2)
  })
})
