import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
import { LEDGER_KINDS, type LedgerKind } from '@shared/ledger'
import type { IsoDate } from '@shared/org'
import type { LedgerPage } from '@shared/api/types'
import type { DB } from '../../db/schema'
import { idList } from '../../db/idList'
import type { Store } from '../../db/store'
import { entryViews } from './entryViews'
import { PER_KIND_MAX, PER_PERSON_SCOPE_MAX, SCAN_MAX, TOTAL_MAX } from './limits'

/** The filters of the ledger list and of its export. */
export interface LedgerFilter {
  personId?: number
  kinds?: readonly LedgerKind[]
  from?: IsoDate
  to?: IsoDate
  /** Part of the entry's text (ASCII letters match either case; 中文 matches as written). */
  text?: string
  includeVoided?: boolean
}

/** Where the previous page ended: the (day, id) of its last entry. */
export interface LedgerCursor {
  day: IsoDate
  id: number
}

export interface LedgerPageRequest extends LedgerFilter {
  after?: LedgerCursor
  limit?: number
  /** Also count the matching entries (first page only; see `countLedger`). */
  withTotal?: boolean
}

/** Whose entries the actor may see: everyone, or these people (`scopeOf(…, 'ledger.read')`). */
export type LedgerScope = 'all' | readonly number[]

export const DEFAULT_PAGE_SIZE = 50

/**
 * One page of the ledger, newest first by (day, id), with keyset paging: pass `next` back as
 * `after`. Only the scope's people are ever read. Each query walks an index already in
 * (day DESC, id DESC) order and stops after the page, so a page costs about the same whether the
 * table holds a thousand entries or millions. A sparse filter (text, say) examines at most
 * `SCAN_MAX` entries per page: the page may then be short, or empty, with `next` where the scan
 * stopped; follow `next` until it is null.
 */
export function listLedger(store: Store, scope: LedgerScope, request: LedgerPageRequest, scanMax = SCAN_MAX): LedgerPage {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE
  const { keys, resumeAt } = pageKeys(store, scope, request, request.after, limit, scanMax)
  const page = keys.slice(0, limit)
  const last = page[page.length - 1]
  const total = request.withTotal && !request.after ? countLedger(store, scope, request) : undefined
  return {
    entries: entryViews(
      store,
      page.map((k) => k.id),
    ),
    next: keys.length > limit && last ? { day: last.day, id: last.id } : resumeAt,
    ...(total ? { total } : {}),
  }
}

/**
 * How many entries the filters select in the scope, counting at most `max` (then `exact: false`,
 * "more than"). A text filter is matched row by row over the whole range, which on millions of
 * entries takes longer than a page may: it is not counted (undefined), and the list says how many
 * it has loaded instead.
 */
export function countLedger(store: Store, scope: LedgerScope, filter: LedgerFilter, max = TOTAL_MAX): { count: number; exact: boolean } | undefined {
  if (filter.text) return undefined
  const people = peopleOf(scope, filter.personId)
  if (people?.length === 0) return { count: 0, exact: true }
  const kinds = filter.kinds?.length && new Set(filter.kinds).size < LEDGER_KINDS.length ? [...new Set(filter.kinds)] : null
  let q = store.qb.selectFrom('ledger_entries').select(sql<number>`1`.as('one'))
  if (people) q = people.length === 1 ? q.where('person_id', '=', people[0]!) : q.where('person_id', 'in', idList(people))
  if (kinds) q = q.where('kind', 'in', kinds)
  if (filter.from) q = q.where('day', '>=', filter.from)
  if (filter.to) q = q.where('day', '<=', filter.to)
  if (!filter.includeVoided) q = q.where('voided_at', 'is', null)
  const row = store.first(store.qb.selectFrom(q.limit(max + 1).as('m')).select(sql<number>`count(*)`.as('n')))
  const n = Number(row?.n ?? 0)
  return n > max ? { count: max, exact: false } : { count: n, exact: true }
}

/**
 * Up to `limit + 1` keys after the cursor, newest first. `resumeAt`, when set, is where a bounded
 * scan stopped: every match newer than it is in `keys`, and the list continues below it.
 */
export function pageKeys(
  store: Store,
  scope: LedgerScope,
  filter: LedgerFilter,
  after: LedgerCursor | undefined,
  limit: number,
  scanMax = SCAN_MAX,
): { keys: LedgerCursor[]; resumeAt: LedgerCursor | null } {
  const people = peopleOf(scope, filter.personId)
  if (people?.length === 0) return { keys: [], resumeAt: null }
  const kinds = filter.kinds?.length && new Set(filter.kinds).size < LEDGER_KINDS.length ? [...new Set(filter.kinds)] : null
  const take = limit + 1
  const shape = (lists: number): Shape => ({ filter, after, take, scan: Math.max(take, Math.ceil(scanMax / lists)) })

  // Few people: each one's entries through ledger_person_day, merged.
  if (people && people.length <= PER_PERSON_SCOPE_MAX) {
    return merge(
      people.map((p) => keysQuery(store, shape(people.length), { personId: p, kinds })),
      take,
    )
  }
  // Few kinds: each kind through ledger_kind_day, merged; the people are a residual filter.
  if (kinds && kinds.length <= PER_KIND_MAX) {
    return merge(
      kinds.map((k) => keysQuery(store, shape(kinds.length), { kind: k, people })),
      take,
    )
  }
  // Otherwise walk ledger_day, newest first, filtering as we go.
  return merge([keysQuery(store, shape(1), { people, kinds })], take)
}

