import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CalendarError,
  WorkingDayCalendar,
  defaultCalendar,
  parseHolidayTableJson,
  type HolidayTable,
} from '../../../src/main/core/calendar'

const calendar = defaultCalendar()

describe('addWorkingDays: day 1 is the day after the event', () => {
  it('10 working days from Friday 2025-09-26 across 国庆/中秋 2025', () => {
    // 9/28 (Sun, make-up) 1, 9/29 2, 9/30 3, 10/1–10/8 off, 10/9 4, 10/10 5, 10/11 (Sat, make-up) 6,
    // 10/13 7, 10/14 8, 10/15 9, 10/16 10.
    expect(calendar.addWorkingDays('2025-09-26', 10)).toEqual({ date: '2025-10-16', warnings: [] })
  })

  it('10 working days from Friday 2026-02-13 across 春节 2026', () => {
    // 2/14 (Sat, make-up) 1, 2/15–2/23 off, 2/24–2/27 2–5, 2/28 (Sat, make-up) 6, 3/2–3/5 7–10.
    expect(calendar.addWorkingDays('2026-02-13', 10)).toEqual({ date: '2026-03-05', warnings: [] })
  })

  it('5 working days from the eve of 春节 2025', () => {
    // 1/26 (Sun) is a make-up day but comes before; from 1/27: 1/28–2/4 off, 2/5 1 … 2/7 3,
    // 2/8 (Sat, make-up) 4, 2/10 5.
    expect(calendar.addWorkingDays('2025-01-27', 5).date).toBe('2025-02-10')
  })

  it('one working day from a Friday is the Monday', () => {
    expect(calendar.addWorkingDays('2025-03-07', 1).date).toBe('2025-03-10')
  })

  it('the event day itself never counts, even when it is a working day', () => {
    expect(calendar.addWorkingDays('2025-03-10', 1).date).toBe('2025-03-11')
  })

  it('counts back for negative n', () => {
    expect(calendar.addWorkingDays('2025-10-09', -1).date).toBe('2025-09-30')
    // The mirror of 2026-02-13 + 10: 3/4–3/2 1–3, 2/28 (make-up) 4, 2/27–2/24 5–8, 2/14 (make-up) 9, 2/13 10.
    expect(calendar.addWorkingDays('2026-03-05', -10).date).toBe('2026-02-13')
  })

  it('n = 0 gives the day itself, or the next working day', () => {
    expect(calendar.addWorkingDays('2025-03-10', 0).date).toBe('2025-03-10')
    expect(calendar.addWorkingDays('2025-10-01', 0).date).toBe('2025-10-09')
  })

  it('P8: the 10-working-day appeal window after feedback on 2026-01-30', () => {
    // 2/2–2/6 1–5, 2/9–2/13 6–10.
    expect(calendar.addWorkingDays('2026-01-30', 10).date).toBe('2026-02-13')
  })

  it('P7: 5 working days of publicity across 元旦 2026 include the make-up Sunday', () => {
    // 12/31 1, 1/1–1/3 off, 1/4 (Sun, make-up) 2, 1/5 3, 1/6 4, 1/7 5.
    expect(calendar.addWorkingDays('2025-12-30', 5)).toEqual({ date: '2026-01-07', warnings: [] })
  })
})

describe('addCalendarDays: "N 日" counts calendar days and does not move', () => {
  it('lands on a holiday and stays there', () => {
    expect(calendar.addCalendarDays('2025-09-11', 20)).toEqual({ date: '2025-10-01', warnings: [] })
  })

  it('lands on a weekend and stays there', () => {
    expect(calendar.addCalendarDays('2025-03-01', 7).date).toBe('2025-03-08')
  })

  it('crosses month, leap day and year ends', () => {
    expect(calendar.addCalendarDays('2028-02-20', 20).date).toBe('2028-03-11')
    expect(calendar.addCalendarDays('2025-12-25', 20).date).toBe('2026-01-14')
    expect(calendar.addCalendarDays('2025-01-10', -20).date).toBe('2024-12-21')
  })

  it('does not warn for a year without a table: holidays do not change calendar days', () => {
    expect(calendar.addCalendarDays('2027-06-01', 20)).toEqual({ date: '2027-06-21', warnings: [] })
  })
})

