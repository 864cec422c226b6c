import { z } from 'zod'
import { method } from './method'
import { none, role } from './schemas'
import type * as T from './types'

/**
 * Roles (三员分立): the roles slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const rolesMethods = {
  'roles.list': method<T.UserRoles[]>()({ input: none, permission: 'roles.manage', kind: 'read' }),
  'roles.grant': method<T.UserRoles>()({
    input: z.object({ userId: z.number().int().positive(), role }).strict(),
    permission: 'roles.manage',
    kind: 'write',
  }),
  'roles.revoke': method<T.UserRoles>()({
    input: z.object({ userId: z.number().int().positive(), role }).strict(),
    permission: 'roles.manage',
    kind: 'write',
  }),
}
