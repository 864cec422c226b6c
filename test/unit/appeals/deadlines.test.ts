import { describe, expect, it } from 'vitest'
import { appealDeadline } from '../../../src/main/core/appeals'
import { defaultCalendar } from '../../../src/main/core/calendar'
import { defaultGuideline } from '../../../src/main/core/guideline/defaults'

/**
 * The appeal window (P8, RULES.md §1/§7) on the shipped calendar: day 1 is the day after delivery,
 * make-up Saturdays count, holiday runs do not; a year with no table is estimated with a warning.
 */
const cal = defaultCalendar()
const days = defaultGuideline(2026).appeal.windowWorkingDays

describe('appeal window', () => {
  it('is 10 working days by default', () => expect(days).toBe(10))

  it('crosses 2026 春节: delivered Fri 13 Feb, the make-up Saturdays 14 and 28 Feb count, 15–23 Feb do not', () => {
    // 14 Feb (调休) = 1, 24–27 Feb = 2–5, 28 Feb (调休) = 6, 2–5 Mar = 7–10.
    expect(appealDeadline(cal, '2026-02-13', days)).toEqual({ date: '2026-03-05', warnings: [] })
  })

  it('crosses 2026 国庆: delivered Wed 30 Sep, 1–7 Oct off, Sat 10 Oct (调休) counts', () => {
    // 8–9 Oct = 1–2, 10 Oct (调休) = 3, 12–16 Oct = 4–8, 19–20 Oct = 9–10.
    expect(appealDeadline(cal, '2026-09-30', days)).toEqual({ date: '2026-10-20', warnings: [] })
  })

  it('moves a deadline that would land in a holiday run to the next working day', () => {
    // Delivered Fri 2 Oct (a holiday): day 1 is 8 Oct.
    expect(appealDeadline(cal, '2026-10-02', 1).date).toBe('2026-10-08')
  })

  it('is computed for 2031 (no table) with the statutory 春节 and a warning', () => {
    // 2031 春节: 除夕 22 Jan, 初一–初三 23–25 Jan, and Mon 27 Jan off for the Saturday (core/calendar's estimate).
    // Mon 20 Jan: 21 Jan = 1, 28–31 Jan = 2–5, 3–7 Feb = 6–10.
    const r = appealDeadline(cal, '2031-01-20', days)
    expect(cal.dayInfo('2031-01-27')).toMatchObject({ working: false, estimated: true })
    expect(r.date).toBe('2031-02-07')
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]!.zh).toContain('2031')
    expect(r.warnings[0]!.en).toContain('not loaded')
  })
})
