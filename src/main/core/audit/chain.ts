import { createHash, createHmac, hkdfSync } from 'node:crypto'
import type { AuditLogRow } from '../../db/schema'
import type { Store } from '../../db/store'
import type { AuditEntry, AuditHead, AuditPage, AuditProblem, AuditVerifyReport } from '@shared/api/types'
import type { StoredAuditState } from '../keys/keyFile'

/**
 * The audit chain (审计日志): an append-only table where each entry carries the hash of the one
 * before it, and its own hash is an HMAC keyed from the unwrapped database key, so the database
 * file alone cannot be re-chained: an entry edited, inserted or deleted outside the app breaks the
 * chain at that point. The head is anchored (MACed) in the key file and checked at every open
 * before anything is written (anchor.ts), so cutting entries off the end shows too.
 *
 * Units made by the previous version have a keyless (SHA-256) chain: it is kept as it is and
 * keyed from the first open by this version on (`keyedFrom`), with an entry saying so.
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

export type AuditRow = AuditLogRow

/** The chain's MAC key: HKDF of the database key, never stored. */
export function auditKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.from('kaohe-audit'), 'kaohe-audit-chain/1', 32))
}

function body(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([row.seq, row.at, row.actor_id, row.actor, row.action, row.target, row.outcome, row.detail, row.prev_hash])
}

/** A keyed entry's hash. */
export function entryHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  return createHmac('sha256', key).update(body(row), 'utf8').digest('hex')
}

/** The previous version's keyless hash, for entries before `keyedFrom`. */
export function legacyEntryHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(body(row), 'utf8').digest('hex')
}

/** The short form of a hash the audit administrator notes on paper: 16 hex digits in groups of 4. */
export function shortHash(hash: string): string {
  return hash.slice(0, 16).match(/.{4}/g)!.join('-')
}

/** A checkpoint as written down: `<seq>:<short hash>`. */
export function checkpointOf(seq: number, hash: string): string {
  return `${seq}:${shortHash(hash)}`
}

/** The head for checkpoints (audit viewer, `kaohe audit head`, backups, later sealed packages). */
export function auditHead(store: Store): AuditHead | null {
  const head = store.first(store.qb.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1))
  return head ? { seq: head.seq, hash: head.hash, checkpoint: checkpointOf(head.seq, head.hash) } : null
}

export class AuditLog {
  private readonly key: Buffer | null

  /** Without the database key the log can be read (head, list) but neither appended to nor verified. */
  constructor(
    private readonly store: Store,
    dbKey: Buffer | null = null,
  ) {
    this.key = dbKey ? auditKey(dbKey) : null
  }

  get macKey(): Buffer {
    if (!this.key) throw new Error('the audit chain needs the database key to be written or verified')
    return this.key
  }

  /** Appends one entry; call inside the operation's transaction so both land or neither. */
  append(record: AuditRecord): { seq: number; hash: string } {
    const key = this.macKey
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
    const hash = entryHash(key, row)
    this.store.run(this.store.qb.insertInto('audit_log').values({ ...row, hash }))
    return { seq: row.seq, hash }
  }

  /**
   * After a committed write: writes the key file's waiting changes together with the chain's head
   * (MACed), under the key file's lock. Never moves the anchor backwards (another process may have
   * anchored a later head meanwhile) and never re-MACs a state it cannot verify.
   */
  anchorIn(keyFile: {
    isNew: boolean
    updateAudit(fn: (cur: StoredAuditState | null, legacy: { seq: number; hash: string } | null) => StoredAuditState | null): void
    save(): void
  }): void {
    const head = this.head()
    const key = this.macKey
    const fresh = keyFile.isNew
    keyFile.updateAudit((cur, legacy) => {
      if (!cur) {
        // A new unit is keyed from its first entry; a format-1 file waits for its first open (anchor.ts).
        if (!fresh || legacy) return null
        return sealState(key, { keyedFrom: 1, anchor: head ? { seq: head.seq, hash: head.hash } : null, breaks: [] })
      }
      if (!stateMacValid(key, cur)) return cur
      if (!head || (cur.anchor && cur.anchor.seq >= head.seq)) return cur
      return sealState(key, { ...cur, anchor: { seq: head.seq, hash: head.hash } })
    })
    keyFile.save()
  }

