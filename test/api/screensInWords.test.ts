import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import { readyUnit } from '../support/tempUnit'

const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })

/** 1 December 2026: the year's last quarter in its last month. */
const DECEMBER = new Date('2026-12-01T09:00:00Z')

async function staffUnit() {
  const u = await readyUnit({ clock: () => DECEMBER })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', '工号,姓名,科室,岗位,岗位类别,直接主管工号\n0101,李明,办公室,主任,综合管理,\n0102,孙丽,办公室,文秘,综合管理,0101\n'))
  const people = await u.ok('org.people.list', {})
  const sun = people.find((p) => p.name === '孙丽')!.id
  await u.ok('org.people.linkAccount', { personId: sun, userId: u.ids.staff1! })
  return { u, sun }
}

// Issue 8, "What a user expects from the screens": the API side of the audit viewer and the unlock.
describe('audit viewer filters', () => {
  it('finds entries by a set of action codes (a label search) and by a time range', async () => {
    const u = await readyUnit()
    await u.as('auditor')
    const all = await u.ok('audit.list', { limit: 500 })
    const logins = all.entries.filter((e) => e.action === 'auth.login' || e.action === 'auth.logout')
    expect(logins.length).toBeGreaterThan(3)
    const found = await u.ok('audit.list', { actions: ['auth.login', 'auth.logout'], limit: 500 })
    expect(found.entries.map((e) => e.seq)).toEqual(logins.map((e) => e.seq))
    expect(found.total).toBe(logins.length)
    // A label that matched no code finds nothing (not everything).
    expect((await u.ok('audit.list', { actions: [], limit: 10 })).total).toBe(0)

    const oldest = all.entries[all.entries.length - 1]!
    const newest = all.entries[0]!
    const window = await u.ok('audit.list', { from: oldest.at, to: newest.at, limit: 500 })
    expect(window.entries.every((e) => e.at >= oldest.at && e.at < newest.at)).toBe(true)
    expect(window.entries.map((e) => e.seq)).not.toContain(newest.seq)
    expect(window.entries.map((e) => e.seq)).toContain(oldest.seq)
    const future = new Date(Date.parse(newest.at) + 86_400_000).toISOString()
    expect((await u.ok('audit.list', { from: future, limit: 10 })).total).toBe(0)
  })
})

describe('locked accounts', () => {
  it('the system administrator sees the lockout and ends it; the unlock is audited', async () => {
    const u = await readyUnit()
    for (let i = 0; i < 10; i++) {
      const r = await u.app.call('auth.login', { username: 'staff1', password: 'wrong-password-1' })
      if (!r.ok && r.error.code === 'ACCOUNT_LOCKED') break
    }
    expect((await u.app.call('auth.login', { username: 'staff1', password: 'staff1-Pass-2026!' })).ok).toBe(false)
    await u.as('sysadmin')
    const before = (await u.ok('users.list')).find((x) => x.username === 'staff1')!
    expect(before.lockedUntil).not.toBeNull()
    const after = await u.ok('users.unlock', { userId: u.ids.staff1! })
    expect(after.lockedUntil).toBeNull()
    await u.as('staff1') // signs in again with the right password
    await u.as('auditor')
    const log = await u.ok('audit.list', { action: 'users.unlock', limit: 5 })
    expect(log.entries).toHaveLength(1)
    expect(log.entries[0]).toMatchObject({ actor: 'sysadmin', outcome: 'ok', target: `user:${u.ids.staff1}` })
  })
})

describe('staff home: their own to-dos and the year’s timeline', () => {
  it('the Q4 小结 is a to-do in December, opening the summary tab of that quarter, until it is submitted', async () => {
    const { u, sun } = await staffUnit()
    await u.as('staff1')
    const task = (await u.ok('home.tasks')).find((t) => t.kind === 'quarterly.summaryDue')
    expect(task).toMatchObject({ count: 1, route: 'quarterly?tab=summary&year=2026&quarter=4' })
    expect(task?.dueOn && task.dueOn > '2026-12-31').toBe(true)
    await u.ok('quarterly.submitSummary', { personId: sun, year: 2026, quarter: 4, text: '本季度完成了各项工作。' })
    expect((await u.ok('home.tasks')).map((t) => t.kind)).not.toContain('quarterly.summaryDue')
  })

  it('the timeline says where the cycle stands, with this year’s quarter dates', async () => {
    const { u } = await staffUnit()
    await u.as('staff1')
    const tl = await u.ok('home.timeline')
    expect(tl.year).toBe(2026)
    expect(tl.steps.map((s) => [s.step, s.state])).toEqual([
      ['goals', 'done'],
      ['ledger', 'now'],
      ['quarterly', 'now'],
      ['annual', 'next'],
      ['feedback', 'next'],
    ])
    expect(tl.quarters.map((q) => q.phase)).toEqual(['closed', 'closed', 'closed', 'open'])
    expect(tl.quarters[3]).toMatchObject({ quarter: 4, to: '2026-12-31' })
    expect(tl.quarters[3]!.summaryDueOn > '2026-12-31').toBe(true)
  })
})

describe('the printed 承诺书', () => {
  it('carries the person’s 岗位 in the letter list, so staff printing their own letter see it', async () => {
    const { u } = await staffUnit()
    await u.as('staff1')
    expect((await u.ok('commitments.list', { year: 2026 })).map((s) => [s.personName, s.post])).toEqual([['孙丽', '文秘']])
  })
})
