import { dayNumberOf, fromDayNumber, isWeekendDayNumber, type IsoDate } from './dates'
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, lunarNewYear, lunarToDayNumber } from './lunar'
import { qingming } from './solarTerms'

/**
 * Holidays of a year for which no official table is loaded, from what the law itself fixes:
 * 《全国年节及纪念日放假办法》 as revised in 2024 (in force from 2025) — 元旦 1/1; 春节 除夕 and
 * 正月初一–初三; 清明 (the solar term); 劳动节 5/1–5/2; 端午 五月初五; 中秋 八月十五; 国庆 10/1–10/3.
 * The same rules are applied to earlier years that have no table (before 2025 the law had neither
 * 除夕 nor 5/2), because a year without a table is nearly always a future one.
 *
 * The law also says a holiday falling on a Saturday or Sunday is made up on a working day (补假);
 * the yearly notice decides which, and in practice it is the weekday after the festival. That day
 * is included, so an estimate errs less; the make-up *working* Saturdays (调休) cannot be guessed.
 */
export const ESTIMATE_FIRST_YEAR = LUNAR_FIRST_YEAR
export const ESTIMATE_LAST_YEAR = LUNAR_LAST_YEAR

export interface EstimatedHoliday {
  day: number
  name: string
}

interface Festival {
  name: string
  days: number[]
}

/**
 * What each revision of 《全国年节及纪念日放假办法》 fixes, from the year it came into force: the
 * 春节 days relative to 正月初一 (−1 is 除夕), the days of 劳动节 and 国庆 from the 1st, and whether
 * 清明, 端午 and 中秋 are holidays. Newest first.
 */
interface LawRevision {
  from: number
  label: { zh: string; en: string }
  spring: readonly number[]
  mayDays: number
  octoberDays: number
  traditional: boolean
}

const REVISIONS: readonly LawRevision[] = [
  { from: 2025, label: { zh: '2024 年修订', en: '2024 revision' }, spring: [-1, 0, 1, 2], mayDays: 2, octoberDays: 3, traditional: true },
  { from: 2014, label: { zh: '2013 年修订', en: '2013 revision' }, spring: [0, 1, 2], mayDays: 1, octoberDays: 3, traditional: true },
  { from: 2008, label: { zh: '2007 年修订', en: '2007 revision' }, spring: [-1, 0, 1], mayDays: 1, octoberDays: 3, traditional: true },
  { from: 2000, label: { zh: '1999 年修订', en: '1999 revision' }, spring: [0, 1, 2], mayDays: 3, octoberDays: 3, traditional: false },
  { from: ESTIMATE_FIRST_YEAR, label: { zh: '1949 年', en: '1949' }, spring: [0, 1, 2], mayDays: 1, octoberDays: 2, traditional: false },
]

const range = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + i)

function festivals(year: number, law: LawRevision = REVISIONS[0]!): Festival[] {
  const newYear = lunarNewYear(year)
  return [
    { name: '元旦', days: [dayNumberOf(year, 1, 1)] },
    { name: '春节', days: law.spring.map((d) => newYear + d) },
    ...(law.traditional ? [{ name: '清明节', days: [qingming(year)] }] : []),
    { name: '劳动节', days: range(dayNumberOf(year, 5, 1), law.mayDays) },
    ...(law.traditional
      ? [
          { name: '端午节', days: [lunarToDayNumber(year, 5, 5)] },
          { name: '中秋节', days: [lunarToDayNumber(year, 8, 15)] },
        ]
      : []),
    { name: '国庆节', days: range(dayNumberOf(year, 10, 1), law.octoberDays) },
  ]
}

export interface StatutoryDay {
  date: IsoDate
  name: string
}

/**
 * The days the law in force in `year` itself makes holidays (补假 and 调休 left out: the yearly
 * notice decides those). Every official table for the year lists each of them as a day off; a
 * table that does not is incomplete. Empty outside the years the lunar data covers.
 */
export function statutoryDays(year: number): { law: { zh: string; en: string }; days: StatutoryDay[] } {
  if (!Number.isInteger(year) || year < ESTIMATE_FIRST_YEAR || year > ESTIMATE_LAST_YEAR) return { law: { zh: '', en: '' }, days: [] }
  const law = REVISIONS.find((r) => year >= r.from) ?? REVISIONS[REVISIONS.length - 1]!
  const days = festivals(year, law).flatMap((f) => f.days.map((d) => ({ date: fromDayNumber(d), name: f.name })))
  return { law: law.label, days: days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) }
}

/** Holidays of `year` under the 2024 rules, 补假 included, sorted by day. */
export function estimatedHolidays(year: number): EstimatedHoliday[] {
  if (!Number.isInteger(year) || year < ESTIMATE_FIRST_YEAR || year > ESTIMATE_LAST_YEAR) {
    throw new RangeError(`no holiday estimate for ${year}: lunar data covers ${ESTIMATE_FIRST_YEAR}–${ESTIMATE_LAST_YEAR}`)
  }
  const names = new Map<number, string[]>()
  // A statutory day that is not a working day (weekend, or already another festival's day, as when
  // 中秋 falls on 10/1) is owed as 补假.
  const owed: Array<{ name: string; after: number }> = []
  for (const f of festivals(year)) {
    for (const day of f.days) {
      const existing = names.get(day)
      if (existing) existing.push(f.name)
      else names.set(day, [f.name])
      if (existing || isWeekendDayNumber(day)) owed.push({ name: f.name, after: Math.max(...f.days) })
    }
  }
  const makeUp = new Map<number, string>()
  for (const { name, after } of owed) {
    let day = after + 1
    while (isWeekendDayNumber(day) || names.has(day) || makeUp.has(day)) day++
    makeUp.set(day, `${name}（补假）`)
  }
  const out: EstimatedHoliday[] = [
    ...[...names].map(([day, n]) => ({ day, name: n.join('、') })),
    ...[...makeUp].map(([day, name]) => ({ day, name })),
  ]
  return out.sort((a, b) => a.day - b.day)
}

const FESTIVAL_EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
}

export interface MissingStatutoryDays {
  year: number
  /** Which revision of the law applies to the year. */
  law: { zh: string; en: string }
  days: StatutoryDay[]
  /** The missing days by festival, for the error text. */
  zh: string
  en: string
}

/**
 * The statutory days (RULES.md §1) a year's table does not list as days off; null when none is
 * missing. A table without 国庆 is not an arrangement anyone published: importing it would make
 * 10/1 a working day for every deadline of the year, so the import is refused, naming the days.
 */
export function missingStatutoryDays(table: { year: number; holidays: readonly { date: IsoDate }[] }): MissingStatutoryDays | null {
  const listed = new Set(table.holidays.map((h) => h.date))
  const { law, days } = statutoryDays(table.year)
  const missing = days.filter((d) => !listed.has(d.date))
  if (!missing.length) return null
  const byName = new Map<string, IsoDate[]>()
  for (const d of missing) {
    const dates = byName.get(d.name) ?? []
    if (!dates.includes(d.date)) dates.push(d.date)
    byName.set(d.name, dates)
  }
  const groups = [...byName]
  return {
    year: table.year,
    law,
    days: missing,
    zh: groups.map(([name, dates]) => `${name}（${dates.join('、')}）`).join('；'),
    en: groups.map(([name, dates]) => `${FESTIVAL_EN[name] ?? name} ${name} (${dates.join(', ')})`).join('; '),
  }
}
