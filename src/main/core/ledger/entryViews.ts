import type { LedgerEntryView } from '@shared/api/types'
import { KaoheError } from '@shared/errors'
import type { Store } from '../../db/store'
import { voidRefusal } from './voidEntry'

/** Entries as the API shows them, in the order of `ids`, with names and attachment lists. */
export function entryViews(store: Store, ids: readonly number[]): LedgerEntryView[] {
  if (!ids.length) return []
  const rows = store.all(
    store.qb
      .selectFrom('ledger_entries as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .leftJoin('users as a', 'a.id', 'e.author_id')
      .leftJoin('users as v', 'v.id', 'e.voided_by')
      .select([
        'e.id',
        'e.person_id',
        'p.name',
        'p.staff_no',
        'e.day',
        'e.kind',
        'e.text',
        'e.task_ref',
        'e.progress',
        'e.source',
        'a.display_name as author',
        'e.created_at',
        'e.voided_at',
        'v.display_name as voided_by',
        'e.void_reason',
      ])
      .where('e.id', 'in', ids),
  )
  const files = new Map<number, LedgerEntryView['attachments']>()
  for (const f of store.all(
    store.qb
      .selectFrom('ledger_attachments')
      .select(['id', 'entry_id', 'file_name', 'mime', 'size'])
      .where('entry_id', 'in', ids)
      .orderBy('id'),
  )) {
    const list = files.get(f.entry_id) ?? []
    list.push({ id: f.id, fileName: f.file_name, mime: f.mime, size: f.size })
    files.set(f.entry_id, list)
  }
  const byId = new Map(
    rows.map((r): [number, LedgerEntryView] => {
      const source = r.source === 'import' ? 'import' : 'manual'
      const view: LedgerEntryView = {
        id: r.id,
        personId: r.person_id,
        personName: r.name,
        staffNo: r.staff_no,
        day: r.day,
        kind: r.kind,
        text: r.text,
        taskRef: r.task_ref,
        progress: r.progress,
        source,
        author: r.author,
        createdAt: r.created_at,
        voided: r.voided_at !== null ? { at: r.voided_at, by: r.voided_by, reason: r.void_reason ?? '' } : null,
        voidable: voidRefusal({ id: r.id, source, voidedAt: r.voided_at }) === null,
        attachments: files.get(r.id) ?? [],
      }
      return [r.id, view]
    }),
  )
  return ids.map((id) => byId.get(id)).filter((v): v is LedgerEntryView => v !== undefined)
}

export function entryView(store: Store, id: number): LedgerEntryView {
  const view = entryViews(store, [id])[0]
  if (!view) throw new KaoheError('NOT_FOUND', { what: '台账条目 ledger entry', id })
  return view
}
