import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0008: Migration = {
  version: 8,
  name: 'commitment letters keep the working days their publicity was counted with',
  sql: `
      ALTER TABLE commitment_letters ADD COLUMN publicity_working_days INTEGER CHECK (publicity_working_days IS NULL OR publicity_working_days >= 0);
    `,
}
