import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attendance, ScoringInputError, type AttendanceRecord, type AttendanceStatus } from '../../../src/main/core/metrics'
import { ATTENDANCE } from './helpers'

const withData = { departmentHasData: true }
const rows = (status: AttendanceStatus, n: number, hours?: number): AttendanceRecord[] =>
  Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), status, ...(hours === undefined ? {} : { hours }) }))

describe('attendance 出勤纪律 (RULES.md §4: 100 − 2 × (late + early) − 10 × absent, floor 0)', () => {
  it('uses the default parameters of RULES.md', () => {
    expect(ATTENDANCE).toEqual({ name: 'attendance', pointsPerLateOrEarly: 2, pointsPerAbsentDay: 10 })
  })

  it('3 late + 1 early + 2 absent days → 100 − 8 − 20 = 72', () => {
    const r = attendance([...rows('late', 3), ...rows('early', 1), ...rows('absent', 2)], ATTENDANCE, withData)
    expect(r.score).toBe(72)
    expect(r.exact).toBe('72/1')
    expect(r.flags).toEqual([])
    expect(r.evidence).toMatchObject({ late: 3, early: 1, absent: 2 })
  })

  it('approved leave does not count; overtime is evidence, summed exactly', () => {
    const r = attendance([...rows('leave', 5), ...rows('overtime', 3, 0.1), ...rows('normal', 2), ...rows('late', 1)], ATTENDANCE, withData)
    expect(r.score).toBe(98)
    // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in floats; hundredths keep it 0.3.
    expect(r.evidence).toEqual({ late: 1, early: 0, absent: 0, leave: 5, overtimeRecords: 3, overtimeHours: 0.3 })
  })

  it('a person without exceptions in a department with data scores 100', () => {
    const r = attendance([], ATTENDANCE, withData)
    expect(r.score).toBe(100)
    expect(r.flags).toEqual([])
  })

  it('N/A (flagged, not zero) only when the department has no attendance data', () => {
    const r = attendance([], ATTENDANCE, { departmentHasData: false })
    expect(r.score).toBeNull()
    expect(r.exact).toBeNull()
    expect(r.flags).toEqual(['NO_ATTENDANCE_DATA'])
  })

  it("the person's own rows are department data", () => {
    expect(attendance(rows('late', 1), ATTENDANCE, { departmentHasData: false }).score).toBe(98)
  })

  it('floors at 0: 11 absent days would be −10', () => {
    expect(attendance(rows('absent', 11), ATTENDANCE, withData).score).toBe(0)
  })

  it('takes its deductions from the rule, not from constants', () => {
    const r = attendance([...rows('late', 3), ...rows('absent', 1)], { name: 'attendance', pointsPerLateOrEarly: 1.5, pointsPerAbsentDay: 7.25 }, withData)
    // 100 − 4.5 − 7.25 = 88.25
    expect(r.score).toBe(88.25)
  })

  it('refuses unknown statuses and impossible dates', () => {
    expect(() => attendance([{ date: '2026-03-01', status: 'sick' as AttendanceStatus }], ATTENDANCE, withData)).toThrow(ScoringInputError)
    expect(() => attendance([{ date: '2026-02-30', status: 'late' }], ATTENDANCE, withData)).toThrow(/invalid date/)
    expect(() => attendance([{ date: '2026-03-01', status: 'overtime', hours: -1 }], ATTENDANCE, withData)).toThrow(/negative/)
  })

  it('property: within [0, 100] and non-increasing in each count', () => {
    const counts = fc.record({ late: fc.nat(60), early: fc.nat(60), absent: fc.nat(15) })
    const score = (c: { late: number; early: number; absent: number }): number =>
      attendance([...rows('late', c.late), ...rows('early', c.early), ...rows('absent', c.absent)], ATTENDANCE, withData).score ?? Number.NaN
    fc.assert(
      fc.property(counts, fc.constantFrom('late', 'early', 'absent' as const), (c, which) => {
        const s = score(c)
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(100)
        expect(score({ ...c, [which]: c[which] + 1 })).toBeLessThanOrEqual(s)
      }),
    )
  })
})
