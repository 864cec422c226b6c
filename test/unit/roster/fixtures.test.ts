// The committed fixture files (test/fixtures/roster, made by generate.mjs) read as a user's files would.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRoster, type RosterParse } from '../../../src/main/core/org/roster'

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/roster', name)))
const byStaffNo = (r: RosterParse) => new Map(r.rows.map((x) => [x.staffNo, x]))
const where = (r: RosterParse) => r.errors.map((e) => [e.row, e.column, e.code])

describe('roster-real.xlsx: title row, two-row merged header, merges, dates, numbers, full width', () => {
  it('reads every person, skipping the title, the notes sheet, the blank middle row and the trailing rows', async () => {
    const r = await parseRoster(fixture('roster-real.xlsx'), 'roster-real.xlsx')
    expect(r.errors).toEqual([])
    expect(r.importable).toBe(true)
    expect(r.source).toEqual({ kind: 'xlsx', sheet: '花名册' })
    expect(r.headerRow).toBe(3)
    expect(r.totalRows).toBe(6)
    expect(r.rows.map((x) => x.row)).toEqual([4, 5, 6, 7, 9, 10])
    expect(r.columns).toEqual(['staffNo', 'name', 'department', 'post', 'category', 'rank', 'supervisorStaffNo', 'riskPost', 'status', 'joinedOn', 'leftOn'])
  })

  it('normalises each edge case the file holds', async () => {
    const r = await parseRoster(fixture('roster-real.xlsx'), 'roster-real.xlsx')
    const p = byStaffNo(r)
    // leading zeros of a text cell kept; a Date cell; a supervisor listed five rows further down
    expect(p.get('00101')).toEqual({
      row: 4, staffNo: '00101', name: '张三', department: '综合科', post: '科长', category: 'general', rank: '一级主任科员',
      supervisorStaffNo: '00100', riskPost: false, status: 'active', joinedOn: '2012-07-01', leftOn: null,
      gender: null, birthMonth: null, politicalStatus: null, postSince: null,
    })
    // a numeric staff number cell becomes its integer text; the department comes from the merge above
    expect(p.get('102')).toMatchObject({ row: 5, department: '综合科', status: 'active', riskPost: false, joinedOn: '2019-08-15' })
    // full-width digits in staff numbers, a katakana middle dot, √, '2025/9/1', category without 类
    expect(p.get('00103')).toMatchObject({ name: '阿依古丽·买买提', supervisorStaffNo: '00101', riskPost: true, status: 'probation', category: 'general', joinedOn: '2025-09-01', department: '综合科' })
    // ideographic space in a name, Excel serial 45352 as a plain number, '2025年6月30日', Y, 执法
    expect(p.get('00104')).toMatchObject({ name: '李四', joinedOn: '2024-03-01', leftOn: '2025-06-30', riskPost: true, status: 'transferred', category: 'enforcement' })
    // the head: no supervisor; '20100301'
    expect(p.get('00100')).toMatchObject({ row: 9, supervisorStaffNo: null, joinedOn: '2010-03-01' })
    // rich text name, formula department (its cached result), technical
    expect(p.get('00105')).toMatchObject({ name: '钱七', department: '信息中心', category: 'technical' })
  })

  it('reports the columns it does not read (备注 too) and the numeric staff number among zero-led ones, silently ignores 序号', async () => {
    const r = await parseRoster(fixture('roster-real.xlsx'), 'roster-real.xlsx')
    expect(r.warnings.map((w) => [w.row, w.column, w.code, w.value])).toEqual([
      [3, '备注', 'ROSTER_UNKNOWN_COLUMN', undefined],
      [3, '联系电话', 'ROSTER_UNKNOWN_COLUMN', undefined],
      [5, '工号', 'ROSTER_NUMERIC_STAFF_NO', '102'],
    ])
  })

  it('treats a re-import as updates: the numeric 102 that exists as 00102 is an error, not a new person', async () => {
    const r = await parseRoster(fixture('roster-real.xlsx'), 'roster-real.xlsx', { existing: new Map([['00102', '00101']]) })
    expect(where(r)).toEqual([[5, '工号', 'ROSTER_STAFF_NO_LOST_ZEROS']])
    expect(r.errors[0]?.zh).toContain('00102')
    expect(r.importable).toBe(false)
    expect(r.rows).toHaveLength(5) // the other rows are still shown in the preview
  })
})

describe('roster-gbk.csv: Excel "CSV (逗号分隔)" on Chinese Windows', () => {
  it('is GBK indeed (not valid UTF-8), and Node decodes GBK', () => {
    const bytes = fixture('roster-gbk.csv')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    expect(new TextDecoder('gbk').decode(bytes)).toContain('工号,姓名,科室')
  })

  it('reads quoted commas, doubled quotes, a quoted CRLF, ="…" staff numbers and trailing empty lines', async () => {
    const r = await parseRoster(fixture('roster-gbk.csv'), 'roster-gbk.csv')
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.source).toEqual({ kind: 'csv', encoding: 'gbk', delimiter: ',' })
    expect(r.rows.map((x) => [x.row, x.staffNo, x.name])).toEqual([
      [2, '00201', '孙八'],
      [3, '00202', '周九'],
      [4, '00203', '吴十'],
      [5, '00204', '郑十一'],
    ])
    const p = byStaffNo(r)
    expect(p.get('00202')).toMatchObject({ post: '综合岗,兼"内勤"', status: 'active', joinedOn: '2024-03-01', supervisorStaffNo: '00201' })
    expect(p.get('00203')).toMatchObject({ post: '执法 巡查', status: 'longLeave', joinedOn: '2018-05-02', riskPost: true })
    expect(p.get('00204')).toMatchObject({ category: 'technical', status: 'retired', leftOn: '2025-12-31' })
    expect(p.get('00201')).toMatchObject({ supervisorStaffNo: null, joinedOn: '2016-03-01', riskPost: false })
  })
})

