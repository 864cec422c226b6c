import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import { readyUnit, passwordOf, type ReadyUnit } from '../support/tempUnit'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { defaultGuideline } from '../../src/main/core/guideline/defaults'

/**
 * The quarter's phases (open → 小结 due → rating → closed), closing, reopening, amendments, the
 * 小结 draft, automatic peer assignment and the score's explanation (issue 8).
 *
 * The clock starts on 2026-04-10. Q1 2026 ended on 2026-03-31; 清明 (4–6 April) is a holiday, so its
 * 小结 is due after 5 working days on 2026-04-08, supervisors rate for 10 working days from
 * 2026-04-09 to 2026-04-22, and it is closed from 2026-04-23.
 */
const NOW = new Date('2026-04-10T12:00:00Z')
const MID_Q1 = new Date('2026-03-16T12:00:00Z')
const SUMMARY_DUE = new Date('2026-04-03T12:00:00Z')
const CLOSED = new Date('2026-05-11T12:00:00Z')

const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })

/** 李明 heads the unit (办公室, with 王芳); 赵刚 (disc1) leads 综合执法大队 and supervises 孙丽 (staff1), 钱伟, 周杰, 吴敏. */
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0102,王芳,办公室,文秘,综合管理,一级科员,0101,否,在职,2019-07-01',
    '0401,赵刚,综合执法大队,大队长,行政执法,一级主任科员,0101,是,在职,2010-03-01',
    '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2020-08-01',
    '0403,钱伟,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
    '0404,周杰,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
    '0405,吴敏,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
  ].join('\n') +
  '\n'

type Name = '李明' | '王芳' | '赵刚' | '孙丽' | '钱伟' | '周杰' | '吴敏'

async function team(): Promise<{ u: ReadyUnit; p: Record<Name, number>; at(d: Date): void }> {
  let now = NOW
  const u = await readyUnit({ clock: () => now })
  await u.as('sysadmin')
  const peer = await u.ok('users.add', { username: 'peer1', displayName: 'peer1', password: 'peer1-First-1' })
  await u.as('secadmin')
  await u.ok('roles.grant', { userId: peer.id, role: 'staff' })
  await u.login('peer1', 'peer1-First-1')
  await u.ok('auth.changePassword', { oldPassword: 'peer1-First-1', newPassword: passwordOf('peer1') })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const p = Object.fromEntries((await u.ok('org.people.list', {})).map((x) => [x.name, x.id])) as Record<Name, number>
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.head1! })
  await u.ok('org.people.linkAccount', { personId: p.赵刚, userId: u.ids.disc1! })
  await u.ok('org.people.linkAccount', { personId: p.孙丽, userId: u.ids.staff1! })
  await u.ok('org.people.linkAccount', { personId: p.钱伟, userId: peer.id })
  return { u, p, at: (d) => (now = d) }
}

const Q1 = { year: 2026, quarter: 1 as const }

async function lastAudit(u: ReadyUnit, action: string) {
  await u.as('auditor')
  return (await u.ok('audit.list', { action, outcome: 'ok', limit: 1 })).entries[0]
}

describe('a quarter’s phases come from the working-day calendar and the policy', () => {
  it('shows each phase with its dates in the status, moving with the policy’s day counts', async () => {
    const { u, at } = await team()
    await u.as('hr1')
    const [row] = await u.ok('quarterly.status', Q1)
    expect(row!.phase).toMatchObject({
      phase: 'rating',
      from: '2026-01-01',
      to: '2026-03-31',
      summaryDueOn: '2026-04-08',
      ratingFrom: '2026-04-09',
      ratingEndsOn: '2026-04-22',
      closesOn: '2026-04-23',
      reopened: null,
      summaryDueWorkingDays: DEFAULT_POLICY.quarterly.summaryDueWorkingDays,
      ratingWorkingDays: DEFAULT_POLICY.quarterly.ratingWorkingDays,
    })
    expect((await u.ok('quarterly.status', { year: 2026, quarter: 2 }))[0]!.phase.phase).toBe('open')

    // An approved policy with 3 working days for the 小结 and 5 to rate moves every date.
    const body = { ...DEFAULT_POLICY, version: '市局2026-季度阶段', quarterly: { ...DEFAULT_POLICY.quarterly, summaryDueWorkingDays: 3, ratingWorkingDays: 5 } }
    const pending = await u.ok('policy.import', { year: 2026, file: csv('policy.json', JSON.stringify(body)) })
    await u.as('head1')
    await u.ok('policy.decide', { id: pending.id, approve: true })
    await u.as('hr1')
    expect((await u.ok('quarterly.status', Q1))[0]!.phase).toMatchObject({ summaryDueOn: '2026-04-03', ratingEndsOn: '2026-04-13', closesOn: '2026-04-14' })
    at(SUMMARY_DUE)
    await u.as('hr1')
    expect((await u.ok('quarterly.status', Q1))[0]!.phase.phase).toBe('summaryDue')
  })
})

