import { writeExport, unitsOf } from '../../core/unit/exportTarget'
import type { HandlersFor } from '../router'

export const auditHandlers: HandlersFor<'audit'> = {
  'audit.list': ({ session }, filter) => session.audit.list(filter),

  /** Against the key file's anchor as it is now (another process may have written since sign-in). */
  'audit.verify': ({ session }, { checkpoint }) =>
    session.audit.verify(session.keyFile.auditState, { legacyAnchor: session.keyFile.legacyAuditAnchor, checkpoint }),

  /** JSON Lines, oldest first, each entry with its hashes so the export can be re-verified elsewhere. */
  'audit.export': ({ session, note, state }, { file, overwrite }) => {
    const lines: string[] = []
    for (const e of session.audit.iterate()) lines.push(JSON.stringify(e))
    const text = lines.join('\n') + '\n'
    // Never the unit's own files, never an existing file unless asked (the export once replaced the database).
    const written = writeExport(file, text, unitsOf(state), overwrite)
    note('audit', { file: written.file, entries: lines.length, overwrite })
    return { file: written.file, bytes: written.bytes, entries: lines.length }
  },
}
