import type { Migration } from './types'

/**
 * Signed feedback forms (《绩效反馈表》, RULES.md §7): one form per graded person and year, built
 * from the final results; the interviewer's text; the interviewer's and the person's signatures
 * (or a refusal confirmed by a witness); the seal (canonical content, SHA-256, verification code).
 * A correction is a new version that voids the old one; both stay. A trigger refuses any change of
 * a sealed form's content, signatures or seal: only voiding it remains possible.
 */
export const m0013: Migration = {
  version: 13,
  name: 'feedback-forms',
  sql: `
      CREATE TABLE feedback_forms (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        person_id INTEGER NOT NULL REFERENCES people(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        status TEXT NOT NULL CHECK (status IN ('draft', 'interviewerSigned', 'sealed', 'refused', 'voided')),
        grade TEXT NOT NULL CHECK (grade IN ('优秀', '称职', '基本称职', '不称职')),
        content_json TEXT NOT NULL,
        interviewer_id INTEGER NOT NULL REFERENCES people(id),
        strengths TEXT NOT NULL DEFAULT '',
        weaknesses TEXT NOT NULL DEFAULT '',
        improvements TEXT NOT NULL DEFAULT '',
        interview_on TEXT,
        interviewer_user_id INTEGER REFERENCES users(id),
        interviewer_signed_at TEXT,
        interviewer_signature BLOB,
        person_user_id INTEGER REFERENCES users(id),
        person_signed_at TEXT,
        person_signature BLOB,
        witness_person_id INTEGER REFERENCES people(id),
        witness_user_id INTEGER REFERENCES users(id),
        refusal_note TEXT,
        refused_at TEXT,
        sealed_json TEXT,
        sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        sealed_at TEXT,
        verification_code TEXT NOT NULL UNIQUE,
        voided_at TEXT,
        void_reason TEXT,
        superseded_by INTEGER REFERENCES feedback_forms(id),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        UNIQUE (year, person_id, version),
        CHECK ((status IN ('sealed', 'refused')) = (sha256 IS NOT NULL AND voided_at IS NULL) OR status = 'voided'),
        CHECK (status <> 'voided' OR voided_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX feedback_forms_person ON feedback_forms (person_id, year);
      CREATE INDEX feedback_forms_interviewer ON feedback_forms (interviewer_id, status);
      CREATE TRIGGER feedback_forms_sealed_immutable
      BEFORE UPDATE ON feedback_forms
      WHEN OLD.sha256 IS NOT NULL AND (
        NEW.year IS NOT OLD.year OR NEW.person_id IS NOT OLD.person_id OR NEW.version IS NOT OLD.version
        OR NEW.grade IS NOT OLD.grade OR NEW.content_json IS NOT OLD.content_json OR NEW.interviewer_id IS NOT OLD.interviewer_id
        OR NEW.strengths IS NOT OLD.strengths OR NEW.weaknesses IS NOT OLD.weaknesses OR NEW.improvements IS NOT OLD.improvements
        OR NEW.interview_on IS NOT OLD.interview_on OR NEW.interviewer_user_id IS NOT OLD.interviewer_user_id
        OR NEW.interviewer_signed_at IS NOT OLD.interviewer_signed_at OR NEW.interviewer_signature IS NOT OLD.interviewer_signature
        OR NEW.person_user_id IS NOT OLD.person_user_id OR NEW.person_signed_at IS NOT OLD.person_signed_at
        OR NEW.person_signature IS NOT OLD.person_signature OR NEW.witness_person_id IS NOT OLD.witness_person_id
        OR NEW.witness_user_id IS NOT OLD.witness_user_id OR NEW.refusal_note IS NOT OLD.refusal_note OR NEW.refused_at IS NOT OLD.refused_at
        OR NEW.sealed_json IS NOT OLD.sealed_json OR NEW.sha256 IS NOT OLD.sha256 OR NEW.sealed_at IS NOT OLD.sealed_at
        OR NEW.verification_code IS NOT OLD.verification_code
        OR (NEW.status <> OLD.status AND NEW.status <> 'voided')
      )
      BEGIN
        SELECT RAISE(ABORT, 'feedback form is sealed');
      END;
      CREATE TRIGGER feedback_forms_sealed_kept
      BEFORE DELETE ON feedback_forms
      WHEN OLD.sha256 IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'feedback form is sealed');
      END;
  `,
}
