import { calendarYear, calendarYears, importHolidayTable, unitCalendar } from '../../core/calendar/unitCalendar'
import type { Handlers } from '../router'

export const calendarHandlers: Pick<Handlers, 'calendar.years' | 'calendar.year' | 'calendar.addWorkingDays' | 'calendar.import'> = {
  'calendar.years': ({ session }) => calendarYears(session.store),

  'calendar.year': ({ session }, { year }) => calendarYear(session.store, year),

  'calendar.addWorkingDays': ({ session }, { from, days }) => {
    const r = unitCalendar(session.store).addWorkingDays(from, days)
    return { from, days, date: r.date, warnings: r.warnings }
  },

  'calendar.import': ({ session, now, note }, file) => {
    const summary = importHolidayTable(session.store, file, session.user.id, now)
    note(`calendar:${summary.year}`, { fileName: file.fileName, source: summary.source, holidays: summary.holidays, makeupWorkdays: summary.makeupWorkdays })
    return summary
  },
}
