import type { CalendarWarning, WorkingDayCalendar } from './calendar'
import { yearOfDayNumber, toDayNumber, type IsoDate } from './dates'

/**
 * A publicity period (公示期, RULES.md §1–§2) — of a guideline version or of a commitment letter —
 * the one way both are computed, shown and checked.
 *
 * `start` is the triggering day (publishing, approval). Day 1 is the day after it, so the period
 * that is counted and shown runs from the first working day after `start` (`from`) to the
 * `workingDays`-th (`end`); the item is in force the calendar day after `end`.
 *
 * A stored end date can stop being right: it was counted in a year with no holiday table (an
 * estimate, which says so), or the year's table arrived or changed since. The warnings are worked
 * out again from the unit's calendar each time the period is shown, so they stay with the date
 * for as long as it is an estimate or disagrees with the table in force.
 */
export interface PublicityPeriod {
  start: IsoDate
  from: IsoDate
  end: IsoDate
  effectiveOn: IsoDate
  workingDays: number
  warnings: PublicityWarning[]
}

export type PublicityWarning =
  | CalendarWarning
  | { code: 'PUBLICITY_END_CHANGED'; year: number; zh: string; en: string; recomputedEnd: IsoDate }

/** The period that starts on `start` and lasts `workingDays` working days, on `calendar`. */
export function publicityPeriod(calendar: WorkingDayCalendar, start: IsoDate, workingDays: number): PublicityPeriod {
  const end = calendar.addWorkingDays(start, workingDays)
  return {
    start,
    from: firstCountedDay(calendar, start, end.date),
    end: end.date,
    effectiveOn: calendar.addCalendarDays(end.date, 1).date,
    workingDays,
    warnings: end.warnings,
  }
}

/** Day 1: the first working day after `start` (never after `end`, for a period of 0 days). */
function firstCountedDay(calendar: WorkingDayCalendar, start: IsoDate, end: IsoDate): IsoDate {
  const first = calendar.addWorkingDays(start, 1).date
  return first > end ? end : first
}

/**
 * A stored period as it stands on today's calendar: the counted span and every warning that
 * applies — the years still estimated, and an end date that the calendar now puts elsewhere.
 */
export function storedPublicity(
  calendar: WorkingDayCalendar,
  stored: { start: IsoDate; end: IsoDate; effectiveOn: IsoDate; workingDays: number },
): PublicityPeriod {
  const now = publicityPeriod(calendar, stored.start, stored.workingDays)
  const warnings: PublicityWarning[] = [...now.warnings]
  if (now.end !== stored.end) warnings.push(endChanged(stored.end, now.end))
  return { ...stored, from: firstCountedDay(calendar, stored.start, stored.end), warnings }
}

function endChanged(end: IsoDate, recomputed: IsoDate): PublicityWarning {
  return {
    code: 'PUBLICITY_END_CHANGED',
    year: yearOfDayNumber(toDayNumber(recomputed)),
    recomputedEnd: recomputed,
    zh: `公示期结束日 ${end} 是按当时的节假日安排计算的；按现行节假日表应为 ${recomputed}，公示已结束，请领导小组确认`,
    en: `The publicity end date ${end} was counted on the holiday arrangement known then; on the table now in force it is ${recomputed}. The publicity is over: the leadership group should confirm it`,
  }
}

/** Whether a stored period overlaps `year` (or the December before, which a year's table may hold). */
export function periodTouchesYear(stored: { start: IsoDate; end: IsoDate }, year: number): boolean {
  return stored.end >= `${year - 1}-12-01` && stored.start <= `${year}-12-31`
}
