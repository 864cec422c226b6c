// Reporting lines and staff-number identity across the file and the people already in the unit.
import { describe, expect, it } from 'vitest'
import { parseRoster } from '../../../src/main/core/org/roster'

const HEAD = '工号,姓名,科室,岗位类别,直接主管工号'
const csv = (...rows: string[]) => new TextEncoder().encode([HEAD, ...rows].join('\r\n'))
const parse = (rows: string[], existing?: Map<string, string | null>) => parseRoster(csv(...rows), 'r.csv', existing ? { existing } : {})
const codes = (r: { errors: { row: number; code: string }[] }) => r.errors.map((e) => [e.row, e.code])

describe('supervisors', () => {
  it('may be listed after their reports, or be existing people', async () => {
    const r = await parse(['002,乙,办公室,综合,001', '003,丙,办公室,综合,900', '001,甲,办公室,综合,'], new Map([['900', null]]))
    expect(r.errors).toEqual([])
    expect(r.rows.map((x) => [x.staffNo, x.supervisorStaffNo])).toEqual([
      ['002', '001'],
      ['003', '900'],
      ['001', null],
    ])
  })

  it('outside the unit is an error', async () => {
    const r = await parse(['001,甲,办公室,综合,777'])
    expect(codes(r)).toEqual([[2, 'ROSTER_UNKNOWN_SUPERVISOR']])
    expect(r.errors[0]?.zh).toBe('直接主管工号 777 不在本文件中，也不是本单位现有人员')
  })

  it('a supervisor number that lost its leading zeros says so, rather than "unknown"', async () => {
    const r = await parse(['001,甲,办公室,综合,900'], new Map([['00900', null]]))
    expect(codes(r)).toEqual([[2, 'ROSTER_STAFF_NO_LOST_ZEROS']])
  })

  it('a supervisor who has left is a warning', async () => {
    const r = await parseRoster(
      new TextEncoder().encode(['工号,姓名,科室,岗位类别,直接主管工号,在职状态,离岗日期', '001,甲,办公室,综合,,退休,2025-06-30', '002,乙,办公室,综合,001,,'].join('\n')),
      'r.csv',
    )
    expect(r.errors).toEqual([])
    expect(r.warnings.map((w) => [w.row, w.code, w.value])).toEqual([[3, 'ROSTER_SUPERVISOR_NOT_ACTIVE', '001']])
  })
})

describe('cycles', () => {
  it('two people supervising each other', async () => {
    const r = await parse(['001,甲,办公室,综合,002', '002,乙,办公室,综合,001'])
    expect(r.errors.map((e) => [e.row, e.code, e.zh])).toEqual([
      [2, 'ROSTER_SUPERVISOR_CYCLE', '汇报关系形成循环：001 甲 → 002 乙 → 001 甲'],
      [3, 'ROSTER_SUPERVISOR_CYCLE', '汇报关系形成循环：002 乙 → 001 甲 → 002 乙'],
    ])
  })

  it('closed through existing people: the file changes 900 to report to 001 while 001 reports to 900 (via 901)', async () => {
    const existing = new Map<string, string | null>([
      ['900', null],
      ['901', '900'],
    ])
    const r = await parse(['001,甲,办公室,综合,901', '900,局长,局领导,综合,001'], existing)
    expect(r.errors.map((e) => [e.row, e.code, e.zh])).toEqual([
      [2, 'ROSTER_SUPERVISOR_CYCLE', '汇报关系形成循环：001 甲 → 901 → 900 局长 → 001 甲'],
      [3, 'ROSTER_SUPERVISOR_CYCLE', '汇报关系形成循环：900 局长 → 001 甲 → 901 → 900 局长'],
    ])
  })

  it('a re-import that breaks an existing chain does not create a cycle', async () => {
    // existing: 001 → 002; the file now makes 002 report to 001 and 001 report to nobody
    const existing = new Map<string, string | null>([
      ['001', '002'],
      ['002', null],
    ])
    const r = await parse(['002,乙,办公室,综合,001', '001,甲,办公室,综合,'], existing)
    expect(r.errors).toEqual([])
  })

  it('a cycle that only existing people form is not this file\'s error', async () => {
    const existing = new Map<string, string | null>([
      ['800', '801'],
      ['801', '800'],
    ])
    const r = await parse(['001,甲,办公室,综合,800'], existing)
    expect(r.errors).toEqual([])
  })

  it('a long chain with one back edge names the cycle only, not the chain leading into it', async () => {
    const rows = ['001,a,办公室,综合,002', '002,b,办公室,综合,003', '003,c,办公室,综合,004', '004,d,办公室,综合,003']
    const r = await parse(rows)
    expect(r.errors.map((e) => [e.row, e.zh])).toEqual([
      [4, '汇报关系形成循环：003 c → 004 d → 003 c'],
      [5, '汇报关系形成循环：004 d → 003 c → 004 d'],
    ])
  })

  it('is linear: a 5,000-deep chain with a cycle at the bottom is found without a stack overflow', async () => {
    const n = 5000
    const rows = Array.from({ length: n }, (_, i) => `${i},p${i},办公室,综合,${i === n - 1 ? 0 : i + 1}`)
    const r = await parse(rows)
    expect(r.errors).toHaveLength(n)
    expect(r.errors[0]?.zh.split(' → ')).toHaveLength(n + 1)
  })
})

describe('staff-number identity', () => {
  it('self-supervision is its own error, not a cycle', async () => {
    const r = await parse(['001,甲,办公室,综合,001'])
    expect(codes(r)).toEqual([[2, 'ROSTER_SELF_SUPERVISOR']])
  })

  it('duplicates are reported against the first occurrence, every time', async () => {
    const r = await parse(['001,甲,办公室,综合,', '001,乙,办公室,综合,', '001,丙,办公室,综合,'])
    expect(r.errors.map((e) => [e.row, e.code, e.zh])).toEqual([
      [3, 'ROSTER_DUPLICATE_STAFF_NO', '工号 001 与第 2 行重复'],
      [4, 'ROSTER_DUPLICATE_STAFF_NO', '工号 001 与第 2 行重复'],
    ])
    expect(r.rows.map((x) => x.row)).toEqual([2])
  })

  it('an existing person re-imported under the same staff number is fine (an update)', async () => {
    const r = await parse(['00123,甲,办公室,综合,'], new Map([['00123', null]]))
    expect(r.errors).toEqual([])
  })

  it('a number equal to an existing one but for its leading zeros is refused (it would duplicate the person)', async () => {
    const r = await parse(['123,甲,办公室,综合,'], new Map([['00123', null]]))
    expect(codes(r)).toEqual([[2, 'ROSTER_STAFF_NO_LOST_ZEROS']])
    expect(r.errors[0]?.en).toContain('00123')
  })

  it('units whose staff numbers never had zeros are not bothered', async () => {
    const r = await parse(['1001,甲,办公室,综合,', '1002,乙,办公室,综合,1001'], new Map([['1003', null]]))
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
  })
})
