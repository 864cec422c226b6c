import type { AttendanceRule } from '@shared/guideline/model'
import { isIsoDate } from '../calendar'
import { fromHundredths } from '../guideline/hundredths'
import { ScoringInputError } from './errors'
import { FULL_SCORE_HUNDREDTHS, HUNDREDTHS, hundredthsOf, rational } from './exact'
import { notApplicable, scored, type MetricResult } from './types'

/** Status of one attendance row (考勤记录): 正常, 迟到, 早退, 旷工, 请假, 加班. */
export const ATTENDANCE_STATUSES = ['normal', 'late', 'early', 'absent', 'leave', 'overtime'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

export interface AttendanceRecord {
  /** YYYY-MM-DD. */
  date: string
  status: AttendanceStatus
  /** Overtime hours on an `overtime` row; evidence only. */
  hours?: number
}

export interface AttendanceContext {
  /**
   * Whether the person's department has any attendance data in the year. Machines often export only
   * exceptions, so a person with no rows is only N/A when the whole department has none.
   */
  departmentHasData: boolean
}

export interface AttendanceEvidence {
  late: number
  early: number
  absent: number
  leave: number
  overtimeRecords: number
  overtimeHours: number
}

/**
 * 出勤纪律 (attendance, RULES.md §4): 100 − a × (迟到 + 早退) − b × 旷工 days, floor 0, with a and b
 * from the rule. Each late or early row is one occurrence and each absent row one day; leave does not
 * count; overtime is evidence, not score. `records` are the person's rows for the year.
 */
export function attendance(records: readonly AttendanceRecord[], rule: AttendanceRule, ctx: AttendanceContext): MetricResult<AttendanceEvidence> {
  const perOccurrence = hundredthsOf(rule.pointsPerLateOrEarly, '每次迟到早退扣分', 'points per late arrival or early leave')
  const perAbsentDay = hundredthsOf(rule.pointsPerAbsentDay, '每天旷工扣分', 'points per absent day')
  const count: Record<AttendanceStatus, number> = { normal: 0, late: 0, early: 0, absent: 0, leave: 0, overtime: 0 }
  let overtimeHundredths = 0
  records.forEach((r, i) => {
    const row = `第 ${i + 1} 条考勤记录`
    const rowEn = `attendance row ${i + 1}`
    if (!isIsoDate(r.date)) throw new ScoringInputError(`${row}的日期“${String(r.date)}”无效`, `${rowEn}: invalid date "${String(r.date)}"`)
    if (!(ATTENDANCE_STATUSES as readonly string[]).includes(r.status)) {
      throw new ScoringInputError(`${row}的状态“${String(r.status)}”无法识别`, `${rowEn}: unknown status "${String(r.status)}"`)
    }
    count[r.status] += 1
    if (r.hours !== undefined) {
      const h = hundredthsOf(r.hours, `${row}的时长`, `${rowEn}: hours`)
      if (h < 0) throw new ScoringInputError(`${row}的时长为负数`, `${rowEn}: hours are negative`)
      if (r.status === 'overtime') overtimeHundredths += h
    }
  })
  const evidence: AttendanceEvidence = {
    late: count.late,
    early: count.early,
    absent: count.absent,
    leave: count.leave,
    overtimeRecords: count.overtime,
    overtimeHours: fromHundredths(overtimeHundredths),
  }
  // The person's own rows are department data too, whatever the caller's summary says.
  if (!ctx.departmentHasData && records.length === 0) return notApplicable('NO_ATTENDANCE_DATA', evidence)
  const deducted = perOccurrence * (count.late + count.early) + perAbsentDay * count.absent
  return scored(rational(Math.max(0, FULL_SCORE_HUNDREDTHS - deducted), HUNDREDTHS), evidence)
}
