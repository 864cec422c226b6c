import { z } from 'zod'
import { method } from './method'
import { path } from './schemas'
import type * as T from './types'

/**
 * The audit chain (审计日志): the audit slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const auditMethods = {
  'audit.list': method<T.AuditPage>()({
    input: z
      .object({
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        actor: z.string().trim().max(32).optional(),
        action: z.string().trim().max(64).optional(),
        /** Exactly one of these codes (the viewer's search by the labels it shows). */
        actions: z.array(z.string().trim().max(64)).max(500).optional(),
        outcome: z.enum(['ok', 'denied', 'failed']).optional(),
        /** From this instant (included) to that one (excluded). */
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
    permission: 'audit.read',
    kind: 'read',
  }),
  'audit.verify': method<T.AuditVerifyReport>()({
    // A checkpoint noted earlier, `<seq>:<hash prefix>` (at least 8 hex digits; dashes allowed).
    input: z.object({ checkpoint: z.string().trim().max(80).regex(/^#?\d{1,12}\s*:\s*[0-9a-fA-F][0-9a-fA-F\s-]{7,}$/, 'checkpoint: <seq>:<hash prefix>').optional() }).strict(),
    permission: 'audit.read',
    kind: 'read',
  }),
  'audit.export': method<T.FileWritten>()({
    // An existing file is replaced only when asked; the unit's own files never (core/unit/exportTarget).
    input: z.object({ file: path, overwrite: z.boolean().default(false) }).strict(),
    permission: 'audit.read',
    kind: 'write',
  }),
}
