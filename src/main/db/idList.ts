import { sql, type RawBuilder } from 'kysely'

/**
 * An id list for `IN`, bound as one JSON parameter: `x IN (SELECT value FROM json_each(?))`.
 * Binding each id as its own variable fails past SQLite's variable limit (32,766): a unit of
 * 50,000 people, or a supervisor at the top of a long chain, made `quarterly status` fail with
 * "too many SQL variables". One parameter has no such limit and keeps the query whole, so
 * ordering and paging are unchanged (chunking would break them).
 */
export function idList(ids: Iterable<number>): RawBuilder<number> {
  const list = [...ids]
  for (const id of list) if (!Number.isSafeInteger(id)) throw new Error('idList takes integer ids')
  return sql<number>`(SELECT value FROM json_each(${JSON.stringify(list)}))`
}
