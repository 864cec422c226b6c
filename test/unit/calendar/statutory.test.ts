import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { missingStatutoryDays, shippedHolidayTables, statutoryDays, type HolidayTable } from '../../../src/main/core/calendar'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/calendar/${name}`, import.meta.url), 'utf8')) as HolidayTable

describe('the days the law itself makes holidays (《全国年节及纪念日放假办法》)', () => {
  it('2027 under the 2024 revision: 除夕 and 5/2 included (dates from the almanac, not from the code)', () => {
    expect(statutoryDays(2027).days.map((d) => `${d.name} ${d.date}`)).toEqual([
      '元旦 2027-01-01',
      '春节 2027-02-05',
      '春节 2027-02-06',
      '春节 2027-02-07',
      '春节 2027-02-08',
      '清明节 2027-04-05',
      '劳动节 2027-05-01',
      '劳动节 2027-05-02',
      '端午节 2027-06-09',
      '中秋节 2027-09-15',
      '国庆节 2027-10-01',
      '国庆节 2027-10-02',
      '国庆节 2027-10-03',
    ])
  })

  it('every official table shipped (2020–2026) lists each statutory day of its year under the law then in force', () => {
    // 2020–2024 fall under the 2013 revision (no 除夕, one day of 劳动节): the 2024 notice kept 2月9日 (除夕) a working day.
    for (const t of shippedHolidayTables()) expect(missingStatutoryDays(t), String(t.year)).toBeNull()
    expect(statutoryDays(2024).days.map((d) => d.date)).not.toContain('2024-02-09')
    expect(statutoryDays(2025).days.map((d) => d.date)).toContain('2025-01-28')
  })

  it('a table without 国庆 is incomplete, and the three days are named in both languages', () => {
    const missing = missingStatutoryDays(fixture('2027-without-guoqing.json'))
    expect(missing?.days.map((d) => d.date)).toEqual(['2027-10-01', '2027-10-02', '2027-10-03'])
    expect(missing?.zh).toBe('国庆节（2027-10-01、2027-10-02、2027-10-03）')
    expect(missing?.en).toBe('National Day 国庆节 (2027-10-01, 2027-10-02, 2027-10-03)')
    expect(missing?.law).toEqual({ zh: '2024 年修订', en: '2024 revision' })
    expect(missingStatutoryDays(fixture('2027-fictional.json'))).toBeNull()
  })

  it('several festivals missing are each named', () => {
    const t = fixture('2027-fictional.json')
    const without = { ...t, holidays: t.holidays.filter((h) => h.date !== '2027-01-01' && h.date !== '2027-09-15') }
    expect(missingStatutoryDays(without)?.zh).toBe('元旦（2027-01-01）；中秋节（2027-09-15）')
  })
})
