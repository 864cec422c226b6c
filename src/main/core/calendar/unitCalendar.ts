import { KaoheError } from '@shared/errors'
import { localDate } from '@shared/dates'
import type { CalendarYear, CalendarYearSummary, FileContent } from '@shared/api/types'
import type { Store } from '../../db/store'
import type { WorkingDayCalendar } from './calendar'
import { shippedHolidayTables, defaultCalendar } from './shipped'
import { fileText } from '../imports/files'
import { parseHolidayIcs, parseHolidayTableJson, type HolidayTable } from './tables'
import { recountPublicity, type PublicityRecount } from './publicityRecount'
import { missingStatutoryDays } from './statutory'

/**
 * The unit's calendar: the tables shipped with the app, overridden by tables imported later (a new
 * year's State Council notice, or a package from the higher-level office). Every deadline in the
 * app is computed on this one calendar.
 */
export function importedTables(store: Store): HolidayTable[] {
  return store
    .all(store.qb.selectFrom('calendar_years').select('body').orderBy('year'))
    .map((r) => JSON.parse(r.body) as HolidayTable)
}

export function unitCalendar(store: Store): WorkingDayCalendar {
  return defaultCalendar(importedTables(store))
}

export function calendarYears(store: Store): CalendarYearSummary[] {
  const imported = new Map(importedTables(store).map((t) => [t.year, t]))
  const years = new Map<number, CalendarYearSummary>()
  for (const t of shippedHolidayTables()) years.set(t.year, summary(t, 'shipped'))
  for (const t of imported.values()) years.set(t.year, summary(t, 'imported'))
  return [...years.values()].sort((a, b) => a.year - b.year)
}

function summary(t: HolidayTable, origin: 'shipped' | 'imported'): CalendarYearSummary {
  return { year: t.year, origin, source: t.source, holidays: t.holidays.length, makeupWorkdays: t.workdays.length }
}

export function calendarYear(store: Store, year: number): CalendarYear {
  const cal = unitCalendar(store)
  const view = cal.year(year)
  const imported = importedTables(store).some((t) => t.year === year)
  return {
    year,
    loaded: view.loaded,
    source: view.source ?? null,
    origin: !view.loaded ? 'estimated' : imported ? 'imported' : 'shipped',
    days: view.days.map((d) => ({ date: d.date, working: d.working, kind: d.kind, ...(d.name ? { name: d.name } : {}) })),
    warnings: view.warnings,
  }
}

/**
 * Reads a holiday table from JSON or iCalendar (.ics) and stores it for its year (replacing any
 * earlier one), in the caller's transaction. A table that leaves out a day the law itself makes a
 * holiday is refused. The stored publicity periods of the year are counted again on the new
 * calendar (publicityRecount.ts); what changed is returned for the audit entry.
 */
export function importHolidayTable(
  store: Store,
  file: FileContent,
  actorId: number | null,
  now: Date,
): { summary: CalendarYearSummary; publicity: PublicityRecount } {
  const text = fileText(file)
  const isIcs = /\.ics$/i.test(file.fileName) || /^BEGIN:VCALENDAR/m.test(text)
  const parsed = isIcs ? parseHolidayIcs(text, { source: file.fileName }) : parseHolidayTableJson(text)
  if (!parsed.ok) {
    const where = (e: { line?: number; path?: string }) => (e.line ? `第 ${e.line} 行 ` : e.path ? `${e.path} ` : '')
    const whereEn = (e: { line?: number; path?: string }) => (e.line ? `line ${e.line}: ` : e.path ? `${e.path}: ` : '')
    throw new KaoheError('CALENDAR_IMPORT_INVALID', {
      reason: parsed.errors.map((e) => `${where(e)}${e.zh}`).join('；'),
      reasonEn: parsed.errors.map((e) => `${whereEn(e)}${e.en}`).join('; '),
    })
  }
  const t = parsed.table
  const missing = missingStatutoryDays(t)
  if (missing) {
    throw new KaoheError('CALENDAR_STATUTORY_MISSING', { year: t.year, days: missing.zh, daysEn: missing.en, law: missing.law.zh, lawEn: missing.law.en })
  }
  const body = JSON.stringify(t)
  store.run(
    store.qb
      .insertInto('calendar_years')
      .values({ year: t.year, source: t.source, body, imported_at: now.toISOString(), imported_by: actorId })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source: t.source, body, imported_at: now.toISOString(), imported_by: actorId })),
  )
  return { summary: summary(t, 'imported'), publicity: recountPublicity(store, unitCalendar(store), t.year, localDate(now)) }
}
