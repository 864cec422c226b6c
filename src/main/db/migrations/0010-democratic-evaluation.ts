import type { Migration } from './types'

/**
 * 民主测评 (democratic evaluation, RULES.md §6): one round per year opened by HR; one-time ballot
 * codes stored only as keyed hashes, each carrying a voter category and nothing else; kiosk ballots
 * and their cells; paper tallies with the valid sheets per category.
 *
 * Anonymity is in the shape of the data: no column links a code to a ballot; a ballot has no time
 * at all (not even the day) and its key is a random 128-bit id in a WITHOUT ROWID table, so the
 * stored order is the order of random keys, never the order the ballots were cast.
 */
export const m0010: Migration = {
  version: 10,
  name: 'democratic evaluation: rounds, ballot codes, ballots, paper tallies',
  sql: `
      CREATE TABLE democratic_rounds (
        year INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_by INTEGER REFERENCES users(id),
        opened_at TEXT NOT NULL,
        closed_by INTEGER REFERENCES users(id),
        closed_at TEXT
      ) STRICT;
      CREATE TABLE ballot_code_batches (
        year INTEGER NOT NULL,
        batch INTEGER NOT NULL CHECK (batch > 0),
        colleagues INTEGER NOT NULL CHECK (colleagues >= 0),
        representatives INTEGER NOT NULL CHECK (representatives >= 0),
        issued_by INTEGER REFERENCES users(id),
        issued_at TEXT NOT NULL,
        PRIMARY KEY (year, batch)
      ) STRICT;
      CREATE TABLE ballot_codes (
        code_hash TEXT NOT NULL PRIMARY KEY CHECK (length(code_hash) = 64),
        year INTEGER NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('colleague', 'representative')),
        batch INTEGER NOT NULL CHECK (batch > 0),
        consumed INTEGER NOT NULL DEFAULT 0 CHECK (consumed IN (0, 1))
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE ballots (
        id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 32),
        year INTEGER NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('colleague', 'representative')),
        uniform INTEGER NOT NULL CHECK (uniform IN (0, 1))
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE ballot_cells (
        ballot_id TEXT NOT NULL REFERENCES ballots(id),
        person_id INTEGER NOT NULL REFERENCES people(id),
        dimension TEXT NOT NULL CHECK (dimension IN ('de', 'neng', 'qin', 'ji', 'lian')),
        level TEXT NOT NULL CHECK (level IN ('优秀', '称职', '基本称职', '不称职')),
        PRIMARY KEY (ballot_id, person_id, dimension)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX ballot_cells_person ON ballot_cells (person_id, dimension, level);
      CREATE TABLE ballot_tallies (
        year INTEGER NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        dimension TEXT NOT NULL CHECK (dimension IN ('de', 'neng', 'qin', 'ji', 'lian')),
        category TEXT NOT NULL CHECK (category IN ('colleague', 'representative')),
        level TEXT NOT NULL CHECK (level IN ('优秀', '称职', '基本称职', '不称职')),
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (year, person_id, dimension, category, level)
      ) STRICT;
      CREATE TABLE ballot_tally_sheets (
        year INTEGER NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('colleague', 'representative')),
        valid_sheets INTEGER NOT NULL CHECK (valid_sheets >= 0),
        source_file TEXT,
        imported_by INTEGER REFERENCES users(id),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (year, category)
      ) STRICT;
    `,
}
