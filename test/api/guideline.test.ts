import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AnnualGuideline } from '../../src/shared/guideline/model'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { FAST_POLICY, readyUnit } from '../support/tempUnit'

const file = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const fixture = (name: string) => file(name, readFileSync(new URL(`../fixtures/calendar/${name}`, import.meta.url), 'utf8'))
/** A fictional but complete 2027 table; 2027-01-04 is an invented day off, so periods counted on the estimate move. */
const TABLE_2027 = fixture('2027-fictional.json')

/** A clock fixed at a moment (local time) so publicity dates are known. */
function at(iso: string) {
  let now = new Date(iso)
  return { clock: () => now, set: (next: string) => (now = new Date(next)) }
}

describe('the annual guideline', () => {
  it('HR drafts from the defaults; a P2 breach blocks publishing; fixed, the head publishes and publicity runs 5 working days', async () => {
    // Monday 2026-09-28; 国庆 and 中秋 2026 fall in the publicity period.
    const t = at('2026-09-28T10:00:00')
    const u = await readyUnit({ clock: t.clock })
    await u.as('hr1')
    const first = await u.ok('guideline.saveDraft', { year: 2026 })
    expect(first.draft?.violations).toEqual([])
    expect(first.current).toBeNull()
    const g = structuredClone(first.draft!.guideline) as AnnualGuideline
    g.categories.general.dimensions.ji.weight = 35
    g.categories.general.dimensions.neng.weight = 25
    const invalid = await u.ok('guideline.saveDraft', { year: 2026, guideline: g })
    expect(invalid.draft?.violations).toEqual([
      expect.objectContaining({ id: 'P2', path: 'categories.general.dimensions.ji.weight', value: 35, bound: 40, op: '>=' }),
    ])
    // Staff see no draft; the head cannot publish a draft that breaks the policy.
    await u.as('staff1')
    expect((await u.ok('guideline.get', { year: 2026 })).draft).toBeNull()
    await u.as('head1')
    expect(await u.err('guideline.publish', { year: 2026 })).toMatchObject({ code: 'GUIDELINE_INVALID', params: { count: 1 } })
    await u.as('hr1')
    g.categories.general.dimensions.ji.weight = 40
    g.categories.general.dimensions.neng.weight = 20
    expect((await u.ok('guideline.saveDraft', { year: 2026, guideline: g })).draft?.violations).toEqual([])
    await u.as('head1')
    const published = await u.ok('guideline.publish', { year: 2026 })
    // 5 working days after Mon 9-28: 9-29, 9-30, then 10-1…10-7 are holidays (国庆), 10-8, 10-9 (Fri), 10-10 is a make-up Saturday.
    expect(published.current).toMatchObject({ version: 1, state: 'publicity', publicityStart: '2026-09-28', publicityEnd: expect.any(String) })
    const end = published.current!.publicityEnd!
    const deadline = await u.ok('calendar.addWorkingDays', { from: '2026-09-28', days: 5 })
    expect(end).toBe(deadline.date)
    expect(end > '2026-10-07').toBe(true)
    expect(published.current!.effectiveOn! > end).toBe(true)
    expect(published.draft).toBeNull()

    // After the publicity period the version is in force; everyone can read it.
    t.set(`${published.current!.effectiveOn}T09:00:00`)
    await u.as('staff1')
    const later = await u.ok('guideline.get', { year: 2026 })
    expect(later.current).toMatchObject({ version: 1, state: 'inForce' })
    expect(later.current!.guideline.categories.general.dimensions.ji.weight).toBe(40)
  })

  it('a mid-year revision needs a reason, makes version 2, and keeps version 1 readable', async () => {
    const t = at('2026-03-02T10:00:00')
    const u = await readyUnit({ clock: t.clock })
    await u.as('hr1')
    await u.ok('guideline.saveDraft', { year: 2026 })
    await u.as('head1')
    await u.ok('guideline.publish', { year: 2026 })
    t.set('2026-06-01T10:00:00')
    await u.as('hr1')
    expect((await u.err('guideline.startRevision', { year: 2026, reason: '' })).code).toBe('INVALID_INPUT')
    const rev = await u.ok('guideline.startRevision', { year: 2026, reason: '上级部署新增营商环境专项任务' })
    expect(rev.draft?.reason).toBe('上级部署新增营商环境专项任务')
    expect((await u.err('guideline.startRevision', { year: 2026, reason: '再来一次' })).code).toBe('GUIDELINE_DRAFT_EXISTS')
    const g = structuredClone(rev.draft!.guideline)
    g.channels.leadership.weight = 60
    g.channels.democratic.weight = 20
    await u.ok('guideline.saveDraft', { year: 2026, guideline: g })
    await u.as('head1')
    const v2 = await u.ok('guideline.publish', { year: 2026 })
    expect(v2.versions.map((v) => [v.version, v.state, v.reason])).toEqual([
      [2, 'publicity', '上级部署新增营商环境专项任务'],
      [1, 'inForce', null],
    ])
    t.set('2026-07-01T10:00:00')
    await u.as('staff1') // a month later: the old session has locked itself
    const after = await u.ok('guideline.get', { year: 2026 })
    expect(after.versions.map((v) => v.state)).toEqual(['inForce', 'superseded'])
    expect((await u.ok('guideline.version', { year: 2026, version: 1 })).guideline.channels.leadership.weight).toBe(50)
  })

  it('validates live, returning every violation at once', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const g = structuredClone((await u.ok('guideline.saveDraft', { year: 2026 })).draft!.guideline)
    g.channels.leadership.weight = 40 // P1 and P10 (channels no longer sum to 100)
    g.channels.quarterly.peerWeight = 30 // P4
    const found = await u.ok('guideline.validate', { guideline: g })
    expect(found.map((v) => v.id).sort()).toEqual(['P1', 'P10', 'P4'])
  })

  it('a saved draft with an unknown field shows that error and every breach beside it, and cannot be published', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const g = structuredClone((await u.ok('guideline.saveDraft', { year: 2026 })).draft!.guideline) as AnnualGuideline & { channels: { quarterly: { peerWieght?: number } } }
    g.channels.quarterly.peerWieght = 10
    g.channels.leadership.weight = 40
    g.channels.quarterly.peerWeight = 30
    const expected = [
      expect.objectContaining({ id: 'SCHEMA', path: 'channels.quarterly.peerWieght' }),
      expect.objectContaining({ id: 'P1', value: 40, bound: 50 }),
      expect.objectContaining({ id: 'P4', value: 30, bound: 20 }),
      expect.objectContaining({ id: 'P10', path: 'channels' }),
    ]
    expect(await u.ok('guideline.validate', { guideline: g })).toEqual(expected)
    expect((await u.ok('guideline.saveDraft', { year: 2026, guideline: g })).draft?.violations).toEqual(expected)
    await u.as('head1')
    expect(await u.err('guideline.publish', { year: 2026 })).toMatchObject({ code: 'GUIDELINE_INVALID', params: { count: 4 } })
  })
})

