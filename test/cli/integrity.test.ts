import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** Brief C with the built `kaohe` command on the demo unit: the meeting's score sheet, reviews, sanctions, leads. */

let dir: string
let db: string
beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-c-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const HEADER = '工号,评分人,政治立场,职业道德,政策解读与文稿,创新攻坚,担当作为,特色贡献\n'

describe('kaohe import leadership-scores', () => {
  it('refuses bad rows (exit 4, each at its row and column), dry-runs, then imports', () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, HEADER + '0402,0001,90,88,85,80,86,75\n0402,0402,90,88,85,80,86,75\n0401,0001,190,88,85,80,86,75\n')
    const r = kaohe(['--db', db, '--json', 'import', 'leadership-scores', bad, '--year', '2026'], as('hr'))
    expect(r.code, r.err).toBe(4)
    const report = JSON.parse(r.out)
    expect(report.written).toBe(false)
    expect(report.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, '评分人', 'SCORES_NOT_MEMBER'],
      [4, '政治立场', 'SCORES_BAD_SCORE'],
    ])
    expect(report.errors[1].message).toContain(' / ')

    const good = join(dir, 'good.csv')
    writeFileSync(good, HEADER + '0402,0001,90,88,85,80,86,75\n0401,0002,85,88,85,80,86,75\n')
    const dry = kaohe(['--db', db, '--json', 'import', 'leadership-scores', good, '--year', '2026', '--dry-run'], as('hr'))
    expect(dry.code, dry.err).toBe(0)
    expect(JSON.parse(dry.out)).toMatchObject({ rows: 2, sheets: 2, errors: [], written: false })
    const done = kaohe(['--db', db, '--json', 'import', 'leadership-scores', good, '--year', '2026'], as('hr'))
    expect(done.code, done.err).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ sheets: 2, written: true })
    expect(kaohe(['--db', db, 'import', 'leadership-scores', good], as('hr')).code).toBe(2)
    expect(kaohe(['--db', db, 'import', 'leadership-scores', good, '--year', '2026'], as('staff')).code).toBe(3)
  })
})

describe('kaohe review | sanction | lead', () => {
  it('records and lists reviews and sanctions for the discipline office only, and takes a lead to its conclusion', () => {
    const rec = kaohe(['--db', db, '--json', 'review', 'record', '--year', '2026', '--staff-no', '0402', '--status', 'completed', '--finding', 'minor', '--minor-count', '1', '--details', '未按规定着装'], as('jijian'))
    expect(rec.code, rec.err).toBe(0)
    expect(JSON.parse(rec.out)).toMatchObject({ staffNo: '0402', status: 'completed', finding: 'minor', minorCount: 1, details: '未按规定着装' })
    const bad = kaohe(['--db', db, 'review', 'record', '--year', '2026', '--staff-no', '0402', '--status', 'completed'], as('jijian'))
    expect(bad.code).toBe(4)
    expect(kaohe(['--db', db, 'review', 'record', '--year', '2026', '--staff-no', '0402', '--status', 'done'], as('jijian')).code).toBe(2)
    const list = kaohe(['--db', db, '--json', 'review', 'list', '--year', '2026'], as('jijian'))
    expect(list.code, list.err).toBe(0)
    const rows = JSON.parse(list.out).rows as { staffNo: string; riskPost: boolean; details?: string }[]
    expect(rows[0]!.riskPost).toBe(true)
    expect(rows.find((r) => r.staffNo === '0402')?.details).toBe('未按规定着装')
    expect(kaohe(['--db', db, 'review', 'list', '--year', '2026'], as('hr')).code).toBe(3)

    const s = kaohe(['--db', db, '--json', 'sanction', 'add', '--staff-no', '0402', '--name', '诫勉', '--decided-on', '2026-05-01', '--document-no', '纪字〔2026〕1号'], as('jijian'))
    expect(s.code, s.err).toBe(0)
    expect(JSON.parse(s.out)).toMatchObject({ sanction: '诫勉', effect: 'notExcellent', documentNo: '纪字〔2026〕1号' })
    expect(kaohe(['--db', db, 'sanction', 'add', '--staff-no', '0402', '--name', '罚站', '--decided-on', '2026-05-01'], as('jijian')).code).toBe(4)
    const sl = kaohe(['--db', db, '--json', 'sanction', 'list', '--year', '2026'], as('jijian'))
    expect(JSON.parse(sl.out).sanctions).toHaveLength(1)

    const lodged = kaohe(['--db', db, '--json', 'lead', 'lodge', '--text', '反映某队员收受礼品', '--anonymous'], as('staff'))
    expect(lodged.code, lodged.err).toBe(0)
    const id = JSON.parse(lodged.out).id as number
    expect(kaohe(['--db', db, 'lead', 'list'], as('staff')).code).toBe(3)
    const leads = kaohe(['--db', db, '--json', 'lead', 'list', '--status', 'received'], as('jijian'))
    expect(JSON.parse(leads.out)).toEqual([expect.objectContaining({ id, reporter: null, text: '反映某队员收受礼品', status: 'received' })])
    const concluded = kaohe(['--db', db, '--json', 'lead', 'conclude', '--id', String(id), '--conclusion', '经核查不属实'], as('jijian'))
    expect(concluded.code, concluded.err).toBe(0)
    expect(JSON.parse(concluded.out)).toMatchObject({ status: 'concluded', conclusion: '经核查不属实' })
    expect(kaohe(['--db', db, 'lead', 'conclude', '--id', String(id), '--conclusion', '再次'], as('jijian')).code).toBe(4)
  })
})
