import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0003: Migration = {
  version: 3,
  name: 'ledger with attachments, attendance, satisfaction responses, monthly talks',
  sql: `
      CREATE TABLE ledger_entries (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        task_ref TEXT,
        progress INTEGER CHECK (progress IS NULL OR (progress BETWEEN 0 AND 100)),
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
        author_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by INTEGER REFERENCES users(id),
        void_reason TEXT,
        CHECK ((voided_at IS NULL) = (void_reason IS NULL))
      );
      CREATE INDEX ledger_person_day ON ledger_entries(person_id, day DESC, id DESC);
      CREATE INDEX ledger_day ON ledger_entries(day DESC, id DESC);
      CREATE INDEX ledger_kind_day ON ledger_entries(kind, day DESC, id DESC);
      CREATE TABLE ledger_attachments (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES ledger_entries(id),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX ledger_attachments_entry ON ledger_attachments(entry_id);
      CREATE TABLE attendance_records (
        person_id INTEGER NOT NULL REFERENCES people(id),
        day TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('normal', 'late', 'early', 'absent', 'leave', 'overtime')),
        hours REAL,
        source_file TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by INTEGER REFERENCES users(id),
        PRIMARY KEY (person_id, day, status)
      ) WITHOUT ROWID;
      CREATE INDEX attendance_day ON attendance_records(day);
      CREATE TABLE survey_responses (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        day TEXT NOT NULL,
        level TEXT NOT NULL,
        channel TEXT,
        response_key TEXT UNIQUE,
        source TEXT NOT NULL CHECK (source IN ('import', 'kiosk')),
        source_file TEXT,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX survey_person_day ON survey_responses(person_id, day);
      CREATE TABLE monthly_talks (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        month TEXT NOT NULL,
        held_on TEXT NOT NULL,
        supervisor_id INTEGER REFERENCES people(id),
        notes TEXT NOT NULL,
        recorded_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT
      );
      CREATE INDEX monthly_talks_person_month ON monthly_talks(person_id, month);
    `,
}