  head(): { seq: number; hash: string } | undefined {
    return this.store.first(this.store.qb.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1))
  }

  row(seq: number): AuditRow | undefined {
    return this.store.raw.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as AuditRow | undefined
  }

  /** For a format-1 file not yet upgraded: the first entry whose hash is not the keyless one. */
  legacyKeyedFrom(): number {
    const stmt = this.store.raw.prepare('SELECT * FROM audit_log ORDER BY seq')
    let last = 0
    for (const row of stmt.iterate() as IterableIterator<AuditRow>) {
      const { hash, ...rest } = row
      if (legacyEntryHash(rest) !== hash) return row.seq
      last = row.seq
    }
    return last + 1
  }

  /** Whether an entry's hash is right for its place (keyed, or keyless before `keyedFrom`). */
  hashOk(row: AuditRow, keyedFrom: number): boolean {
    const { hash, ...rest } = row
    return (row.seq >= keyedFrom ? entryHash(this.macKey, rest) : legacyEntryHash(rest)) === hash
  }

  /**
   * A page of entries, newest first. `action` matches a prefix of the code; `actions` exactly one
   * of the codes (what the viewer's label search found, none matching nothing); `from` and `to`
   * bound the time as ISO instants, `to` excluded.
   */
  list(filter: {
    beforeSeq?: number
    limit: number
    actor?: string
    action?: string
    actions?: string[]
    outcome?: 'ok' | 'denied' | 'failed'
    from?: string
    to?: string
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
    if (filter.actions) {
      const codes = filter.actions.length > 0 ? filter.actions : ['']
      q = q.where('action', 'in', codes)
      count = count.where('action', 'in', codes)
    }
    if (filter.from) {
      const from = new Date(filter.from).toISOString() // entries hold UTC instants; compare like with like
      q = q.where('at', '>=', from)
      count = count.where('at', '>=', from)
    }
    if (filter.to) {
      const to = new Date(filter.to).toISOString()
      q = q.where('at', '<', to)
      count = count.where('at', '<', to)
    }
    if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq)
    const rows = this.store.all(q.orderBy('seq', 'desc').limit(filter.limit + 1)) as AuditRow[]
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
    for (const row of stmt.iterate() as IterableIterator<AuditRow>) yield toEntry(row)
  }

  /**
   * Walks the chain from the start and names the first entry that is wrong:
   * - edited: its content no longer matches its own (keyed) hash;
   * - deleted: a sequence number is missing before it;
   * - inserted: it does not follow from the entry before it;
   * - truncated: entries the key file saw written are gone from the end;
   * - anchorInvalid: the key file's anchor was changed outside the app (its MAC is wrong).
   * Problems found at an earlier open (recorded in the key file, MACed) are reported too: a chain
   * cut and then continued is still reported `truncated` at the place it was cut.
   * A checkpoint noted earlier (`<seq>:<hash prefix>`) is checked against the entry it names.
   */
  verify(state: StoredAuditState | null, opts: { legacyAnchor?: { seq: number; hash: string } | null; checkpoint?: string } = {}): AuditVerifyReport {
    const key = this.macKey
    const stateOk = state ? stateMacValid(key, state) : true
    const keyedFrom = state && stateOk ? state.keyedFrom : this.legacyKeyedFrom()
    const anchor = state ? state.anchor : (opts.legacyAnchor ?? null)
    const checkpoint = opts.checkpoint ? parseCheckpoint(opts.checkpoint) : null
    const stmt = this.store.raw.prepare('SELECT * FROM audit_log ORDER BY seq')
    let prevHash = GENESIS_HASH
    let prevSeq = 0
    let entries = 0
    let firstBad: AuditVerifyReport['firstBad'] = null
    let anchorSeen = false
    let checkpointResult: AuditVerifyReport['checkpoint'] = checkpoint
      ? { given: opts.checkpoint!, seq: checkpoint.seq, ok: false, problem: 'missing' }
      : undefined
    for (const row of stmt.iterate() as IterableIterator<AuditRow>) {
      entries++
      if (checkpoint && row.seq === checkpoint.seq) {
        const ok = row.hash.toLowerCase().startsWith(checkpoint.prefix)
        checkpointResult = { given: opts.checkpoint!, seq: checkpoint.seq, ok, problem: ok ? null : 'different' }
      }
      if (firstBad) continue
      if (!this.hashOk(row, keyedFrom)) firstBad = { seq: row.seq, problem: 'edited' }
      else if (row.prev_hash !== prevHash) firstBad = { seq: row.seq, problem: row.seq !== prevSeq + 1 ? 'deleted' : 'inserted' }
      else if (row.seq !== prevSeq + 1) firstBad = { seq: row.seq, problem: 'inserted' }
      else if (anchor && row.seq === anchor.seq) {
        if (row.hash !== anchor.hash) firstBad = { seq: row.seq, problem: 'edited' }
        else anchorSeen = true
      }
      if (!firstBad) {
        prevHash = row.hash
        prevSeq = row.seq
      }
    }
    if (!firstBad && anchor && !anchorSeen) firstBad = { seq: prevSeq + 1, problem: 'truncated' }
    if (!stateOk) firstBad = { seq: state?.anchor?.seq ?? 0, problem: 'anchorInvalid' }
    const breaks = state && stateOk ? state.breaks.map((b) => ({ ...b, problem: b.problem as AuditProblem })) : []
    const earliest = breaks[0]
    // A problem found at an open stays reported, however the chain went on afterwards.
    if (earliest && (!firstBad || (earliest.anchorSeq ?? 0) < firstBad.seq)) {
      firstBad = { seq: earliest.problem === 'truncated' ? earliest.headSeq + 1 : (earliest.anchorSeq ?? earliest.headSeq + 1), problem: earliest.problem }
    }
    const head = auditHead(this.store)
    const ok = !firstBad && (checkpointResult ? checkpointResult.ok : true)
    return {
      ok,
      entries,
      headHash: head?.hash ?? null,
      firstBad,
      head,
      keyedFrom,
      breaks,
      ...(checkpointResult ? { checkpoint: checkpointResult } : {}),
    }
  }
}

export function parseCheckpoint(text: string): { seq: number; prefix: string } | null {
  const m = /^\s*#?(\d+)\s*:\s*([0-9a-fA-F][0-9a-fA-F\s-]*)$/.exec(text)
  if (!m) return null
  const prefix = m[2]!.replace(/[\s-]/g, '').toLowerCase()
  if (prefix.length < 8) return null
  return { seq: Number(m[1]), prefix }
}

function stateBody(s: Omit<StoredAuditState, 'mac'>): string {
  return JSON.stringify(['kaohe-audit-anchor/1', s.keyedFrom, s.anchor, s.breaks])
}

export function sealState(key: Buffer, s: Omit<StoredAuditState, 'mac'>): StoredAuditState {
  const plain = { keyedFrom: s.keyedFrom, anchor: s.anchor, breaks: s.breaks }
  return { ...plain, mac: createHmac('sha256', key).update(stateBody(plain), 'utf8').digest('hex') }
}

export function stateMacValid(key: Buffer, s: StoredAuditState): boolean {
  if (typeof s.mac !== 'string' || !Array.isArray(s.breaks) || typeof s.keyedFrom !== 'number') return false
  return sealState(key, s).mac === s.mac
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  }
}