describe('the policy in force', () => {
  it('an import waits for the head; approved, it is the year’s policy and guideline checks use it', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const stricter = { ...DEFAULT_POLICY, version: '市局2026-1号', constraints: { ...DEFAULT_POLICY.constraints, P2_achievementWeightMinGeneral: 45 } }
    const pending = await u.ok('policy.import', { year: 2026, file: file('policy.json', JSON.stringify(stricter)) })
    expect(pending.changes).toEqual([{ key: 'constraints.P2_achievementWeightMinGeneral', from: 40, to: 45 }])
    expect((await u.err('policy.import', { year: 2026, file: file('policy.json', JSON.stringify(stricter)) })).code).toBe('POLICY_PENDING_EXISTS')
    expect((await u.ok('policy.get', { year: 2026 })).constraints.P2_achievementWeightMinGeneral).toBe(40)
    await u.as('head1')
    const view = await u.ok('policy.decide', { id: pending.id, approve: true })
    expect(view).toMatchObject({ version: '市局2026-1号', source: 'import', approvedBy: 'head1', pending: null })
    await u.as('hr1')
    const draft = await u.ok('guideline.saveDraft', { year: 2026 })
    expect(draft.draft?.violations).toEqual([expect.objectContaining({ id: 'P2', value: 40, bound: 45 })])
    // Another year still has the defaults.
    expect((await u.ok('policy.get', { year: 2027 })).source).toBe('default')
  })

  it('an approved policy’s security rules apply: a stricter password rule and a shorter lockout', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const security = { ...FAST_POLICY.security, scryptLog2N: 17, passwordMinLength: 12, maxFailedLogins: 3 }
    const file = { ...DEFAULT_POLICY, version: '市局2026-安全', security }
    const pending = await u.ok('policy.import', { year: new Date().getFullYear(), file: { fileName: 'p.json', contentBase64: Buffer.from(JSON.stringify(file)).toString('base64') } })
    await u.as('head1')
    await u.ok('policy.decide', { id: pending.id, approve: true })
    await u.as('sysadmin')
    const weak = await u.err('users.add', { username: 'newbie', displayName: '新人', password: 'Short-Pass1' })
    expect(weak).toMatchObject({ code: 'WEAK_PASSWORD', params: { minLength: 12 } })
    await u.ok('users.add', { username: 'newbie', displayName: '新人', password: 'Long-Enough-Pass1' })
    const tries = []
    for (let i = 0; i < 3; i++) tries.push((await u.err('auth.login', { username: 'staff1', password: 'Wrong-Pass-1' })).code)
    expect(tries).toEqual(['AUTH_FAILED', 'AUTH_FAILED', 'ACCOUNT_LOCKED'])
  })

  it('refuses a malformed policy file, naming the field, and a refused import changes nothing', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const bad = { ...DEFAULT_POLICY, constraints: { ...DEFAULT_POLICY.constraints, P1_leadershipChannelMin: 'fifty' } }
    const err = await u.err('policy.import', { year: 2026, file: file('bad.json', JSON.stringify(bad)) })
    expect(err.code).toBe('POLICY_IMPORT_INVALID')
    expect(String(err.params?.reason)).toContain('constraints.P1_leadershipChannelMin')
    expect((await u.err('policy.import', { year: 2026, file: file('x.json', '{oops') })).code).toBe('POLICY_IMPORT_INVALID')
    const pending = await u.ok('policy.import', { year: 2026, file: file('p.json', JSON.stringify({ ...DEFAULT_POLICY, version: 'v2' })) })
    await u.as('head1')
    const view = await u.ok('policy.decide', { id: pending.id, approve: false, reason: '与上级文件不一致' })
    expect(view).toMatchObject({ source: 'default', pending: null })
    expect(view.history[0]).toMatchObject({ status: 'refused', reason: '与上级文件不一致' })
  })
})

