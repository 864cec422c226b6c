import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../src/shared/api/contract'
import { survey } from '../../src/main/core/metrics'
import { readyUnit, passwordOf, type ReadyUnit } from '../support/tempUnit'

/** Issue 4: 现场评价, the kiosk survey — a locked screen where service recipients rate officials. */

const text = (fileName: string, body: string) => ({ fileName, contentBase64: Buffer.from(body, 'utf8').toString('base64') })
const ROSTER = text(
  '花名册.csv',
  ['工号,姓名,科室,岗位,岗位类别', '00101,张明,综合科,科长,综合管理', '00102,李娜,综合科,科员,综合管理', '00201,赵刚,执法大队,队长,行政执法'].join('\n') + '\n',
)
const APRIL_10 = new Date(2026, 3, 10, 10, 37, 12)

async function unit(): Promise<ReadyUnit & { id: (staffNo: string) => number }> {
  const u = await readyUnit({ clock: () => APRIL_10 })
  await u.as('hr1')
  await u.ok('org.roster.import', ROSTER)
  const people = await u.ok('org.people.list', {})
  return Object.assign(u, { id: (staffNo: string) => people.find((p) => p.staffNo === staffNo)!.id })
}

const stored = (u: ReadyUnit) => {
  const s = u.app.state.session!.store
  return s.all(s.qb.selectFrom('survey_responses').selectAll())
}

