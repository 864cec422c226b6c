import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { computeAnnual } from '../../src/main/core/annual/engine'
import { inputsFromJson, toExpectedFormat } from '../../src/main/core/annual/inputsFile'
import { computeYear } from '../../src/main/core/annual/round'
import { DEMO_ANNUAL_STORY } from '../../src/main/core/demo/demoAnnual'
import { defaultGuideline } from '../../src/main/core/guideline/defaults'
import type { PersonResult } from '../../src/main/core/annual/model'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/**
 * The demo unit's annual round of 2026 (issue 9 item 10): a newcomer can walk it at once — nothing
 * blocks grading, last year's 不称职 shows as V1, the grades spread, and exactly one boundary tie
 * waits for the leadership group. Built on the demo's day; checked again in January 2027, when the
 * round is held.
 */
const PASSWORD = 'Kaohe@2026'
const YEAR = 2026
let now = new Date('2026-12-02T09:00:00')
let c: TestClient
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
}
const store = () => c.app.state.session!.store

let dir: string
// One unit for all the cases (tempDir() is emptied after each test).
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaohe-demo-annual-'))
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** (T, leadership, democratic, quarterly), rounded: what RULES.md §6 ranks on. */
const keys = (p: PersonResult) => [p.T, p.channels.leadership.rounded, p.channels.democratic.rounded, p.channels.quarterly.rounded]

