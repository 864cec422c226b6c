import { z } from 'zod'
import { method } from './method'
import { none, year, isoDate, fileContent } from './schemas'
import type * as T from './types'

/**
 * The working-day calendar (工作日历): the calendar slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const calendarMethods = {
  'calendar.years': method<T.CalendarYearSummary[]>()({ input: none, permission: 'calendar.read', kind: 'read' }),
  'calendar.year': method<T.CalendarYear>()({ input: z.object({ year }).strict(), permission: 'calendar.read', kind: 'read' }),
  'calendar.addWorkingDays': method<T.DeadlineResult>()({
    input: z.object({ from: isoDate, days: z.number().int().min(0).max(3650) }).strict(),
    permission: 'calendar.read',
    kind: 'read',
  }),
  'calendar.import': method<T.CalendarYearSummary>()({ input: fileContent, permission: 'calendar.manage', kind: 'write' }),
}
