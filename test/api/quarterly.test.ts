import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import type { InputOf } from '../../src/shared/api/contract'
import { readyUnit, passwordOf, type ReadyUnit } from '../support/tempUnit'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'

/** A clock fixed in April 2026: Q1 2026 and Q4 2025 have ended; it can be moved on. */
const NOW = new Date('2026-04-10T12:00:00Z')

const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })

/**
 * 李明 (head1) heads the unit and the leadership group; 赵刚 (disc1) reports to him and supervises
 * 孙丽 (staff1), 钱伟 (peer1), 周杰 (peer2) and 吴敏 (peer3): a department of five. 王芳 is in 办公室.
 */
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
interface Team {
  u: ReadyUnit
  p: Record<Name, number>
  setNow(d: Date): void
}

async function staffAccount(u: ReadyUnit, username: string): Promise<number> {
  await u.as('sysadmin')
  const user = await u.ok('users.add', { username, displayName: username, password: `${username}-First-1` })
  await u.as('secadmin')
  await u.ok('roles.grant', { userId: user.id, role: 'staff' })
  await u.login(username, `${username}-First-1`)
  await u.ok('auth.changePassword', { oldPassword: `${username}-First-1`, newPassword: passwordOf(username) })
  return user.id
}

async function team(): Promise<Team> {
  let now = NOW
  const u = await readyUnit({ clock: () => now })
  const peers = { peer1: await staffAccount(u, 'peer1'), peer2: await staffAccount(u, 'peer2'), peer3: await staffAccount(u, 'peer3') }
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const people = await u.ok('org.people.list', {})
  const p = Object.fromEntries(people.map((x) => [x.name, x.id])) as Team['p']
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.head1! })
  await u.ok('org.people.linkAccount', { personId: p.赵刚, userId: u.ids.disc1! })
  await u.ok('org.people.linkAccount', { personId: p.孙丽, userId: u.ids.staff1! })
  await u.ok('org.people.linkAccount', { personId: p.钱伟, userId: peers.peer1 })
  await u.ok('org.people.linkAccount', { personId: p.周杰, userId: peers.peer2 })
  await u.ok('org.people.linkAccount', { personId: p.吴敏, userId: peers.peer3 })
  await u.ok('org.leadership.set', { headId: p.李明, memberIds: [p.李明], disciplineIds: [], effectiveOn: '2026-01-01' })
  return { u, p, setNow: (d) => (now = d) }
}

type RateInput = InputOf<'quarterly.rate'>
// Most cases rate without a 小结: confirmed explicitly (quarterlyPhases.test.ts covers the refusal without it).
const rating = (personId: number, over: Partial<RateInput> = {}): RateInput => ({ personId, year: 2026, quarter: 1, performance: 85, potential: 80, withoutSummary: true, ...over })

/** Days inside the rating phase of Q3 and Q4 2025 (phases.ts: 5 working days for the 小结, then 10 to rate). */
const IN_Q3_2025_RATING = new Date('2025-10-20T12:00:00Z')
const IN_Q4_2025_RATING = new Date('2026-01-15T12:00:00Z')

async function lastAudit(u: ReadyUnit, action: string, outcome: 'ok' | 'denied' | 'failed') {
  await u.as('auditor')
  return (await u.ok('audit.list', { action, outcome, limit: 1 })).entries[0]
}

