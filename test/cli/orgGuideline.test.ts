import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** Issue 3 with the built `kaohe` command, on the demo unit, as README.md tells a newcomer. */

let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  // One demo unit for the whole file: the steps build on each other like a newcomer's session.
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli3-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe: roster, calendar, policy, guideline', () => {
  it('template roster → import roster with --dry-run, a bad row (exit 4, nothing written), then the real import', () => {
    const template = join(dir, 'roster.csv')
    expect(kaohe(['--db', db, 'template', 'roster', '--format', 'csv', '--out', template], as('hr')).code).toBe(0)
    // The template's two people are marked as examples: imported as they are, they are skipped.
    const asIs = kaohe(['--db', db, '--json', 'import', 'roster', template, '--dry-run'], as('hr'))
    expect(asIs.code, asIs.err).toBe(0)
    expect(JSON.parse(asIs.out)).toMatchObject({ created: 0, errors: [], written: false })
    expect(JSON.parse(asIs.out).warnings.map((w: { code: string }) => w.code)).toEqual(['ROSTER_EXAMPLE_ROW', 'ROSTER_EXAMPLE_ROW'])

    // HR fills the template in: here, the example people become real ones.
    const filled = join(dir, 'filled.csv')
    writeFileSync(filled, readFileSync(template, 'utf8').replaceAll('（示例）', ''))
    const dry = kaohe(['--db', db, '--json', 'import', 'roster', filled, '--dry-run'], as('hr'))
    expect(dry.code, dry.err).toBe(0)
    expect(JSON.parse(dry.out)).toMatchObject({ created: 2, errors: [], written: false })

    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, readFileSync(filled, 'utf8').replace('2012-07-01', '2012-13-45'))
    const refused = kaohe(['--db', db, '--json', 'import', 'roster', bad], as('hr'))
    expect(refused.code).toBe(4)
    const report = JSON.parse(refused.out)
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, column: '入职日期', code: 'ROSTER_BAD_DATE' })])
    expect(report.written).toBe(false)

    const done = kaohe(['--db', db, '--json', 'import', 'roster', filled], as('hr'))
    expect(done.code, done.err).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ created: 2, written: true })
    expect(done.err).toMatch(/… \d+\/\d+/) // progress went to stderr
    const again = kaohe(['--db', db, '--json', 'import', 'roster', filled], as('hr'))
    expect(JSON.parse(again.out)).toMatchObject({ created: 0, unchanged: 2 })
  })

  it('calendar add counts working days across 国庆 and warns for a year without a table', () => {
    const r = kaohe(['--db', db, '--json', 'calendar', 'add', '--from', '2025-09-26', '--working-days', '10'], as('staff'))
    expect(r.code, r.err).toBe(0)
    // 9-28 (Sun) and 10-11 (Sat) are make-up working days, 10-1…10-8 are off: 9-28, 29, 30, 10-9, 10, 11, 13, 14, 15, 16.
    expect(JSON.parse(r.out)).toMatchObject({ date: '2025-10-16', warnings: [] })
    const y2027 = kaohe(['--db', db, 'calendar', 'add', '--from', '2027-01-04', '--working-days', '5'], as('staff'))
    expect(y2027.out).toMatch(/2027-01-11/)
    expect(y2027.out).toContain('尚未载入 2027 年的节假日安排')
  })

  it('guideline: validate a file, draft, publish (head only), and see the publicity end date', () => {
    const shown = kaohe(['--db', db, 'guideline', 'show', '--year', '2026'], as('staff'))
    // Published on Monday 2026-01-05: day 1 is the 6th, the fifth working day the 12th.
    expect(shown.out).toContain('公示期 publicity: 2026-01-06 – 2026-01-12（5个工作日 working days）')
    const draft = kaohe(['--db', db, '--json', 'guideline', 'draft', '--year', '2027'], as('hr'))
    expect(draft.code, draft.err).toBe(0)
    const g = JSON.parse(draft.out).draft.guideline
    g.categories.general.dimensions.ji.weight = 30
    const file = join(dir, 'g2027.json')
    writeFileSync(file, JSON.stringify(g))
    const invalid = kaohe(['--db', db, 'guideline', 'validate', file], as('hr'))
    expect(invalid.code).toBe(4)
    expect(invalid.out).toContain('[P2]')
    expect(invalid.out).toContain('[P10]')
    expect(kaohe(['--db', db, 'guideline', 'publish', '--year', '2027'], as('hr')).code).toBe(3)
    const published = kaohe(['--db', db, 'guideline', 'publish', '--year', '2027'], as('head'))
    expect(published.code, published.err).toBe(0)
    expect(published.out).toMatch(/公示期 publicity: \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/)
  })

  it('policy: show, import for the head’s approval, approve', () => {
    const shown = kaohe(['--db', db, '--json', 'policy', 'show', '--year', '2026'], as('hr'))
    const policy = JSON.parse(shown.out)
    expect(policy.constraints.P1_leadershipChannelMin).toBe(50)
    const file = join(dir, 'policy.json')
    writeFileSync(file, JSON.stringify({ version: '市局2026-2号', security: policy.security, constraints: { ...policy.constraints, P7_publicityWorkingDaysMin: 7 } }))
    const imported = kaohe(['--db', db, '--json', 'policy', 'import', file, '--year', '2026'], as('hr'))
    expect(imported.code, imported.err).toBe(0)
    const id = JSON.parse(imported.out).id
    expect(kaohe(['--db', db, 'policy', 'approve', String(id)], as('hr')).code).toBe(3)
    expect(kaohe(['--db', db, 'policy', 'approve', String(id)], as('head')).code).toBe(0)
    expect(JSON.parse(kaohe(['--db', db, '--json', 'policy', 'show', '--year', '2026'], as('leader')).out).constraints.P7_publicityWorkingDaysMin).toBe(7)
  })
})
