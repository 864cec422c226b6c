import { describe, expect, it } from 'vitest'
import { dayNumberOf, fromDayNumber } from '../../../src/main/core/calendar/dates'
import { lunarMonths, lunarNewYear, lunarToDayNumber } from '../../../src/main/core/calendar/lunar'
import { deltaT, qingming, solarTermBeijing } from '../../../src/main/core/calendar/solarTerms'
import { estimatedHolidays, shippedHolidayTables } from '../../../src/main/core/calendar'

const iso = fromDayNumber

describe('lunar dates against published dates', () => {
  it.each([
    [1950, '1950-02-17'],
    [1976, '1976-01-31'],
    [1984, '1984-02-02'],
    [1990, '1990-01-27'],
    [2000, '2000-02-05'],
    [2008, '2008-02-07'],
    [2012, '2012-01-23'],
    [2015, '2015-02-19'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'], // new moon 23:56 Beijing time; ICU's Intl calendar says 02-07
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-03'], // new moon 00:07 Beijing time; ICU's Intl calendar says 02-02
    [2031, '2031-01-23'],
  ])('春节 %i is %s', (year, date) => {
    expect(iso(lunarNewYear(year))).toBe(date)
  })

  it.each([
    [2020, '2020-06-25', '2020-10-01'],
    [2021, '2021-06-14', '2021-09-21'],
    [2022, '2022-06-03', '2022-09-10'],
    [2023, '2023-06-22', '2023-09-29'],
    [2024, '2024-06-10', '2024-09-17'],
    [2025, '2025-05-31', '2025-10-06'],
    [2026, '2026-06-19', '2026-09-25'],
    [2027, '2027-06-09', '2027-09-15'],
  ])('%i: 端午 %s, 中秋 %s', (year, duanwu, zhongqiu) => {
    expect(iso(lunarToDayNumber(year, 5, 5))).toBe(duanwu)
    expect(iso(lunarToDayNumber(year, 8, 15))).toBe(zhongqiu)
  })

  it('除夕 is the day before 初一 even when 腊月 has only 29 days', () => {
    // 2025–2029 famously have no 年三十: 腊月 of lunar 2024–2028 has 29 days, so 除夕 is 腊月二十九.
    for (const y of [2024, 2025, 2026, 2027, 2028]) {
      expect(lunarMonths(y).at(-1), String(y)).toMatchObject({ month: 12, leap: false, days: 29 })
    }
    const chuxi = estimatedHolidays(2026).find((h) => h.name === '春节')
    expect(chuxi && iso(chuxi.day)).toBe('2026-02-16')
    expect(iso(lunarNewYear(2027) - 1)).toBe('2027-02-05')
    // 除夕 2024 was 腊月三十.
    expect(lunarMonths(2023).at(-1)).toMatchObject({ month: 12, days: 30 })
    expect(iso(lunarNewYear(2024) - 1)).toBe('2024-02-09')
  })

  it('leap months are placed as in the almanac', () => {
    const leap = (y: number) => lunarMonths(y).find((m) => m.leap)?.month
    expect(leap(2020)).toBe(4)
    expect(leap(2023)).toBe(2)
    expect(leap(2025)).toBe(6)
    expect(leap(2028)).toBe(5)
    expect(leap(2024)).toBeUndefined()
  })

  it('every computed festival of 2020–2026 lies inside that year’s official holidays', () => {
    for (const t of shippedHolidayTables()) {
      const off = new Set(t.holidays.map((h) => h.date))
      const newYear = lunarNewYear(t.year)
      const expected = [newYear, newYear + 1, newYear + 2, lunarToDayNumber(t.year, 5, 5), lunarToDayNumber(t.year, 8, 15), qingming(t.year)]
      // 除夕 became a statutory holiday in 2025.
      if (t.year >= 2025) expected.push(newYear - 1)
      for (const day of expected) expect(off, `${t.year}: ${iso(day)}`).toContain(iso(day))
    }
  })
})

// --- An independent check of the lunar table: every month must begin on the day (Beijing time) of
// a new moon. New moons from Meeus, Astronomical Algorithms, ch. 49 (accurate to well under a
// minute for these centuries).
function newMoonJde(k: number): number {
  const d = Math.PI / 180
  const s = (x: number) => Math.sin(x * d)
  const T = k / 1236.85
  const E = 1 - 0.002516 * T - 0.0000074 * T * T
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T * T - 0.00000011 * T ** 3
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T * T + 0.00001238 * T ** 3 - 0.000000058 * T ** 4
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T * T - 0.00000227 * T ** 3 + 0.000000011 * T ** 4
  const O = 124.7746 - 1.56375588 * k + 0.0020672 * T * T + 0.00000215 * T ** 3
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T * T - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4
  jde +=
    -0.4072 * s(Mp) + 0.17241 * E * s(M) + 0.01608 * s(2 * Mp) + 0.01039 * s(2 * F) + 0.00739 * E * s(Mp - M) -
    0.00514 * E * s(Mp + M) + 0.00208 * E * E * s(2 * M) - 0.00111 * s(Mp - 2 * F) - 0.00057 * s(Mp + 2 * F) +
    0.00056 * E * s(2 * Mp + M) - 0.00042 * s(3 * Mp) + 0.00042 * E * s(M + 2 * F) + 0.00038 * E * s(M - 2 * F) -
    0.00024 * E * s(2 * Mp - M) - 0.00017 * s(O) - 0.00007 * s(Mp + 2 * M) + 0.00004 * s(2 * Mp - 2 * F) +
    0.00004 * s(3 * M) + 0.00003 * s(Mp + M - 2 * F) + 0.00003 * s(2 * Mp + 2 * F) - 0.00003 * s(Mp + M + 2 * F) +
    0.00003 * s(Mp - M + 2 * F) - 0.00002 * s(Mp - M - 2 * F) - 0.00002 * s(3 * Mp + M) + 0.00002 * s(4 * Mp)
  const planetary: Array<[number, number, number, number]> = [
    [0.000325, 299.77, 0.107408, -0.009173], [0.000165, 251.88, 0.016321, 0], [0.000164, 251.83, 26.651886, 0],
    [0.000126, 349.42, 36.412478, 0], [0.00011, 84.66, 18.206239, 0], [0.000062, 141.74, 53.303771, 0],
    [0.00006, 207.14, 2.453732, 0], [0.000056, 154.84, 7.30686, 0], [0.000047, 34.52, 27.261239, 0],
    [0.000042, 207.19, 0.121824, 0], [0.00004, 291.34, 1.844379, 0], [0.000037, 161.72, 24.198154, 0],
    [0.000035, 239.56, 25.513099, 0], [0.000023, 331.55, 3.592518, 0],
  ]
  for (const [c, a, b, t2] of planetary) jde += c * s(a + b * k + t2 * T * T)
  return jde
}

describe('lunar table against computed new moons, 1950–2100', () => {
  it('reproduces Meeus’s worked example (new moon of 1977 February)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4)
  })

  it('every month begins on a new-moon day, except a new moon within two minutes of midnight', () => {
    const newMoons = new Map<number, number>()
    for (let k = -620; k <= 1260; k++) {
      const jde = newMoonJde(k)
      const beijing = jde - deltaT(2000 + k / 12.3685) / 86400 - 2440587.5 + 8 / 24
      newMoons.set(Math.floor(beijing), (beijing - Math.floor(beijing)) * 1440)
    }
    const mismatches: string[] = []
    const borderline: string[] = []
    for (let y = 1950; y <= 2100; y++) {
      for (const m of lunarMonths(y)) {
        if (newMoons.has(m.start)) continue
        const before = newMoons.get(m.start - 1)
        const after = newMoons.get(m.start + 1)
        const minutesFromMidnight = before !== undefined ? 1440 - before : after !== undefined ? after : Infinity
        ;(minutesFromMidnight < 2 ? borderline : mismatches).push(`${y} ${m.leap ? '闰' : ''}${m.month}月 ${iso(m.start)}`)
      }
    }
    expect(mismatches).toEqual([])
    // Documented in resources/calendar/README.md; it affects no holiday.
    expect(borderline).toEqual(['2057 9月 2057-09-29'])
  })
})

