import type { Migration } from './types'

/**
 * Appeals (申诉, RULES.md §7): the internal appeal to the leadership group (filed by the person within
 * P8 working days of the feedback form's delivery, answered within P9 calendar days, final) and the
 * statutory routes for a 不称职 result (复核, 申诉 after 复核 or directly), recorded by HR when used.
 * Deadlines are stored as computed at filing, with the calendar's warnings.
 */
export const m0015: Migration = {
  version: 15,
  name: 'appeals',
  sql: `
      CREATE TABLE appeals (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        person_id INTEGER NOT NULL REFERENCES people(id),
        route TEXT NOT NULL CHECK (route IN ('internal', 'review', 'statutory')),
        delivered_on TEXT NOT NULL CHECK (delivered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        filed_on TEXT NOT NULL CHECK (filed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        window_until TEXT NOT NULL,
        due_on TEXT NOT NULL,
        warnings_json TEXT NOT NULL DEFAULT '[]',
        items_json TEXT NOT NULL DEFAULT '[]',
        grade_before TEXT NOT NULL,
        grade_asked TEXT CHECK (grade_asked IS NULL OR grade_asked IN ('优秀', '称职', '基本称职', '不称职')),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 8000),
        recused_json TEXT NOT NULL DEFAULT '[]',
        body TEXT,
        document_no TEXT,
        review_of INTEGER REFERENCES appeals(id),
        extended INTEGER NOT NULL DEFAULT 0 CHECK (extended IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('pending', 'upheld', 'refused', 'withdrawn')),
        answered_on TEXT,
        answer_reason TEXT,
        grade_after TEXT CHECK (grade_after IS NULL OR grade_after IN ('优秀', '称职', '基本称职', '不称职')),
        answered_by INTEGER REFERENCES users(id),
        answered_person_id INTEGER REFERENCES people(id),
        new_form_id INTEGER,
        filed_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK ((status = 'pending') = (answered_on IS NULL)),
        CHECK (status <> 'upheld' OR grade_after IS NOT NULL)
      ) STRICT;
      CREATE INDEX appeals_person ON appeals (person_id, year);
      CREATE UNIQUE INDEX appeals_one_open_internal ON appeals (year, person_id) WHERE route = 'internal' AND status = 'pending';
  `,
}
