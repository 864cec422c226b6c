import { method } from './method'
import { fileContent } from './schemas'
import type * as T from './types'

/**
 * Attendance and satisfaction imports (考勤、服务评价): the records slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const recordsMethods = {
  'attendance.preview': method<T.ImportPreview>()({ input: fileContent, permission: 'ledger.import', kind: 'read' }),
  'attendance.import': method<T.ImportResult>()({ input: fileContent, permission: 'ledger.import', kind: 'write' }),
  'survey.preview': method<T.ImportPreview>()({ input: fileContent, permission: 'ledger.import', kind: 'read' }),
  'survey.import': method<T.ImportResult>()({ input: fileContent, permission: 'ledger.import', kind: 'write' }),
}
