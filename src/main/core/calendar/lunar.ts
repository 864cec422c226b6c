import { dayNumberOf } from './dates'

/**
 * Chinese lunisolar calendar (农历) for lunar years 1900–2100, from the widely published compact
 * table (first entry 0x04bd8 for 1900; see resources/calendar/README.md for the source and how it was
 * checked). One entry per lunar year:
 *   bits 15…4  month 1…12 has 30 days (1) or 29 days (0)
 *   bits 3…0   number of the leap month (0 = none); the leap month follows the month of that number
 *   bit 16     the leap month has 30 days (1) or 29 days (0)
 * A table rather than an astronomical computation because the official calendar is a convention
 * (Beijing time, the 2017 national standard GB/T 33661) and borderline new moons near midnight
 * must match what the official almanac printed, not what a given algorithm rounds to.
 */
const LUNAR_INFO: readonly number[] = [
  0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, // 1900
  0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, // 1910
  0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, // 1920
  0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, // 1930
  0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, // 1940
  0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, // 1950
  0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, // 1960
  0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, // 1970
  0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, // 1980
  0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0, // 1990
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050
  0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090
  0x0d520, // 2100
]

export const LUNAR_FIRST_YEAR = 1900
export const LUNAR_LAST_YEAR = LUNAR_FIRST_YEAR + LUNAR_INFO.length - 1

/** 正月初一 of lunar year 1900, the table's anchor. */
const ANCHOR = dayNumberOf(1900, 1, 31)

export interface LunarMonth {
  /** 1…12 */
  month: number
  leap: boolean
  /** Day number (days since 1970-01-01) of the month's first day (初一). */
  start: number
  days: 29 | 30
}

function info(lunarYear: number): number {
  const v = LUNAR_INFO[lunarYear - LUNAR_FIRST_YEAR]
  if (v === undefined) throw new RangeError(`lunar year ${lunarYear} is outside ${LUNAR_FIRST_YEAR}–${LUNAR_LAST_YEAR}`)
  return v
}

function monthLengths(lunarYear: number): Array<{ month: number; leap: boolean; days: 29 | 30 }> {
  const v = info(lunarYear)
  const leapMonth = v & 0xf
  const out: Array<{ month: number; leap: boolean; days: 29 | 30 }> = []
  for (let m = 1; m <= 12; m++) {
    out.push({ month: m, leap: false, days: v & (0x10000 >> m) ? 30 : 29 })
    if (m === leapMonth) out.push({ month: m, leap: true, days: v & 0x10000 ? 30 : 29 })
  }
  return out
}

function yearLength(lunarYear: number): number {
  return monthLengths(lunarYear).reduce((sum, m) => sum + m.days, 0)
}

const newYearCache = new Map<number, number>()

/** Day number of 正月初一 of the given lunar year (which falls in the Gregorian year of that number). */
export function lunarNewYear(lunarYear: number): number {
  info(lunarYear)
  const cached = newYearCache.get(lunarYear)
  if (cached !== undefined) return cached
  let day = ANCHOR
  for (let y = LUNAR_FIRST_YEAR; y < lunarYear; y++) day += yearLength(y)
  newYearCache.set(lunarYear, day)
  return day
}

/** Every month of a lunar year, leap month included, in order. */
export function lunarMonths(lunarYear: number): LunarMonth[] {
  let start = lunarNewYear(lunarYear)
  return monthLengths(lunarYear).map((m) => {
    const month: LunarMonth = { ...m, start }
    start += m.days
    return month
  })
}

/** Day number of day `day` of the ordinary (non-leap) month `month` of a lunar year. */
export function lunarToDayNumber(lunarYear: number, month: number, day: number): number {
  const m = lunarMonths(lunarYear).find((x) => x.month === month && !x.leap)
  if (!m || day < 1 || day > m.days) {
    throw new RangeError(`lunar date ${lunarYear}-${month}-${day} does not exist`)
  }
  return m.start + day - 1
}
