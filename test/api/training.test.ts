import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { demoTraining, DEMO_MISSING_RATER } from '../../src/main/core/demo/demoTraining'
import { assessorTrainingAttended, enrolmentsOf } from '../../src/main/core/training'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/**
 * 培训辅导 (plan §六(四), issue 10 item 6) through the router on the demo unit: sessions and
 * attendance (HR), the assessor-training reminder of a rater (on until they attend), HR's report of
 * raters without the training, and enrolments from the 2025 training needs. The clock is the test's.
 */
const PASSWORD = 'Kaohe@2026'
const now = new Date('2026-12-02T09:00:00')
let c: TestClient
let dir: string
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
}
const store = () => c.app.state.session!.store

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaohe-training-'))
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('training and coaching through the API (demo unit)', () => {
  let assessorId = 0
  let workshopId = 0

  it('reminds a rater until they attend the year’s assessor training, and reports who has not', { timeout: 60_000 }, async () => {
    await as('hr')
    // A fresh year: no assessor training yet, so every rater is missing.
    const before = await c.ok('training.report', { year: 2027 })
    expect(before.assessorSessions).toBe(0)
    expect(before.raters.length).toBeGreaterThan(3)
    expect(before.missing).toEqual(before.raters)
    const kezhang = before.raters.find((r) => r.staffNo === '0401')!
    expect(kezhang.reasons).toContain('supervisor')
    const leader = before.raters.find((r) => r.staffNo === '0002')!
    expect(leader.reasons).toContain('leadershipGroup')
    // The plain staff member (0402) supervises nobody and sits in no group.
    expect(before.raters.find((r) => r.staffNo === '0402')?.reasons ?? []).not.toContain('supervisor')

    await as('kezhang')
    const on = await c.ok('training.myReminder', { year: 2027 })
    expect(on).toMatchObject({ year: 2027, rater: true, attended: false, show: true, session: null })
    await as('admin')
    expect(await c.ok('training.myReminder', { year: 2027 })).toMatchObject({ rater: false, show: false })

    // Refusals name what and where.
    await as('hr')
    expect(await c.err('training.addSession', { year: 2027, kind: 'assessor', title: '考核者培训', heldOn: '2026-11-20', hours: 3 })).toMatchObject({
      code: 'TRAINING_DATE_OUTSIDE_YEAR',
      params: { date: '2026-11-20', year: 2027 },
    })
    const future = await c.ok('training.addSession', { year: 2027, kind: 'assessor', title: '2027 考核者培训', heldOn: '2027-02-25', hours: 3, trainer: '组织部', location: '三楼会议室' })
    expect(await c.err('training.attend', { sessionId: future.id, staffNos: ['0401'] })).toMatchObject({ code: 'TRAINING_NOT_HELD', params: { date: '2027-02-25' } })
    await as('kezhang')
    // The reminder points to the scheduled session.
    expect((await c.ok('training.myReminder', { year: 2027 })).session).toMatchObject({ title: '2027 考核者培训', heldOn: '2027-02-25', held: false })

    await as('hr')
    const held = await c.ok('training.addSession', { year: 2026, kind: 'assessor', title: '2026 补训：考核标准解读与沟通技巧', heldOn: '2026-11-30', hours: 2.5 })
    assessorId = held.id
    const bad = await c.err('training.attend', { sessionId: held.id, staffNos: ['0401', '9999', 'X-1'] })
    expect(bad.code).toBe('TRAINING_UNKNOWN_STAFF')
    expect(bad.params?.list).toBe('9999, X-1')
    expect((await c.ok('training.sessions', { year: 2026 })).find((s) => s.id === held.id)!.attendees).toEqual([])

    const r = await c.ok('training.attend', { sessionId: held.id, staffNos: ['0401', ' 0002 ', '0401'] })
    expect(r).toMatchObject({ added: 2, already: 0 })
    expect(r.session.attendees.map((a) => a.staffNo)).toEqual(['0002', '0401'])
    expect(await c.ok('training.attend', { sessionId: held.id, staffNos: ['0401'] })).toMatchObject({ added: 0, already: 1 })
    expect(assessorTrainingAttended(store(), kezhang.personId, 2026)).toBe(true)
    expect(assessorTrainingAttended(store(), kezhang.personId, 2027)).toBe(false)

    const report = await c.ok('training.report', { year: 2026 })
    expect(report.raters.find((x) => x.staffNo === '0401')).toMatchObject({ attended: true })
    expect(report.missing.map((x) => x.staffNo)).not.toContain('0401')
    expect(report.missing.map((x) => x.staffNo)).not.toContain('0002')

    await as('kezhang')
    expect(await c.ok('training.myReminder', { year: 2026 })).toMatchObject({ rater: true, attended: true, show: false })

    // Audited without content: ids and counts only.
    const rows = store().all(store().qb.selectFrom('audit_log').select(['action', 'target', 'detail']).where('action', '=', 'training.attend').where('outcome', '=', 'ok'))
    expect(rows.at(-1)).toMatchObject({ target: `training:${held.id}` })
    expect(rows.at(-1)!.detail).toContain('"added":0')
  })

  it('turns a 2025 training need into an enrolment, attended with the linked session or cancelled', { timeout: 60_000 }, async () => {
    await as('hr')
    // Needs nobody has been enrolled for yet (the demo may have enrolled a couple).
    const needs = (await c.ok('training.needs', { year: 2025 })).filter((n) => n.enrolmentId === null)
    expect(needs.length).toBeGreaterThan(1)
    const [a, b] = [needs[0]!, needs.find((n) => n.personId !== needs[0]!.personId)!]
    expect(a.enrolmentStatus).toBeNull()
    const workshop = await c.ok('training.addSession', { year: 2026, kind: 'workshop', title: '绩效工作坊：制定目标与复盘', heldOn: '2026-12-01', hours: 4 })
    workshopId = workshop.id

    expect(await c.err('training.enrol', { year: 2025, personId: a.personId, key: 'no-such-key' })).toMatchObject({ code: 'TRAINING_NEED_UNKNOWN', params: { key: 'no-such-key' } })
    const e = await c.ok('training.enrol', { year: 2025, personId: a.personId, key: a.key, sessionId: workshopId })
    expect(e).toMatchObject({ status: 'planned', need: a.key, suggestion: a.suggestion, sessionTitle: '绩效工作坊：制定目标与复盘', staffNo: a.staffNo })
    expect(await c.err('training.enrol', { year: 2025, personId: a.personId, key: a.key })).toMatchObject({ code: 'TRAINING_ENROLMENT_EXISTS', params: { id: e.id } })
    expect((await c.ok('training.needs', { year: 2025 })).find((n) => n.personId === a.personId && n.key === a.key)).toMatchObject({ enrolmentId: e.id, enrolmentStatus: 'planned' })
    // An older session than the need's year cannot serve it.
    const old = await c.ok('training.addSession', { year: 2024, kind: 'caseStudy', title: '案例教学（2024）', heldOn: '2024-06-01', hours: 2 })
    expect(await c.err('training.linkEnrolment', { id: e.id, sessionId: old.id })).toMatchObject({ code: 'TRAINING_SESSION_YEAR', params: { needYear: 2025 } })

    const att = await c.ok('training.attend', { sessionId: workshopId, personIds: [a.personId] })
    expect(att.enrolmentsAttended).toBe(1)
    expect(enrolmentsOf(store(), a.personId).find((x) => x.id === e.id)).toMatchObject({ status: 'attended', sessionTitle: '绩效工作坊：制定目标与复盘', need: a.label.zh })
    expect(await c.err('training.cancelEnrolment', { id: e.id, reason: '调离' })).toMatchObject({ code: 'TRAINING_ENROLMENT_STATE', params: { id: e.id } })

    // Linked later to a session the person already attended: attended at once.
    await c.ok('training.attend', { sessionId: workshopId, personIds: [b.personId] })
    const e2 = await c.ok('training.enrol', { year: 2025, personId: b.personId, key: b.key })
    expect(e2.status).toBe('planned')
    const cancelled = await c.ok('training.cancelEnrolment', { id: e2.id, reason: '本人已参加上级组织的同类培训' })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '本人已参加上级组织的同类培训' })
    const again = await c.ok('training.enrol', { year: 2025, personId: b.personId, key: b.key })
    expect((await c.ok('training.linkEnrolment', { id: again.id, sessionId: workshopId })).status).toBe('attended')
    expect((await c.ok('training.enrolments', { year: 2025 })).map((x) => [x.id, x.status])).toEqual(
      expect.arrayContaining([
        [e.id, 'attended'],
        [e2.id, 'cancelled'],
        [again.id, 'attended'],
      ]),
    )
  })

  it('refuses staff and the leadership group what is HR’s', async () => {
    await as('staff')
    expect((await c.err('training.sessions', { year: 2026 })).code).toBe('FORBIDDEN')
    expect((await c.err('training.report', { year: 2026 })).code).toBe('FORBIDDEN')
    expect((await c.err('training.attend', { sessionId: assessorId, staffNos: ['0402'] })).code).toBe('FORBIDDEN')
    expect((await c.ok('training.myReminder', {})).year).toBe(2026)
    await as('leader')
    expect((await c.ok('training.report', { year: 2026 })).year).toBe(2026)
    expect((await c.err('training.addSession', { year: 2026, kind: 'workshop', title: 'x', heldOn: '2026-03-01', hours: 1 })).code).toBe('FORBIDDEN')
    expect((await c.err('training.needs', { year: 2025 })).code).toBe('FORBIDDEN')
  })

  it('builds the demo story: kezhang (0401) is the one rater without the 2026 assessor training', { timeout: 60_000 }, async () => {
    await as('hr')
    // A unit of its own, so the story is not mixed with the cases above.
    const d2 = mkdtempSync(join(tmpdir(), 'kaohe-training-demo-'))
    try {
      const c2 = client(createKaohe({ dataDir: d2, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), d2)
      await c2.login('hr', PASSWORD)
      const s2 = c2.app.state.session!.store
      if ((await c2.ok('training.sessions', { year: 2026 })).length === 0) s2.tx(() => demoTraining(s2, { now }))
      const sessions = await c2.ok('training.sessions', { year: 2026 })
      expect(sessions.map((s) => s.kind).sort()).toEqual(['assessor', 'caseStudy', 'workshop'])
      expect(sessions.find((s) => s.kind === 'workshop')!.attendees.length).toBeGreaterThan(3)
      const report = await c2.ok('training.report', { year: 2026 })
      expect(report.missing.map((r) => r.staffNo)).toEqual([DEMO_MISSING_RATER])
      const enrolments = await c2.ok('training.enrolments', { year: 2025 })
      expect(enrolments.map((e) => e.status).sort()).toEqual(['attended', 'planned'])
      await c2.app.call('auth.logout', {})
      await c2.login('kezhang', PASSWORD)
      expect(await c2.ok('training.myReminder', { year: 2026 })).toMatchObject({ show: true, session: { title: '2026 年度考核者培训：考核标准解读与沟通技巧', held: true } })
      await c2.app.call('auth.logout', {})
    } finally {
      rmSync(d2, { recursive: true, force: true })
    }
  })
})
