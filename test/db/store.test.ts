import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openEncrypted } from '../../src/main/db/open'
import { MIGRATIONS, migrate, schemaVersion } from '../../src/main/db/migrations'
import { StatementCache } from '../../src/main/db/statements'
import { Store } from '../../src/main/db/store'
import { tempDir } from '../support/tempUnit'

/** Columns every table must have after migrating (mirrors src/main/db/schema.ts). */
const EXPECTED: Record<string, string[]> = {
  unit: ['id', 'name', 'code', 'created_at', 'uid', 'kind'],
  users: ['id', 'username', 'display_name', 'disabled', 'must_change_password', 'public_key', 'person_id', 'created_at'],
  user_roles: ['user_id', 'role', 'granted_by', 'granted_at'],
  tier_key_grants: ['user_id', 'tier', 'sealed', 'granted_at'],
  audit_log: ['seq', 'at', 'actor_id', 'actor', 'action', 'target', 'outcome', 'detail', 'prev_hash', 'hash'],
  departments: ['id', 'name', 'code', 'sort_order'],
  people: ['id', 'staff_no', 'name', 'department_id', 'post', 'category', 'rank', 'supervisor_id', 'risk_post', 'status', 'joined_on', 'left_on', 'gender', 'birth_month', 'political_status', 'post_since'],
  schema_migrations: ['version', 'name', 'applied_at'],
  person_periods: ['id', 'person_id', 'valid_from', 'valid_to', 'department_id', 'post', 'category', 'rank', 'supervisor_id', 'risk_post', 'status', 'reason', 'recorded_by', 'recorded_at'],
  org_groups: ['id', 'person_id', 'role', 'valid_from', 'valid_to'],
  calendar_years: ['year', 'source', 'body', 'imported_at', 'imported_by'],
  policies: ['id', 'year', 'version', 'source', 'body', 'status', 'proposed_by', 'proposed_at', 'decided_by', 'decided_at', 'reason'],
  guidelines: ['id', 'year', 'version', 'body', 'reason', 'policy_version', 'published_at', 'published_by', 'publicity_start', 'publicity_end', 'effective_on'],
  guideline_drafts: ['year', 'body', 'reason', 'base_version', 'updated_at', 'updated_by'],
  ledger_entries: ['id', 'person_id', 'day', 'kind', 'text', 'task_ref', 'progress', 'source', 'author_id', 'created_at', 'voided_at', 'voided_by', 'void_reason'],
  ledger_attachments: ['id', 'entry_id', 'file_name', 'mime', 'size', 'sha256', 'content', 'created_at'],
  attendance_records: ['person_id', 'day', 'status', 'hours', 'source_file', 'imported_at', 'imported_by'],
  survey_responses: ['id', 'person_id', 'day', 'level', 'channel', 'response_key', 'source', 'source_file', 'recorded_at', 'burst'],
  monthly_talks: ['id', 'person_id', 'month', 'held_on', 'supervisor_id', 'notes', 'recorded_by', 'created_at', 'voided_at', 'void_reason'],
  commitment_letters: ['id', 'person_id', 'year', 'version', 'state', 'created_at', 'created_by', 'updated_at', 'submitted_at', 'reviewed_by', 'reviewed_at', 'return_reason', 'publicity_start', 'publicity_end', 'effective_on', 'revision_id', 'revision_reason', 'publicity_working_days'],
  commitment_tasks: ['id', 'letter_id', 'task_key', 'sort_order', 'title', 'target', 'unit', 'deadline', 'goal', 'completed_on', 'withdrawn'],
  revision_requests: ['id', 'letter_id', 'changes', 'reason', 'state', 'requested_by', 'requested_at', 'decided_by', 'decided_at', 'decision_reason', 'new_letter_id'],
  quarterly_summaries: ['id', 'person_id', 'year', 'quarter', 'text', 'submitted_at', 'submitted_by'],
  quarterly_ratings: ['id', 'person_id', 'year', 'quarter', 'supervisor_id', 'performance', 'potential', 'fail_mark', 'fail_reason', 'rated_at', 'rated_by'],
  peer_assignments: ['id', 'year', 'quarter', 'rater_id', 'ratee_id', 'assigned_by', 'assigned_at'],
  peer_ratings: ['assignment_id', 'score', 'rated_at'],
  backup_signing_keys: ['key_id', 'public_key', 'created_at', 'retired_at'],
  tier_keys: ['tier', 'check_value', 'recovery', 'created_at'],
  password_resets: ['id', 'user_id', 'requested_by', 'requested_at', 'decided_by', 'decided_at', 'state', 'notified_at'],
  followups: ['id', 'person_id', 'year', 'quarter', 'kind', 'owner_id', 'deadline', 'state', 'notes', 'opened_at', 'updated_at', 'updated_by'],
  quarter_reopenings: ['id', 'year', 'quarter', 'reason', 'open_until', 'reopened_by', 'reopened_at'],
  quarterly_amendments: ['id', 'person_id', 'year', 'quarter', 'before_json', 'after_json', 'reason', 'amended_by', 'amended_at'],
  quarterly_summary_drafts: ['person_id', 'year', 'quarter', 'text', 'saved_at', 'saved_by'],
  annual_approvals: ['year', 'document', 'approved_count', 'approved_rate', 'recorded_by', 'recorded_at'],
  annual_grades: ['year', 'person_id', 'proposed', 'grade', 't', 'reason', 'changed_by', 'changed_at'],
  annual_rounds: ['year', 'stage', 'inputs_sha256', 'n', 'k', 'boundary_tie', 'result_json', 'guideline_version', 'proposed_by', 'proposed_at', 'confirmed_by', 'confirmed_at', 'publicity_from', 'publicity_until', 'published_by', 'published_at'],
  ballot_cells: ['ballot_id', 'person_id', 'dimension', 'level'],
  ballot_code_batches: ['year', 'batch', 'colleagues', 'representatives', 'issued_by', 'issued_at'],
  ballot_codes: ['code_hash', 'year', 'category', 'batch', 'consumed'],
  ballot_tallies: ['year', 'person_id', 'dimension', 'category', 'level', 'count'],
  ballot_tally_sheets: ['year', 'category', 'valid_sheets', 'source_file', 'imported_by', 'imported_at'],
  ballots: ['id', 'year', 'category', 'uniform'],
  close_relatives: ['id', 'person_a', 'person_b', 'relation', 'recorded_by', 'recorded_at'],
  democratic_rounds: ['year', 'status', 'opened_by', 'opened_at', 'closed_by', 'closed_at'],
  integrity_reviews: ['id', 'year', 'person_id', 'status', 'finding', 'minor_count', 'details_t3', 'recorded_by', 'recorded_at'],
  investigations: ['id', 'person_id', 'opened_on', 'closed_on', 'details_t3', 'recorded_by', 'recorded_at'],
  leadership_scores: ['sheet_id', 'indicator_id', 'score_hundredths'],
  leadership_sheets: ['id', 'year', 'rater_id', 'person_id', 'status', 'source', 'saved_at', 'saved_by', 'submitted_at'],
  leads: ['id', 'lodged_on', 'channel', 'reporter_t3', 'text_t3', 'named_person_id', 'status', 'conclusion_t3', 'updated_on'],
  prior_grades: ['year', 'person_id', 'grade', 'recorded_by', 'recorded_at'],
  rectification_plans: ['id', 'person_id', 'starts_on', 'ends_on', 'reason', 'recorded_by', 'recorded_at'],
  recusals: ['id', 'year', 'rater_id', 'person_id', 'reason', 'recorded_by', 'recorded_at'],
  sanctions: ['id', 'person_id', 'name', 'decided_on', 'effective_from', 'effective_to', 'document_no', 'details_t3', 'recorded_by', 'recorded_at'],
  appeals: ['id', 'year', 'person_id', 'route', 'delivered_on', 'filed_on', 'window_until', 'due_on', 'warnings_json', 'items_json', 'grade_before', 'grade_asked', 'text', 'recused_json', 'body', 'document_no', 'review_of', 'extended', 'status', 'answered_on', 'answer_reason', 'grade_after', 'answered_by', 'answered_person_id', 'new_form_id', 'filed_by', 'created_at'],
  bonus_settings: ['year', 'base_fen', 'budget_fen', 'set_by', 'set_at'],
  feedback_forms: ['id', 'year', 'person_id', 'version', 'status', 'grade', 'content_json', 'interviewer_id', 'strengths', 'weaknesses', 'improvements', 'interview_on', 'interviewer_user_id', 'interviewer_signed_at', 'interviewer_signature', 'person_user_id', 'person_signed_at', 'person_signature', 'witness_person_id', 'witness_user_id', 'refusal_note', 'refused_at', 'sealed_json', 'sha256', 'sealed_at', 'verification_code', 'voided_at', 'void_reason', 'superseded_by', 'created_by', 'created_at'],
  outcome_lists: ['id', 'list', 'year', 'person_id', 'source', 'reason', 'added_by', 'added_at', 'removed_at', 'removed_by', 'removed_reason', 'history'],
  register_parts: ['year', 'person_id', 'part', 'text', 'suggested_grade', 'status', 'written_by', 'writer_person_id', 'written_at', 'submitted_at'],
  result_followups: ['id', 'year', 'person_id', 'kind', 'owner_person_id', 'owner_role', 'earliest_on', 'due_on', 'rectification_plan_id', 'done_on', 'done_by', 'note', 'cancelled_on', 'created_by', 'created_at'],
  training_attendance: ['session_id', 'person_id', 'recorded_by', 'recorded_at'],
  training_enrolments: ['id', 'year', 'person_id', 'need_key', 'need_zh', 'need_en', 'suggestion', 'session_id', 'status', 'cancel_reason', 'created_by', 'created_at', 'closed_at'],
  training_sessions: ['id', 'year', 'kind', 'title', 'held_on', 'hours', 'trainer', 'location', 'created_by', 'created_at'],
  training_suggestions: ['key', 'kind', 'suggestion', 'updated_by', 'updated_at'],
  office_keys: ['key_id', 'signing_public', 'encryption_recipient', 'card', 'created_at', 'retired_at', 'revoked_at', 'reason'],
  offices: ['uid', 'code', 'name', 'kind', 'registered_at', 'registered_by'],
  office_peer_keys: ['key_id', 'office_uid', 'signing_public', 'encryption_recipient', 'fingerprint', 'card', 'status', 'imported_at', 'imported_by', 'status_at', 'reason'],
  packages: ['package_id', 'direction', 'kind', 'peer_uid', 'sequence', 'period', 'manifest_sha256', 'previous_sha256', 'bytes', 'summary', 'receipt_for', 'at', 'by_user', 'acknowledged_at'],
  package_files: ['package_id', 'content'],
  superior_unit_years: ['unit_uid', 'year', 'package_id', 'received_at', 'payload', 'n', 'k', 'excellent'],
  superior_results: ['unit_uid', 'year', 'staff_no', 'name', 'department', 'post', 'rank', 'category', 'grade', 't', 'democratic', 'leadership', 'quarterly'],
  guideline_templates: ['package_id', 'year', 'name', 'body', 'received_at'],
}

