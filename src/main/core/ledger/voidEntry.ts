import type { LedgerEntryView } from '@shared/api/types'
import { KaoheError } from '@shared/errors'
import type { Store } from '../../db/store'
import { entryView } from './entryViews'

/** The person an entry concerns, for the access check before voiding or reading its files. */
export function entryPersonId(store: Store, entryId: number): number {
  const row = store.first(store.qb.selectFrom('ledger_entries').select('person_id').where('id', '=', entryId))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '台账条目 ledger entry', id: entryId })
  return row.person_id
}

/**
 * Voids an entry with a reason. Entries are never deleted (DESIGN.md §7): a voided entry stays,
 * marked, with who voided it, when and why; voiding it again is an error.
 */
export function voidLedgerEntry(store: Store, entryId: number, reason: string, by: { actorId: number; now: Date }): LedgerEntryView {
  const row = store.first(store.qb.selectFrom('ledger_entries').select(['id', 'voided_at']).where('id', '=', entryId))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '台账条目 ledger entry', id: entryId })
  if (row.voided_at !== null) throw new KaoheError('LEDGER_ALREADY_VOIDED', { id: entryId, at: row.voided_at })
  store.run(
    store.qb
      .updateTable('ledger_entries')
      .set({ voided_at: by.now.toISOString(), voided_by: by.actorId, void_reason: reason })
      .where('id', '=', entryId)
      .where('voided_at', 'is', null),
  )
  return entryView(store, entryId)
}