describe('rating', () => {
  it('is refused mid-quarter and while the 小结 is still due; in the rating phase it needs the 小结 or an explicit confirmation', async () => {
    const { u, p, at } = await team()
    const rate = { personId: p.孙丽, ...Q1, performance: 85, potential: 80 }
    at(MID_Q1)
    await u.as('disc1')
    expect(await u.err('quarterly.rate', rate)).toMatchObject({ code: 'QUARTER_NOT_IN_RATING_PHASE', params: { ratingFrom: '2026-04-09', ratingFromZh: '2026年4月9日' } })
    at(SUMMARY_DUE)
    await u.as('disc1')
    expect(await u.err('quarterly.rate', rate)).toMatchObject({ code: 'QUARTER_NOT_IN_RATING_PHASE' })

    at(NOW)
    await u.as('disc1')
    expect(await u.err('quarterly.rate', rate)).toMatchObject({ code: 'QUARTERLY_RATE_WITHOUT_SUMMARY', params: { name: '孙丽', quarterZh: '2026年第一季度' } })
    const confirmed = await u.ok('quarterly.rate', { ...rate, withoutSummary: true })
    expect(confirmed.status.flags).toEqual(expect.arrayContaining(['RATED_WITHOUT_SUMMARY', 'NO_SUMMARY']))
    // With the 小结 in, no confirmation is needed.
    await u.as('hr1')
    await u.ok('org.people.linkAccount', { personId: p.周杰, userId: u.ids.none1! })
    await u.as('none1')
    await u.ok('quarterly.submitSummary', { personId: p.周杰, ...Q1, text: '完成执法检查' })
    await u.as('disc1')
    expect((await u.ok('quarterly.rate', { ...rate, personId: p.周杰 })).status.flags).not.toContain('RATED_WITHOUT_SUMMARY')
  })
})

describe('the 小结', () => {
  it('saves a draft the person alone sees, stays editable through the rating phase, and closes with the quarter', async () => {
    const { u, p, at } = await team()
    at(MID_Q1)
    await u.as('staff1')
    const draft = await u.ok('quarterly.submitSummary', { personId: p.孙丽, ...Q1, text: '草稿：巡查进度', draft: true })
    expect(draft).toMatchObject({ summary: null, draft: { text: '草稿：巡查进度' } })
    expect(draft.flags).toContain('NO_SUMMARY')
    await u.as('disc1')
    expect(await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })).toMatchObject({ summary: null, draft: null })

    at(NOW)
    await u.as('staff1')
    expect((await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })).draft).toMatchObject({ text: '草稿：巡查进度' })
    const submitted = await u.ok('quarterly.submitSummary', { personId: p.孙丽, ...Q1, text: '完成巡查任务' })
    expect(submitted).toMatchObject({ summary: '完成巡查任务', draft: null })
    await u.as('disc1')
    await u.ok('quarterly.rate', { personId: p.孙丽, ...Q1, performance: 85, potential: 80 })
    at(new Date(NOW.getTime() + 3_600_000))
    await u.as('staff1')
    const changed = await u.ok('quarterly.submitSummary', { personId: p.孙丽, ...Q1, text: '完成巡查任务，补充问题与改进' })
    expect(changed.flags).toContain('SUMMARY_CHANGED_AFTER_RATING')

    at(CLOSED)
    await u.as('staff1')
    expect(await u.err('quarterly.submitSummary', { personId: p.孙丽, ...Q1, text: '季度结束后再改' })).toMatchObject({
      code: 'QUARTER_CLOSED',
      params: { closedOn: '2026-04-23', closedOnZh: '2026年4月23日' },
    })
    expect(await u.err('quarterly.submitSummary', { personId: p.孙丽, ...Q1, text: '草稿', draft: true })).toMatchObject({ code: 'QUARTER_CLOSED' })
  })
})

