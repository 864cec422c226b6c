import type { SqliteDatabase } from './open'

/**
 * The static, ordered list of schema migrations. A released migration is frozen: change the schema
 * by appending a new one. Each runs in its own transaction with its version recorded.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'foundation: unit, accounts, roles, tier keys, audit chain, departments, people',
    sql: `
      CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
        public_key TEXT NOT NULL,
        person_id INTEGER UNIQUE REFERENCES people(id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE user_roles (
        user_id INTEGER NOT NULL REFERENCES users(id),
        role TEXT NOT NULL,
        granted_by INTEGER REFERENCES users(id),
        granted_at TEXT NOT NULL,
        PRIMARY KEY (user_id, role)
      ) WITHOUT ROWID;
      CREATE TABLE tier_key_grants (
        user_id INTEGER NOT NULL REFERENCES users(id),
        tier TEXT NOT NULL,
        sealed TEXT NOT NULL,
        granted_at TEXT NOT NULL,
        PRIMARY KEY (user_id, tier)
      ) WITHOUT ROWID;
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor TEXT,
        action TEXT NOT NULL,
        target TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_actor ON audit_log(actor, seq);
      CREATE INDEX audit_log_action ON audit_log(action, seq);
      CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        sort_order INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        staff_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        department_id INTEGER REFERENCES departments(id),
        post TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('general', 'enforcement', 'technical')),
        rank TEXT NOT NULL DEFAULT '',
        supervisor_id INTEGER REFERENCES people(id),
        risk_post INTEGER NOT NULL DEFAULT 0 CHECK (risk_post IN (0, 1)),
        status TEXT NOT NULL DEFAULT 'active',
        joined_on TEXT,
        left_on TEXT
      );
      CREATE INDEX people_department ON people(department_id);
      CREATE INDEX people_supervisor ON people(supervisor_id);
    `,
  },
  {
    version: 2,
    name: 'organisation history, leadership group, calendar imports, policies, guidelines',
    sql: `
      CREATE TABLE person_periods (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        department_id INTEGER REFERENCES departments(id),
        post TEXT NOT NULL,
        category TEXT NOT NULL,
        rank TEXT NOT NULL,
        supervisor_id INTEGER REFERENCES people(id),
        risk_post INTEGER NOT NULL,
        status TEXT NOT NULL,
        reason TEXT NOT NULL,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      );
      CREATE INDEX person_periods_person ON person_periods(person_id, valid_from);
      INSERT INTO person_periods (person_id, valid_from, valid_to, department_id, post, category, rank,
                                  supervisor_id, risk_post, status, reason, recorded_by, recorded_at)
        SELECT id, coalesce(joined_on, '1900-01-01'), NULL, department_id, post, category, rank,
               supervisor_id, risk_post, status, 'initial', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM people;
      CREATE TABLE org_groups (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        role TEXT NOT NULL CHECK (role IN ('head', 'member', 'discipline')),
        valid_from TEXT NOT NULL,
        valid_to TEXT
      );
      CREATE INDEX org_groups_current ON org_groups(valid_to, role);
      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        body TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by INTEGER REFERENCES users(id)
      );
      CREATE TABLE policies (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        version TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('import', 'package')),
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'inForce', 'refused', 'superseded')),
        proposed_by INTEGER REFERENCES users(id),
        proposed_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        reason TEXT
      );
      CREATE INDEX policies_year ON policies(year, status);
      CREATE TABLE guidelines (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        reason TEXT,
        policy_version TEXT NOT NULL,
        published_at TEXT NOT NULL,
        published_by INTEGER REFERENCES users(id),
        publicity_start TEXT NOT NULL,
        publicity_end TEXT NOT NULL,
        effective_on TEXT NOT NULL,
        UNIQUE (year, version)
      );
      CREATE TABLE guideline_drafts (
        year INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        reason TEXT,
        base_version INTEGER,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      );
    `,
  },
  {
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
  },
  {
    version: 4,
    name: 'commitment letters with tasks, versions and revision requests',
    sql: `
      CREATE TABLE commitment_letters (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'publicity', 'inForce', 'superseded')),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        reviewed_by INTEGER REFERENCES users(id),
        reviewed_at TEXT,
        return_reason TEXT,
        publicity_start TEXT,
        publicity_end TEXT,
        effective_on TEXT,
        revision_id INTEGER,
        revision_reason TEXT,
        UNIQUE (person_id, year, version)
      );
      CREATE INDEX commitment_letters_year_state ON commitment_letters(year, state);
      CREATE TABLE commitment_tasks (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES commitment_letters(id),
        task_key TEXT NOT NULL,
        sort_order INTEGER NOT NULL,
        title TEXT NOT NULL,
        target REAL NOT NULL,
        unit TEXT NOT NULL,
        deadline TEXT NOT NULL,
        goal TEXT NOT NULL,
        completed_on TEXT,
        withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
        UNIQUE (letter_id, task_key)
      );
      CREATE TABLE revision_requests (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES commitment_letters(id),
        changes TEXT NOT NULL,
        reason TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
        requested_by INTEGER REFERENCES users(id),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        decision_reason TEXT,
        new_letter_id INTEGER REFERENCES commitment_letters(id)
      );
      CREATE INDEX revision_requests_letter ON revision_requests(letter_id, state);
    `,
  },
  {
    version: 5,
    name: 'quarterly evaluation: summaries, ratings, peer assignments and ratings, follow-ups',
    sql: `
      CREATE TABLE quarterly_summaries (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        text TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_by INTEGER REFERENCES users(id),
        UNIQUE (person_id, year, quarter)
      );
      CREATE TABLE quarterly_ratings (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        supervisor_id INTEGER REFERENCES people(id),
        performance REAL NOT NULL CHECK (performance BETWEEN 0 AND 100),
        potential REAL NOT NULL CHECK (potential BETWEEN 0 AND 100),
        fail_mark INTEGER NOT NULL DEFAULT 0 CHECK (fail_mark IN (0, 1)),
        fail_reason TEXT,
        rated_at TEXT NOT NULL,
        rated_by INTEGER REFERENCES users(id),
        CHECK (fail_mark = 0 OR (fail_reason IS NOT NULL AND trim(fail_reason) <> '')),
        UNIQUE (person_id, year, quarter)
      );
      CREATE INDEX quarterly_ratings_quarter ON quarterly_ratings(year, quarter);
      CREATE TABLE peer_assignments (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        rater_id INTEGER NOT NULL REFERENCES people(id),
        ratee_id INTEGER NOT NULL REFERENCES people(id),
        assigned_by INTEGER REFERENCES users(id),
        assigned_at TEXT NOT NULL,
        CHECK (rater_id <> ratee_id),
        UNIQUE (year, quarter, rater_id, ratee_id)
      );
      CREATE INDEX peer_assignments_ratee ON peer_assignments(ratee_id, year, quarter);
      CREATE TABLE peer_ratings (
        assignment_id INTEGER PRIMARY KEY REFERENCES peer_assignments(id),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
        rated_at TEXT NOT NULL
      );
      CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        kind TEXT NOT NULL CHECK (kind IN ('interview', 'supportPlan')),
        owner_id INTEGER REFERENCES people(id),
        deadline TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
        notes TEXT NOT NULL DEFAULT '',
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        UNIQUE (person_id, year, quarter, kind)
      );
      CREATE INDEX followups_state ON followups(state, deadline);
    `,
  },
  {
    version: 6,
    name: 'unit identity, backup signing keys, tier key records, two-administrator password resets',
    sql: `
      ALTER TABLE unit ADD COLUMN uid TEXT;
      UPDATE unit SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
      CREATE TRIGGER unit_uid AFTER INSERT ON unit WHEN NEW.uid IS NULL
        BEGIN UPDATE unit SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
      CREATE TABLE backup_signing_keys (
        key_id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) WITHOUT ROWID;
      CREATE TABLE tier_keys (
        tier TEXT PRIMARY KEY,
        check_value TEXT,
        recovery TEXT,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO tier_keys (tier, created_at)
        SELECT tier, min(granted_at) FROM tier_key_grants WHERE tier = 'T3' GROUP BY tier;
      CREATE TABLE password_resets (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        requested_by INTEGER NOT NULL REFERENCES users(id),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'refused')),
        notified_at TEXT
      );
      CREATE INDEX password_resets_user ON password_resets(user_id, state);
    `,
  },
  {
    version: 7,
    name: 'kiosk ratings flagged as part of a burst',
    sql: `
      ALTER TABLE survey_responses ADD COLUMN burst INTEGER NOT NULL DEFAULT 0 CHECK (burst IN (0, 1));
    `,
  },
  {
    version: 8,
    name: 'commitment letters keep the working days their publicity was counted with',
    sql: `
      ALTER TABLE commitment_letters ADD COLUMN publicity_working_days INTEGER CHECK (publicity_working_days IS NULL OR publicity_working_days >= 0);
    `,
  },
]

/** Brings the database to the newest schema; returns the versions it applied. */
export function migrate(db: SqliteDatabase): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const current =
    (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ??
    0
  const newest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
  if (current > newest) {
    throw new Error(`database schema ${current} is newer than this program (${newest})`)
  }
  const applied: number[] = []
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
    })()
    applied.push(m.version)
  }
  return applied
}

export function schemaVersion(db: SqliteDatabase): number {
  return (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v
}