describe('kiosk survey', () => {
  it('starts for HR, lists officials by name and post only, and stores a response with the day only', async () => {
    const u = await unit()
    expect(await u.ok('auth.session')).toMatchObject({ kiosk: false })
    const started = await u.ok('kiosk.start', {})
    expect(started.departmentId).toBeNull()
    expect(await u.ok('auth.session')).toMatchObject({ kiosk: true })
    const list = await u.ok('kiosk.officials')
    expect(list.departments.map((d) => d.name).sort()).toEqual(['执法大队', '综合科'].sort())
    expect(list.officials).toHaveLength(3)
    for (const o of list.officials) expect(Object.keys(o).sort()).toEqual(['departmentId', 'name', 'personId', 'post'])
    expect(list.officials.find((o) => o.name === '张明')).toMatchObject({ post: '科长' })

    await u.ok('kiosk.rate', { personId: u.id('00102'), level: 'verySatisfied' })
    const rows = stored(u)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ person_id: u.id('00102'), day: '2026-04-10', level: 'verySatisfied', channel: 'onsite', source: 'kiosk', response_key: null })
    // Nothing finer than the day is kept.
    expect(rows[0]!.recorded_at).toBe('2026-04-10')
  })

  it('limits the list and the ratings to the department it was started for', async () => {
    const u = await unit()
    const dept = (await u.ok('org.departments.list')).find((d) => d.name === '执法大队')!
    await u.ok('kiosk.start', { departmentId: dept.id })
    const list = await u.ok('kiosk.officials')
    expect(list.officials.map((o) => o.name)).toEqual(['赵刚'])
    expect(list.departments).toEqual([{ id: dept.id, name: '执法大队' }])
    expect(await u.err('kiosk.rate', { personId: u.id('00101'), level: 'satisfied' })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses every other method with KIOSK_MODE while running', async () => {
    const u = await unit()
    await u.ok('kiosk.start', {})
    const allowed = new Set(['setup.status', 'auth.session', 'kiosk.officials', 'kiosk.rate', 'kiosk.exit'])
    for (const m of METHOD_NAMES) {
      if (allowed.has(m)) continue
      const r = await u.app.call(m, {})
      // Input is parsed first: a malformed call is refused as INVALID_INPUT, any well-formed one as KIOSK_MODE.
      if (!r.ok && r.error.code === 'INVALID_INPUT') continue
      expect(r, m).toMatchObject({ ok: false, error: { code: 'KIOSK_MODE' } })
    }
    for (const m of ['auth.logout', 'auth.lock', 'org.people.list', 'kiosk.start', 'audit.list', 'setup.openDemo'] as const) {
      expect((await u.app.call(m, {})) as unknown, m).toMatchObject({ ok: false, error: { code: 'KIOSK_MODE' } })
    }
    expect(await u.err('auth.unlock', { password: passwordOf('hr1') })).toMatchObject({ code: 'KIOSK_MODE' })
    // Signing in again (even as the same account) would end the kiosk without its password.
    expect(await u.err('auth.login', { username: 'hr1', password: passwordOf('hr1') })).toMatchObject({ code: 'KIOSK_MODE' })
    expect(await u.ok('auth.session')).toMatchObject({ kiosk: true, username: 'hr1' })
  })

  it('counts a wrong exit password like a sign-in and leaves with the right one', async () => {
    const u = await unit()
    await u.ok('kiosk.start', {})
    const first = await u.err('kiosk.exit', { password: 'wrong-one' })
    expect(first.code).toBe('AUTH_FAILED')
    const second = await u.err('kiosk.exit', { password: 'wrong-two' })
    expect(Number(second.params?.remaining)).toBe(Number(first.params?.remaining) - 1)
    expect(await u.ok('auth.session')).toMatchObject({ kiosk: true })
    const info = await u.ok('kiosk.exit', { password: passwordOf('hr1') })
    expect(info.kiosk).toBe(false)
    expect(await u.ok('org.people.list', {})).toHaveLength(3)
    expect(await u.err('kiosk.rate', { personId: u.id('00101'), level: 'satisfied' })).toMatchObject({ code: 'KIOSK_NOT_ACTIVE' })
  })

  it('audits start, each rating and the exit without the rating or whom it concerned', async () => {
    const u = await unit()
    await u.ok('kiosk.start', {})
    await u.ok('kiosk.rate', { personId: u.id('00101'), level: 'veryDissatisfied' })
    await u.ok('kiosk.rate', { personId: u.id('00102'), level: 'satisfied', channel: 'onsite' })
    await u.err('kiosk.exit', { password: 'wrong' })
    await u.ok('kiosk.exit', { password: passwordOf('hr1') })
    await u.as('auditor')
    const log = await u.ok('audit.list', { limit: 50 })
    const kiosk = log.entries.filter((e) => e.action.startsWith('kiosk.'))
    expect(kiosk.map((e) => `${e.action}:${e.outcome}`).reverse()).toEqual([
      'kiosk.start:ok',
      'kiosk.rate:ok',
      'kiosk.rate:ok',
      'kiosk.exit:failed',
      'kiosk.exit:ok',
    ])
    for (const e of kiosk.filter((x) => x.action === 'kiosk.rate')) {
      expect(e.target).toBeNull()
      expect(e.detail).toEqual({})
      const s = JSON.stringify(e)
      for (const leak of ['atisfied', '满意', 'person', '张明', '李娜']) expect(s).not.toContain(leak)
    }
  })

  it('keeps fewer than 10 responses flagged 样本不足 in the satisfaction metric', async () => {
    const u = await unit()
    await u.ok('kiosk.start', {})
    const p = u.id('00101')
    for (let i = 0; i < 9; i++) await u.ok('kiosk.rate', { personId: p, level: 'satisfied' })
    const indicator = {
      id: 'survey',
      name: '服务评价',
      weight: 100,
      evidence: '',
      source: 'survey' as const,
      levelPoints: { verySatisfied: 100, satisfied: 85, fairlySatisfied: 70, dissatisfied: 40, veryDissatisfied: 0 },
      minResponses: 10,
    }
    const levels = () => stored(u).filter((r) => r.person_id === p).map((r) => r.level)
    expect(survey(levels(), indicator).flags).toContain('SAMPLE_TOO_SMALL')
    await u.ok('kiosk.rate', { personId: p, level: 'satisfied' })
    const ten = survey(levels(), indicator)
    expect(ten.flags).not.toContain('SAMPLE_TOO_SMALL')
  })
})