function peopleOf(scope: LedgerScope, personId: number | undefined): number[] | null {
  if (scope === 'all') return personId === undefined ? null : [personId]
  if (personId !== undefined) return scope.includes(personId) ? [personId] : []
  return [...new Set(scope)]
}

interface Shape {
  filter: LedgerFilter
  after: LedgerCursor | undefined
  take: number
  /** How many index entries one query may examine when rows are filtered one by one. */
  scan: number
}

interface Access {
  /** Equality on the leading column of an index (which one decides the index). */
  personId?: number
  kind?: LedgerKind
  /** Residual filters: the unary + keeps SQLite from choosing their index over the ordered one. */
  people?: readonly number[] | null
  kinds?: readonly LedgerKind[] | null
}

type KeysQuery = SelectQueryBuilder<DB, 'ledger_entries', { id: number; day: string }>

/** One index walk's result: its keys, and where a bounded scan stopped (null: it reached the end). */
interface Walk {
  keys: LedgerCursor[]
  stoppedAt: LedgerCursor | null
}

function keysQuery(store: Store, { filter, after, take, scan }: Shape, access: Access): Walk {
  // The part the index answers by itself: which index (equality), the date range and the cursor.
  const upper = after && filter.to ? (after.day < filter.to ? after.day : filter.to) : (after?.day ?? filter.to)
  const indexed = (lowerDay: string | undefined): KeysQuery => {
    let q: KeysQuery = store.qb.selectFrom('ledger_entries').select(['id', 'day'])
    if (access.personId !== undefined) q = q.where('person_id', '=', access.personId)
    if (access.kind !== undefined) q = q.where('kind', '=', access.kind)
    if (lowerDay) q = q.where('day', '>=', lowerDay)
    if (upper) q = q.where('day', '<=', upper)
    if (after) q = q.where((eb: ExpressionBuilder<DB, 'ledger_entries'>) => eb(eb.refTuple('day', 'id'), '<', eb.tuple(after.day, after.id)))
    return q.orderBy('day', 'desc').orderBy('id', 'desc')
  }

  // Filters checked row by row may match rarely: bound the walk by the key `scan` entries down,
  // found from the index alone (no row is read for it). The bound's day then replaces `from` as
  // the lower end of the index range, so SQLite stops there rather than at `from`.
  const sparse = Boolean(filter.text || access.people || access.kinds)
  const bound = sparse ? (store.first(indexed(filter.from).limit(1).offset(scan - 1)) ?? null) : null
  let q = indexed(bound ? bound.day : filter.from)
  if (bound) q = q.where((eb: ExpressionBuilder<DB, 'ledger_entries'>) => eb(eb.refTuple('day', 'id'), '>=', eb.tuple(bound.day, bound.id)))

  if (access.people) q = q.where(sql<number>`+person_id`, 'in', idList(access.people))
  if (access.kinds) q = q.where(sql<string>`+kind`, 'in', access.kinds)
  if (!filter.includeVoided) q = q.where('voided_at', 'is', null)
  if (filter.text) q = q.where(sql<boolean>`text LIKE ${likePattern(filter.text)} ESCAPE '\\'`)
  const keys = store.all(q.limit(take))
  return { keys, stoppedAt: keys.length < take && bound ? { day: bound.day, id: bound.id } : null }
}

/** `%text%` with LIKE's own wildcards in the text taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

const newerFirst = (a: LedgerCursor, b: LedgerCursor) => (a.day === b.day ? b.id - a.id : a.day < b.day ? 1 : -1)

/**
 * Merges walks each sorted newest first. A walk that stopped early is complete only down to
 * where it stopped, so the merged list is cut at the newest such point and resumes there.
 */
function merge(walks: readonly Walk[], take: number): { keys: LedgerCursor[]; resumeAt: LedgerCursor | null } {
  let cut: LedgerCursor | null = null
  for (const w of walks) if (w.stoppedAt && (!cut || newerFirst(w.stoppedAt, cut) < 0)) cut = w.stoppedAt
  let keys = walks.length === 1 ? walks[0]!.keys : walks.flatMap((w) => w.keys).sort(newerFirst)
  if (cut) {
    const c = cut
    keys = keys.filter((k) => newerFirst(k, c) <= 0)
  }
  return { keys: keys.slice(0, take), resumeAt: cut }
}