describe('workingDaysBetween counts like addWorkingDays (start excluded, end included)', () => {
  it('across 国庆 2025', () => {
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-16')).toEqual({ days: 10, warnings: [] })
    expect(calendar.workingDaysBetween('2025-10-16', '2025-09-26').days).toBe(-10)
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-01').days).toBe(0)
    expect(Object.is(calendar.workingDaysBetween('2025-10-02', '2025-10-01').days, 0)).toBe(true)
  })

  it('is the inverse of addWorkingDays', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2026-10-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -40, max: 40 }),
        (d, n) => {
          const from = d.toISOString().slice(0, 10)
          const { date } = calendar.addWorkingDays(from, n)
          expect(calendar.isWorkingDay(date)).toBe(true)
          if (n !== 0) expect(calendar.workingDaysBetween(from, date).days).toBe(n)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('a year without a table (2027) is estimated from the statutory holidays', () => {
  it.each([
    ['2027-01-01', '元旦'],
    ['2027-02-05', '春节'], // 除夕 (腊月三十)
    ['2027-02-06', '春节'], // 正月初一
    ['2027-02-07', '春节'],
    ['2027-02-08', '春节'], // 初三
    ['2027-04-05', '清明节'],
    ['2027-05-01', '劳动节'],
    ['2027-05-02', '劳动节'],
    ['2027-06-09', '端午节'],
    ['2027-09-15', '中秋节'],
    ['2027-10-01', '国庆节'],
    ['2027-10-02', '国庆节'],
    ['2027-10-03', '国庆节'],
  ])('%s is %s', (date, name) => {
    expect(calendar.dayInfo(date)).toEqual({ date, working: false, kind: 'holiday', name, estimated: true })
  })

  it('statutory days on a weekend are made up on the following weekdays (补假)', () => {
    // 初一 and 初二 2027 are Saturday and Sunday; 国庆 10/2–10/3 likewise.
    for (const date of ['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']) {
      expect(calendar.dayInfo(date)).toMatchObject({ working: false, kind: 'holiday', estimated: true })
      expect(calendar.dayInfo(date).name).toMatch(/补假/)
    }
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true)
    expect(calendar.isWorkingDay('2027-10-06')).toBe(true)
  })

  it('ordinary days are marked estimated, and no Saturday is a working day', () => {
    expect(calendar.dayInfo('2027-03-03')).toEqual({ date: '2027-03-03', working: true, kind: 'workday', estimated: true })
    const view = calendar.year(2027)
    expect(view.loaded).toBe(false)
    expect(view.days.filter((d) => d.kind === 'makeup')).toEqual([])
    expect(view.warnings.map((w) => w.year)).toEqual([2027])
  })

  it('addWorkingDays in 2027 warns, naming the year in Chinese and English', () => {
    const r = calendar.addWorkingDays('2027-09-30', 3)
    // 10/1–10/3 statutory, 10/4–10/5 补假: 10/6 1, 10/7 2, 10/8 3.
    expect(r.date).toBe('2027-10-08')
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 })
    expect(r.warnings[0]?.zh).toContain('2027')
    expect(r.warnings[0]?.en).toContain('2027')
  })

  it('a count that starts in a loaded year and ends in 2027 warns about 2027 only', () => {
    const r = calendar.addWorkingDays('2026-12-21', 15)
    expect(r.warnings.map((w) => w.year)).toEqual([2027])
    expect(calendar.addWorkingDays('2026-12-01', 5).warnings).toEqual([])
  })

  it('warns about every year touched without a table', () => {
    const r = calendar.workingDaysBetween('2026-12-01', '2029-01-10')
    expect(r.warnings.map((w) => w.year)).toEqual([2027, 2028, 2029])
  })

  it('a year before the shipped tables is estimated with the same rules', () => {
    expect(calendar.dayInfo('2019-02-05')).toMatchObject({ kind: 'holiday', name: '春节', estimated: true })
    expect(calendar.addWorkingDays('2019-06-03', 1).warnings.map((w) => w.year)).toEqual([2019])
  })
})

