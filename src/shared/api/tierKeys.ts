import { z } from 'zod'
import { method } from './method'

/**
 * The discipline office’s T3 key: the tierKeys slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const tierKeysMethods = {
  /** A discipline account without the T3 key takes it with the discipline office's recovery code. */
  'tierKeys.recoverT3': method<null>()({
    input: z.object({ recoveryCode: z.string().trim().min(20).max(40) }).strict(),
    permission: 't3.recover',
    kind: 'write',
  }),
}
