import { writeFileSync, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { KaoheError } from '@shared/errors'
import type { Handlers } from '../router'

export const auditHandlers: Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.export'> = {
  'audit.list': ({ session }, filter) => session.audit.list(filter),

  'audit.verify': ({ session }) => session.audit.verify(session.keyFile.auditAnchor),

  /** JSON Lines, oldest first, each entry with its hashes so the export can be re-verified elsewhere. */
  'audit.export': ({ session, note }, { file }) => {
    if (!existsSync(dirname(file))) throw new KaoheError('FILE_NOT_FOUND', { path: dirname(file) })
    const lines: string[] = []
    for (const e of session.audit.iterate()) lines.push(JSON.stringify(e))
    const text = lines.join('\n') + '\n'
    writeFileSync(file, text, { mode: 0o600 })
    note('audit', { file, entries: lines.length })
    return { file, bytes: Buffer.byteLength(text), entries: lines.length }
  },
}
