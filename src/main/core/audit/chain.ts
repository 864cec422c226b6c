import { createHash } from 'node:crypto'
import type { Store } from '../../db/store'
import type { AuditEntry, AuditPage, AuditProblem, AuditVerifyReport } from '@shared/api/types'

/**
 * The audit chain (审计日志): an append-only table where each entry carries the hash of the one
 * before it. Any entry edited, inserted or deleted outside the app breaks the chain at that point;
 * the head last written is also kept in the key file, so cutting entries off the end shows too.
 */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditRecord {
  actorId: number | null
  actor: string | null
  action: string
  target?: string | null
  outcome: 'ok' | 'denied' | 'failed'
  detail?: Record<string, unknown>
  /** Defaults to now; pending events from the key file carry their own time. */
  at?: string
}

interface Row {
  seq: number
  at: string
  actor_id: number | null
  actor: string | null
  action: string
  target: string | null
  outcome: string
  detail: string
  prev_hash: string
  hash: string
}

export function entryHash(row: Omit<Row, 'hash'>): string {
  const body = JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.actor,
    row.action,
    row.target,
    row.outcome,
    row.detail,
    row.prev_hash,
  ])
  return createHash('sha256').update(body, 'utf8').digest('hex')
}

export class AuditLog {
  constructor(private readonly store: Store) {}

  /** Appends one entry; call inside the operation's transaction so both land or neither. */
  append(record: AuditRecord): { seq: number; hash: string } {
    const last = this.head()
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: record.at ?? new Date().toISOString(),
      actor_id: record.actorId,
      actor: record.actor,
      action: record.action,
      target: record.target ?? null,
      outcome: record.outcome,
      detail: JSON.stringify(record.detail ?? {}),
      prev_hash: last?.hash ?? GENESIS_HASH,
    }
    const hash = entryHash(row)
    this.store.run(this.store.qb.insertInto('audit_log').values({ ...row, hash }))
    return { seq: row.seq, hash }
  }

  /**
   * Records the chain's head in the key file, outside the database, after a committed write: a
   * log cut short later no longer reaches it (verify reports `truncated`).
   */
  anchorIn(keyFile: { setAuditAnchor(seq: number, hash: string): void; save(): void }): void {
    const head = this.head()
    if (head) keyFile.setAuditAnchor(head.seq, head.hash)
    keyFile.save()
  }

  head(): { seq: number; hash: string } | undefined {
    return this.store.first(
      this.store.qb.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
    )
  }

  list(filter: {
    beforeSeq?: number
    limit: number
    actor?: string
    action?: string
    outcome?: 'ok' | 'denied' | 'failed'
  }): AuditPage {
    let q = this.store.qb.selectFrom('audit_log').selectAll()
    let count = this.store.qb.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
    if (filter.actor) {
      q = q.where('actor', '=', filter.actor)
      count = count.where('actor', '=', filter.actor)
    }
    if (filter.action) {
      q = q.where('action', 'like', `${filter.action}%`)
      count = count.where('action', 'like', `${filter.action}%`)
    }
    if (filter.outcome) {
      q = q.where('outcome', '=', filter.outcome)
      count = count.where('outcome', '=', filter.outcome)
    }
    if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq)
    const rows = this.store.all(q.orderBy('seq', 'desc').limit(filter.limit + 1)) as Row[]
    const more = rows.length > filter.limit
    const page = rows.slice(0, filter.limit)
    return {
      entries: page.map(toEntry),
      nextBeforeSeq: more ? (page[page.length - 1]?.seq ?? null) : null,
      total: this.store.first(count)?.n ?? 0,
    }
  }

  /** All entries, oldest first, for export. */
  *iterate(): Generator<AuditEntry> {
    const stmt = this.store.raw.prepare('SELECT * FROM audit_log ORDER BY seq')
    for (const row of stmt.iterate() as IterableIterator<Row>) yield toEntry(row)
  }

  /**
   * Walks the chain from the start and names the first entry that is wrong:
   * - edited: its content no longer matches its own hash;
   * - deleted: a sequence number is missing before it;
   * - inserted: it does not follow from the entry before it;
   * - truncated: entries the key file saw written are gone from the end.
   */
  verify(anchor: { seq: number; hash: string } | null): AuditVerifyReport {
    const stmt = this.store.raw.prepare('SELECT * FROM audit_log ORDER BY seq')
    let prevHash = GENESIS_HASH
    let prevSeq = 0
    let entries = 0
    const fail = (seq: number, problem: AuditProblem): AuditVerifyReport => ({
      ok: false,
      entries,
      headHash: prevSeq ? prevHash : null,
      firstBad: { seq, problem },
    })
    let anchorSeen = false
    for (const row of stmt.iterate() as IterableIterator<Row>) {
      entries++
      const { hash, ...rest } = row
      if (entryHash(rest) !== hash) return fail(row.seq, 'edited')
      if (row.prev_hash !== prevHash) {
        return fail(row.seq, row.seq !== prevSeq + 1 ? 'deleted' : 'inserted')
      }
      if (row.seq !== prevSeq + 1) return fail(row.seq, 'inserted')
      if (anchor && row.seq === anchor.seq) {
        if (row.hash !== anchor.hash) return fail(row.seq, 'edited')
        anchorSeen = true
      }
      prevHash = hash
      prevSeq = row.seq
    }
    if (anchor && !anchorSeen) return fail(prevSeq + 1, 'truncated')
    return { ok: true, entries, headHash: prevSeq ? prevHash : null, firstBad: null }
  }
}

function toEntry(row: Row): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    outcome: row.outcome as AuditEntry['outcome'],
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  }
}