describe('quarterly score and grade', () => {
  it('supervisor 85 and peers 90/80/70 give 84, 较好; the rating comes back with the quarter’s ledger size', async () => {
    const { u, p } = await team()
    await u.as('disc1')
    await u.ok('ledger.add', { personId: p.孙丽, day: '2026-02-10', kind: 'workRecord', text: '完成季度巡查' })
    await u.ok('ledger.add', { personId: p.孙丽, day: '2026-04-02', kind: 'workRecord', text: '下一季度的记录' })

    await u.as('staff1')
    const summary = await u.ok('quarterly.submitSummary', { personId: p.孙丽, year: 2026, quarter: 1, text: '完成巡查任务，问题与改进如下……' })
    expect(summary).toMatchObject({ summary: '完成巡查任务，问题与改进如下……', from: '2026-01-01', to: '2026-03-31', ledgerEntries: 1 })

    await u.as('hr1')
    const first = await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.钱伟, rateeIds: [p.孙丽] })
    expect(first.warnings).toEqual([expect.objectContaining({ rateeId: p.孙丽, peers: 1, departmentSize: 5 })])
    await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.周杰, rateeIds: [p.孙丽] })
    const third = await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.吴敏, rateeIds: [p.孙丽] })
    expect(third.warnings).toEqual([])
    expect(third.assignments).toEqual([expect.objectContaining({ raterId: p.吴敏, rateeId: p.孙丽, myScore: null })])

    await u.as('disc1')
    const rated = await u.ok('quarterly.rate', rating(p.孙丽))
    expect(rated.ledgerEntries).toBe(1)
    expect(rated.status).toMatchObject({ score: 85, grade: 'fairlyGood', meetsStandard: true, peersAssigned: 3, peersRated: 0 })
    expect(rated.status.flags).toContain('NO_PEER_RATINGS')
    expect(rated.openedFollowups).toEqual([])
    const audit = await lastAudit(u, 'quarterly.rate', 'ok')
    expect(audit).toMatchObject({ actor: 'disc1', target: `person:${p.孙丽}`, detail: { year: 2026, quarter: 1 } })
    expect(audit?.detail).not.toHaveProperty('grade')

    for (const [who, score] of [
      ['peer1', 90],
      ['peer2', 80],
      ['peer3', 70],
    ] as const) {
      await u.as(who)
      const [mine] = await u.ok('quarterly.myPeerAssignments', { year: 2026, quarter: 1 })
      expect((await u.ok('quarterly.peerRate', { assignmentId: mine!.id, score })).myScore).toBe(score)
    }

    await u.as('hr1')
    const rows = await u.ok('quarterly.status', { year: 2026, quarter: 1 })
    expect(rows.map((r) => r.name)).toEqual(['李明', '王芳', '赵刚', '孙丽', '钱伟', '周杰', '吴敏'])
    const sun = rows.find((r) => r.personId === p.孙丽)!
    expect(sun).toMatchObject({ score: 84, grade: 'fairlyGood', meetsStandard: true, peersAssigned: 3, peersRated: 3, peerMean: 80, rating: { performance: 85, potential: 80, failReason: null } })
    expect(sun.flags).not.toContain('NO_PEER_RATINGS')
    expect(sun.flags).not.toContain('NO_SUMMARY')
    const qian = rows.find((r) => r.personId === p.钱伟)!
    expect(qian).toMatchObject({ score: null, grade: null, meetsStandard: null })
    expect(qian.flags).toEqual(expect.arrayContaining(['NOT_RATED', 'FEW_PEERS', 'NO_SUMMARY']))
    // 办公室 has two people: too few for 3 peers, so no FEW_PEERS there.
    expect(rows.find((r) => r.personId === p.王芳)!.flags).not.toContain('FEW_PEERS')
  })

  it('without peers the supervisor’s rating counts 100% and the row says so', async () => {
    const { u, p } = await team()
    await u.as('disc1')
    const r = await u.ok('quarterly.rate', rating(p.钱伟, { performance: 72.5, potential: 60 }))
    expect(r.status).toMatchObject({ score: 72.5, grade: 'fair', meetsStandard: true, peersRated: 0, peerMean: null })
    expect(r.status.flags).toContain('NO_PEER_RATINGS')
    // No guideline of 2026 is in force yet: the defaults score it, and the row says that too.
    expect(r.status).toMatchObject({ guidelineVersion: null })
    expect(r.status.flags).toContain('DEFAULT_GUIDELINE')
  })
})

