import { calendarYear, calendarYears, importHolidayTable, unitCalendar } from '../../core/calendar/unitCalendar'
import type { HandlersFor } from '../router'
import { textDigest } from '../../core/audit/digest'

export const calendarHandlers: HandlersFor<'calendar'> = {
  'calendar.years': ({ session }) => calendarYears(session.store),

  'calendar.year': ({ session }, { year }) => calendarYear(session.store, year),

  'calendar.addWorkingDays': ({ session }, { from, days }) => {
    const r = unitCalendar(session.store).addWorkingDays(from, days)
    return { from, days, date: r.date, warnings: r.warnings }
  },

  'calendar.import': ({ session, now, note }, file) => {
    const { summary, publicity } = importHolidayTable(session.store, file, session.user.id, now)
    note(`calendar:${summary.year}`, {
      fileName: textDigest(file.fileName),
      source: textDigest(summary.source),
      holidays: summary.holidays,
      makeupWorkdays: summary.makeupWorkdays,
      // Publicity periods counted again on the new table (ids and dates), and those left for confirmation.
      publicityRecomputed: publicity.recomputed.map((r) => ({ kind: r.kind, id: r.id, end: r.end, newEnd: r.newEnd, newEffectiveOn: r.newEffectiveOn })),
      publicityToConfirm: publicity.toConfirm.map((r) => ({ kind: r.kind, id: r.id, end: r.end, newEnd: r.newEnd })),
    })
    return summary
  },
}