describe('the working-day calendar through the API', () => {
  it('warns for a year without a table until its table is imported', async () => {
    const u = await readyUnit()
    await u.as('staff1')
    const before = await u.ok('calendar.addWorkingDays', { from: '2027-04-26', days: 10 })
    expect(before.warnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 })])
    const y = await u.ok('calendar.year', { year: 2027 })
    expect(y).toMatchObject({ loaded: false, origin: 'estimated' })
    expect(y.days.find((d) => d.date === '2027-10-01')).toMatchObject({ kind: 'holiday', working: false })
    await u.as('hr1')
    expect(await u.ok('calendar.import', TABLE_2027)).toMatchObject({ year: 2027, origin: 'imported', makeupWorkdays: 2 })
    const after = await u.ok('calendar.addWorkingDays', { from: '2027-04-26', days: 10 })
    expect(after.warnings).toEqual([])
    const bad = await u.err('calendar.import', file('2028.json', JSON.stringify({ year: 2028, source: 'x', holidays: [{ date: '2028-02-30', name: '春节' }], workdays: [] })))
    expect(bad.code).toBe('CALENDAR_IMPORT_INVALID')
    expect((await u.ok('calendar.years')).map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
  })
})

describe('a holiday table is checked against the law before it is imported', () => {
  it('a 2027 table without 国庆 is refused, naming the missing days; nothing is stored and the refusal is audited', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const err = await u.err('calendar.import', fixture('2027-without-guoqing.json'))
    expect(err).toMatchObject({ code: 'CALENDAR_STATUTORY_MISSING', params: { year: 2027, days: '国庆节（2027-10-01、2027-10-02、2027-10-03）', law: '2024 年修订' } })
    expect(String(err.params?.daysEn)).toContain('National Day')
    expect((await u.ok('calendar.year', { year: 2027 })).origin).toBe('estimated')
    await u.as('auditor')
    expect((await u.ok('audit.list', { action: 'calendar.import', outcome: 'failed', limit: 1 })).entries[0]).toMatchObject({ detail: { error: 'CALENDAR_STATUTORY_MISSING' } })
  })
})

