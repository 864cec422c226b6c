import { beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { roundHalfUp2, parseFraction } from '../../src/main/core/metrics/exact'
import { quarterlyStatus, yearQuarterlyScores } from '../../src/main/core/quarterly/evaluation'
import { FAST_POLICY, client, tempDir, type TestClient } from '../support/tempUnit'

/**
 * The annual round on the demo unit, through the router as every screen and command uses it
 * (RULES.md §6 steps 5–7): HR proposes, the leadership group decides the boundary tie and makes one
 * reasoned change, the head confirms, HR publishes, and each person sees their grade — their own
 * scores and 计算明细 only once the publicity period is over. The clock is the test's, so the
 * period can end.
 */
const PASSWORD = 'Kaohe@2026'
let now = new Date('2026-12-02T09:00:00')
let c: TestClient
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
}

beforeAll(() => {
  const dir = tempDir()
  const app = createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now })
  c = client(app, dir)
  // The round is held in January of the following year.
  now = new Date('2027-01-18T09:00:00')
}, 120_000)

describe('the annual round through the API (demo unit, 2026)', () => {
  it('runs from the proposal to published grades, refusing every step out of order', { timeout: 120_000 }, async () => {
    await as('hr')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'annual.toPropose')).toMatchObject({ count: 1, route: 'annual' })
    // While the democratic round is open ballots may still come in: no proposal.
    expect((await c.ok('annual.round', { year: 2026 })).blockers.map((b) => b.code)).toEqual(['DEMOCRATIC_ROUND_OPEN'])
    expect((await c.err('annual.propose', { year: 2026 })).code).toBe('ANNUAL_BLOCKED')
    await c.ok('democratic.close', { year: 2026 })
    const open = await c.ok('annual.round', { year: 2026 })
    expect(open.stage).toBe('open')
    expect(open.blockers).toEqual([])
    expect(open.N).toBeGreaterThan(40)
    expect(open.K).toBe(Math.floor((15 * open.N) / 100))
    expect(open.boundaryTie).toHaveLength(2)
    expect(open.people.some((p) => p.vetoes.includes('V1'))).toBe(true)

    await as('head')
    expect((await c.err('annual.confirm', { year: 2026 })).code).toBe('ANNUAL_STAGE')
    await as('hr')
    expect((await c.err('annual.publish', { year: 2026 })).code).toBe('ANNUAL_STAGE')
    const proposed = await c.ok('annual.propose', { year: 2026 })
    expect(proposed.stage).toBe('proposed')
    expect(proposed.inputsSha256).toBe(open.inputsSha256)
    expect(proposed.excellentCount).toBe(proposed.K - 1)
    const [a, b] = proposed.boundaryTie!
    const byStaff = (v: typeof proposed, staffNo: string) => v.people.find((p) => p.staffNo === staffNo)!
    expect(byStaff(proposed, a!.staffNo).grade).toBe('TIE')

    const taskOf = async (kind: string) => (await c.ok('home.tasks')).find((t) => t.kind === kind)
    expect(await taskOf('annual.toPropose')).toBeUndefined()
    await as('leader')
    expect(await taskOf('annual.tieToDecide')).toMatchObject({ count: 2, route: 'annual' })

    // The head cannot confirm while the tie is open.
    await as('head')
    expect(await c.err('annual.confirm', { year: 2026 })).toMatchObject({ code: 'ANNUAL_TIE_UNDECIDED' })

    // The group decides the tie — every decision different from the proposal needs its reason.
    await as('leader')
    const pa = byStaff(proposed, a!.staffNo).personId
    const pb = byStaff(proposed, b!.staffNo).personId
    expect(await c.err('annual.decide', { year: 2026, changes: [{ personId: pa, grade: '优秀' }] })).toMatchObject({ code: 'ANNUAL_REASON_REQUIRED' })
    // Both 优秀 would be K + 1.
    expect(
      await c.err('annual.decide', { year: 2026, changes: [{ personId: pa, grade: '优秀', reason: '并列，领导小组评议' }, { personId: pb, grade: '优秀', reason: '并列，领导小组评议' }] }),
    ).toMatchObject({ code: 'ANNUAL_QUOTA_EXCEEDED' })
    const decided = await c.ok('annual.decide', {
      year: 2026,
      changes: [
        { personId: pa, grade: '优秀', reason: '并列，领导小组评议：年度承担急难任务更多' },
        { personId: pb, grade: '称职', reason: '并列，领导小组评议' },
      ],
    })
    expect(decided.excellentCount).toBe(decided.K)
    // One more reasoned change: a 称职 lowered to 基本称职.
    const lowered = decided.people.find((p) => p.grade === '称职' && p.status === 'graded' && !p.forced && p.personId !== pb)!
    const changed = await c.ok('annual.decide', { year: 2026, changes: [{ personId: lowered.personId, grade: '基本称职', reason: '年内两次受到通报批评' }] })
    expect(byStaff(changed, lowered.staffNo)).toMatchObject({ proposed: '称职', grade: '基本称职', changeReason: '年内两次受到通报批评' })
    // Raising a vetoed person to 优秀 is refused whatever the reason.
    const vetoed = changed.people.find((p) => p.vetoes.includes('V1'))!
    expect((await c.err('annual.decide', { year: 2026, changes: [{ personId: vetoed.personId, grade: '优秀', reason: 'x' }] })).code).toBe('INVALID_INPUT')

    // The audit names people and counts, never a reason's words (DESIGN.md §4); the input's text is digested.
    const store = c.app.state.session!.store
    const audited = store.all(store.qb.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'annual.decide'))
    expect(audited.length).toBeGreaterThanOrEqual(4)
    for (const row of audited) expect(row.detail).not.toContain('通报批评')

    await as('head')
    expect(await taskOf('annual.toConfirm')).toMatchObject({ count: 1 })
    const confirmed = await c.ok('annual.confirm', { year: 2026 })
    expect(confirmed.stage).toBe('confirmed')
    await as('hr')
    expect((await c.err('annual.propose', { year: 2026 })).code).toBe('ANNUAL_STAGE')

    // Before publication a person sees nothing of it.
    await as('staff')
    expect(await c.ok('annual.mine', { year: 2026 })).toMatchObject({ stage: 'confirmed', grade: null, person: null })
    expect((await c.ok('annual.published', { year: 2026 })).people).toEqual([])
    expect((await c.err('annual.round', { year: 2026 })).code).toBe('FORBIDDEN')

    await as('hr')
    const published = await c.ok('annual.publish', { year: 2026 })
    expect(published.stage).toBe('publicity')
    // At least five working days (P7): 2027-01-18 → the 25th at the earliest.
    expect(published.publicity!.until >= '2027-01-25').toBe(true)

    // The discipline office's key is handed over at its first sign-in; a lead is sealed to it.
    await as('jijian')
    await as('staff')
    expect(await taskOf('annual.inPublicity')).toMatchObject({ route: 'annual-results', dueOn: published.publicity!.until })
    const during = await c.ok('annual.mine', { year: 2026 })
    expect(during.grade).not.toBeNull()
    expect(during.person).toBeNull()
    expect(during.explanation).toBeNull()
    const list = await c.ok('annual.published', { year: 2026 })
    expect(list.people.length).toBe(confirmed.people.length)
    expect(Object.keys(list.people[0]!).sort()).toEqual(['department', 'grade', 'name', 'personId', 'staffNo'])
    // An objection during publicity goes to the discipline office on its own channel; its words stay out of the audit.
    const named = list.people.find((p) => p.grade === '优秀')!
    const lodged = await c.ok('annual.object', { year: 2026, personId: named.personId, text: '公示异议：该同志全年多次迟到早退' })
    const now2 = c.app.state.session!.store
    const lead = now2.first(now2.qb.selectFrom('leads').select(['channel', 'named_person_id', 'text_t3']).where('id', '=', lodged.id))!
    expect(lead).toMatchObject({ channel: 'publicityObjection', named_person_id: named.personId })
    expect(lead.text_t3).not.toContain('迟到早退')
    expect(JSON.stringify(now2.all(now2.qb.selectFrom('audit_log').select('detail')))).not.toContain('迟到早退')

    // After the period the grades are final and the person sees their own scores and 计算明细.
    now = new Date(`${published.publicity!.until}T09:00:00`)
    now.setDate(now.getDate() + 1)
    await as('staff') // the idle lock has long struck
    const after = await c.ok('annual.mine', { year: 2026 })
    expect(after.stage).toBe('final')
    expect(after.person?.T).toEqual(expect.any(Number))
    expect(after.explanation!.lines[0]!.zh).toContain(after.person!.name)
  })

  it('scores the quarterly channel with the quarterly rule: rounded, the status rows’ scores', async () => {
    const store = c.app.state.session!.store
    const today = '2027-01-18'
    const exact = yearQuarterlyScores(store, 2026, today)
    const rows = quarterlyStatus(store, 'all', 2026, 2, today).filter((r) => r.score !== null)
    expect(rows.length).toBeGreaterThan(20)
    for (const r of rows) {
      const q2 = exact.get(r.personId)!.find((x) => x.quarter === 2)!
      expect(roundHalfUp2(parseFraction(q2.exact))).toBe(r.score)
    }
  })
})

describe('a ballot written past the kiosk', () => {
  it('stops grading: the ballots no longer match the codes used', { timeout: 120_000 }, async () => {
    const dir = tempDir()
    const app = createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => new Date('2026-12-02T09:00:00') })
    const u = client(app, dir)
    await u.login('hr', PASSWORD)
    await u.ok('democratic.close', { year: 2026 })
    expect((await u.ok('annual.round', { year: 2026 })).blockers).toEqual([])
    // An insider with the database key adds a ballot directly.
    app.state.session!.store.raw.prepare("INSERT INTO ballots (id, year, category, uniform) VALUES (?, 2026, 'colleague', 0)").run('f'.repeat(32))
    expect((await u.ok('annual.round', { year: 2026 })).blockers.map((b) => b.code)).toEqual(['BALLOTS_WITHOUT_CODES'])
    expect((await u.err('annual.propose', { year: 2026 })).code).toBe('ANNUAL_BLOCKED')
  })
})
