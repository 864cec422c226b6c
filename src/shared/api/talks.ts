import { z } from 'zod'
import { method } from './method'
import { id, isoDate } from './schemas'
import type * as T from './types'

/**
 * Monthly talks (每月沟通): the talks slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const talksMethods = {
  'talks.list': method<T.TalkStatus[]>()({
    input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM') }).strict(),
    permission: 'talks.read',
    kind: 'read',
    subject: { scope: 'list' },
  }),
  'talks.record': method<T.TalkStatus>()({
    input: z
      .object({ personId: id, month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'), heldOn: isoDate, notes: z.string().trim().min(1).max(4000) })
      .strict(),
    permission: 'talks.write',
    kind: 'write',
    subject: 'personId',
  }),
}
