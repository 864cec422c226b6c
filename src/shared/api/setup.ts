import { OFFICE_KINDS } from '../bundles'
import { z } from 'zod'
import { method } from './method'
import { none, newAccount } from './schemas'
import type * as T from './types'

/**
 * Setting up a unit and opening the demo: the setup slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const setupMethods = {
  'setup.status': method<T.SetupStatus>()({ input: none, permission: 'public', kind: 'read', kioskAllowed: true }),
  'setup.initialize': method<T.SetupResult>()({
    input: z
      .object({
        unitName: z.string().trim().min(2).max(60),
        unitCode: z
          .string()
          .trim()
          .min(2)
          .max(32)
          .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and - only'),
        sysadmin: newAccount,
        secadmin: newAccount,
        auditor: newAccount,
        /** Issue 11: 'superior' makes a higher-level office (上级机关) database; default a unit. */
        kind: z.enum(OFFICE_KINDS).optional(),
      })
      .strict(),
    permission: 'public',
    kind: 'write',
  }),
  'setup.openDemo': method<T.DemoInfo>()({ input: none, permission: 'public', kind: 'write' }),
}
