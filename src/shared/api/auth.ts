import { z } from 'zod'
import { method } from './method'
import { none, password } from './schemas'
import type * as T from './types'

/**
 * Signing in, locking and passwords (会话与密码): the auth slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const authMethods = {
  'auth.session': method<T.SessionInfo | null>()({
    input: none,
    permission: 'public',
    kind: 'read',
    kioskAllowed: true,
    allowedWhileLocked: true,
    allowedBeforePasswordChange: true,
  }),
  'auth.login': method<T.SessionInfo>()({
    input: z.object({ username: z.string().trim().min(1).max(32), password }).strict(),
    permission: 'public',
    kind: 'write',
  }),
  /** Forgotten password, every administrator unavailable: the recovery code sets a new one. */
  'auth.recover': method<null>()({
    input: z
      .object({ username: z.string().trim().min(1).max(32), recoveryCode: z.string().trim().min(20).max(40), newPassword: password })
      .strict(),
    permission: 'public',
    kind: 'write',
  }),
  'auth.logout': method<null>()({ input: none, permission: 'public', kind: 'write', allowedWhileLocked: true, allowedBeforePasswordChange: true }),
  'auth.lock': method<null>()({ input: none, permission: 'self', kind: 'read', allowedWhileLocked: true, allowedBeforePasswordChange: true }),
  'auth.unlock': method<T.SessionInfo>()({
    input: z.object({ password }).strict(),
    permission: 'self',
    kind: 'write',
    allowedWhileLocked: true,
  }),
  'auth.changePassword': method<T.SessionInfo>()({
    input: z.object({ oldPassword: password, newPassword: password }).strict(),
    permission: 'self',
    kind: 'write',
    allowedBeforePasswordChange: true,
  }),
}
