import { dayNumberOf, isWeekendDayNumber } from './dates'
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

function festivals(year: number): Festival[] {
  const newYear = lunarNewYear(year)
  const may = dayNumberOf(year, 5, 1)
  const october = dayNumberOf(year, 10, 1)
  return [
    { name: '元旦', days: [dayNumberOf(year, 1, 1)] },
    { name: '春节', days: [newYear - 1, newYear, newYear + 1, newYear + 2] },
    { name: '清明节', days: [qingming(year)] },
    { name: '劳动节', days: [may, may + 1] },
    { name: '端午节', days: [lunarToDayNumber(year, 5, 5)] },
    { name: '中秋节', days: [lunarToDayNumber(year, 8, 15)] },
    { name: '国庆节', days: [october, october + 1, october + 2] },
  ]
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
