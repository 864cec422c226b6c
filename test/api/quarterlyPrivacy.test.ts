import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { readyUnit, passwordOf, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 defect 12 (quarterly parts): with fewer peer ratings than the policy's minimum, nobody
 * reads a peer mean (one rater's mean is their rating) and the ratee does not get the score that
 * would give it back; and the 9-box follows the same rule as quarterly.status.
 */
const NOW = new Date('2026-04-10T12:00:00Z')
const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0401,赵刚,综合执法大队,大队长,行政执法,一级主任科员,0101,是,在职,2010-03-01',
    '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2020-08-01',
    '0403,钱伟,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
    '0404,周杰,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
    '0405,吴敏,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
  ].join('\n') +
  '\n'
type Name = '李明' | '赵刚' | '孙丽' | '钱伟' | '周杰' | '吴敏'

async function staffAccount(u: ReadyUnit, username: string): Promise<number> {
  await u.as('sysadmin')
  const user = await u.ok('users.add', { username, displayName: username, password: `${username}-First-1` })
  await u.as('secadmin')
  await u.ok('roles.grant', { userId: user.id, role: 'staff' })
  await u.login(username, `${username}-First-1`)
  await u.ok('auth.changePassword', { oldPassword: `${username}-First-1`, newPassword: passwordOf(username) })
  return user.id
}

/** 赵刚 (disc1) supervises 孙丽 (staff1) and her three peers 钱伟, 周杰, 吴敏 (peer1–3), all assigned to rate her. */
async function team(): Promise<{ u: ReadyUnit; p: Record<Name, number> }> {
  const u = await readyUnit({ clock: () => NOW })
  const peers = [await staffAccount(u, 'peer1'), await staffAccount(u, 'peer2'), await staffAccount(u, 'peer3')]
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const p = Object.fromEntries((await u.ok('org.people.list', {})).map((x) => [x.name, x.id])) as Record<Name, number>
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.head1! })
  await u.ok('org.people.linkAccount', { personId: p.赵刚, userId: u.ids.disc1! })
  await u.ok('org.people.linkAccount', { personId: p.孙丽, userId: u.ids.staff1! })
  const names = ['钱伟', '周杰', '吴敏'] as const
  for (const [i, name] of names.entries()) {
    await u.ok('org.people.linkAccount', { personId: p[name], userId: peers[i]! })
    await u.ok('quarterly.assignPeers', { year: 2026, quarter: 1, raterId: p[name], rateeIds: [p.孙丽] })
  }
  await u.as('disc1')
  await u.ok('quarterly.rate', { personId: p.孙丽, year: 2026, quarter: 1, performance: 85, potential: 80, withoutSummary: true })
  return { u, p }
}

async function peerRates(u: ReadyUnit, who: string, score: number): Promise<void> {
  await u.as(who)
  const [mine] = await u.ok('quarterly.myPeerAssignments', { year: 2026, quarter: 1 })
  await u.ok('quarterly.peerRate', { assignmentId: mine!.id, score })
}

const Q1 = { year: 2026, quarter: 1 as const }

