import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PersonSummary } from '../../src/shared/api/types'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'

const file = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const HEADER = '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n'
const GOOD = HEADER + [
  // A report listed before their supervisor: fine.
  '0102,王芳,办公室,文秘,综合管理,一级科员,0101,否,在职,2019-07-01',
  '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
  '0401,赵刚,综合执法大队,大队长,行政执法,一级主任科员,0101,是,在职,2010-03-01',
  '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0401,是,试用期,2026-08-01',
].join('\n') + '\n'

/** The fields org.people.save takes, from a listed person. */
function editable(p: PersonSummary) {
  const { id, staffNo, name, departmentId, post, category, rank, supervisorId, riskPost, status, joinedOn, leftOn } = p
  return { id, staffNo, name, departmentId, post, category, rank, supervisorId, riskPost, status, joinedOn, leftOn }
}

async function hr(): Promise<ReadyUnit> {
  const u = await readyUnit()
  await u.as('hr1')
  return u
}

describe('roster import', () => {
  it('a bad row is named with row, column and reason, and nothing is written', async () => {
    const u = await hr()
    const bad = GOOD.replace('0402,孙丽,综合执法大队,执法队员,行政执法', '0402,孙丽,综合执法大队,执法队员,后勤保障')
    const preview = await u.ok('org.roster.preview', file('花名册.csv', bad))
    expect(preview.errors).toHaveLength(1)
    expect(preview.errors[0]).toMatchObject({ row: 5, column: '岗位类别', code: 'ROSTER_BAD_CATEGORY', value: '后勤保障' })
    expect(preview.errors[0]!.zh).toContain('后勤保障')
    const err = await u.err('org.roster.import', file('花名册.csv', bad))
    expect(err).toMatchObject({ code: 'ROSTER_INVALID', params: { count: 1, row: 5, column: '岗位类别' } })
    expect(await u.ok('org.people.list', {})).toEqual([])
    expect(await u.ok('org.departments.list')).toEqual([])
  })

  it('imports in one go, creating departments and reporting lines, and a re-import updates by staff number', async () => {
    const u = await hr()
    const preview = await u.ok('org.roster.preview', file('花名册.csv', GOOD))
    expect(preview).toMatchObject({ created: 4, updated: 0, unchanged: 0, errors: [], newDepartments: ['办公室', '综合执法大队'] })
    expect(await u.ok('org.roster.import', file('花名册.csv', GOOD))).toEqual({ created: 4, updated: 0, unchanged: 0, newDepartments: ['办公室', '综合执法大队'] })
    let people = await u.ok('org.people.list', {})
    expect(people.map((p) => [p.staffNo, p.supervisorStaffNo])).toEqual([
      ['0101', null], ['0102', '0101'], ['0401', '0101'], ['0402', '0401'],
    ])
    expect(people.find((p) => p.staffNo === '0402')).toMatchObject({ status: 'probation', riskPost: true, category: 'enforcement' })

    // The same file again changes nothing; a transfer is an update, never a duplicate.
    expect(await u.ok('org.roster.import', file('花名册.csv', GOOD))).toMatchObject({ created: 0, updated: 0, unchanged: 4 })
    const moved = GOOD.replace('0102,王芳,办公室,文秘', '0102,王芳,综合执法大队,内勤')
    const p2 = await u.ok('org.roster.preview', file('花名册.csv', moved))
    expect(p2.changes.find((c) => c.staffNo === '0102')).toMatchObject({ action: 'update', fields: expect.arrayContaining(['post', 'departmentId']) })
    await u.ok('org.roster.import', file('花名册.csv', moved))
    people = await u.ok('org.people.list', {})
    expect(people).toHaveLength(4)
    const wang = people.find((p) => p.staffNo === '0102')!
    expect(wang.departmentName).toBe('综合执法大队')
    const detail = await u.ok('org.people.get', { id: wang.id })
    expect(detail.history.map((h) => [h.departmentName, h.post])).toEqual([['综合执法大队', '内勤'], ['办公室', '文秘']])
    expect(detail.history[1]!.to).toBe(detail.history[0]!.from)
  })

  it('a roster that only has some columns leaves the others as they were', async () => {
    const u = await hr()
    await u.ok('org.roster.import', file('花名册.csv', GOOD))
    const slim = '工号,姓名,科室,岗位类别\n0401,赵刚,综合执法大队,行政执法\n'
    expect(await u.ok('org.roster.import', file('slim.csv', slim))).toMatchObject({ created: 0, unchanged: 1 })
    const zhao = (await u.ok('org.people.list', {})).find((p) => p.staffNo === '0401')!
    expect(zhao).toMatchObject({ riskPost: true, supervisorStaffNo: '0101', post: '大队长' })
  })

  it('reads the real fixture files: Excel with a merged title and date cells, GBK CSV', async () => {
    const u = await hr()
    for (const name of ['roster-real.xlsx', 'roster-gbk.csv', 'roster-utf8-bom.csv']) {
      const bytes = readFileSync(`test/fixtures/roster/${name}`)
      const preview = await u.ok('org.roster.preview', { fileName: name, contentBase64: bytes.toString('base64') })
      expect(preview.errors, name).toEqual([])
      expect(preview.created, name).toBeGreaterThan(1)
    }
  })

  it('refuses a reporting cycle made by hand, naming it', async () => {
    const u = await hr()
    await u.ok('org.roster.import', file('花名册.csv', GOOD))
    const people = await u.ok('org.people.list', {})
    const li = people.find((p) => p.staffNo === '0101')!
    const sun = people.find((p) => p.staffNo === '0402')!
    const err = await u.err('org.people.save', { ...editable(li), supervisorId: sun.id, effectiveOn: new Date().toISOString().slice(0, 10) })
    expect(err.code).toBe('ORG_SUPERVISOR_CYCLE')
    expect(String(err.params?.cycle)).toMatch(/李明.*→.*孙丽|孙丽.*→.*李明/)
    expect((await u.ok('org.people.get', { id: li.id })).supervisorId).toBeNull()
  })
})

