import { describe, expect, it } from 'vitest'
import type { FileContent, HomeTask } from '../../src/shared/api/types'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'

/** A clock in April 2026: Q1 has ended (ratings due), April's monthly talks are due. */
const NOW = new Date('2026-04-10T12:00:00Z')

const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })

/** 李明 (none1) heads the unit; 赵刚 (disc1) reports to him and supervises 孙丽 (staff1) and 钱伟. */
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0401,赵刚,综合执法大队,大队长,行政执法,一级主任科员,0101,是,在职,2010-03-01',
    '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2020-08-01',
    '0403,钱伟,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
  ].join('\n') +
  '\n'

async function team(clock: () => Date = () => NOW): Promise<ReadyUnit> {
  const u = await readyUnit({ clock })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const people = await u.ok('org.people.list', {})
  const p = Object.fromEntries(people.map((x) => [x.name, x.id])) as Record<'李明' | '赵刚' | '孙丽', number>
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.none1! })
  await u.ok('org.people.linkAccount', { personId: p.赵刚, userId: u.ids.disc1! })
  await u.ok('org.people.linkAccount', { personId: p.孙丽, userId: u.ids.staff1! })
  return u
}

/** Replaces an account's roles straight in the database, as an edit outside the app could. */
function setRolesRaw(u: ReadyUnit, userId: number, roles: string[]): void {
  const store = u.app.state.session!.store
  store.raw.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId)
  for (const role of roles) store.raw.prepare('INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES (?, ?, NULL, ?)').run(userId, role, NOW.toISOString())
}

const kinds = (tasks: HomeTask[]) => tasks.map((t) => t.kind)
const RELATION_TASKS = ['talks.dueThisMonth', 'talks.overdue', 'quarterly.ratingsDue', 'quarterly.peerRatingsDue', 'commitments.awaitingReview']

describe('home tasks (core/home)', () => {
  it('counts a supervisor’s talks and ratings due for their direct reports', async () => {
    const u = await team()
    await u.as('disc1')
    const tasks = await u.ok('home.tasks')
    expect(tasks).toEqual(
      expect.arrayContaining([
        { kind: 'talks.dueThisMonth', count: 2, route: 'talks' },
        { kind: 'quarterly.ratingsDue', count: 2, route: 'quarterly?tab=status' },
      ]),
    )
  })

  it('counts ratings due only while the last ended quarter is in its rating phase (not before, not once it has closed)', async () => {
    let now = NOW
    const u = await team(() => now)
    await u.as('disc1')
    const ratingsDue = async () => (await u.ok('home.tasks')).find((t) => t.kind === 'quarterly.ratingsDue')
    // 10 April: Q1 is being rated (RULES.md §5: after its 小结 working days).
    expect(await ratingsDue()).toMatchObject({ count: 2 })
    // 2 April: Q1 is still in its 小结 days; nothing can be rated yet.
    now = new Date('2026-04-02T12:00:00Z')
    await u.as('disc1') // a new sign-in: the clock jump locks the session
    expect(await ratingsDue()).toBeUndefined()
    // 20 May: Q1 has closed (ratings no longer save) and Q2 has not ended: no card.
    now = new Date('2026-05-20T12:00:00Z')
    await u.as('disc1')
    expect(await ratingsDue()).toBeUndefined()
  })

  it('counts no reporting-line task for a person linked to an administrator account (the link and role paired outside the app)', async () => {
    const u = await team()
    await u.as('hr1')
    setRolesRaw(u, u.ids.disc1!, ['auditor'])
    await u.as('disc1')
    expect((await u.ok('auth.session'))?.roles).toEqual(['auditor'])
    const tasks = kinds(await u.ok('home.tasks'))
    for (const kind of RELATION_TASKS) expect(tasks, kind).not.toContain(kind)
  })

  it('counts an administrator’s content roles for nothing (a damaged database pairing auditor with hr)', async () => {
    const u = await team()
    await u.as('hr1')
    expect(kinds(await u.ok('home.tasks'))).toEqual(expect.arrayContaining(['guideline.notPublished', 'org.peopleWithoutAccount']))
    setRolesRaw(u, u.ids.hr1!, ['hr', 'auditor'])
    await u.as('hr1')
    const tasks = kinds(await u.ok('home.tasks'))
    expect(tasks).not.toContain('guideline.notPublished')
    expect(tasks).not.toContain('org.peopleWithoutAccount')
  })
})
