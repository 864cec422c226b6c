import { z } from 'zod'
import { method } from './method'
import { none, password, newAccount, id } from './schemas'
import type * as T from './types'

/**
 * User accounts and two-administrator resets: the users slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const usersMethods = {
  'users.list': method<T.UserSummary[]>()({ input: none, permission: 'users.manage', kind: 'read' }),
  'users.add': method<T.UserSummary>()({
    input: newAccount,
    permission: 'users.manage',
    kind: 'write',
  }),
  'users.setDisabled': method<T.UserSummary>()({
    input: z.object({ userId: z.number().int().positive(), disabled: z.boolean() }).strict(),
    permission: 'users.manage',
    kind: 'write',
  }),
  /** Ends a lockout after too many wrong passwords (the counter in the key file), before it runs out. */
  'users.unlock': method<T.UserSummary>()({
    input: z.object({ userId: id }).strict(),
    permission: 'users.manage',
    kind: 'write',
  }),
  'users.resetPassword': method<T.UserSummary>()({
    input: z.object({ userId: z.number().int().positive(), password }).strict(),
    permission: 'users.manage',
    kind: 'write',
  }),
  /** Two-administrator resets of content accounts (DESIGN.md §4): pending requests, either side. */
  'users.resetRequests': method<T.PasswordResetRequest[]>()({ input: none, permission: 'users.resetApprove', kind: 'read' }),
  'users.requestReset': method<T.PasswordResetRequest>()({
    input: z.object({ userId: id }).strict(),
    permission: 'users.resetApprove',
    kind: 'write',
  }),
  'users.decideReset': method<T.PasswordResetDecision>()({
    input: z.object({ requestId: id, approve: z.boolean() }).strict(),
    permission: 'users.resetApprove',
    kind: 'write',
  }),
}
