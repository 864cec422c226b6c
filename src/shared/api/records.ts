import { z } from 'zod'
import { method } from './method'
import { fileContent } from './schemas'
import type * as T from './types'

const recordImport = z.enum(['attendance', 'survey'] satisfies T.RecordImport[])

/**
 * Attendance and satisfaction imports (考勤、服务评价): the records slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const recordsMethods = {
  'attendance.preview': method<T.ImportPreview>()({ input: fileContent, permission: 'ledger.import', kind: 'read' }),
  'attendance.import': method<T.ImportResult>()({ input: fileContent, permission: 'ledger.import', kind: 'write' }),
  'survey.preview': method<T.ImportPreview>()({ input: fileContent, permission: 'ledger.import', kind: 'read' }),
  'survey.import': method<T.ImportResult>()({ input: fileContent, permission: 'ledger.import', kind: 'write' }),
  /** The attendance or survey template (.xlsx or CSV), built from the parser's own columns. */
  'records.template': method<T.FileContent>()({
    input: z.object({ kind: recordImport, format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(),
    permission: 'ledger.import',
    kind: 'read',
  }),
  /** The columns the attendance or survey import reads: header, required or not, what each holds. */
  'records.columns': method<T.ImportColumn[]>()({ input: z.object({ kind: recordImport }).strict(), permission: 'ledger.import', kind: 'read' }),
}
