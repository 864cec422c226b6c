import {
  CalendarError,
  dayNumberOf,
  fromDayNumber,
  isWeekendDayNumber,
  toDayNumber,
  yearOfDayNumber,
  type IsoDate,
} from './dates'
import { ESTIMATE_FIRST_YEAR, ESTIMATE_LAST_YEAR, estimatedHolidays } from './statutory'
import { validateHolidayTable, type HolidayTable } from './tables'

/**
 * - `workday`: Monday–Friday, not a holiday
 * - `weekend`: Saturday or Sunday, not a make-up working day
 * - `holiday`: a day off of a holiday run (weekend days inside a run included)
 * - `makeup`: a Saturday or Sunday made a working day (调休上班)
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup'

export interface DayInfo {
  date: IsoDate
  working: boolean
  kind: DayKind
  name?: string
  /** No official table covers this day: statutory holidays only, make-up working days unknown. */
  estimated: boolean
}

export interface CalendarWarning {
  code: 'CALENDAR_YEAR_NOT_LOADED'
  year: number
  zh: string
  en: string
}

export interface DeadlineResult {
  date: IsoDate
  warnings: CalendarWarning[]
}

export interface WorkingDayCount {
  days: number
  warnings: CalendarWarning[]
}

export interface YearView {
  year: number
  /** The official table in force for the year, if one is loaded. */
  source?: string
  loaded: boolean
  days: DayInfo[]
  warnings: CalendarWarning[]
}

export function yearNotLoadedWarning(year: number): CalendarWarning {
  return {
    code: 'CALENDAR_YEAR_NOT_LOADED',
    year,
    zh: `尚未载入 ${year} 年的节假日安排：按法定节假日推算，调休上班日未计入，结果可能与国务院办公厅通知不同`,
    en: `The ${year} holiday arrangement is not loaded: computed from the statutory holidays without the make-up working days, so the result may differ from the State Council notice`,
  }
}

interface Entry {
  kind: 'holiday' | 'makeup'
  name: string
}

/** Bounds a day count so a typo (1e9 working days) fails fast instead of looping for minutes. */
const MAX_COUNT = 366 * 200

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_COUNT) {
    throw new CalendarError(
      'CALENDAR_INVALID_COUNT',
      `天数无效：${String(n)}（应为整数，绝对值不超过 ${MAX_COUNT}）`,
      `Invalid day count ${String(n)} (must be a whole number no larger than ${MAX_COUNT} in size)`,
    )
  }
}

/**
 * Working days (RULES.md §1): Monday–Friday, minus holidays, plus make-up working days. Years with
 * an official table use it exactly; other years (1900–2100) use the statutory holidays and say so
 * through `estimated` and warnings, never silently.
 *
 * Built from year tables; when two tables are for the same year the later one wins, so an imported
 * or packaged table replaces the shipped one by being passed after it.
 */
export class WorkingDayCalendar {
  private readonly tables = new Map<number, HolidayTable>()
  private readonly entries = new Map<number, Entry>()
  private readonly estimates = new Map<number, Map<number, string>>()

  constructor(tables: readonly HolidayTable[] = []) {
    for (const t of tables) {
      const checked = validateHolidayTable(t)
      if (!checked.ok) {
        throw new Error(`invalid holiday table ${String(t.year)}: ${checked.errors.map((e) => e.en).join('; ')}`)
      }
      this.tables.set(checked.table.year, checked.table)
    }
    // Ascending years, so that for a date in December of Y−1 listed by Y's table (a 元旦 run), Y's
    // entry is applied after Y−1's.
    for (const year of this.loadedYears()) {
      const t = this.tables.get(year)
      if (!t) continue
      for (const h of t.holidays) this.entries.set(toDayNumber(h.date), { kind: 'holiday', name: h.name })
      for (const w of t.workdays) this.entries.set(toDayNumber(w.date), { kind: 'makeup', name: w.name })
    }
  }

  loadedYears(): number[] {
    return [...this.tables.keys()].sort((a, b) => a - b)
  }

  /** The official table loaded for a year, e.g. to show its source. */
  table(year: number): HolidayTable | undefined {
    const t = this.tables.get(year)
    return t && structuredClone(t)
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working
  }

  dayInfo(date: IsoDate): DayInfo {
    return this.infoAt(toDayNumber(date))
  }

