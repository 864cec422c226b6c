import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely'
import type { DB } from './schema'
import { openEncrypted, type SqliteDatabase } from './open'
import { migrate } from './migrations'
import { StatementCache } from './statements'

/**
 * The unit database: kysely builds the SQL, better-sqlite3 runs it synchronously through the
 * statement cache. Synchronous execution is what lets one API call be exactly one transaction with
 * its audit entry, with no other call interleaving.
 */
export class Store {
  readonly qb: Kysely<DB>
  private readonly statements: StatementCache

  private constructor(readonly raw: SqliteDatabase) {
    this.statements = new StatementCache(raw)
    this.qb = new Kysely<DB>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    })
  }

  static open(path: string, key: Buffer): Store {
    const raw = openEncrypted(path, key)
    try {
      migrate(raw)
    } catch (err) {
      raw.close()
      throw err
    }
    return new Store(raw)
  }

  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile()
    return this.statements.get(sql).all(...(parameters as unknown[])) as R[]
  }

  first<R>(query: Compilable<R>): R | undefined {
    const { sql, parameters } = query.compile()
    return this.statements.get(sql).get(...(parameters as unknown[])) as R | undefined
  }

  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const { sql, parameters } = query.compile()
    const r = this.statements.get(sql).run(...(parameters as unknown[]))
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) }
  }

  /** Runs fn in one IMMEDIATE transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T {
    return this.raw.transaction(fn).immediate()
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction
  }

  close(): void {
    if (this.raw.open) this.raw.close()
  }
}