describe('encrypted database', () => {
  it('migrates an empty database to the newest schema, with every table and column', () => {
    const path = join(tempDir(), 'm.kaohe')
    const db = openEncrypted(path, randomBytes(32))
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version))
    expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version)
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
    expect(tables.sort()).toEqual(Object.keys(EXPECTED).sort())
    for (const [table, cols] of Object.entries(EXPECTED)) {
      const actual = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)
      expect(actual, table).toEqual(cols)
    }
    expect(migrate(db)).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('writes no SQLite header and no plaintext to disk', () => {
    const dir = tempDir()
    const path = join(dir, 'p.kaohe')
    const key = randomBytes(32)
    const store = Store.open(path, key)
    store.run(store.qb.insertInto('unit').values({ id: 1, name: '保密测试局', code: 'SECRET-CODE', created_at: 'x' }))
    store.raw.pragma('wal_checkpoint(TRUNCATE)')
    store.close()
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f))
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0')
      expect(bytes.includes(Buffer.from('保密测试局'))).toBe(false)
      expect(bytes.includes(Buffer.from('SECRET-CODE'))).toBe(false)
    }
  })

  it('refuses a wrong key at once, with the file named', () => {
    const path = join(tempDir(), 'k.kaohe')
    Store.open(path, randomBytes(32)).close()
    expect(() => Store.open(path, randomBytes(32))).toThrowError(expect.objectContaining({ code: 'DATABASE_KEY_MISMATCH', params: { path } }))
  })

  it('keeps the prepared-statement cache bounded, evicting the least recently used', () => {
    const path = join(tempDir(), 'c.kaohe')
    const db = openEncrypted(path, randomBytes(32))
    const cache = new StatementCache(db, 3)
    const first = cache.get('SELECT 1')
    cache.get('SELECT 2')
    cache.get('SELECT 3')
    expect(cache.get('SELECT 1')).toBe(first) // a hit refreshes it
    cache.get('SELECT 4') // evicts SELECT 2, the least recently used
    expect(cache.size).toBe(3)
    expect(cache.get('SELECT 1')).toBe(first)
    db.close()
  })

  it('rolls back the whole operation when any part fails', () => {
    const store = Store.open(join(tempDir(), 't.kaohe'), randomBytes(32))
    store.run(store.qb.insertInto('departments').values({ name: '办公室', code: '01', sort_order: 1 }))
    expect(() =>
      store.tx(() => {
        store.run(store.qb.insertInto('departments').values({ name: '人事科', code: '02', sort_order: 2 }))
        store.run(store.qb.insertInto('departments').values({ name: '办公室', code: '03', sort_order: 3 }))
      }),
    ).toThrow(/UNIQUE/)
    expect(store.all(store.qb.selectFrom('departments').select('name'))).toEqual([{ name: '办公室' }])
    store.close()
  })
})
