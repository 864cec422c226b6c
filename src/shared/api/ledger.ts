import { z } from 'zod'
import { method } from './method'
import { id, isoDate, fileContent } from './schemas'
import type * as T from './types'
import { ATTACHMENT_LIMITS, LEDGER_KINDS } from '../ledger'

/**
 * Ledgers (台账): the ledger slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const ledgerMethods = {
  'ledger.list': method<T.LedgerPage>()({
    input: z
      .object({
        personId: id.optional(),
        kinds: z.array(z.enum(LEDGER_KINDS)).max(LEDGER_KINDS.length).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        text: z.string().trim().max(100).optional(),
        includeVoided: z.boolean().default(false),
        after: z.object({ day: isoDate, id }).strict().optional(),
        limit: z.number().int().min(1).max(500).default(50),
        /** Also count the matching entries (the list's first page asks; see `LedgerPage.total`). */
        withTotal: z.boolean().default(false),
      })
      .strict(),
    permission: 'ledger.read',
    kind: 'read',
    subject: 'personId',
  }),
  'ledger.add': method<T.LedgerEntryView>()({
    input: z
      .object({
        personId: id,
        day: isoDate,
        kind: z.enum(LEDGER_KINDS),
        text: z.string().trim().min(1).max(4000),
        taskRef: z.string().trim().max(64).optional(),
        progress: z.number().int().min(0).max(100).optional(),
        attachments: z.array(fileContent).max(ATTACHMENT_LIMITS.maxFiles).default([]),
      })
      .strict(),
    permission: 'ledger.write',
    kind: 'write',
    subject: 'personId',
  }),
  'ledger.void': method<T.LedgerEntryView>()({
    input: z.object({ entryId: id, reason: z.string().trim().min(2).max(500) }).strict(),
    permission: 'ledger.write',
    kind: 'write',
    subject: { scope: 'handler' },
  }),
  'ledger.attachment': method<T.FileContent>()({
    input: z.object({ attachmentId: id }).strict(),
    permission: 'ledger.read',
    kind: 'read',
    subject: { scope: 'handler' },
  }),
  'ledger.export': method<T.FileContent>()({
    input: z
      .object({
        personId: id.optional(),
        kinds: z.array(z.enum(LEDGER_KINDS)).max(LEDGER_KINDS.length).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        text: z.string().trim().max(100).optional(),
        includeVoided: z.boolean().default(false),
      })
      .strict(),
    permission: 'ledger.read',
    kind: 'write',
    subject: 'personId',
  }),
}
