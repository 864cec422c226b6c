import type { LedgerEntryView } from '@shared/api/types'
import { KaoheError } from '@shared/errors'
import type { Store } from '../../db/store'

/** The person an entry concerns, for the access check before voiding or reading its files. */
export function entryPersonId(store: Store, entryId: number): number {
  const row = store.first(store.qb.selectFrom('ledger_entries').select('person_id').where('id', '=', entryId))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '台账条目 ledger entry', id: entryId })
  return row.person_id
}

/** What the void rule looks at: where an entry came from and whether it is voided already. */
export interface VoidableFacts {
  id: number
  source: LedgerEntryView['source']
  voidedAt: string | null
}

/**
 * The one home of the rule "which ledger entries can be voided": only entries written by hand, and
 * only once. An imported entry (台账导入) is corrected in its source and imported again, never voided
 * here. Returns the refusal, or null when the entry may be voided. The entry view carries the answer
 * as `voidable`, so the renderer offers 作废 exactly where this says yes.
 */
export function voidRefusal(entry: VoidableFacts): KaoheError | null {
  if (entry.voidedAt !== null) return new KaoheError('LEDGER_ALREADY_VOIDED', { id: entry.id, at: entry.voidedAt })
  if (entry.source !== 'manual') return new KaoheError('LEDGER_NOT_VOIDABLE', { id: entry.id })
  return null
}

/**
 * Voids an entry with a reason. Entries are never deleted (DESIGN.md §7): a voided entry stays,
 * marked, with who voided it, when and why; voiding it again, or voiding an imported entry, is an
 * error (`voidRefusal`). Read the entry back with `entryView`.
 */
export function voidLedgerEntry(store: Store, entryId: number, reason: string, by: { actorId: number; now: Date }): void {
  const row = store.first(store.qb.selectFrom('ledger_entries').select(['id', 'source', 'voided_at']).where('id', '=', entryId))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '台账条目 ledger entry', id: entryId })
  const refusal = voidRefusal({ id: row.id, source: row.source === 'manual' ? 'manual' : 'import', voidedAt: row.voided_at })
  if (refusal) throw refusal
  store.run(
    store.qb
      .updateTable('ledger_entries')
      .set({ voided_at: by.now.toISOString(), voided_by: by.actorId, void_reason: reason })
      .where('id', '=', entryId)
      .where('voided_at', 'is', null),
  )
}
