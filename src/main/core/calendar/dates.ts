import { KaoheError } from '@shared/errors'

/**
 * Dates are 'YYYY-MM-DD' strings everywhere in the calendar. Internally a date is a day number
 * (days since 1970-01-01) so that arithmetic never goes through a local-time Date, whose result
 * would depend on the machine's time zone and on daylight-saving jumps.
 */
export type IsoDate = string

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Thrown for input the calendar cannot work with. It is an INVALID_INPUT KaoheError so the API
 * router reports it like any other bad input; `calendarCode`, `zh` and `en` carry the precise reason.
 */
export class CalendarError extends KaoheError {
  constructor(
    readonly calendarCode: 'CALENDAR_INVALID_DATE' | 'CALENDAR_INVALID_COUNT' | 'CALENDAR_YEAR_OUT_OF_RANGE',
    readonly zh: string,
    readonly en: string,
  ) {
    super('INVALID_INPUT', { details: `${zh} / ${en}` })
    this.name = 'CalendarError'
    this.message = `${calendarCode}: ${en}`
  }
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Day number of a 'YYYY-MM-DD' date; throws CalendarError for anything else (including 2025-02-29). */
export function toDayNumber(date: string): number {
  if (!isIsoDate(date)) {
    const shown = typeof date === 'string' ? date : String(date)
    throw new CalendarError(
      'CALENDAR_INVALID_DATE',
      `日期无效：“${shown}”，应为 YYYY-MM-DD 格式的真实日期`,
      `Invalid date "${shown}": expected a real date in YYYY-MM-DD form`,
    )
  }
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))
}

export function dayNumberOf(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(Date.UTC(2000, month - 1, day))
  d.setUTCFullYear(year)
  return Math.round(d.getTime() / MS_PER_DAY)
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + 1
  const day = d.getUTCDate()
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear()
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  const w = weekdayOfDayNumber(dayNumber)
  return w === 0 || w === 6
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n)
}
