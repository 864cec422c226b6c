import { describe, expect, it } from 'vitest'
import { errorText } from '../../src/shared/errors'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { readyUnit, passwordOf, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 defect 10: the kiosk took 200 非常不满意 for one official in one second. Now each kiosk
 * session takes at most the policy's number of ratings in all and per official, ratings of one
 * official closer together than the policy's burst window are stored flagged, HR sees the flags in
 * the survey summary, and the audit log holds only counts.
 */
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const ROSTER = {
  fileName: '花名册.csv',
  contentBase64: b64(['工号,姓名,科室,岗位,岗位类别', '00101,张明,综合科,科长,综合管理', '00102,李娜,综合科,科员,综合管理', '00103,赵刚,综合科,科员,综合管理'].join('\n') + '\n'),
}

async function unit(policy?: Partial<typeof DEFAULT_POLICY.kiosk>) {
  const clock = { now: new Date(2026, 3, 10, 10, 0, 0) }
  const u = await readyUnit({ clock: () => clock.now })
  await u.as('hr1')
  await u.ok('org.roster.import', ROSTER)
  if (policy) {
    const file = { fileName: 'policy.json', contentBase64: b64(JSON.stringify({ ...DEFAULT_POLICY, version: 'kiosk-test', kiosk: { ...DEFAULT_POLICY.kiosk, ...policy } })) }
    const pending = await u.ok('policy.import', { year: 2026, file })
    await u.as('head1')
    await u.ok('policy.decide', { id: pending.id, approve: true })
    await u.as('hr1')
  }
  const people = await u.ok('org.people.list', {})
  const id = (staffNo: string) => people.find((p) => p.staffNo === staffNo)!.id
  const later = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000)
  }
  return Object.assign(u, { id, later })
}

const kioskRows = (u: ReadyUnit) => {
  const s = u.app.state.session!.store
  return s.all(s.qb.selectFrom('survey_responses').selectAll().where('source', '=', 'kiosk').orderBy('id'))
}