describe('the demo unit’s annual round (2026)', () => {
  it('is ready to grade: nothing in the records blocks it, N and K, one boundary tie of two, one V1, a spread of grades', { timeout: 60_000 }, async () => {
    await as('hr')
    const s = store()
    const { result } = computeYear(s, YEAR, '2026-12-02')
    expect(result.blockers).toEqual([])

    const inPost = s.all(s.qb.selectFrom('people').select(['id', 'staff_no', 'risk_post']).where('status', '=', 'active'))
    expect(result.N).toBe(inPost.length)
    expect(result.K).toBe(Math.floor((defaultGuideline(YEAR).quota.excellentRate * result.N) / 100))
    expect(result.K).toBeGreaterThan(1)

    // Exactly one tie, of the people at places K and K + 1, equal on every key, both at 优秀's line or above.
    const ranked = result.people.filter((p) => p.rank !== null).sort((a, b) => a.rank! - b.rank!)
    const kth = ranked[result.K - 1]!
    const next = ranked[result.K]!
    expect(result.boundaryTie).toEqual([kth.id, next.id].sort())
    expect(keys(next)).toEqual(keys(kth))
    expect(kth.T).toBeGreaterThanOrEqual(defaultGuideline(YEAR).grades.excellentMin)
    expect(keys(ranked[result.K - 2]!)).not.toEqual(keys(kth))
    expect(ranked[result.K + 1] && keys(ranked[result.K + 1]!)).not.toEqual(keys(kth))
    expect(result.people.filter((p) => p.grade === 'TIE').map((p) => p.id).sort()).toEqual(result.boundaryTie)
    expect(result.people.filter((p) => p.grade === '优秀')).toHaveLength(result.K - 1)

    // One V1 veto: a high scorer graded 不称职 in 2025, above the quota line on T but not eligible.
    const v1 = result.people.filter((p) => p.vetoes.includes('V1'))
    expect(v1).toHaveLength(1)
    expect(v1[0]!.T!).toBeGreaterThan(kth.T!)
    expect(v1[0]!.grade).toBe('称职')
    // 2025 is a final round of the demo's history now (demoHistory.ts): its grades are last year's.
    const prior = s.all(s.qb.selectFrom('annual_grades').select(['person_id', 'grade']).where('year', '=', YEAR - 1))
    expect(prior.length).toBeGreaterThanOrEqual(inPost.length)
    expect(new Set(prior.map((p) => p.grade))).toEqual(new Set(['优秀', '称职', '基本称职', '不称职']))
    expect(prior.filter((p) => p.grade === '不称职')).toHaveLength(1)
    expect(prior.filter((p) => p.grade === '优秀').length).toBeLessThanOrEqual(Math.floor((15 * inPost.length) / 100))

    // A realistic spread: not everyone top-right.
    const grades = new Map<string, number>()
    for (const p of result.people) grades.set(p.grade, (grades.get(p.grade) ?? 0) + 1)
    expect(new Set([...grades.keys()].filter((g) => g !== 'TIE')).size).toBeGreaterThanOrEqual(3)
    expect(grades.get('基本称职') ?? 0).toBeGreaterThanOrEqual(2)
    expect(grades.get('不称职')).toBe(1)
    expect(grades.get('称职')!).toBeGreaterThan(result.N / 2)
  })

  it('has every risk post reviewed, every sheet submitted with recusals, and a valid open democratic round', async () => {
    await as('hr')
    const s = store()
    const risk = s.all(s.qb.selectFrom('people').select(['id', 'staff_no']).where('status', '=', 'active').where('risk_post', '=', 1))
    expect(risk.length).toBeGreaterThan(20)
    const reviews = new Map(s.all(s.qb.selectFrom('integrity_reviews').selectAll().where('year', '=', YEAR)).map((r) => [r.person_id, r]))
    for (const p of risk) expect(reviews.get(p.id)?.status, p.staff_no).toBe('completed')
    const minor = [...reviews.values()].filter((r) => r.finding === 'minor')
    expect(minor.map((r) => r.minor_count)).toEqual([1])
    expect(risk.find((p) => p.id === minor[0]!.person_id)?.staff_no).toBe(DEMO_ANNUAL_STORY.minorFinding)

    const progress = await c.ok('leadership.progress', { year: YEAR })
    expect(progress.members.length).toBeGreaterThanOrEqual(3)
    for (const m of progress.members) expect(m.submitted, m.name).toBe(m.total)
    expect(progress.recusals.filter((r) => r.reason === 'self')).toHaveLength(progress.members.length)
    const relative = progress.recusals.filter((r) => r.reason === 'relative')
    expect(relative).toHaveLength(1)
    expect((await c.ok('leadership.relatives', {})).map((r) => [r.personA.staffNo, r.personB.staffNo].sort())).toEqual([[...DEMO_ANNUAL_STORY.relatives].sort()])

    const round = await c.ok('democratic.round', { year: YEAR })
    expect(round.status).toBe('open')
    expect(round.valid).toBe(true)
    expect(round.validSheets.representatives * 100).toBeGreaterThanOrEqual(round.p5Min * round.validSheets.total)
    // Every code issued was used at the kiosk: HR issues fresh ones in the walk-through.
    expect(round.codes.colleague.used).toBe(round.codes.colleague.issued)
    expect(round.codes.representative.used).toBe(round.codes.representative.issued)
    expect(round.kioskBallots.colleague + round.kioskBallots.representative).toBe(round.validSheets.total)
    // Everyone rated by at least minBallots sheets, so the democratic channel counts for all.
    const { result } = computeYear(s, YEAR, '2026-12-02')
    for (const p of result.people) {
      expect(p.democratic.ballotCount, p.id).toBeGreaterThanOrEqual(round.minBallots)
      expect(p.channels.democratic.score, p.id).not.toBeNull()
    }
  })

  it('shows no score a ballot moves while the democratic round is open', async () => {
    await as('hr')
    expect((await c.err('annual.inputs', { year: YEAR })).code).toBe('ANNUAL_BLOCKED')
    const view = await c.ok('annual.round', { year: YEAR })
    expect(view.people).toEqual([])
    expect(view.boundaryTie).toBeNull()
  })

  it('is still ready in January 2027, when the round is held', async () => {
    now = new Date('2027-01-18T09:00:00')
    await as('hr')
    // The democratic round is left open for the walk-through's ballots: closing it is HR's first step.
    const before = await c.ok('annual.round', { year: YEAR })
    expect(before.blockers.map((b) => b.code)).toEqual(['DEMOCRATIC_ROUND_OPEN'])
    expect((await c.ok('democratic.close', { year: YEAR })).valid).toBe(true)
    const view = await c.ok('annual.round', { year: YEAR })
    expect(view.stage).toBe('open')
    expect(view.blockers).toEqual([])
    expect(view.inputsSha256).toBe(before.inputsSha256)
    expect(view.boundaryTie).toHaveLength(2)
    expect(view.people.filter((p) => p.vetoes.includes('V1'))).toHaveLength(1)
    // compute --year = compute --inputs: the engine on the exported inputs gives the live result.
    const inputs = await c.ok('annual.inputs', { year: YEAR })
    const fromFile = toExpectedFormat(computeAnnual(inputsFromJson(JSON.parse(JSON.stringify(inputs)))))
    expect(fromFile).toEqual(toExpectedFormat(computeYear(store(), YEAR, '2027-01-18').result))
    expect(fromFile).toMatchObject({ N: view.N, K: view.K, boundaryTie: view.boundaryTie!.map((t) => t.staffNo) })
    expect((await c.ok('annual.propose', { year: YEAR })).stage).toBe('proposed')
  })
})
