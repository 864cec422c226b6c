import { z } from 'zod'
import { method } from './method'
import { id, year, fileContent } from './schemas'
import type * as T from './types'

/**
 * The assessment policy (考核政策): the policy slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const policyMethods = {
  'policy.get': method<T.PolicyView>()({ input: z.object({ year }).strict(), permission: 'policy.read', kind: 'read' }),
  'policy.import': method<T.PendingPolicy>()({
    input: z.object({ year, file: fileContent }).strict(),
    permission: 'policy.propose',
    kind: 'write',
  }),
  'policy.decide': method<T.PolicyView>()({
    input: z.object({ id, approve: z.boolean(), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'policy.approve',
    kind: 'write',
  }),
}