describe('people, leadership group and accounts', () => {
  it('keeps history for a transfer on a date, and answers who was where', async () => {
    const u = await hr()
    await u.ok('org.roster.import', file('花名册.csv', GOOD))
    const dep = await u.ok('org.departments.save', { name: '计量检测所', code: '06', sortOrder: 6 })
    const wang = (await u.ok('org.people.list', { search: '王芳' }))[0]!
    const saved = await u.ok('org.people.save', { ...editable(wang), departmentId: dep.id, post: '检定员', category: 'technical', effectiveOn: '2026-12-01' })
    expect(saved.history[0]).toMatchObject({ from: '2026-12-01', to: null, departmentName: '计量检测所', category: 'technical' })
    expect(saved.history[1]).toMatchObject({ to: '2026-12-01', departmentName: '办公室' })
    const early = await u.err('org.people.save', { ...editable(wang), departmentId: dep.id, effectiveOn: '2000-01-01' })
    expect(early.code).toBe('ORG_EFFECTIVE_TOO_EARLY')
    const dup = await u.err('org.people.save', { ...editable(wang), id: undefined, name: '另一个人', effectiveOn: '2026-12-01' })
    expect(dup).toMatchObject({ code: 'ORG_DUPLICATE_STAFF_NO', params: { staffNo: '0102' } })
  })

  it('records the leadership group and flags members whose account lacks the role', async () => {
    const u = await hr()
    await u.ok('org.roster.import', file('花名册.csv', GOOD))
    const people = await u.ok('org.people.list', {})
    const id = (no: string) => people.find((p) => p.staffNo === no)!.id
    await u.ok('org.people.linkAccount', { personId: id('0101'), userId: u.ids.head1! })
    await u.ok('org.people.linkAccount', { personId: id('0401'), userId: u.ids.staff1! })
    const info = await u.ok('org.leadership.set', { headId: id('0101'), memberIds: [id('0101'), id('0401')], disciplineIds: [id('0102')], effectiveOn: '2026-01-01' })
    expect(info.head).toMatchObject({ staffNo: '0101', accountHasRole: true })
    expect(info.members).toEqual([expect.objectContaining({ staffNo: '0401', accountHasRole: false })])
    expect(info.discipline).toEqual([expect.objectContaining({ staffNo: '0102', accountHasRole: null })])
    // An administrator's account is never a person's.
    expect((await u.err('org.people.linkAccount', { personId: id('0102'), userId: u.ids.sysadmin! })).code).toBe('ORG_ADMIN_ACCOUNT')
    expect((await u.err('org.people.linkAccount', { personId: id('0102'), userId: u.ids.head1! })).code).toBe('ORG_ACCOUNT_TAKEN')
    expect((await u.ok('org.accounts.list')).map((a) => a.username)).not.toContain('sysadmin')
  })

  it('hands out the roster template in both formats', async () => {
    const u = await hr()
    const xlsx = await u.ok('org.roster.template', { format: 'xlsx' })
    expect(xlsx.fileName).toBe('花名册模板.xlsx')
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK')
    const csv = await u.ok('org.roster.template', { format: 'csv' })
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toMatch(/^\uFEFF工号,姓名,科室/)
  })
})
