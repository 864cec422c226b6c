import { KaoheError } from '@shared/errors'
import { Store } from '../../db/store'
import { AuditLog, auditHead } from '../../core/audit/chain'
import { checkAuditAtOpen } from '../../core/audit/anchor'
import { KeyFile } from '../../core/keys/keyFile'
import { createBackup, expectationOf, resolveBackupFolder, restoreFiles, verifyBackup } from '../../core/backup/backup'
import { currentSigningKey, signingKeys, signingPrivateKey } from '../../core/backup/signingKey'
import type { HandlersFor } from '../router'

export const backupHandlers: HandlersFor<'backup'> = {
  'backup.create': ({ session, now, note }, { folder }) => {
    const key = signingPrivateKey(session.store, { userId: session.user.id, ...session.keys })
    if (!key) throw new KaoheError('BACKUP_SIGNING_KEY_MISSING')
    try {
      const head = auditHead(session.store)
      const info = createBackup(session.store, session.keyFile, key, folder, now, head ? { seq: head.seq, hash: head.hash } : undefined)
      note('backup', { folder: info.folder, sha256: info.sha256 })
      return info
    } finally {
      key.fill(0)
    }
  },

  /**
   * The folder given, or the newest backup inside it (the folder chosen when backing up).
   * Against the live unit's signing keys (and, if given, the fingerprint on paper); with a
   * password, also that the backup's own key file opens its database.
   */
  'backup.verify': ({ session, now }, { folder, password, fingerprint }) =>
    verifyBackup(resolveBackupFolder(folder), expectationOf(session.store, fingerprint), {
      dbKey: session.dbKey,
      username: session.user.username,
      secret: password,
      now,
    }).info,

  /**
   * Restoring replaces the database and key file with the backup's and ends the session: everyone
   * signs in again with the passwords as they were at backup time. The acting administrator's
   * password as it was then (or the recovery code) must open the backup's key file, so the
   * restored unit can be signed into. Both the replaced log (before) and the restored log (after)
   * record it; the replaced files stay beside the unit.
   */
  'backup.restore': ({ state, session, now, note, afterCommit }, input) => {
    const { password, fingerprint } = input
    // The folder chosen when backing up holds the backup in a timestamped subfolder: take the newest.
    const folder = resolveBackupFolder(input.folder)
    const expected = expectationOf(session.store, fingerprint)
    const { info } = verifyBackup(folder, expected, { dbKey: session.dbKey, username: session.user.username, secret: password, now })
    note('backup', { folder, sha256: info.sha256, auditEntries: info.auditEntries })
    afterCommit(() => {
      const { location, user } = session
      const dbKey = Buffer.from(session.dbKey)
      session.close()
      state.session = null
      try {
        const { replaced } = restoreFiles(folder, location, dbKey, expected, now)
        const store = Store.open(location.dbPath, dbKey)
        try {
          const audit = new AuditLog(store, dbKey)
          const keyFile = KeyFile.load(location.keyPath)
          keyFile.bindTransaction(() => store.inTransaction)
          store.tx(() => {
            // The restored chain is checked against the restored anchor before anything is appended.
            checkAuditAtOpen(store, keyFile, audit, now)
            audit.append({
              actorId: null,
              actor: user.username,
              action: 'backup.restored',
              target: 'backup',
              outcome: 'ok',
              detail: { sha256: info.sha256, createdAt: info.createdAt, keptFiles: replaced.length, at: now.toISOString() },
            })
          })
          audit.anchorIn(keyFile)
        } finally {
          store.close()
        }
      } finally {
        dbKey.fill(0)
      }
    })
    return info
  },

  'backup.signingKey': ({ session }) => {
    const current = currentSigningKey(session.store)
    if (!current) throw new KaoheError('BACKUP_SIGNING_KEY_MISSING')
    return {
      fingerprint: current.fingerprint,
      createdAt: current.createdAt,
      retired: signingKeys(session.store)
        .filter((k) => k.retired)
        .map((k) => ({ fingerprint: k.fingerprint, createdAt: k.createdAt })),
    }
  },
}
