import type { TrainingSuggestion } from '@shared/archive'
import { KaoheError } from '@shared/errors'
import type { ReadableDB, Store } from '../../db/store'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import { indicatorNames, keyLabel } from './trainingNeeds'

/**
 * The editable training-suggestion table (培训建议表, RULES.md §8): seeded by migration 18 from
 * resources/results/training-suggestions.json, edited by HR one key at a time (the handler audits
 * each edit with the key and the text's length, never the text).
 */

const MAX_CHARS = 500

function namesFor(db: ReadableDB, year: number) {
  return indicatorNames(versionInForce(db, year, `${year}-12-31`)?.guideline ?? defaultGuideline(year))
}

export function listSuggestions(db: ReadableDB, year: number): TrainingSuggestion[] {
  const names = namesFor(db, year)
  return db
    .all(db.qb.selectFrom('training_suggestions as t').leftJoin('users as u', 'u.id', 't.updated_by').select(['t.key', 't.kind', 't.suggestion', 't.updated_at', 'u.display_name']))
    .map((r) => ({ key: r.key, kind: r.kind, label: keyLabel(r.key, names), suggestion: r.suggestion, updatedAt: r.updated_at, updatedBy: r.display_name }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'dimension' ? -1 : 1))
}

/** HR changes one key's suggestion; the key must be in the table (a dimension or an indicator). */
export function setSuggestion(store: Store, key: string, suggestion: string, actorId: number, now: Date): { key: string; before: string } {
  const row = store.first(store.qb.selectFrom('training_suggestions').select(['key', 'suggestion']).where('key', '=', key))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '培训建议项 training-suggestion key', id: key })
  const text = suggestion.trim()
  if (text === '') throw new KaoheError('INVALID_INPUT', { details: `“${key}”的培训建议不能为空 / the suggestion for "${key}" cannot be empty` })
  if ([...text].length > MAX_CHARS) throw new KaoheError('INVALID_INPUT', { details: `“${key}”的培训建议超过 ${MAX_CHARS} 字 / the suggestion for "${key}" is longer than ${MAX_CHARS} characters` })
  store.run(store.qb.updateTable('training_suggestions').set({ suggestion: text, updated_by: actorId, updated_at: now.toISOString() }).where('key', '=', key))
  return { key, before: row.suggestion }
}