describe('loading tables', () => {
  const table2027: HolidayTable = {
    year: 2027,
    source: '测试用 2027 年安排',
    holidays: [{ date: '2027-01-01', name: '元旦' }],
    workdays: [{ date: '2027-01-09', name: '测试调休' }],
  }

  it('a loaded table makes the year exact: no statutory estimate, no warning', () => {
    const c = defaultCalendar([table2027])
    expect(c.loadedYears()).toContain(2027)
    expect(c.dayInfo('2027-02-06')).toMatchObject({ kind: 'weekend', estimated: false })
    expect(c.dayInfo('2027-01-09')).toMatchObject({ kind: 'makeup', working: true })
    expect(c.addWorkingDays('2027-03-01', 3).warnings).toEqual([])
  })

  it('a later table for the same year replaces the earlier one', () => {
    const replacement = parseHolidayTableJson(
      JSON.stringify({ year: 2026, source: '更正', holidays: [{ date: '2026-01-01', name: '元旦' }], workdays: [] }),
    )
    if (!replacement.ok) throw new Error('fixture')
    const c = defaultCalendar([replacement.table])
    expect(c.table(2026)?.source).toBe('更正')
    expect(c.isWorkingDay('2026-02-16')).toBe(true)
    expect(c.isWorkingDay('2026-02-14')).toBe(false)
  })

  it('an empty calendar estimates every year', () => {
    const c = new WorkingDayCalendar()
    expect(c.loadedYears()).toEqual([])
    expect(c.dayInfo('2025-02-04')).toMatchObject({ working: true, estimated: true })
    expect(c.dayInfo('2025-01-28')).toMatchObject({ working: false, name: '春节', estimated: true })
  })

  it('refuses an invalid table', () => {
    expect(() => new WorkingDayCalendar([{ ...table2027, workdays: [{ date: '2027-01-04', name: 'x' }] }])).toThrow(/Saturday/)
  })
})

describe('bad input', () => {
  it.each(['2025-2-1', '2025-02-30', '2025-13-01', '2023-02-29', '', '20250101', '2025-01-01T00:00:00Z', ' 2025-01-01'])(
    'rejects the date %j',
    (date) => {
      expect(() => calendar.dayInfo(date)).toThrow(CalendarError)
      expect(() => calendar.addWorkingDays(date, 1)).toThrow(CalendarError)
      expect(() => calendar.addCalendarDays(date, 1)).toThrow(CalendarError)
    },
  )

  it('says what is wrong in both languages, as an INVALID_INPUT error', () => {
    try {
      calendar.isWorkingDay('2025-02-30')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarError)
      const err = e as CalendarError
      expect(err.calendarCode).toBe('CALENDAR_INVALID_DATE')
      expect(err.code).toBe('INVALID_INPUT')
      expect(err.zh).toContain('2025-02-30')
      expect(err.en).toContain('YYYY-MM-DD')
    }
  })

  it('rejects a non-string date', () => {
    expect(() => calendar.dayInfo(20250101 as unknown as string)).toThrow(CalendarError)
  })

  it.each([1.5, Number.NaN, Infinity, 1e9])('rejects the count %s', (n) => {
    expect(() => calendar.addWorkingDays('2025-01-02', n)).toThrow(CalendarError)
    expect(() => calendar.addCalendarDays('2025-01-02', n)).toThrow(CalendarError)
  })

  it('estimates any year the lunar data covers, 1900–2100', () => {
    expect(calendar.dayInfo('1950-02-17')).toMatchObject({ kind: 'holiday', name: '春节', estimated: true })
    expect(calendar.dayInfo('2100-10-01')).toMatchObject({ kind: 'holiday', estimated: true })
    expect(calendar.year(1900).days).toHaveLength(365)
  })

  it('refuses to guess beyond the lunar data', () => {
    expect(() => calendar.dayInfo('1899-12-31')).toThrow(CalendarError)
    expect(() => calendar.dayInfo('2101-03-01')).toThrow(/2101/)
    expect(() => calendar.addWorkingDays('2100-12-30', 5)).toThrow(CalendarError)
    expect(() => calendar.year(1.5)).toThrow(CalendarError)
  })
})
