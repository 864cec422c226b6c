import { describe, expect, it } from 'vitest'
import { parseRoster } from '../../../src/main/core/org/roster'
import { readGender, readMonth } from '../../../src/main/core/org/roster/personal'
import { readyUnit } from '../../support/tempUnit'

const csv = (text: string) => new TextEncoder().encode(text)
const HEAD = '工号,姓名,科室,岗位类别,性别,出生年月,政治面貌,任现职时间\n'

describe('the roster’s personal columns for the 登记表', () => {
  it('reads months and genders the ways people write them', () => {
    for (const t of ['1988-07', '1988.07', '1988/7', '1988年7月', '198807', '1988-07-15', '１９８８．０７']) expect(readMonth({ kind: 'text', text: t }), t).toBe('1988-07')
    expect(readMonth({ kind: 'date', year: 1988, month: 7, day: 1 })).toBe('1988-07')
    expect(readMonth({ kind: 'number', value: 198807 })).toBe('1988-07')
    expect(readMonth({ kind: 'number', value: 1988.07 })).toBe('1988-07')
    expect(readMonth({ kind: 'number', value: 32325 })).toBe('1988-07') // the serial of 1988-07-01
    // 1988.1 may be January or October whose zero Excel dropped: refused, not guessed.
    expect(readMonth({ kind: 'number', value: 1988.1 })).toBeNull()
    for (const t of ['1988-13', '88-07', '七月', '1788-07']) expect(readMonth({ kind: 'text', text: t }), t).toBeNull()
    expect(readGender({ kind: 'text', text: '女性' })).toBe('女')
    expect(readGender({ kind: 'text', text: 'M' })).toBe('男')
    expect(readGender({ kind: 'text', text: '未知' })).toBeNull()
  })

  it('takes good rows and names each bad cell by row and column, in Chinese and English', async () => {
    const r = await parseRoster(
      csv(
        HEAD +
          '0101,张三,办公室,综合管理类,男,1986-05,中共党员,2019-03\n' +
          '0102,李四,办公室,综合管理类,,,,\n' +
          '0103,王五,办公室,综合管理类,F?,1986-13,中共党员,2019-03\n' +
          '0104,赵六,办公室,综合管理类,女,1990-01,群众,1989-12\n' +
          '0105,钱七,办公室,综合管理类,女,1990-01,' + '党'.repeat(21) + ',2015-01\n',
      ),
      'roster.csv',
    )
    expect(r.rows.map((x) => [x.staffNo, x.gender, x.birthMonth, x.politicalStatus, x.postSince])).toEqual([
      ['0101', '男', '1986-05', '中共党员', '2019-03'],
      ['0102', null, null, null, null],
    ])
    expect(r.importable).toBe(false)
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, '性别', 'ROSTER_BAD_GENDER'],
      [4, '出生年月', 'ROSTER_BAD_MONTH'],
      [5, '任现职时间', 'ROSTER_BAD_MONTH'],
      [6, '政治面貌', 'ROSTER_TOO_LONG'],
    ])
    expect(r.errors[0]!.zh).toContain('“男”或“女”')
    expect(r.errors[0]!.en).toContain('male')
    expect(r.errors[2]!.zh).toContain('早于出生年月')
  })

  it('imports the fields into the person record, and a roster without the columns leaves them', { timeout: 60_000 }, async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const b64 = (t: string) => ({ fileName: 'r.csv', contentBase64: Buffer.from(t, 'utf8').toString('base64') })
    await u.ok('org.roster.import', b64(HEAD + '0101,张三,办公室,综合管理类,男,1986-05,中共党员,2019-03\n'))
    const id = (await u.ok('org.people.list', {})).find((p) => p.staffNo === '0101')!.id
    expect((await u.ok('org.people.get', { id })).personal).toEqual({ gender: '男', birthMonth: '1986-05', politicalStatus: '中共党员', postSince: '2019-03' })
    const again = await u.ok('org.roster.preview', b64('工号,姓名,科室,岗位类别,政治面貌\n0101,张三,办公室,综合管理类,中共预备党员\n'))
    expect(again.changes[0]).toMatchObject({ action: 'update', fields: ['politicalStatus'] })
    await u.ok('org.roster.import', b64('工号,姓名,科室,岗位类别,政治面貌\n0101,张三,办公室,综合管理类,中共预备党员\n'))
    expect((await u.ok('org.people.get', { id })).personal).toEqual({ gender: '男', birthMonth: '1986-05', politicalStatus: '中共预备党员', postSince: '2019-03' })
    // HR edits them on the person record; a bad value is refused by the contract.
    const p = await u.ok('org.people.get', { id })
    const save = { id, staffNo: p.staffNo, name: p.name, departmentId: p.departmentId, post: p.post, category: p.category, rank: p.rank, supervisorId: null, riskPost: false, status: p.status, joinedOn: null, leftOn: null, effectiveOn: '2026-01-05' }
    expect((await u.ok('org.people.save', { ...save, personal: { gender: '女', postSince: '2022-01' } })).personal).toMatchObject({ gender: '女', postSince: '2022-01', birthMonth: '1986-05' })
    expect((await u.err('org.people.save', { ...save, personal: { birthMonth: '1986-13' } })).code).toBe('INVALID_INPUT')
    expect((await u.err('org.people.save', { ...save, personal: { postSince: '1980-01' } })).code).toBe('PERSON_FIELD_INVALID')
  })
})