describe('publicity dates counted on an estimate', () => {
  it('keep their warning after publishing, and are counted again in the import of the year’s table, audited', async () => {
    // Monday 28 December 2026: the five days run into 2027, which has no table yet.
    const t = at('2026-12-28T10:00:00')
    const u = await readyUnit({ clock: t.clock })
    await u.as('hr1')
    await u.ok('guideline.saveDraft', { year: 2027 })
    await u.as('head1')
    const published = await u.ok('guideline.publish', { year: 2027 })
    expect(published.current).toMatchObject({ publicityStart: '2026-12-28', publicityFrom: '2026-12-29', publicityEnd: '2027-01-05', effectiveOn: '2027-01-06', publicityWorkingDays: 5 })
    expect(published.calendarWarnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 })])

    // Shown later, by anyone: the date still carries its warning.
    t.set('2026-12-30T10:00:00')
    await u.as('staff1')
    const shown = await u.ok('guideline.get', { year: 2027 })
    expect(shown.current?.publicityWarnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 })])
    expect(shown.calendarWarnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 })])
    expect((await u.ok('guideline.version', { year: 2027, version: 1 })).publicityWarnings).toHaveLength(1)

    // The table arrives while the publicity runs: the end moves to the 5th working day on it.
    await u.as('hr1')
    await u.ok('calendar.import', TABLE_2027)
    const after = await u.ok('guideline.get', { year: 2027 })
    expect(after.current).toMatchObject({ publicityFrom: '2026-12-29', publicityEnd: '2027-01-06', effectiveOn: '2027-01-07', publicityWarnings: [] })
    expect(after.calendarWarnings).toEqual([])
    await u.as('auditor')
    const entry = (await u.ok('audit.list', { action: 'calendar.import', outcome: 'ok', limit: 1 })).entries[0]
    expect(entry?.detail).toMatchObject({
      publicityRecomputed: [{ kind: 'guideline', id: '2027v1', end: '2027-01-05', newEnd: '2027-01-06', newEffectiveOn: '2027-01-07' }],
      publicityToConfirm: [],
    })
  })

  it('a period already over when the table arrives keeps its dates and is flagged for confirmation', async () => {
    const t = at('2026-12-28T10:00:00')
    const u = await readyUnit({ clock: t.clock })
    await u.as('hr1')
    await u.ok('guideline.saveDraft', { year: 2027 })
    await u.as('head1')
    await u.ok('guideline.publish', { year: 2027 })
    t.set('2027-01-08T10:00:00')
    await u.as('hr1')
    await u.ok('calendar.import', TABLE_2027)
    const view = await u.ok('guideline.get', { year: 2027 })
    expect(view.current).toMatchObject({ state: 'inForce', publicityEnd: '2027-01-05', effectiveOn: '2027-01-06' })
    expect(view.current?.publicityWarnings).toEqual([expect.objectContaining({ code: 'PUBLICITY_END_CHANGED', year: 2027 })])
    expect(view.current?.publicityWarnings[0]?.zh).toContain('2027-01-06')
    await u.as('auditor')
    const entry = (await u.ok('audit.list', { action: 'calendar.import', outcome: 'ok', limit: 1 })).entries[0]
    expect(entry?.detail).toMatchObject({ publicityRecomputed: [], publicityToConfirm: [{ kind: 'guideline', id: '2027v1', end: '2027-01-05', newEnd: '2027-01-06' }] })
  })
})