  /**
   * The date `n` working days after `from`: day 1 is the day after the triggering event, so the
   * answer is always a working day. Negative `n` counts back (the n-th working day before `from`);
   * 0 gives `from` itself, or the next working day if `from` is not one.
   */
  addWorkingDays(from: IsoDate, n: number): DeadlineResult {
    checkCount(n)
    const start = toDayNumber(from)
    const step = n < 0 ? -1 : 1
    const years = new Set<number>()
    let day = start
    let counted = 0
    if (n === 0) {
      while (!this.visit(day, years).working) day++
    } else {
      while (counted < Math.abs(n)) {
        day += step
        if (this.visit(day, years).working) counted++
      }
    }
    return { date: fromDayNumber(day), warnings: this.warningsFor(years) }
  }

  /**
   * The date `n` calendar days after `from` ("N 日" rules). It stays where it lands even on a
   * holiday (RULES.md §1: only working-day rules move), so it depends on no holiday table and
   * carries no warning.
   */
  addCalendarDays(from: IsoDate, n: number): DeadlineResult {
    checkCount(n)
    return { date: fromDayNumber(toDayNumber(from) + n), warnings: [] }
  }

  /**
   * Working days from `a` to `b`, counted the way addWorkingDays counts: `a` excluded, `b` included,
   * so addWorkingDays(a, n) reaches b exactly when this is n (and b is a working day). When b is
   * before a the count goes backwards over [b, a) and is negative.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): WorkingDayCount {
    const from = toDayNumber(a)
    const to = toDayNumber(b)
    const step = to < from ? -1 : 1
    const years = new Set<number>()
    let days = 0
    for (let d = from; d !== to; ) {
      d += step
      if (this.visit(d, years).working) days += step
    }
    return { days, warnings: this.warningsFor(years) }
  }

  /** Every day of a year with its kind, for a year view. */
  year(y: number): YearView {
    if (!Number.isInteger(y)) {
      throw new CalendarError('CALENDAR_YEAR_OUT_OF_RANGE', `年份无效：${String(y)}`, `Invalid year ${String(y)}`)
    }
    const days: DayInfo[] = []
    const years = new Set<number>()
    for (let d = dayNumberOf(y, 1, 1); d <= dayNumberOf(y, 12, 31); d++) days.push(this.visit(d, years))
    const t = this.tables.get(y)
    return { year: y, loaded: t !== undefined, ...(t ? { source: t.source } : {}), days, warnings: this.warningsFor(years) }
  }

  private visit(day: number, estimatedYears: Set<number>): DayInfo {
    const info = this.infoAt(day)
    if (info.estimated) estimatedYears.add(yearOfDayNumber(day))
    return info
  }

  private warningsFor(years: Set<number>): CalendarWarning[] {
    return [...years].sort((a, b) => a - b).map(yearNotLoadedWarning)
  }

  private infoAt(day: number): DayInfo {
    const date = fromDayNumber(day)
    const weekend = isWeekendDayNumber(day)
    const entry = this.entries.get(day)
    if (entry) {
      return entry.kind === 'holiday'
        ? { date, working: false, kind: 'holiday', name: entry.name, estimated: false }
        : { date, working: true, kind: 'makeup', name: entry.name, estimated: false }
    }
    const year = yearOfDayNumber(day)
    if (this.tables.has(year)) {
      return weekend
        ? { date, working: false, kind: 'weekend', estimated: false }
        : { date, working: true, kind: 'workday', estimated: false }
    }
    const holiday = this.estimatedYear(year).get(day)
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', name: holiday, estimated: true }
    return weekend
      ? { date, working: false, kind: 'weekend', estimated: true }
      : { date, working: true, kind: 'workday', estimated: true }
  }

  private estimatedYear(year: number): Map<number, string> {
    let map = this.estimates.get(year)
    if (!map) {
      if (year < ESTIMATE_FIRST_YEAR || year > ESTIMATE_LAST_YEAR) {
        throw new CalendarError(
          'CALENDAR_YEAR_OUT_OF_RANGE',
          `${year} 年没有载入节假日安排，且超出可推算范围（${ESTIMATE_FIRST_YEAR}–${ESTIMATE_LAST_YEAR} 年）`,
          `No holiday table is loaded for ${year}, and it is outside the years that can be estimated (${ESTIMATE_FIRST_YEAR}–${ESTIMATE_LAST_YEAR})`,
        )
      }
      map = new Map(estimatedHolidays(year).map((h) => [h.day, h.name]))
      this.estimates.set(year, map)
    }
    return map
  }
}
