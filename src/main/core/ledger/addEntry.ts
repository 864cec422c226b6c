import { GONE_STATUSES, type IsoDate } from '@shared/org'
import type { FileContent, LedgerEntryView } from '@shared/api/types'
import type { LedgerKind } from '@shared/ledger'
import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import type { Store } from '../../db/store'
import { personRow } from '../org/people'
import { checkAttachments, storeAttachments } from './attachments'
import { entryView } from './entryViews'

/** What one new 台账 entry says. */
export interface NewLedgerEntry {
  personId: number
  day: IsoDate
  kind: LedgerKind
  text: string
  taskRef?: string
  progress?: number
  attachments?: readonly FileContent[]
}

export interface EntryAuthor {
  /** The account writing it (the supervisor; HR for imported data). */
  actorId: number
  now: Date
  source?: 'manual' | 'import'
}

/**
 * Adds one entry: the day may not be after today, the person must be in the unit on that day,
 * progress belongs to a linked task, and every attachment passes the size and type checks.
 * Access (the writer supervises the person) is the caller's check.
 */
export function addLedgerEntry(store: Store, entry: NewLedgerEntry, author: EntryAuthor): LedgerEntryView {
  const today = localDate(author.now)
  if (entry.day > today) throw new KaoheError('LEDGER_DAY_IN_FUTURE', { day: entry.day, today })
  const person = personRow(store, entry.personId)
  const gone = GONE_STATUSES.includes(person.status)
  const beforeJoining = person.joined_on !== null && entry.day < person.joined_on
  const afterLeaving = gone && (person.left_on === null || entry.day >= person.left_on)
  if (beforeJoining || afterLeaving) {
    throw new KaoheError('LEDGER_PERSON_NOT_IN_UNIT', { name: person.name, day: entry.day })
  }
  if (entry.progress !== undefined && !entry.taskRef) {
    throw new KaoheError('INVALID_INPUT', { details: 'progress: needs taskRef (进度须关联任务)' }, [
      { path: 'progress', message: 'needs taskRef' },
    ])
  }
  const files = checkAttachments(entry.attachments ?? [])
  const { lastInsertRowid: id } = store.run(
    store.qb.insertInto('ledger_entries').values({
      person_id: entry.personId,
      day: entry.day,
      kind: entry.kind,
      text: entry.text,
      task_ref: entry.taskRef ?? null,
      progress: entry.progress ?? null,
      source: author.source ?? 'manual',
      author_id: author.actorId,
      created_at: author.now.toISOString(),
    }),
  )
  storeAttachments(store, id, files, author.now)
  return entryView(store, id)
}
