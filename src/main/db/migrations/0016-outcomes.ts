import type { Migration } from './types'

/**
 * Results application (结果应用, RULES.md §8, issue 10): the year's bonus base and budget (integer
 * fen); the follow-ups created from the final grades (owner, due date, completion); and the
 * commendation list and the talent pool (潜力人才库), whose entries HR may also add or remove with
 * a reason.
 */
export const m0016: Migration = {
  version: 16,
  name: 'outcomes',
  sql: `
      CREATE TABLE bonus_settings (
        year INTEGER PRIMARY KEY,
        base_fen INTEGER NOT NULL CHECK (base_fen >= 0),
        budget_fen INTEGER NOT NULL CHECK (budget_fen >= 0),
        set_by INTEGER REFERENCES users(id),
        set_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE result_followups (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL CHECK (kind IN ('admonitionTalk', 'rectification', 'targetedTraining', 'reassignment', 'followUpAssessment', 'dismissalReview')),
        owner_person_id INTEGER REFERENCES people(id),
        owner_role TEXT CHECK (owner_role IN ('hr')),
        earliest_on TEXT,
        due_on TEXT NOT NULL,
        rectification_plan_id INTEGER REFERENCES rectification_plans(id),
        done_on TEXT,
        done_by INTEGER REFERENCES users(id),
        note TEXT,
        cancelled_on TEXT,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK ((owner_person_id IS NULL) <> (owner_role IS NULL)),
        CHECK (done_on IS NULL OR (note IS NOT NULL AND length(trim(note)) > 0)),
        CHECK (done_on IS NULL OR cancelled_on IS NULL),
        UNIQUE (year, person_id, kind)
      ) STRICT;
      CREATE INDEX result_followups_owner ON result_followups (owner_person_id, done_on);
      CREATE TABLE outcome_lists (
        id INTEGER PRIMARY KEY,
        list TEXT NOT NULL CHECK (list IN ('commendation', 'talentPool')),
        year INTEGER NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        source TEXT NOT NULL CHECK (source IN ('grade', 'manual')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        added_by INTEGER REFERENCES users(id),
        added_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users(id),
        removed_reason TEXT,
        -- Earlier spells of the entry (added, removed, why), oldest first: re-adding a removed person
        -- keeps why they were removed.
        history TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(history) AND json_type(history) = 'array'),
        CHECK ((removed_at IS NULL) = (removed_reason IS NULL)),
        UNIQUE (list, year, person_id)
      ) STRICT;
  `,
}
