import type { SqliteDatabase } from './open'
import type Database from 'better-sqlite3-multiple-ciphers'

/**
 * A bounded least-recently-used cache of prepared statements. Preparing is the costly part of a
 * small query; the bound keeps a long session that builds many distinct queries from growing.
 */
export class StatementCache {
  private readonly map = new Map<string, Database.Statement>()
  constructor(
    private readonly db: SqliteDatabase,
    private readonly capacity = 200,
  ) {}

  get(sql: string): Database.Statement {
    const hit = this.map.get(sql)
    if (hit) {
      this.map.delete(sql)
      this.map.set(sql, hit)
      return hit
    }
    const stmt = this.db.prepare(sql)
    this.map.set(sql, stmt)
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string
      this.map.delete(oldest)
    }
    return stmt
  }

  get size(): number {
    return this.map.size
  }
}
