export {
  WorkingDayCalendar,
  yearNotLoadedWarning,
  type CalendarWarning,
  type DayInfo,
  type DayKind,
  type DeadlineResult,
  type WorkingDayCount,
  type YearView,
} from './calendar'
export { CalendarError, isIsoDate, type IsoDate } from './dates'
export { defaultCalendar, shippedHolidayTables } from './shipped'
export { ESTIMATE_FIRST_YEAR, ESTIMATE_LAST_YEAR, estimatedHolidays, missingStatutoryDays, statutoryDays, type MissingStatutoryDays, type StatutoryDay } from './statutory'
export {
  isMakeupSummary,
  parseHolidayIcs,
  parseHolidayTableJson,
  validateHolidayTable,
  type CalendarIssue,
  type CalendarIssueCode,
  type HolidayEntry,
  type HolidayTable,
  type IcsOptions,
  type TableParseResult,
} from './tables'
