// Files the app writes are 0600 (issue 7, defect 12): the database, its WAL and SHM from the
// moment they exist, whatever the umask; files an older version left 0644 are tightened at open.
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { randomBytes } from '../../src/main/core/keys/primitives'
import { Store } from '../../src/main/db/store'
import { tempDir } from '../support/tempUnit'

const mode = (f: string) => statSync(f).mode & 0o777

describe('database file modes', () => {
  it('a new database, its WAL and SHM are 0600 even under umask 022', () => {
    const old = process.umask(0o022)
    try {
      const db = join(tempDir(), 'unit.kaohe')
      const store = Store.open(db, randomBytes(32))
      store.tx(() => store.raw.prepare("INSERT INTO unit (id, name, code, created_at) VALUES (1, 'x', 'y', 'z')").run())
      for (const f of [db, `${db}-wal`, `${db}-shm`]) {
        expect(existsSync(f), f).toBe(true)
        expect(mode(f), f).toBe(0o600)
      }
      store.close()
    } finally {
      process.umask(old)
    }
  })

  it('an existing database and WAL left 0644 are made 0600 when opened', () => {
    const db = join(tempDir(), 'unit.kaohe')
    const key = randomBytes(32)
    Store.open(db, key).close()
    chmodSync(db, 0o644)
    writeFileSync(`${db}-shm`, Buffer.alloc(0), { mode: 0o644 })
    const store = Store.open(db, key)
    expect(mode(db)).toBe(0o600)
    expect(mode(`${db}-shm`)).toBe(0o600)
    store.close()
  })
})
