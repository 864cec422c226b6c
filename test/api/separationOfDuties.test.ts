import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 defect 3 — 三员分立 (DESIGN.md §4): no administrator role for an account linked to a
 * person, in either order, and no reporting-line right ever reaches an administrator, even one
 * whose link and role were paired outside the app.
 */
const NOW = new Date('2026-04-10T12:00:00Z')
const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0102,王芳,办公室,文秘,综合管理,一级科员,0101,否,在职,2019-07-01',
    '0103,钱伟,办公室,科员,综合管理,二级科员,0101,否,在职,2018-08-01',
  ].join('\n') +
  '\n'

/** 李明 (none1) supervises 王芳 and 钱伟 and holds staff + supervisor; 王芳 has a ledger entry and a Q1 rating. */
async function supervisorUnit(): Promise<{ u: ReadyUnit; p: Record<'李明' | '王芳' | '钱伟', number> }> {
  const u = await readyUnit({ clock: () => NOW })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const p = Object.fromEntries((await u.ok('org.people.list', {})).map((x) => [x.name, x.id])) as Record<'李明' | '王芳' | '钱伟', number>
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.none1! })
  await u.as('secadmin')
  await u.ok('roles.grant', { userId: u.ids.none1!, role: 'staff' })
  await u.ok('roles.grant', { userId: u.ids.none1!, role: 'supervisor' })
  await u.as('none1')
  await u.ok('ledger.add', { personId: p.王芳, day: '2026-04-01', kind: 'workRecord', text: '完成季度报表' })
  await u.ok('quarterly.rate', { personId: p.王芳, year: 2026, quarter: 1, performance: 88, potential: 75, withoutSummary: true })
  return { u, p }
}

describe('separation of duties (三员分立)', () => {
  it('refuses an administrator role for an account linked to a person (revoke content roles, then grant auditor)', async () => {
    const { u } = await supervisorUnit()
    await u.as('secadmin')
    await u.ok('roles.revoke', { userId: u.ids.none1!, role: 'staff' })
    await u.ok('roles.revoke', { userId: u.ids.none1!, role: 'supervisor' })
    for (const role of ['auditor', 'secadmin', 'sysadmin'] as const) {
      const e = await u.err('roles.grant', { userId: u.ids.none1!, role })
      expect(e, role).toMatchObject({ code: 'ROLE_LINKED_ACCOUNT', params: { username: 'none1', name: '李明' } })
    }
    expect((await u.ok('roles.list')).find((r) => r.userId === u.ids.none1)?.roles ?? []).toEqual([])
    // Once HR has unlinked the account, it may become an administrator.
    await u.as('hr1')
    const people = await u.ok('org.people.list', {})
    await u.ok('org.people.linkAccount', { personId: people.find((x) => x.name === '李明')!.id, userId: null })
    await u.as('secadmin')
    await u.ok('roles.grant', { userId: u.ids.none1!, role: 'auditor' })
  })

  it('refuses to link a person to an account that holds an administrator role (the other order)', async () => {
    const { u, p } = await supervisorUnit()
    await u.as('sysadmin')
    const acct = await u.ok('users.add', { username: 'audit2', displayName: '审计二', password: 'Audit2-First-1' })
    await u.as('secadmin')
    await u.ok('roles.grant', { userId: acct.id, role: 'auditor' })
    await u.as('hr1')
    for (const userId of [acct.id, u.ids.sysadmin!, u.ids.secadmin!, u.ids.auditor!]) {
      expect(await u.err('org.people.linkAccount', { personId: p.钱伟, userId })).toMatchObject({ code: 'ORG_ADMIN_ACCOUNT' })
    }
  })

  it('gives an administrator no reporting-line right even when the link and the role were paired outside the app', async () => {
    const { u, p } = await supervisorUnit()
    // The database edited directly (possible with any one password): none1 keeps its link to 李明,
    // loses its content roles and gets the auditor role.
    await u.as('hr1')
    const store = u.app.state.session!.store
    store.raw.prepare('DELETE FROM user_roles WHERE user_id = ?').run(u.ids.none1!)
    store.raw.prepare("INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES (?, 'auditor', NULL, ?)").run(u.ids.none1!, NOW.toISOString())
    await u.as('none1')
    expect((await u.ok('auth.session'))?.roles).toEqual(['auditor'])

    // Reads that leaked: the reports' ledger, quarterly ratings.
    expect(await u.err('ledger.list', {})).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('ledger.list', { personId: p.王芳 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('ledger.list', { personId: p.李明 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('quarterly.status', { year: 2026, quarter: 1 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('quarterly.get', { personId: p.王芳, year: 2026, quarter: 1 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('commitments.list', { year: 2026 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('talks.list', { month: '2026-03' })).toMatchObject({ code: 'FORBIDDEN' })
    // Writes that leaked: ledger entries and ratings "as auditor".
    expect(await u.err('ledger.add', { personId: p.钱伟, day: '2026-04-02', kind: 'workRecord', text: '以审计员身份写入' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('quarterly.rate', { personId: p.钱伟, year: 2026, quarter: 1, performance: 40, potential: 40 })).toMatchObject({ code: 'FORBIDDEN' })
    // Its own administrator right still works.
    expect((await u.ok('audit.list', { limit: 5 })).entries.length).toBeGreaterThan(0)
    // Nothing was written for 钱伟.
    await u.as('hr1')
    expect((await u.ok('ledger.list', { personId: p.钱伟 })).entries).toEqual([])
  })

  it('gives an administrator who also holds a content role (a damaged database) only the administrator role', async () => {
    const { u, p } = await supervisorUnit()
    await u.as('hr1')
    const store = u.app.state.session!.store
    store.raw.prepare("INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES (?, 'auditor', NULL, ?)").run(u.ids.hr1!, NOW.toISOString())
    await u.as('hr1')
    expect(await u.err('org.people.list', {})).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('ledger.list', { personId: p.王芳 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await u.err('quarterly.status', { year: 2026, quarter: 1 })).toMatchObject({ code: 'FORBIDDEN' })
  })
})
