import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  defaultCalendar,
  parseHolidayIcs,
  parseHolidayTableJson,
  type CalendarIssue,
  type TableParseResult,
} from '../../../src/main/core/calendar'

function errorsOf(r: TableParseResult): CalendarIssue[] {
  if (r.ok) throw new Error('expected errors, got a table')
  for (const e of r.errors) {
    expect(e.zh.length).toBeGreaterThan(0)
    expect(e.en.length).toBeGreaterThan(0)
  }
  return r.errors
}

const goodJson = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
  ],
  workdays: [{ date: '2027-02-20', name: '春节调休' }],
}

describe('parseHolidayTableJson', () => {
  it('accepts a well-formed table and sorts it', () => {
    const r = parseHolidayTableJson(JSON.stringify({ ...goodJson, holidays: [...goodJson.holidays].reverse() }))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.table.year).toBe(2027)
    expect(r.table.holidays.map((h) => h.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03'])
    const c = defaultCalendar([r.table])
    expect(c.dayInfo('2027-02-20')).toMatchObject({ kind: 'makeup', working: true, estimated: false })
  })

  it.each(['2020', '2021', '2022', '2023', '2024', '2025', '2026'])('reads the shipped %s.json', (year) => {
    const r = parseHolidayTableJson(readFileSync(`resources/calendar/${year}.json`, 'utf8'))
    expect(r.ok).toBe(true)
  })

  it('accepts the December before the year (a 元旦 run that starts on 31 December)', () => {
    const r = parseHolidayTableJson(JSON.stringify({ ...goodJson, holidays: [{ date: '2026-12-31', name: '元旦' }, ...goodJson.holidays] }))
    expect(r.ok).toBe(true)
  })

  it('reports a syntax error, with its line where the JSON parser tells it', () => {
    const errors = errorsOf(parseHolidayTableJson('{\n  "year": 2027,\n  "source": "x",\n  "holidays": [,]\n}'))
    expect(errors).toHaveLength(1)
    expect(errors[0]?.code).toBe('CALENDAR_IMPORT_SYNTAX')
    if (errors[0]?.line !== undefined) expect(errors[0].line).toBe(4)
    expect(errorsOf(parseHolidayTableJson(''))[0]?.code).toBe('CALENDAR_IMPORT_SYNTAX')
  })

  it('reports every missing or wrong field, not only the first', () => {
    const errors = errorsOf(parseHolidayTableJson(JSON.stringify({ year: '2027', holidays: {}, workdays: [{ date: 20270101 }] })))
    expect(errors.map((e) => e.path)).toEqual(['year', 'source', 'holidays', 'workdays[0].date'])
    expect(errors.every((e) => e.code === 'CALENDAR_IMPORT_FIELD')).toBe(true)
  })

  it('rejects something that is not an object', () => {
    expect(errorsOf(parseHolidayTableJson('[]'))[0]?.code).toBe('CALENDAR_IMPORT_FIELD')
  })

  it('rejects bad dates, dates of another year, duplicates, conflicts and weekday make-up days', () => {
    const errors = errorsOf(
      parseHolidayTableJson(
        JSON.stringify({
          year: 2027,
          source: 's',
          holidays: [
            { date: '2027-02-30', name: '春节' },
            { date: '2028-01-01', name: '元旦' },
            { date: '2026-11-30', name: '元旦' },
            { date: '2027-01-01', name: '元旦' },
            { date: '2027-01-01', name: '元旦' },
            { date: '2027-10-02', name: '国庆节' },
          ],
          workdays: [
            { date: '2027-10-02', name: '国庆节调休' },
            { date: '2027-10-08', name: '国庆节调休' },
          ],
        }),
      ),
    )
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['CALENDAR_IMPORT_DATE', 'holidays[0].date'],
      ['CALENDAR_IMPORT_OUTSIDE_YEAR', 'holidays[1].date'],
      ['CALENDAR_IMPORT_OUTSIDE_YEAR', 'holidays[2].date'],
      ['CALENDAR_IMPORT_DUPLICATE', 'holidays[4].date'],
      ['CALENDAR_IMPORT_DUPLICATE', 'workdays[0].date'],
      ['CALENDAR_IMPORT_MAKEUP_NOT_WEEKEND', 'workdays[1].date'],
    ])
    expect(errors[4]?.zh).toContain('同时')
    expect(errors[5]?.en).toContain('2027-10-08')
  })

  it('rejects a table without holidays', () => {
    const errors = errorsOf(parseHolidayTableJson(JSON.stringify({ year: 2027, source: 's', holidays: [], workdays: [] })))
    expect(errors[0]?.code).toBe('CALENDAR_IMPORT_NO_HOLIDAYS')
  })
})