describe('a closed quarter', () => {
  it('refuses ratings, peer scores and assignments; HR’s amendment is recorded and audited with a digest, never the text', async () => {
    const { u, p, at } = await team()
    await u.as('hr1')
    await u.ok('quarterly.assignPeers', { ...Q1, raterId: p.钱伟, rateeIds: [p.孙丽] })
    await u.as('disc1')
    await u.ok('quarterly.rate', { personId: p.孙丽, ...Q1, performance: 70, potential: 70, withoutSummary: true })
    await u.as('hr1')
    expect(await u.err('quarterly.amend', { personId: p.孙丽, ...Q1, performance: 75, potential: 70, reason: '复核' })).toMatchObject({ code: 'QUARTER_NOT_CLOSED' })

    at(CLOSED)
    await u.as('disc1')
    expect(await u.err('quarterly.rate', { personId: p.孙丽, ...Q1, performance: 90, potential: 70, withoutSummary: true })).toMatchObject({ code: 'QUARTER_CLOSED' })
    await u.as('peer1')
    const [mine] = await u.ok('quarterly.myPeerAssignments', Q1)
    expect(await u.err('quarterly.peerRate', { assignmentId: mine!.id, score: 60 })).toMatchObject({ code: 'QUARTER_CLOSED' })
    await u.as('hr1')
    expect(await u.err('quarterly.assignPeers', { ...Q1, raterId: p.周杰, rateeIds: [p.孙丽] })).toMatchObject({ code: 'QUARTER_CLOSED' })
    expect(await u.err('quarterly.autoAssignPeers', Q1)).toMatchObject({ code: 'QUARTER_CLOSED' })
    // A supervisor cannot correct a closed quarter; HR records the correction.
    await u.as('disc1')
    expect(await u.err('quarterly.amend', { personId: p.孙丽, ...Q1, performance: 90, potential: 70, reason: '复核' })).toMatchObject({ code: 'FORBIDDEN' })
    await u.as('hr1')
    const reason = '经复核，3月巡查记录漏计两件，业绩评分更正'
    const amended = await u.ok('quarterly.amend', { personId: p.孙丽, ...Q1, performance: 78, potential: 72, reason })
    expect(amended.rating).toMatchObject({ performance: 78, potential: 72 })
    expect(amended.flags).toContain('AMENDED')
    expect(amended.phase.phase).toBe('closed')
    expect(amended.amendments).toEqual([
      expect.objectContaining({ before: { performance: 70, potential: 70, failReason: null }, after: { performance: 78, potential: 72, failReason: null }, reason }),
    ])
    const audit = await lastAudit(u, 'quarterly.amend')
    expect(audit).toMatchObject({ actor: 'hr1', target: `person:${p.孙丽}`, detail: { year: 2026, quarter: 1, reason: { chars: [...reason].length } } })
    expect(JSON.stringify(audit)).not.toContain('漏计')
    // Neither score is recorded (the detail's hashes are hex, so look at its values, not its text).
    const values = JSON.stringify(audit?.detail, (k, v: unknown) => (k === 'sha256' ? undefined : v))
    expect(values).not.toMatch(/\b(78|72)\b/)
    expect(Object.keys(audit?.detail ?? {})).not.toEqual(expect.arrayContaining(['performance']))
  })

  it('HR reopens it with a reason: back in its rating phase, audited with a digest', async () => {
    const { u, p, at } = await team()
    at(CLOSED)
    await u.as('hr1')
    expect(await u.err('quarterly.reopen', { year: 2026, quarter: 2, reason: '补评' })).toMatchObject({ code: 'QUARTER_NOT_CLOSED' })
    const reason = '孙丽病假返岗，补充评价'
    const phase = await u.ok('quarterly.reopen', { ...Q1, reason })
    // 2026-05-11 plus 10 working days.
    expect(phase).toMatchObject({ phase: 'rating', reopened: { reason, openUntil: '2026-05-25' } })
    await u.as('disc1')
    expect((await u.ok('quarterly.rate', { personId: p.孙丽, ...Q1, performance: 88, potential: 80, withoutSummary: true })).status.rating).toMatchObject({ performance: 88 })
    const audit = await lastAudit(u, 'quarterly.reopen')
    expect(audit).toMatchObject({ actor: 'hr1', target: 'quarter:2026Q1', detail: { reason: { chars: [...reason].length }, openUntil: '2026-05-25' } })
    expect(JSON.stringify(audit)).not.toContain('病假')
    at(new Date('2026-05-26T12:00:00Z'))
    await u.as('disc1')
    expect(await u.err('quarterly.rate', { personId: p.孙丽, ...Q1, performance: 60, potential: 80, withoutSummary: true })).toMatchObject({ code: 'QUARTER_CLOSED' })
  })
})