describe('peer ratings below the policy’s minimum of raters', () => {
  it('shows no peer mean to anyone, and the ratee no score, until the minimum have rated', async () => {
    const { u, p } = await team()
    expect(DEFAULT_POLICY.quarterly.minPeerRaters).toBe(3)
    await peerRates(u, 'peer1', 97)

    // The ratee: neither the mean nor the score (score = 80% × 85 + 20% × 97 = 87.4 would give 97 back).
    await u.as('staff1')
    const mine = await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })
    expect(mine).toMatchObject({ peersRated: 1, peerMean: null, score: null, grade: 'fairlyGood', rating: { performance: 85 } })
    expect(mine.flags).toContain('PEER_MEAN_HIDDEN')
    expect(JSON.stringify(mine)).not.toMatch(/97|87\.4/)
    const ownRow = (await u.ok('quarterly.status', Q1)).find((r) => r.personId === p.孙丽)!
    expect(ownRow).toMatchObject({ peerMean: null, score: null })

    // Everyone else: no mean either (HR and the supervisor keep the score they need).
    for (const as of ['hr1', 'disc1', 'head1']) {
      await u.as(as)
      const row = (await u.ok('quarterly.status', Q1)).find((r) => r.personId === p.孙丽)!
      expect(row, as).toMatchObject({ peersRated: 1, peerMean: null, score: 87.4 })
      expect(row.flags, as).toContain('PEER_MEAN_HIDDEN')
    }

    await peerRates(u, 'peer2', 80)
    await u.as('staff1')
    expect(await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })).toMatchObject({ peersRated: 2, peerMean: null, score: null })
    await peerRates(u, 'peer3', 72)
    // Three ratings: the mean is no one's rating any more.
    await u.as('staff1')
    const full = await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })
    expect(full).toMatchObject({ peersRated: 3, peerMean: 83, score: 84.6 })
    expect(full.flags).not.toContain('PEER_MEAN_HIDDEN')
  })

  it('takes the minimum from the policy in force', async () => {
    const { u, p } = await team()
    await peerRates(u, 'peer1', 97)
    await u.as('hr1')
    const policy = { ...DEFAULT_POLICY, version: 'two-peers', quarterly: { ...DEFAULT_POLICY.quarterly, minPeerRaters: 2 } }
    const pending = await u.ok('policy.import', { year: 2026, file: csv('policy.json', JSON.stringify(policy)) })
    await u.as('head1')
    await u.ok('policy.decide', { id: pending.id, approve: true })
    await u.as('staff1')
    expect(await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })).toMatchObject({ peersRated: 1, peerMean: null })
    await peerRates(u, 'peer2', 81)
    await u.as('staff1')
    expect(await u.ok('quarterly.get', { personId: p.孙丽, ...Q1 })).toMatchObject({ peersRated: 2, peerMean: 89 })
  })
})

describe('the 9-box follows the rule of quarterly.status', () => {
  it('gives a supervisor the 9-box of exactly the people whose axes quarterly.status shows them', async () => {
    const { u, p } = await team()
    await u.as('disc1')
    await u.ok('quarterly.rate', { personId: p.钱伟, ...Q1, performance: 60, potential: 90, withoutSummary: true })
    await u.as('head1')
    await u.ok('quarterly.rate', { personId: p.赵刚, ...Q1, performance: 92, potential: 88, withoutSummary: true })

    await u.as('disc1')
    const rated = (await u.ok('quarterly.status', Q1)).filter((r) => r.rating).map((r) => ({ id: r.personId, performance: r.rating!.performance, potential: r.rating!.potential }))
    const box = await u.ok('quarterly.nineBox', Q1)
    const placed = box.cells.flatMap((c) => c.people.map((x) => ({ id: x.personId, performance: x.performance, potential: x.potential })))
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id
    expect(placed.sort(byId)).toEqual(rated.sort(byId))
    // Their reports and themselves (quarterly.read's self and supervisorChain), not the head above them.
    expect(placed.map((x) => x.id).sort()).toEqual([p.赵刚, p.孙丽, p.钱伟].sort())
    expect(placed.map((x) => x.id)).not.toContain(p.李明)

    // The head of the unit (leadership group, and top of the reporting line) sees all three.
    await u.as('head1')
    const all = await u.ok('quarterly.nineBox', Q1)
    expect(all.cells.flatMap((c) => c.people.map((x) => x.personId)).sort()).toEqual([p.赵刚, p.孙丽, p.钱伟].sort())
    // Someone with no one reporting to them: only themselves, in both.
    await u.as('peer1')
    expect((await u.ok('quarterly.nineBox', Q1)).cells.flatMap((c) => c.people.map((x) => x.personId))).toEqual([p.钱伟])
    expect((await u.ok('quarterly.status', Q1)).map((r) => r.personId)).toEqual([p.钱伟])
  })
})
