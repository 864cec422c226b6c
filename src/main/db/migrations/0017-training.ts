import type { Migration } from './types'

/**
 * Training and coaching (培训辅导, plan §六(四)): the year's sessions — assessor training (考核标准解读 +
 * 沟通技巧) for everyone who rates, and the staff workshops (绩效工作坊, 案例教学) — with attendance
 * recorded by HR, and the enrolments HR makes from the growth archive's training needs (planned →
 * attended when the person attends the linked session, or cancelled with a reason).
 */
export const m0017: Migration = {
  version: 17,
  name: 'training sessions, attendance, enrolments from training needs',
  sql: `
      CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind TEXT NOT NULL CHECK (kind IN ('assessor', 'workshop', 'caseStudy')),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND substr(held_on, 1, 4) = CAST(year AS TEXT)),
        hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
        trainer TEXT,
        location TEXT,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX training_sessions_year ON training_sessions (year, kind);
      CREATE TABLE training_attendance (
        session_id INTEGER NOT NULL REFERENCES training_sessions(id),
        person_id INTEGER NOT NULL REFERENCES people(id),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (session_id, person_id)
      ) STRICT;
      CREATE INDEX training_attendance_person ON training_attendance (person_id);
      CREATE TABLE training_enrolments (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        person_id INTEGER NOT NULL REFERENCES people(id),
        need_key TEXT NOT NULL CHECK (length(need_key) > 0),
        need_zh TEXT NOT NULL,
        need_en TEXT NOT NULL,
        suggestion TEXT NOT NULL,
        session_id INTEGER REFERENCES training_sessions(id),
        status TEXT NOT NULL CHECK (status IN ('planned', 'attended', 'cancelled')),
        cancel_reason TEXT,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
        CHECK (status <> 'attended' OR session_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX training_enrolments_person ON training_enrolments (person_id);
      CREATE UNIQUE INDEX training_enrolments_open ON training_enrolments (year, person_id, need_key) WHERE status <> 'cancelled';
  `,
}