describe('automatic peer assignment', () => {
  it('gives everyone the policy’s minimum from their department, never themself, their supervisor chain or direct reports, evenly and repeatably', async () => {
    const { u, p } = await team()
    await u.as('hr1')
    // HR had already assigned one peer by hand: it stays and counts.
    await u.ok('quarterly.assignPeers', { ...Q1, raterId: p.钱伟, rateeIds: [p.孙丽] })
    const r = await u.ok('quarterly.autoAssignPeers', Q1)
    expect(r.minPeerRaters).toBe(DEFAULT_POLICY.quarterly.minPeerRaters)
    const ratersOf = (id: number) => [...r.created.filter((a) => a.rateeId === id).map((a) => a.raterName)].sort()
    expect(ratersOf(p.孙丽)).toEqual(['吴敏', '周杰'].sort())
    expect(ratersOf(p.钱伟)).toEqual(['吴敏', '周杰', '孙丽'].sort())
    expect(ratersOf(p.周杰)).toEqual(['吴敏', '孙丽', '钱伟'].sort())
    expect(ratersOf(p.吴敏)).toEqual(['周杰', '孙丽', '钱伟'].sort())
    // The supervisor neither rates his reports nor is rated by them; 办公室's two stand in one reporting line.
    expect(r.created.some((a) => a.raterId === p.赵刚 || a.rateeId === p.赵刚)).toBe(false)
    expect(r.short.map((s) => s.rateeName).sort()).toEqual(['李明', '王芳', '赵刚'].sort())
    // Each of the four rates three colleagues.
    const load = new Map<number, number>()
    for (const a of r.created) load.set(a.raterId, (load.get(a.raterId) ?? 0) + 1)
    expect(load.get(p.钱伟)! + 1).toBe(3)
    expect([p.孙丽, p.周杰, p.吴敏].map((id) => load.get(id))).toEqual([3, 3, 3])
    expect(r.created.every((a) => a.department === '综合执法大队')).toBe(true)
    // Run again: nothing more to do.
    expect((await u.ok('quarterly.autoAssignPeers', Q1)).created).toEqual([])
    const rows = await u.ok('quarterly.status', Q1)
    expect(rows.find((x) => x.personId === p.孙丽)).toMatchObject({ peersAssigned: 3 })
    expect(rows.find((x) => x.personId === p.孙丽)!.flags).not.toContain('FEW_PEERS')
    const audit = await lastAudit(u, 'quarterly.autoAssignPeers')
    expect(audit).toMatchObject({ actor: 'hr1', target: 'quarter:2026Q1', detail: { created: 0 } })
  })
})

describe('the sheet explains the score', () => {
  it('with the guideline’s weights: (100 − p)% × 业绩 + p% × 互评均分, or 100% without peers', async () => {
    const { u, p } = await team()
    const peerWeight = defaultGuideline(2026).channels.quarterly.peerWeight
    await u.as('hr1')
    await u.ok('quarterly.assignPeers', { ...Q1, raterId: p.钱伟, rateeIds: [p.孙丽] })
    await u.as('disc1')
    const without = await u.ok('quarterly.rate', { personId: p.孙丽, ...Q1, performance: 85, potential: 80, withoutSummary: true })
    expect(without.status.scoreBasis).toEqual({ supervisorPercent: 100, peerPercent: 0, performance: 85, peerMean: null, peerCount: 0 })
    await u.as('peer1')
    const [mine] = await u.ok('quarterly.myPeerAssignments', Q1)
    await u.ok('quarterly.peerRate', { assignmentId: mine!.id, score: 70 })
    await u.as('hr1')
    const sheet = await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })
    expect(sheet.scoreBasis).toEqual({ supervisorPercent: 100 - peerWeight, peerPercent: peerWeight, performance: 85, peerMean: null, peerCount: 1 })
    expect(sheet.score).toBe(((100 - peerWeight) * 85 + peerWeight * 70) / 100)
  })
})

describe('monthly talks', () => {
  it('a supervisor’s list holds their reports, not themself', async () => {
    const { u } = await team()
    await u.as('disc1')
    const names = (await u.ok('talks.list', { month: '2026-03' })).map((t) => t.personName)
    expect(names).toEqual(['孙丽', '钱伟', '周杰', '吴敏'])
    await u.as('head1')
    expect((await u.ok('talks.list', { month: '2026-03' })).map((t) => t.personName)).not.toContain('李明')
  })
})