describe('who does what', () => {
  it('peers see only their own assignments and scores; another’s assignment is refused and audited', async () => {
    const { u, p } = await team()
    await u.as('hr1')
    await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.钱伟, rateeIds: [p.孙丽, p.周杰] })
    await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.周杰, rateeIds: [p.孙丽] })
    await u.as('peer1')
    const mine = await u.ok('quarterly.myPeerAssignments', {})
    expect(mine.map((a) => a.rateeName).sort()).toEqual(['周杰', '孙丽'].sort())
    const toSun = mine.find((a) => a.rateeId === p.孙丽)!
    await u.ok('quarterly.peerRate', { assignmentId: toSun.id, score: 95 })

    await u.as('peer2')
    const theirs = await u.ok('quarterly.myPeerAssignments', {})
    expect(theirs).toEqual([expect.objectContaining({ raterId: p.周杰, rateeId: p.孙丽, myScore: null })])
    expect(JSON.stringify(theirs)).not.toContain('95')
    expect(await u.err('quarterly.peerRate', { assignmentId: toSun.id, score: 10 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await lastAudit(u, 'quarterly.peerRate', 'denied')).toMatchObject({ actor: 'peer2', target: `peerAssignment:${toSun.id}` })
    // A peer reads no one else's quarter, and the list shows them only their own.
    await u.as('peer2')
    expect(await u.err('quarterly.get', { personId: p.孙丽, year: 2026, quarter: 1 })).toMatchObject({ code: 'FORBIDDEN' })
    expect((await u.ok('quarterly.status', { year: 2026, quarter: 1 })).map((r) => r.personId)).toEqual([p.周杰])

    // The ratee sees the mean on their sheet, never who gave what.
    await u.as('staff1')
    const own = await u.ok('quarterly.get', { personId: p.孙丽, year: 2026, quarter: 1 })
    expect(own).toMatchObject({ peersAssigned: 2, peersRated: 1 })
    expect(Object.keys(own)).not.toContain('peerRatings')
    // HR assigns, but does not see the scores either.
    await u.as('hr1')
    const again = await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.钱伟, rateeIds: [p.孙丽] })
    expect(again.assignments.every((a) => a.myScore === null)).toBe(true)
  })

  it('refuses self-assignment and a peer from another department', async () => {
    const { u, p } = await team()
    await u.as('hr1')
    expect(await u.err('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.钱伟, rateeIds: [p.孙丽, p.钱伟] })).toMatchObject({
      code: 'PEER_SELF_ASSIGNMENT',
      params: { name: '钱伟' },
    })
    expect(await u.err('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.王芳, rateeIds: [p.孙丽] })).toMatchObject({ code: 'PEER_OTHER_DEPARTMENT' })
    await u.as('peer1')
    expect(await u.ok('quarterly.myPeerAssignments', {})).toEqual([])
  })

  it('a supervisor rates only direct reports; the chain above, HR and the person are refused', async () => {
    const { u, p } = await team()
    for (const [as, personId] of [
      ['disc1', p.王芳],
      ['head1', p.孙丽],
      ['hr1', p.孙丽],
      ['staff1', p.孙丽],
    ] as const) {
      await u.as(as)
      expect(await u.err('quarterly.rate', rating(personId)), `${as} → ${personId}`).toMatchObject({ code: 'FORBIDDEN' })
    }
    await u.as('head1')
    expect((await u.ok('quarterly.rate', rating(p.赵刚))).status.rating).toMatchObject({ supervisorId: p.李明, performance: 85 })
  })

  it('不达标 needs a written reason; a future quarter cannot be rated; a 小结 changed after the rating is shown as such', async () => {
    const { u, p, setNow } = await team()
    await u.as('disc1')
    expect(await u.err('quarterly.rate', rating(p.孙丽, { failMark: true }))).toMatchObject({ code: 'QUARTERLY_FAIL_REASON_REQUIRED' })
    expect(await u.err('quarterly.rate', rating(p.孙丽, { failMark: true, failReason: '   ' }))).toMatchObject({ code: 'QUARTERLY_FAIL_REASON_REQUIRED' })
    expect(await u.err('quarterly.rate', rating(p.孙丽, { quarter: 3 }))).toMatchObject({ code: 'QUARTER_NOT_STARTED', params: { year: 2026, quarter: 3 } })
    expect(await u.err('quarterly.rate', rating(p.孙丽, { performance: 85.555 }))).toMatchObject({ code: 'INVALID_INPUT' })
    const marked = await u.ok('quarterly.rate', rating(p.孙丽, { performance: 92, failMark: true, failReason: '重大任务推诿，造成群众投诉' }))
    expect(marked.status).toMatchObject({ grade: 'good', meetsStandard: false, rating: { failReason: '重大任务推诿，造成群众投诉' } })
    setNow(new Date(NOW.getTime() + 60_000))
    await u.as('staff1')
    // The rating no longer locks the 小结 (it is editable until the rating phase ends): the row says it came after.
    const late = await u.ok('quarterly.submitSummary', { personId: p.孙丽, year: 2026, quarter: 1, text: '补交' })
    expect(late).toMatchObject({ summary: '补交' })
    expect(late.flags).toContain('SUMMARY_CHANGED_AFTER_RATING')
    expect(await u.err('quarterly.submitSummary', { personId: p.钱伟, year: 2026, quarter: 1, text: '代交' })).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('the quarterly rules come from the policy in force', () => {
  it('an approved policy with two peers minimum and a 7-day interview is what assignment, status and follow-ups use', async () => {
    const { u, p, setNow } = await team()
    await u.as('hr1')
    const body = { ...DEFAULT_POLICY, version: '市局2026-季度', quarterly: { ...DEFAULT_POLICY.quarterly, minPeerRaters: 2, interviewDays: 7 } }
    const pending = await u.ok('policy.import', { year: 2026, file: csv('policy.json', JSON.stringify(body)) })
    expect(pending.changes).toEqual([
      { key: 'quarterly.minPeerRaters', from: DEFAULT_POLICY.quarterly.minPeerRaters, to: 2 },
      { key: 'quarterly.interviewDays', from: DEFAULT_POLICY.quarterly.interviewDays, to: 7 },
    ])
    await u.as('head1')
    await u.ok('policy.decide', { id: pending.id, approve: true })

    await u.as('hr1')
    const first = await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.钱伟, rateeIds: [p.孙丽] })
    expect(first.warnings).toEqual([expect.objectContaining({ rateeId: p.孙丽, peers: 1 })])
    expect(first.warnings[0]!.zh).toContain('应至少安排 2 名')
    const second = await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.周杰, rateeIds: [p.孙丽] })
    expect(second.warnings).toEqual([])
    const rows = await u.ok('quarterly.status', { year: 2026, quarter: 1 })
    expect(rows.find((r) => r.personId === p.孙丽)!.flags).not.toContain('FEW_PEERS')
    // 办公室 has two people: one peer is possible, two are not, so no FEW_PEERS there either.
    expect(rows.find((r) => r.personId === p.王芳)!.flags).not.toContain('FEW_PEERS')

    setNow(IN_Q4_2025_RATING)
    await u.as('disc1')
    await u.ok('quarterly.rate', rating(p.孙丽, { year: 2025, quarter: 4, performance: 55, potential: 50 }))
    setNow(NOW)
    await u.as('disc1')
    const q1 = await u.ok('quarterly.rate', rating(p.孙丽, { performance: 55 }))
    // NOW is 2026-04-10: seven days on.
    expect(q1.openedFollowups.find((f) => f.kind === 'interview')!.deadline).toBe('2026-04-17')
  })

  it('a policy file written before the quarterly section existed keeps the shipped quarterly rules', async () => {
    const { u } = await team()
    await u.as('hr1')
    const { quarterly: _q, ...older } = DEFAULT_POLICY
    const pending = await u.ok('policy.import', { year: 2026, file: csv('policy.json', JSON.stringify({ ...older, version: '旧版' })) })
    expect(pending.changes).toEqual([])
  })
})

