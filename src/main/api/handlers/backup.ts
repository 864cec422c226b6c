import { Store } from '../../db/store'
import { AuditLog } from '../../core/audit/chain'
import { KeyFile } from '../../core/keys/keyFile'
import { createBackup, restoreFiles, verifyBackup } from '../../core/backup/backup'
import type { Handlers } from '../router'

export const backupHandlers: Pick<Handlers, 'backup.create' | 'backup.verify' | 'backup.restore'> = {
  'backup.create': ({ session, now, note }, { folder }) => {
    const info = createBackup(session.store, session.keyFile, folder, now)
    note('backup', { folder: info.folder, sha256: info.sha256 })
    return info
  },

  'backup.verify': ({ session }, { folder }) => verifyBackup(folder, session.dbKey),

  /**
   * Restoring replaces the database and key file with the backup's and ends the session: everyone
   * signs in again with the passwords as they were at backup time. Both the replaced log (before)
   * and the restored log (after) record it.
   */
  'backup.restore': ({ state, session, now, note, afterCommit }, { folder }) => {
    const info = verifyBackup(folder, session.dbKey)
    note('backup', { folder, sha256: info.sha256, auditEntries: info.auditEntries })
    afterCommit(() => {
      const { location, user } = session
      const dbKey = Buffer.from(session.dbKey)
      session.close()
      state.session = null
      restoreFiles(folder, location)
      const store = Store.open(location.dbPath, dbKey)
      try {
        const audit = new AuditLog(store)
        const keyFile = KeyFile.load(location.keyPath)
        store.tx(() =>
          audit.append({
            actorId: null,
            actor: user.username,
            action: 'backup.restored',
            target: 'backup',
            outcome: 'ok',
            detail: { folder, createdAt: info.createdAt, at: now.toISOString() },
          }),
        )
        audit.anchorIn(keyFile)
      } finally {
        store.close()
        dbKey.fill(0)
      }
    })
    return info
  },
}
