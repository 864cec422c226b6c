export { parseRoster, PROGRESS_EVERY } from './parse'
export { rosterTemplate, rosterTemplateCsv, rosterHeader } from './template'
export { ROSTER_COLUMNS, EXAMPLE_PEOPLE, type RosterColumn } from './columns'
export { CATEGORY_LABEL, STATUS_LABEL } from './vocabulary'
export {
  GONE_STATUSES,
  type EmploymentStatus,
  type PostCategory,
  type RosterErrorCode,
  type RosterField,
  type RosterIssue,
  type RosterIssueCode,
  type RosterParse,
  type RosterParseOptions,
  type RosterRow,
  type RosterSource,
  type RosterWarningCode,
} from './types'
