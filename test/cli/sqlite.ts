import BetterSqlite from 'better-sqlite3-multiple-ciphers'
import { KeyFile } from '../../src/main/core/keys/keyFile'

/** What an insider with a password and an SQLite tool could do: unwrap the key, edit the file. */
export const Database = {
  keyOf(dbPath: string, username: string, password: string): string {
    const r = KeyFile.load(`${dbPath}.keys`).unlockUser(username, password, new Date())
    if (!r.ok) throw new Error('cannot unwrap')
    return r.secret.dbKey
  },
  exec(dbPath: string, keyHex: string, sql: string): void {
    const db = new BetterSqlite(dbPath)
    db.pragma(`cipher='chacha20'`)
    db.pragma(`key="x'${keyHex}'"`)
    db.exec(sql)
    db.close()
  },
}