describe('清明', () => {
  it.each([
    [2008, '2008-04-04'],
    [2009, '2009-04-04'], // 23:34, close to midnight
    [2019, '2019-04-05'],
    [2020, '2020-04-04'],
    [2021, '2021-04-04'],
    [2022, '2022-04-05'],
    [2023, '2023-04-05'],
    [2024, '2024-04-04'],
    [2025, '2025-04-04'],
    [2026, '2026-04-05'],
    [2027, '2027-04-05'],
  ])('%i: %s', (year, date) => {
    expect(iso(qingming(year))).toBe(date)
  })

  it('is at the published moment (2025-04-04 20:48 and 2026-04-05 02:40 Beijing time)', () => {
    const at = (y: number) => solarTermBeijing(15, dayNumberOf(y, 4, 5), y)
    expect(at(2025).hour * 60).toBeCloseTo(20 * 60 + 48, -1)
    expect(at(2026).hour * 60).toBeCloseTo(2 * 60 + 40, -1)
  })

  it('agrees with the classic formula [Y·0.2422 + C] − [Y/4] for 1950–2099', () => {
    const differences: string[] = []
    for (let year = 1950; year <= 2099; year++) {
      const y = year % 100
      const c = year <= 2000 ? 5.59 : 4.81
      const yy = year === 2000 ? 100 : y
      const day = Math.floor(yy * 0.2422 + c) - Math.floor(yy / 4)
      const expected = `${year}-04-${String(day).padStart(2, '0')}`
      if (iso(qingming(year)) !== expected) differences.push(`${year}: ${iso(qingming(year))} vs ${expected}`)
    }
    expect(differences).toEqual([])
  })
})