const CRLF = '\r\n'
function ics(...lines: string[]): string {
  return lines.join(CRLF)
}

// A 2027 feed in the style of the common Chinese holiday calendars, with a folded SUMMARY line and
// an alarm whose DTSTART must not be taken for the event's.
const feed2027 = ics(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//holidays//CN',
  'X-WR-CALNAME:中国节假日 2027',
  'BEGIN:VEVENT',
  'UID:1',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2',
  'DTSTART;VALUE=DATE:20270205',
  'DTEND;VALUE=DATE:20270214',
  'SUMMARY:春',
  ' 节',
  'BEGIN:VALARM',
  'TRIGGER:-PT15M',
  'DTSTART:20270101T090000',
  'ACTION:DISPLAY',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:3',
  'DTSTART;VALUE=DATE:20270214',
  'SUMMARY:春节调休上班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:4',
  'DTSTART;VALUE=DATE:20270220',
  'DURATION:P1D',
  'SUMMARY:补班',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
)

describe('parseHolidayIcs', () => {
  it('reads all-day events; SUMMARY with 班 marks make-up working days', () => {
    const r = parseHolidayIcs(feed2027)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.table.year).toBe(2027)
    expect(r.table.source).toBe('中国节假日 2027')
    expect(r.table.holidays).toHaveLength(3 + 9)
    expect(r.table.holidays[0]).toEqual({ date: '2027-01-01', name: '元旦' })
    expect(r.table.holidays.at(-1)).toEqual({ date: '2027-02-13', name: '春节' }) // DTEND is exclusive
    expect(r.table.workdays).toEqual([
      { date: '2027-02-14', name: '春节调休上班' },
      { date: '2027-02-20', name: '补班' },
    ])
    const c = defaultCalendar([r.table])
    expect(c.isWorkingDay('2027-02-14')).toBe(true)
    expect(c.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-14', warnings: [] })
  })

  it('accepts LF line ends, a BOM and a source given by the caller', () => {
    const r = parseHolidayIcs(`\uFEFF${feed2027.replaceAll(CRLF, '\n')}`, { source: '国办发明电〔2026〕X号' })
    expect(r.ok && r.table.source).toBe('国办发明电〔2026〕X号')
  })

  it('merges two holidays on the same day and gives the 元旦 run of 31 December to the new year', () => {
    const r = parseHolidayIcs(
      ics(
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20261231',
        'DTEND;VALUE=DATE:20270102',
        'SUMMARY:元旦',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20271001',
        'DTEND;VALUE=DATE:20271008',
        'SUMMARY:国庆节',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20271006',
        'SUMMARY:中秋节',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.table.year).toBe(2027)
    expect(r.table.holidays[0]).toEqual({ date: '2026-12-31', name: '元旦' })
    expect(r.table.holidays.find((h) => h.date === '2027-10-06')?.name).toBe('国庆节、中秋节')
  })

  it('needs the year when the file covers several, and then takes only that year', () => {
    const twoYears = ics(
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270101',
      'SUMMARY:元旦',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20280101',
      'SUMMARY:元旦',
      'END:VEVENT',
      'END:VCALENDAR',
    )
    expect(errorsOf(parseHolidayIcs(twoYears))[0]?.code).toBe('CALENDAR_IMPORT_YEAR_AMBIGUOUS')
    const r = parseHolidayIcs(twoYears, { year: 2028 })
    expect(r.ok && r.table.holidays).toEqual([{ date: '2028-01-01', name: '元旦' }])
    expect(errorsOf(parseHolidayIcs(twoYears, { year: 2029 }))[0]?.code).toBe('CALENDAR_IMPORT_NO_HOLIDAYS')
  })

  it('rejects a file that is not iCalendar', () => {
    expect(errorsOf(parseHolidayIcs('date,name\n2027-01-01,元旦'))[0]).toMatchObject({ code: 'CALENDAR_IMPORT_SYNTAX', line: 1 })
  })

  it('reports each bad event with its line number', () => {
    const text = ics(
      'BEGIN:VCALENDAR', // 1
      'BEGIN:VEVENT', // 2
      'DTSTART:20270101T000000', // 3: a time, not an all-day date
      'SUMMARY:元旦', // 4
      'END:VEVENT', // 5
      'BEGIN:VEVENT', // 6: no SUMMARY
      'DTSTART;VALUE=DATE:20270205', // 7
      'END:VEVENT', // 8
      'BEGIN:VEVENT', // 9
      'DTSTART;VALUE=DATE:20270231', // 10: no such day
      'SUMMARY:春节', // 11
      'END:VEVENT', // 12
      'BEGIN:VEVENT', // 13
      'DTSTART;VALUE=DATE:20271008', // 14
      'DTEND;VALUE=DATE:20271001', // 15: ends before it starts
      'SUMMARY:国庆节', // 16
      'END:VEVENT', // 17
      'this line has no colon', // 18
      'BEGIN:VEVENT', // 19: never closed
      'DTSTART;VALUE=DATE:20270405', // 20
      'SUMMARY:清明节', // 21
      'END:VCALENDAR', // 22
    )
    const errors = errorsOf(parseHolidayIcs(text))
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['CALENDAR_IMPORT_SYNTAX', 18],
      ['CALENDAR_IMPORT_SYNTAX', 19],
      ['CALENDAR_IMPORT_NOT_ALL_DAY', 3],
      ['CALENDAR_IMPORT_FIELD', 6],
      ['CALENDAR_IMPORT_DATE', 10],
      ['CALENDAR_IMPORT_FIELD', 15],
    ])
    expect(errors[2]?.zh).toContain('第 3 行')
    expect(errors[2]?.en).toContain('Line 3')
  })

  it('reports a make-up day on a weekday and a day both off and working, with lines', () => {
    const errors = errorsOf(
      parseHolidayIcs(
        ics(
          'BEGIN:VCALENDAR', // 1
          'BEGIN:VEVENT', // 2
          'DTSTART;VALUE=DATE:20270101', // 3
          'DTEND;VALUE=DATE:20270104', // 4
          'SUMMARY:元旦', // 5
          'END:VEVENT', // 6
          'BEGIN:VEVENT', // 7
          'DTSTART;VALUE=DATE:20270105', // 8 (a Tuesday)
          'SUMMARY:上班', // 9
          'END:VEVENT', // 10
          'BEGIN:VEVENT', // 11
          'DTSTART;VALUE=DATE:20270102', // 12
          'SUMMARY:上班', // 13
          'END:VEVENT', // 14
          'END:VCALENDAR',
        ),
      ),
    )
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['CALENDAR_IMPORT_MAKEUP_NOT_WEEKEND', 7],
      ['CALENDAR_IMPORT_DUPLICATE', 11],
    ])
  })

  it('rejects an unreadable DURATION and an event longer than a month', () => {
    const base = (extra: string) =>
      ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270101', extra, 'SUMMARY:元旦', 'END:VEVENT', 'END:VCALENDAR')
    expect(errorsOf(parseHolidayIcs(base('DURATION:PT24H')))[0]).toMatchObject({ code: 'CALENDAR_IMPORT_NOT_ALL_DAY', line: 4 })
    expect(errorsOf(parseHolidayIcs(base('DTEND;VALUE=DATE:20270301')))[0]).toMatchObject({ code: 'CALENDAR_IMPORT_FIELD', line: 4 })
  })

  it('rejects a calendar without events', () => {
    expect(errorsOf(parseHolidayIcs(ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR')))[0]?.code).toBe('CALENDAR_IMPORT_NO_HOLIDAYS')
  })
})
