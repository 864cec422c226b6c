import seed from '../../../../resources/results/training-suggestions.json'
import type { Migration } from './types'

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

const rows = seed.suggestions.map((s) => `(${quote(s.key)}, ${quote(s.kind)}, ${quote(s.suggestion)})`).join(',\n        ')

/**
 * The editable training-suggestion table (培训建议, RULES.md §8): one suggestion per dimension or
 * indicator key, seeded from resources/results/training-suggestions.json; HR edits it (audited).
 * A training need (core/archive/trainingNeeds.ts) takes its suggestion from here.
 */
export const m0018: Migration = {
  version: 18,
  name: 'training-suggestions',
  sql: `
      CREATE TABLE training_suggestions (
        key TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*' AND length(key) <= 64),
        kind TEXT NOT NULL CHECK (kind IN ('dimension', 'indicator')),
        suggestion TEXT NOT NULL CHECK (length(trim(suggestion)) BETWEEN 1 AND 500),
        updated_by INTEGER REFERENCES users(id),
        updated_at TEXT
      ) STRICT;
      INSERT INTO training_suggestions (key, kind, suggestion) VALUES
        ${rows};
  `,
}
