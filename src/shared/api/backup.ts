import { z } from 'zod'
import { method } from './method'
import { none, password, path } from './schemas'
import type * as T from './types'

/**
 * Backups: the backup slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const backupMethods = {
  'backup.create': method<T.BackupInfo>()({
    input: z.object({ folder: path }).strict(),
    permission: 'backup.manage',
    kind: 'write',
    outsideTransaction: true,
  }),
  /**
   * `password`: the acting administrator's password as it was at backup time, or the recovery
   * code — then the backup's key file must open its database. `fingerprint`: the signing key's,
   * from paper.
   */
  'backup.verify': method<T.BackupInfo>()({
    input: z.object({ folder: path, password: password.optional(), fingerprint: z.string().trim().max(120).optional() }).strict(),
    permission: 'backup.manage',
    kind: 'read',
  }),
  'backup.restore': method<T.BackupInfo>()({
    input: z.object({ folder: path, password, fingerprint: z.string().trim().max(120).optional() }).strict(),
    permission: 'backup.manage',
    kind: 'write',
  }),
  'backup.signingKey': method<T.BackupSigningKeyView>()({ input: none, permission: 'backup.manage', kind: 'read' }),
}