describe('kiosk limits', () => {
  it('takes at most the policy’s ratings per official in one session, flags the burst, and says why in Chinese and English', async () => {
    const u = await unit()
    const { maxRatingsPerOfficialPerSession: perOfficial } = DEFAULT_POLICY.kiosk
    await u.ok('kiosk.start', {})
    const target = u.id('00101')
    const refused: string[] = []
    // The attack: 200 非常不满意 for one official, all within the same second.
    for (let i = 0; i < 200; i++) {
      const r = await u.app.call('kiosk.rate', { personId: target, level: 'veryDissatisfied' })
      if (!r.ok) refused.push(r.error.code)
    }
    expect(refused).toHaveLength(200 - perOfficial)
    expect(new Set(refused)).toEqual(new Set(['KIOSK_OFFICIAL_LIMIT']))
    const rows = kioskRows(u)
    expect(rows).toHaveLength(perOfficial)
    // The first is not a burst; every later one came within the window.
    expect(rows.map((r) => r.burst)).toEqual([0, ...Array(perOfficial - 1).fill(1)])

    const e = await u.err('kiosk.rate', { personId: target, level: 'veryDissatisfied' })
    expect(errorText(e, 'zh')).toBe(`本次现场评价中对 张明 的评价已达 ${perOfficial} 份上限，请选择其他办事人员`)
    expect(errorText(e, 'en')).toContain(`(${perOfficial})`)
    // Another official can still be rated.
    await u.ok('kiosk.rate', { personId: u.id('00102'), level: 'satisfied' })
  })

  it('does not flag ratings of one official that are further apart than the burst window, nor ratings of different officials', async () => {
    const u = await unit()
    const { burstSeconds } = DEFAULT_POLICY.kiosk
    await u.ok('kiosk.start', {})
    await u.ok('kiosk.rate', { personId: u.id('00101'), level: 'satisfied' })
    await u.ok('kiosk.rate', { personId: u.id('00102'), level: 'satisfied' })
    u.later(burstSeconds)
    await u.ok('kiosk.rate', { personId: u.id('00101'), level: 'satisfied' })
    u.later(burstSeconds - 1)
    await u.ok('kiosk.rate', { personId: u.id('00101'), level: 'dissatisfied' })
    expect(kioskRows(u).map((r) => r.burst)).toEqual([0, 0, 0, 1])
  })

  it('takes at most the policy’s ratings per session; a new session starts again', async () => {
    const u = await unit({ maxRatingsPerSession: 4, maxRatingsPerOfficialPerSession: 3 })
    await u.ok('kiosk.start', {})
    for (const staffNo of ['00101', '00102', '00103', '00101']) {
      u.later(60)
      await u.ok('kiosk.rate', { personId: u.id(staffNo), level: 'verySatisfied' })
    }
    const e = await u.err('kiosk.rate', { personId: u.id('00102'), level: 'verySatisfied' })
    expect(e).toMatchObject({ code: 'KIOSK_SESSION_LIMIT', params: { limit: 4 } })
    expect(errorText(e, 'zh')).toContain('4 份评价')
    expect(errorText(e, 'en')).toContain('4 ratings')
    await u.ok('kiosk.exit', { password: passwordOf('hr1') })
    await u.ok('kiosk.start', {})
    await u.ok('kiosk.rate', { personId: u.id('00102'), level: 'verySatisfied' })
    expect(kioskRows(u)).toHaveLength(5)
  })

  it('shows HR the burst flags per official, and audits counts only', async () => {
    const u = await unit()
    await u.ok('kiosk.start', {})
    for (let i = 0; i < 3; i++) await u.ok('kiosk.rate', { personId: u.id('00103'), level: 'veryDissatisfied' })
    u.later(3600)
    await u.ok('kiosk.rate', { personId: u.id('00103'), level: 'verySatisfied' })
    for (let i = 0; i < DEFAULT_POLICY.kiosk.maxRatingsPerOfficialPerSession; i++) await u.app.call('kiosk.rate', { personId: u.id('00101'), level: 'satisfied' })
    await u.err('kiosk.rate', { personId: u.id('00101'), level: 'satisfied' })
    await u.ok('kiosk.exit', { password: passwordOf('hr1') })

    const summary = await u.ok('survey.summary', { year: 2026 })
    expect(summary.find((s) => s.staffNo === '00103')).toMatchObject({
      name: '赵刚',
      responses: 4,
      fromKiosk: 4,
      burstFlagged: 2,
      levels: { veryDissatisfied: 3, verySatisfied: 1, satisfied: 0, fairlySatisfied: 0, dissatisfied: 0 },
    })
    const perOfficial = DEFAULT_POLICY.kiosk.maxRatingsPerOfficialPerSession
    expect(summary.find((s) => s.staffNo === '00101')).toMatchObject({ responses: perOfficial, burstFlagged: perOfficial - 1 })
    await u.as('staff1')
    expect(await u.err('survey.summary', { year: 2026 })).toMatchObject({ code: 'FORBIDDEN' })

    await u.as('auditor')
    const log = await u.ok('audit.list', { limit: 100 })
    const exit = log.entries.find((e) => e.action === 'kiosk.exit' && e.outcome === 'ok')
    expect(exit?.detail).toMatchObject({ ratings: 4 + perOfficial, bursts: 2 + perOfficial - 1, refused: 1 })
    const refusedRating = log.entries.find((e) => e.action === 'kiosk.rate' && e.outcome === 'failed')
    expect(refusedRating).toMatchObject({ target: null, detail: { error: 'KIOSK_OFFICIAL_LIMIT' } })
    for (const e of log.entries.filter((x) => x.action.startsWith('kiosk.'))) {
      const s = JSON.stringify(e)
      for (const leak of ['张明', '赵刚', 'atisfied', 'person']) expect(s).not.toContain(leak)
    }
  })
})
