import { describe, expect, it } from 'vitest'
import { defaultCalendar, shippedHolidayTables } from '../../../src/main/core/calendar'

/**
 * Written from the State Council General Office notices themselves, not from the JSON files: each
 * run is "X月X日至X日放假调休" and each make-up day "X月X日（周X）上班".
 */
interface Notice {
  runs: Array<[name: string, first: string, last: string]>
  makeup: string[]
}

const NOTICES: Record<number, Notice> = {
  // 国办发明电〔2024〕12号
  2025: {
    runs: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // Published November 2025
  2026: {
    runs: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
}

function datesFrom(first: string, last: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

function allDates(year: number): string[] {
  return datesFrom(`${year}-01-01`, `${year}-12-31`)
}

const calendar = defaultCalendar()

for (const [yearText, notice] of Object.entries(NOTICES)) {
  const year = Number(yearText)
  const holidays = notice.runs.flatMap(([name, first, last]) => datesFrom(first, last).map((date) => ({ date, name })))
  const holidaySet = new Set(holidays.map((h) => h.date))
  const makeupSet = new Set(notice.makeup)

  describe(`${year} official arrangement`, () => {
    it.each(holidays)(`$date ($name) is a holiday`, ({ date }) => {
      const info = calendar.dayInfo(date)
      expect(info).toMatchObject({ date, working: false, kind: 'holiday', estimated: false })
      expect(calendar.isWorkingDay(date)).toBe(false)
    })

    it.each(notice.makeup)('%s is a make-up working day on a weekend', (date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      expect([0, 6]).toContain(weekday)
      expect(calendar.dayInfo(date)).toMatchObject({ working: true, kind: 'makeup', estimated: false })
      expect(calendar.isWorkingDay(date)).toBe(true)
    })

    it('every other day is Monday–Friday working, Saturday–Sunday off', () => {
      const wrong: string[] = []
      for (const date of allDates(year)) {
        if (holidaySet.has(date) || makeupSet.has(date)) continue
        const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())
        const info = calendar.dayInfo(date)
        if (info.working === weekend || info.kind !== (weekend ? 'weekend' : 'workday')) wrong.push(date)
      }
      expect(wrong).toEqual([])
    })

    it('the year view agrees and is not estimated', () => {
      const view = calendar.year(year)
      expect(view.loaded).toBe(true)
      expect(view.source).toMatch(/国务院办公厅/)
      expect(view.warnings).toEqual([])
      expect(view.days).toHaveLength(365)
      expect(view.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([...holidaySet].sort())
      expect(view.days.filter((d) => d.kind === 'makeup').map((d) => d.date)).toEqual([...makeupSet].sort())
    })
  })
}

describe('2020–2024 spot checks from the notices', () => {
  it.each([
    ['2020-02-02', false], // 春节 extended to 2/2 by 国办发明电〔2020〕1号
    ['2020-02-01', false], // the Saturday first announced as a working day was taken back
    ['2020-01-19', true],
    ['2020-10-08', false],
    ['2020-10-10', true],
    ['2021-02-07', true],
    ['2021-09-18', true],
    ['2022-01-29', true],
    ['2022-01-30', true],
    ['2022-04-02', true],
    ['2022-12-31', false], // first day of the 2023 元旦 run
    ['2023-01-02', false],
    ['2023-10-08', true],
    ['2024-02-09', true], // 除夕 2024 was not yet a statutory holiday
    ['2024-02-18', true],
    ['2024-06-10', false],
    ['2024-10-12', true],
  ] as const)('%s working = %s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working)
    expect(calendar.dayInfo(date).estimated).toBe(false)
  })

  it('ships tables for 2020–2026', () => {
    expect(calendar.loadedYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026])
    for (const t of shippedHolidayTables()) expect(t.source).toMatch(/国办发明电〔20\d\d〕\d+号/)
  })
})
