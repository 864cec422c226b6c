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

// Brands (types only, nothing at run time): a handle is readable or writable only as Store, or the
// read-only view, declare it, never because an object happens to have the same methods.
declare const READABLE: unique symbol
declare const WRITABLE: unique symbol

/**
 * A handle that can only read (Signal Desktop's ReadableDB): select through kysely, nothing else.
 * Core functions that only read take this, so a write in them does not compile; the router also
 * runs read methods with the connection set to `query_only`, so a write fails at run time too.
 */
export interface ReadableDB {
  readonly [READABLE]: true
  readonly qb: Kysely<DB>
  all<R>(query: Compilable<R>): R[]
  first<R>(query: Compilable<R>): R | undefined
  iterate<R>(query: Compilable<R>): IterableIterator<R>
}

/** A handle that may also write: statements and transactions (the Store of a write method). */
export interface WritableDB extends ReadableDB {
  readonly [WRITABLE]: true
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number }
  tx<T>(fn: () => T): T
}

/**
 * The unit database: kysely builds the SQL, better-sqlite3 runs it synchronously through the
 * statement cache. Synchronous execution is what lets one API call be exactly one transaction with
 * its audit entry, with no other call interleaving.
 */
export class Store implements WritableDB {
  declare readonly [READABLE]: true
  declare readonly [WRITABLE]: true
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

  iterate<R>(query: Compilable<R>): IterableIterator<R> {
    const { sql, parameters } = query.compile()
    return this.statements.get(sql).iterate(...(parameters as unknown[])) as IterableIterator<R>
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

  /**
   * Runs fn with the connection refusing every write (`PRAGMA query_only`), restored after: how the
   * router runs a read method, so one that tries to write fails (SQLITE_READONLY) and writes nothing.
   * fn must be synchronous: the flag belongs to the connection every call shares.
   */
  readOnly<T>(fn: () => T): T {
    if (!this.raw.open) return fn()
    const before = this.raw.pragma('query_only', { simple: true }) as number
    this.raw.pragma('query_only = ON')
    try {
      return fn()
    } finally {
      if (!before) this.raw.pragma('query_only = OFF')
    }
  }

  /** This store seen as a handle that can only read (its write methods are not on the object). */
  get reader(): ReadableDB {
    return readOnlyView(this)
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction
  }

  close(): void {
    if (this.raw.open) this.raw.close()
  }
}

/** A view of a store with only the read methods on it, so even a cast cannot reach run or tx. */
export function readOnlyView(store: Store): ReadableDB {
  return Object.freeze({
    qb: store.qb,
    all: <R>(q: Compilable<R>) => store.all(q),
    first: <R>(q: Compilable<R>) => store.first(q),
    iterate: <R>(q: Compilable<R>) => store.iterate(q),
  }) as unknown as ReadableDB
}
