import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultCalendar, type HolidayTable } from '../../../src/main/core/calendar'
import { publicityPeriod, storedPublicity } from '../../../src/main/core/calendar/publicity'

const table2027 = JSON.parse(readFileSync(new URL('../../fixtures/calendar/2027-fictional.json', import.meta.url), 'utf8')) as HolidayTable

describe('the publicity period (公示期): day 1 is the day after the triggering event', () => {
  it('published on Tuesday 1 December 2026: the five counted days are 2 to 8 December, in force on the 9th', () => {
    const p = publicityPeriod(defaultCalendar(), '2026-12-01', 5)
    expect(p).toEqual({ start: '2026-12-01', from: '2026-12-02', end: '2026-12-08', effectiveOn: '2026-12-09', workingDays: 5, warnings: [] })
  })

  it('published on a Friday: day 1 is the Monday after', () => {
    expect(publicityPeriod(defaultCalendar(), '2026-12-04', 5)).toMatchObject({ from: '2026-12-07', end: '2026-12-11' })
  })

  it('a period running into a year without a table warns when counted and every time it is shown again', () => {
    const cal = defaultCalendar()
    const p = publicityPeriod(cal, '2026-12-28', 5)
    expect(p).toMatchObject({ from: '2026-12-29', end: '2027-01-05', effectiveOn: '2027-01-06' })
    expect(p.warnings.map((w) => [w.code, w.year])).toEqual([['CALENDAR_YEAR_NOT_LOADED', 2027]])
    const shown = storedPublicity(cal, { start: p.start, end: p.end, effectiveOn: p.effectiveOn, workingDays: 5 })
    expect(shown.warnings.map((w) => [w.code, w.year])).toEqual([['CALENDAR_YEAR_NOT_LOADED', 2027]])
  })

  it('once the table is loaded, a stored end that was an estimate and no longer agrees says what it should be', () => {
    const stored = { start: '2026-12-28', end: '2027-01-05', effectiveOn: '2027-01-06', workingDays: 5 }
    const shown = storedPublicity(defaultCalendar([table2027]), stored)
    expect(shown.warnings).toEqual([expect.objectContaining({ code: 'PUBLICITY_END_CHANGED', year: 2027, recomputedEnd: '2027-01-06' })])
    expect(shown.warnings[0]!.zh).toContain('2027-01-06')
    expect(shown.warnings[0]!.en).toContain('2027-01-06')
    // A stored end that matches the table has no warning at all.
    expect(storedPublicity(defaultCalendar([table2027]), { ...stored, end: '2027-01-06', effectiveOn: '2027-01-07' }).warnings).toEqual([])
  })
})