describe('two consecutive 不达标 quarters', () => {
  it('Q4 2025 then Q1 2026 open an interview and a support plan, owned by the group head, on the leaders’ home page', async () => {
    const { u, p, setNow } = await team()
    setNow(IN_Q4_2025_RATING)
    await u.as('disc1')
    const q4 = await u.ok('quarterly.rate', rating(p.孙丽, { year: 2025, quarter: 4, performance: 55, potential: 50 }))
    setNow(NOW)
    await u.as('disc1')
    expect(q4.status).toMatchObject({ grade: 'poor', meetsStandard: false })
    expect(q4.openedFollowups).toEqual([])
    const q1 = await u.ok('quarterly.rate', rating(p.孙丽, { performance: 75, failMark: true, failReason: '季度任务未完成' }))
    expect(q1.openedFollowups.map((f) => f.kind).sort()).toEqual(['interview', 'supportPlan'])
    expect(q1.openedFollowups[0]).toMatchObject({ personId: p.孙丽, year: 2026, quarter: 1, ownerId: p.李明, ownerName: '李明', state: 'open' })
    const plan = q1.openedFollowups.find((f) => f.kind === 'supportPlan')!
    // The interview within 14 days; the plan runs to the end of the quarter after the current one.
    expect(q1.openedFollowups.find((f) => f.kind === 'interview')!.deadline).toBe('2026-04-24')
    expect(plan.deadline).toBe('2026-09-30')
    // Rating the quarter again opens nothing new.
    expect((await u.ok('quarterly.rate', rating(p.孙丽, { performance: 50 }))).openedFollowups).toEqual([])

    await u.as('head1')
    const list = await u.ok('quarterly.followups.list', {})
    expect(list).toHaveLength(2)
    expect(await u.ok('home.tasks')).toEqual(expect.arrayContaining([{ kind: 'quarterly.followupsOpen', count: 2, route: 'quarterly?tab=followups' }]))
    const done = await u.ok('quarterly.followups.update', { id: list.find((f) => f.kind === 'interview')!.id, state: 'done', notes: '已约谈' })
    expect(done).toMatchObject({ state: 'done', notes: '已约谈' })
    expect(await u.ok('quarterly.followups.list', { state: 'open' })).toEqual([expect.objectContaining({ kind: 'supportPlan' })])

    for (const as of ['staff1', 'disc1', 'hr1']) {
      await u.as(as)
      expect(await u.err('quarterly.followups.list', {}), as).toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('a quarter passed in between breaks the run', async () => {
    const { u, p, setNow } = await team()
    setNow(IN_Q3_2025_RATING)
    await u.as('disc1')
    await u.ok('quarterly.rate', rating(p.钱伟, { year: 2025, quarter: 3, performance: 50 }))
    setNow(IN_Q4_2025_RATING)
    await u.as('disc1')
    await u.ok('quarterly.rate', rating(p.钱伟, { year: 2025, quarter: 4, performance: 70 }))
    setNow(NOW)
    await u.as('disc1')
    expect((await u.ok('quarterly.rate', rating(p.钱伟, { performance: 50 }))).openedFollowups).toEqual([])
  })
})

describe('the 9-box and home tasks', () => {
  it('places people by performance × potential with the guideline in force', async () => {
    const { u, p, setNow } = await team()
    await u.as('disc1')
    await u.ok('quarterly.rate', rating(p.孙丽, { performance: 90, potential: 60 }))
    await u.ok('quarterly.rate', rating(p.钱伟, { performance: 75, potential: 85 }))
    await u.ok('quarterly.rate', rating(p.周杰, { performance: 70, potential: 69.99 }))
    await u.as('head1')
    const box = await u.ok('quarterly.nineBox', { year: 2026, quarter: 1 })
    expect(box.cutoffs).toEqual({ middleMin: 70, highMin: 85 })
    expect(box.cells).toHaveLength(9)
    const cellOf = (v: typeof box, id: number) => v.cells.find((c) => c.people.some((x) => x.personId === id))!
    expect(cellOf(box, p.孙丽)).toMatchObject({ row: 'low', col: 'high' })
    expect(cellOf(box, p.钱伟)).toMatchObject({ row: 'high', col: 'middle' })
    expect(cellOf(box, p.周杰)).toMatchObject({ row: 'low', col: 'middle' })

    // A 2026 guideline with other cut-offs, once in force, places them by its own.
    await u.as('hr1')
    const draft = await u.ok('guideline.saveDraft', { year: 2026 })
    const g = structuredClone(draft.draft!.guideline)
    g.channels.quarterly.nineBoxCutoffs = { middleMin: 80, highMin: 90 }
    await u.ok('guideline.saveDraft', { year: 2026, guideline: g })
    await u.as('head1')
    await u.ok('guideline.publish', { year: 2026 })
    setNow(new Date('2026-05-15T12:00:00Z'))
    await u.as('hr1')
    const later = await u.ok('quarterly.nineBox', { year: 2026, quarter: 1 })
    expect(later).toMatchObject({ guidelineVersion: 1, cutoffs: { middleMin: 80, highMin: 90 } })
    expect(cellOf(later, p.钱伟)).toMatchObject({ row: 'middle', col: 'low' })
    expect(cellOf(later, p.孙丽)).toMatchObject({ row: 'low', col: 'high' })

    // One rule with quarterly.status (issue 7): a supervisor sees the 9-box of their own reporting chain (and themselves).
    await u.as('disc1')
    const own = await u.ok('quarterly.nineBox', { year: 2026, quarter: 1 })
    expect(own.cells.flatMap((c) => c.people.map((x) => x.personId)).sort()).toEqual([p.孙丽, p.钱伟, p.周杰].sort())
    expect(own.cells.flatMap((c) => c.people.map((x) => x.personId))).not.toContain(p.李明)
    for (const as of ['sysadmin', 'auditor']) {
      await u.as(as)
      expect(await u.err('quarterly.nineBox', { year: 2026, quarter: 1 }), as).toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('supervisors see ratings due for the last quarter, peers their reviews to do', async () => {
    const { u, p } = await team()
    await u.as('disc1')
    expect(await u.ok('home.tasks')).toEqual(expect.arrayContaining([{ kind: 'quarterly.ratingsDue', count: 4, route: 'quarterly?tab=status' }]))
    await u.ok('quarterly.rate', rating(p.孙丽))
    expect((await u.ok('home.tasks')).find((t) => t.kind === 'quarterly.ratingsDue')).toMatchObject({ count: 3 })
    await u.as('hr1')
    await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p.钱伟, rateeIds: [p.孙丽, p.吴敏] })
    await u.as('peer1')
    expect(await u.ok('home.tasks')).toEqual(expect.arrayContaining([{ kind: 'quarterly.peerRatingsDue', count: 2, route: 'quarterly?tab=peer' }]))
    await u.as('staff1')
    // The person rates nobody and was assigned no peer review (their own 小结 due is another card).
    expect((await u.ok('home.tasks')).filter((t) => t.kind === 'quarterly.ratingsDue' || t.kind === 'quarterly.peerRatingsDue')).toEqual([])
  })
})