describe('roster-utf8-bom.csv: "CSV UTF-8", English headers, LF, blank rows of commas', () => {
  it('reads both people and only the columns present', async () => {
    const r = await parseRoster(fixture('roster-utf8-bom.csv'), 'people.csv')
    expect(r.errors).toEqual([])
    expect(r.source).toEqual({ kind: 'csv', encoding: 'utf-8-bom', delimiter: ',' })
    expect(r.totalRows).toBe(2)
    expect(r.rows).toEqual([
      { row: 2, staffNo: 'E01', name: 'Zhang Wei', department: 'Office', post: null, category: 'general', rank: null, supervisorStaffNo: null, riskPost: false, status: 'active', joinedOn: '2020-01-02', leftOn: null, gender: null, birthMonth: null, politicalStatus: null, postSince: null },
      { row: 3, staffNo: 'E02', name: 'Li Na', department: 'Office', post: null, category: 'technical', rank: null, supervisorStaffNo: 'E01', riskPost: true, status: 'probation', joinedOn: '2025-10-01', leftOn: null, gender: null, birthMonth: null, politicalStatus: null, postSince: null },
    ])
    // No 岗位/职级/离岗日期 columns: a re-import must not blank them for existing people.
    expect(r.columns).toEqual(['staffNo', 'name', 'department', 'category', 'supervisorStaffNo', 'riskPost', 'status', 'joinedOn'])
  })
})

describe('roster-bad.csv: every error at once, each at its row and column', () => {
  it('lists them all, in row order', async () => {
    const r = await parseRoster(fixture('roster-bad.csv'), 'roster-bad.csv')
    expect(r.importable).toBe(false)
    expect(r.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [3, '姓名', 'ROSTER_REQUIRED', undefined],
      [4, '岗位类别', 'ROSTER_BAD_CATEGORY', '后勤类'],
      [4, '入职日期', 'ROSTER_BAD_DATE', '2024-02-30'],
      [5, '工号', 'ROSTER_DUPLICATE_STAFF_NO', '00301'],
      [6, '直接主管工号', 'ROSTER_UNKNOWN_SUPERVISOR', '99999'],
      [7, '直接主管工号', 'ROSTER_SELF_SUPERVISOR', '00306'],
      [8, '直接主管工号', 'ROSTER_SUPERVISOR_CYCLE', '00311'],
      [9, '直接主管工号', 'ROSTER_SUPERVISOR_CYCLE', '00312'],
      [10, '直接主管工号', 'ROSTER_SUPERVISOR_CYCLE', '00310'],
      [11, '风险岗位', 'ROSTER_BAD_BOOLEAN', '可能'],
      [12, '在职状态', 'ROSTER_BAD_STATUS', '借调'],
      [13, '离岗日期', 'ROSTER_LEFT_BEFORE_JOINED', '2019-04-30'],
      [14, '工号', 'ROSTER_BAD_STAFF_NO', 'A 12#'],
      [15, '工号', 'ROSTER_STAFF_NO_LOST_ZEROS', '123'],
      [17, '科室', 'ROSTER_REQUIRED', undefined],
      [17, '岗位类别', 'ROSTER_REQUIRED', undefined],
      [18, '入职日期', 'ROSTER_BAD_DATE', '2015.07'],
    ])
  })

  it('names the whole cycle, from each member', async () => {
    const r = await parseRoster(fixture('roster-bad.csv'), 'roster-bad.csv')
    const cycles = r.errors.filter((e) => e.code === 'ROSTER_SUPERVISOR_CYCLE')
    expect(cycles.map((e) => e.zh)).toEqual([
      '汇报关系形成循环：00310 庚 → 00311 辛 → 00312 壬 → 00310 庚',
      '汇报关系形成循环：00311 辛 → 00312 壬 → 00310 庚 → 00311 辛',
      '汇报关系形成循环：00312 壬 → 00310 庚 → 00311 辛 → 00312 壬',
    ])
    expect(cycles[0]?.en).toBe('The reporting lines form a cycle: 00310 庚 → 00311 辛 → 00312 壬 → 00310 庚')
  })

  it('gives every error a Chinese and an English text', async () => {
    const r = await parseRoster(fixture('roster-bad.csv'), 'roster-bad.csv')
    for (const e of r.errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(e.en).toMatch(/^[A-Z]/)
    }
  })

  it('keeps only the rows without errors (for the preview), and they are few', async () => {
    const r = await parseRoster(fixture('roster-bad.csv'), 'roster-bad.csv')
    expect(r.rows.map((x) => x.row)).toEqual([2, 16])
    expect(r.totalRows).toBe(17)
  })
})
