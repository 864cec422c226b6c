import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0007: Migration = {
  version: 7,
  name: 'kiosk ratings flagged as part of a burst',
  sql: `
      ALTER TABLE survey_responses ADD COLUMN burst INTEGER NOT NULL DEFAULT 0 CHECK (burst IN (0, 1));
    `,
}
