import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openEncrypted, type SqliteDatabase } from '../../src/main/db/open'
import { LAST_NON_STRICT_VERSION, MIGRATIONS, migrate, schemaVersion, type Migration } from '../../src/main/db/migrations'
import { tempDir } from '../support/tempUnit'

/**
 * Every migration is tested as it runs on a unit in use: an encrypted database brought to the
 * version before it, filled with representative rows, then upgraded by this one migration. The
 * generic part (generated from MIGRATIONS) checks that every row of every existing table is still
 * there, column for column, and the database is consistent; each case's `check` asserts the new shape.
 */
interface UpgradeCase {
  /** Rows inserted at version N−1. */
  seed(db: SqliteDatabase): void
  /** Asserts after N: the seeded rows carried over and the new tables, columns and constraints hold. */
  check(db: SqliteDatabase): void
}

const NOW = '2026-03-02T08:00:00.000Z'

function insert(db: SqliteDatabase, table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const r = db
    .prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`)
    .run(row)
  return Number(r.lastInsertRowid)
}

function rows(db: SqliteDatabase, sql: string): Record<string, unknown>[] {
  return db.prepare(sql).all() as Record<string, unknown>[]
}

function columns(db: SqliteDatabase, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)
}

function tables(db: SqliteDatabase): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
}

/** Every row of every table, in a stable order, with the columns the table has now. */
function snapshot(db: SqliteDatabase): Map<string, { cols: string[]; rows: unknown[][] }> {
  const out = new Map<string, { cols: string[]; rows: unknown[][] }>()
  for (const t of tables(db)) {
    if (t === 'schema_migrations') continue
    const cols = columns(db, t)
    const order = cols.map((_, i) => i + 1).join(', ')
    const data = db.prepare(`SELECT ${cols.join(', ')} FROM ${t} ORDER BY ${order}`).raw().all() as unknown[][]
    out.set(t, { cols, rows: data })
  }
  return out
}

/** A person (with the department and account most rows point at) as a unit at version ≥ 1 has them. */
function seedFoundation(db: SqliteDatabase): { dept: number; boss: number; staff: number; user: number } {
  insert(db, 'unit', { id: 1, name: '示范区市场监督管理局', code: 'SCJG', created_at: NOW })
  const dept = insert(db, 'departments', { name: '综合科', code: '01', sort_order: 1 })
  insert(db, 'departments', { name: '执法一科', code: '02', sort_order: 2 })
  const boss = insert(db, 'people', {
    staff_no: 'A001', name: '董芳', department_id: dept, post: '科长', category: 'general', rank: '一级主任科员',
    supervisor_id: null, risk_post: 0, status: 'active', joined_on: '2015-07-01', left_on: null,
  })
  const staff = insert(db, 'people', {
    staff_no: 'A002', name: '李明', department_id: dept, post: '科员', category: 'enforcement', rank: '四级主任科员',
    supervisor_id: boss, risk_post: 1, status: 'active', joined_on: null, left_on: null,
  })
  const user = insert(db, 'users', { username: 'liming', display_name: '李明', disabled: 0, must_change_password: 0, public_key: 'pk', person_id: staff, created_at: NOW })
  insert(db, 'user_roles', { user_id: user, role: 'staff', granted_by: null, granted_at: NOW })
  insert(db, 'tier_key_grants', { user_id: user, tier: 'T3', sealed: 'sealed-1', granted_at: '2026-01-05T00:00:00.000Z' })
  insert(db, 'audit_log', { seq: 1, at: NOW, actor_id: user, actor: 'liming', action: 'auth.login', target: null, outcome: 'ok', detail: '{}', prev_hash: '0', hash: 'h1' })
  return { dept, boss, staff, user }
}

function ids(db: SqliteDatabase): { dept: number; boss: number; staff: number; user: number } {
  const p = rows(db, "SELECT id, staff_no FROM people ORDER BY id")
  const u = rows(db, "SELECT id FROM users WHERE username = 'liming'")[0]!
  const d = rows(db, "SELECT id FROM departments WHERE code = '01'")[0]!
  return { dept: d.id as number, boss: p[0]!.id as number, staff: p[1]!.id as number, user: u.id as number }
}

function seedLetter(db: SqliteDatabase, person: number, user: number): number {
  const letter = insert(db, 'commitment_letters', {
    person_id: person, year: 2026, version: 1, state: 'inForce', created_at: NOW, created_by: user, updated_at: NOW,
    submitted_at: NOW, reviewed_by: user, reviewed_at: NOW, return_reason: null, publicity_start: '2026-03-03',
    publicity_end: '2026-03-09', effective_on: '2026-03-10', revision_id: null, revision_reason: null,
  })
  insert(db, 'commitment_tasks', { letter_id: letter, task_key: 't1', sort_order: 1, title: '办结投诉举报', target: 120, unit: '件', deadline: '2026-12-31', goal: '按时办结率100%', completed_on: null, withdrawn: 0 })
  return letter
}

const CASES: Record<number, UpgradeCase> = {
  1: {
    seed: () => {},
    check: (db) => {
      expect(tables(db)).toEqual(['audit_log', 'departments', 'people', 'schema_migrations', 'tier_key_grants', 'unit', 'user_roles', 'users'])
      const { staff } = seedFoundation(db)
      expect(rows(db, `SELECT name, category, risk_post FROM people WHERE id = ${staff}`)).toEqual([{ name: '李明', category: 'enforcement', risk_post: 1 }])
      expect(() => insert(db, 'people', { staff_no: 'X', name: '错', category: 'clerk' })).toThrow(/CHECK/)
      expect(() => insert(db, 'unit', { id: 2, name: 'x', code: 'x', created_at: NOW })).toThrow(/CHECK/)
    },
  },
  2: {
    seed: (db) => void seedFoundation(db),
    check: (db) => {
      const { dept, boss, staff } = ids(db)
      // Each existing person gets their current assignment as the first period (no joined_on: 1900-01-01).
      expect(rows(db, 'SELECT person_id, valid_from, valid_to, department_id, post, category, rank, supervisor_id, risk_post, status, reason FROM person_periods ORDER BY person_id')).toEqual([
        { person_id: boss, valid_from: '2015-07-01', valid_to: null, department_id: dept, post: '科长', category: 'general', rank: '一级主任科员', supervisor_id: null, risk_post: 0, status: 'active', reason: 'initial' },
        { person_id: staff, valid_from: '1900-01-01', valid_to: null, department_id: dept, post: '科员', category: 'enforcement', rank: '四级主任科员', supervisor_id: boss, risk_post: 1, status: 'active', reason: 'initial' },
      ])
      for (const t of ['org_groups', 'calendar_years', 'policies', 'guidelines', 'guideline_drafts']) expect(tables(db)).toContain(t)
      expect(() => insert(db, 'org_groups', { person_id: boss, role: 'chair', valid_from: '2026-01-01' })).toThrow(/CHECK/)
      expect(() => insert(db, 'policies', { year: 2026, version: 'v', source: 'import', body: '{}', status: 'draft', proposed_at: NOW })).toThrow(/CHECK/)
    },
  },
  3: {
    seed: (db) => {
      const { boss, user } = seedFoundation(db)
      db.prepare("INSERT INTO person_periods (person_id, valid_from, post, category, rank, risk_post, status, reason, recorded_at) VALUES (?, '2015-07-01', '科长', 'general', '', 0, 'active', 'initial', ?)").run(boss, NOW)
      insert(db, 'org_groups', { person_id: boss, role: 'head', valid_from: '2026-01-01', valid_to: null })
      insert(db, 'calendar_years', { year: 2026, source: 'gov.cn', body: '{}', imported_at: NOW, imported_by: user })
      insert(db, 'policies', { year: 2026, version: 'default-2026', source: 'import', body: '{}', status: 'inForce', proposed_at: NOW })
      insert(db, 'guidelines', { year: 2026, version: 1, body: '{}', policy_version: 'default-2026', published_at: NOW, publicity_start: '2026-01-05', publicity_end: '2026-01-09', effective_on: '2026-01-12' })
      insert(db, 'guideline_drafts', { year: 2027, body: '{}', updated_at: NOW })
    },
    check: (db) => {
      const { staff, user } = ids(db)
      const entry = insert(db, 'ledger_entries', { person_id: staff, day: '2026-03-02', kind: 'work', text: '办结举报3件', progress: 40, author_id: user, created_at: NOW })
      expect(rows(db, `SELECT source, voided_at FROM ledger_entries WHERE id = ${entry}`)).toEqual([{ source: 'manual', voided_at: null }])
      expect(() => db.prepare(`UPDATE ledger_entries SET voided_at = ? WHERE id = ${entry}`).run(NOW)).toThrow(/CHECK/)
      expect(() => insert(db, 'ledger_entries', { person_id: staff, day: '2026-03-02', kind: 'work', text: 'x', progress: 101, created_at: NOW })).toThrow(/CHECK/)
      insert(db, 'ledger_attachments', { entry_id: entry, file_name: '记录.pdf', mime: 'application/pdf', size: 3, sha256: 'ab', content: Buffer.from([1, 2, 3]), created_at: NOW })
      insert(db, 'attendance_records', { person_id: staff, day: '2026-03-02', status: 'late', hours: null, source_file: 'a.xlsx', imported_at: NOW })
      expect(() => insert(db, 'attendance_records', { person_id: staff, day: '2026-03-02', status: 'late', source_file: 'b.xlsx', imported_at: NOW })).toThrow(/UNIQUE|PRIMARY/)
      expect(() => insert(db, 'survey_responses', { person_id: staff, day: '2026-03-02', level: 'good', source: 'web', recorded_at: NOW })).toThrow(/CHECK/)
      insert(db, 'monthly_talks', { person_id: staff, month: '2026-02', held_on: '2026-02-27', notes: '谈话', created_at: NOW })
      expect(rows(db, 'SELECT version, policy_version FROM guidelines')).toEqual([{ version: 1, policy_version: 'default-2026' }])
    },
  },
  4: {
    seed: (db) => {
      const { staff, user } = seedFoundation(db)
      insert(db, 'ledger_entries', { person_id: staff, day: '2026-02-10', kind: 'work', text: '台账', source: 'import', author_id: user, created_at: NOW, voided_at: NOW, voided_by: user, void_reason: '重复' })
      insert(db, 'survey_responses', { person_id: staff, day: '2026-02-10', level: 'satisfied', channel: 'kiosk', response_key: 'k1', source: 'kiosk', recorded_at: NOW })
    },
    check: (db) => {
      const { staff, user } = ids(db)
      expect(rows(db, 'SELECT source, void_reason FROM ledger_entries')).toEqual([{ source: 'import', void_reason: '重复' }])
      const letter = seedLetter(db, staff, user)
      expect(() => insert(db, 'commitment_letters', { person_id: staff, year: 2026, version: 1, state: 'draft', created_at: NOW, updated_at: NOW })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'commitment_letters', { person_id: staff, year: 2026, version: 2, state: 'signed', created_at: NOW, updated_at: NOW })).toThrow(/CHECK/)
      insert(db, 'revision_requests', { letter_id: letter, changes: '[]', reason: '任务调整', state: 'pending', requested_at: NOW })
      expect(() => insert(db, 'revision_requests', { letter_id: letter, changes: '[]', reason: 'x', state: 'maybe', requested_at: NOW })).toThrow(/CHECK/)
    },
  },
  5: {
    seed: (db) => {
      const { staff, user } = seedFoundation(db)
      seedLetter(db, staff, user)
    },
    check: (db) => {
      const { boss, staff, user } = ids(db)
      expect(rows(db, 'SELECT l.state, t.title, t.target FROM commitment_letters l JOIN commitment_tasks t ON t.letter_id = l.id')).toEqual([{ state: 'inForce', title: '办结投诉举报', target: 120 }])
      insert(db, 'quarterly_summaries', { person_id: staff, year: 2026, quarter: 1, text: '小结', submitted_at: NOW, submitted_by: user })
      expect(() => insert(db, 'quarterly_summaries', { person_id: staff, year: 2026, quarter: 5, text: 'x', submitted_at: NOW })).toThrow(/CHECK/)
      expect(() => insert(db, 'quarterly_ratings', { person_id: staff, year: 2026, quarter: 1, performance: 60, potential: 60, fail_mark: 1, fail_reason: ' ', rated_at: NOW })).toThrow(/CHECK/)
      const a = insert(db, 'peer_assignments', { year: 2026, quarter: 1, rater_id: boss, ratee_id: staff, assigned_at: NOW })
      expect(() => insert(db, 'peer_assignments', { year: 2026, quarter: 1, rater_id: staff, ratee_id: staff, assigned_at: NOW })).toThrow(/CHECK/)
      insert(db, 'peer_ratings', { assignment_id: a, score: 88.5, rated_at: NOW })
      const f = insert(db, 'followups', { person_id: staff, year: 2026, quarter: 2, kind: 'interview', deadline: '2026-07-31', opened_at: NOW, updated_at: NOW })
      expect(rows(db, `SELECT state, notes FROM followups WHERE id = ${f}`)).toEqual([{ state: 'open', notes: '' }])
    },
  },
  6: {
    seed: (db) => {
      const { boss, staff, user } = seedFoundation(db)
      const other = insert(db, 'users', { username: 'dongfang', display_name: '董芳', disabled: 0, must_change_password: 0, public_key: 'pk2', person_id: boss, created_at: NOW })
      insert(db, 'tier_key_grants', { user_id: other, tier: 'T3', sealed: 'sealed-2', granted_at: '2026-02-01T00:00:00.000Z' })
      insert(db, 'tier_key_grants', { user_id: other, tier: 'T2', sealed: 'sealed-3', granted_at: '2025-12-01T00:00:00.000Z' })
      insert(db, 'quarterly_ratings', { person_id: staff, year: 2026, quarter: 1, supervisor_id: boss, performance: 55, potential: 70, fail_mark: 1, fail_reason: '未完成任务', rated_at: NOW, rated_by: user })
    },
    check: (db) => {
      const { user } = ids(db)
      const [unit] = rows(db, 'SELECT name, uid FROM unit')
      expect(unit!.name).toBe('示范区市场监督管理局')
      expect(unit!.uid).toMatch(/^[0-9a-f]{32}$/)
      // The T3 key is recorded as made (at its first grant) so it is never made again; no other tier is.
      expect(rows(db, 'SELECT tier, check_value, recovery, created_at FROM tier_keys')).toEqual([{ tier: 'T3', check_value: null, recovery: null, created_at: '2026-01-05T00:00:00.000Z' }])
      // A unit inserted later (restore into a new file) gets its own uid from the trigger.
      db.prepare('DELETE FROM unit').run()
      insert(db, 'unit', { id: 1, name: '新单位', code: 'N', created_at: NOW })
      const [fresh] = rows(db, 'SELECT uid FROM unit')
      expect(fresh!.uid).toMatch(/^[0-9a-f]{32}$/)
      expect(fresh!.uid).not.toBe(unit!.uid)
      insert(db, 'backup_signing_keys', { key_id: 'k1', public_key: 'pub', created_at: NOW })
      insert(db, 'password_resets', { user_id: user, requested_by: user, requested_at: NOW, state: 'pending' })
      expect(() => insert(db, 'password_resets', { user_id: user, requested_by: user, requested_at: NOW, state: 'approved' })).toThrow(/CHECK/)
    },
  },
  7: {
    seed: (db) => {
      const { staff } = seedFoundation(db)
      insert(db, 'survey_responses', { person_id: staff, day: '2026-03-02', level: 'satisfied', channel: 'kiosk', response_key: 'r1', source: 'kiosk', recorded_at: NOW })
      insert(db, 'survey_responses', { person_id: staff, day: '2026-03-02', level: 'dissatisfied', channel: null, response_key: null, source: 'import', source_file: 's.xlsx', recorded_at: NOW })
    },
    check: (db) => {
      const { staff } = ids(db)
      expect(rows(db, 'SELECT level, burst FROM survey_responses ORDER BY id')).toEqual([{ level: 'satisfied', burst: 0 }, { level: 'dissatisfied', burst: 0 }])
      insert(db, 'survey_responses', { person_id: staff, day: '2026-03-02', level: 'satisfied', source: 'kiosk', recorded_at: NOW, burst: 1 })
      expect(() => insert(db, 'survey_responses', { person_id: staff, day: '2026-03-02', level: 'satisfied', source: 'kiosk', recorded_at: NOW, burst: 2 })).toThrow(/CHECK/)
    },
  },
  8: {
    seed: (db) => {
      const { staff, user } = seedFoundation(db)
      seedLetter(db, staff, user)
    },
    check: (db) => {
      const { boss } = ids(db)
      expect(rows(db, 'SELECT state, publicity_start, publicity_working_days FROM commitment_letters')).toEqual([{ state: 'inForce', publicity_start: '2026-03-03', publicity_working_days: null }])
      insert(db, 'commitment_letters', { person_id: boss, year: 2026, version: 1, state: 'publicity', created_at: NOW, updated_at: NOW, publicity_working_days: 5 })
      expect(() => insert(db, 'commitment_letters', { person_id: boss, year: 2026, version: 2, state: 'publicity', created_at: NOW, updated_at: NOW, publicity_working_days: -1 })).toThrow(/CHECK/)
    },
  },
  9: {
    seed: (db) => {
      const { boss, staff, user } = seedFoundation(db)
      insert(db, 'quarterly_summaries', { person_id: staff, year: 2026, quarter: 1, text: '第一季度小结', submitted_at: NOW, submitted_by: user })
      insert(db, 'quarterly_ratings', { person_id: staff, year: 2026, quarter: 1, supervisor_id: boss, performance: 86, potential: 75, fail_mark: 0, rated_at: NOW, rated_by: user })
    },
    check: (db) => {
      const { staff, user } = ids(db)
      expect(rows(db, 'SELECT s.text, r.performance FROM quarterly_summaries s JOIN quarterly_ratings r USING (person_id, year, quarter)')).toEqual([{ text: '第一季度小结', performance: 86 }])
      insert(db, 'quarter_reopenings', { year: 2026, quarter: 1, reason: '补录互评', open_until: '2026-04-30', reopened_by: user, reopened_at: NOW })
      expect(() => insert(db, 'quarter_reopenings', { year: 2026, quarter: 1, reason: '  ', open_until: '2026-04-30', reopened_at: NOW })).toThrow(/CHECK/)
      insert(db, 'quarterly_amendments', { person_id: staff, year: 2026, quarter: 1, before_json: '{"performance":86}', after_json: '{"performance":88}', reason: '更正', amended_by: user, amended_at: NOW })
      insert(db, 'quarterly_summary_drafts', { person_id: staff, year: 2026, quarter: 2, text: '草稿', saved_at: NOW, saved_by: user })
      expect(() => insert(db, 'quarterly_summary_drafts', { person_id: staff, year: 2026, quarter: 2, text: '又一稿', saved_at: NOW })).toThrow(/UNIQUE|PRIMARY/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'quarterly_summary_drafts', { person_id: staff, year: '二〇二六', quarter: 3, text: 'x', saved_at: NOW })).toThrow(/cannot store TEXT/)
    },
  },
  10: {
    seed: (db) => {
      const { boss, staff, user } = seedFoundation(db)
      insert(db, 'quarterly_ratings', { person_id: staff, year: 2026, quarter: 1, supervisor_id: boss, performance: 86, potential: 75, fail_mark: 0, rated_at: NOW, rated_by: user })
    },
    check: (db) => {
      const { staff, user } = ids(db)
      expect(rows(db, 'SELECT performance FROM quarterly_ratings')).toEqual([{ performance: 86 }])
      insert(db, 'democratic_rounds', { year: 2026, status: 'open', opened_by: user, opened_at: NOW })
      expect(() => insert(db, 'democratic_rounds', { year: 2027, status: 'paused', opened_at: NOW })).toThrow(/CHECK/)
      insert(db, 'ballot_code_batches', { year: 2026, batch: 1, colleagues: 1, representatives: 0, issued_by: user, issued_at: NOW })
      insert(db, 'ballot_codes', { code_hash: 'a'.repeat(64), year: 2026, category: 'colleague', batch: 1 })
      expect(rows(db, 'SELECT consumed FROM ballot_codes')).toEqual([{ consumed: 0 }])
      expect(() => insert(db, 'ballot_codes', { code_hash: 'b'.repeat(64), year: 2026, category: 'voter', batch: 1 })).toThrow(/CHECK/)
      insert(db, 'ballots', { id: '0'.repeat(32), year: 2026, category: 'representative', uniform: 0 })
      insert(db, 'ballot_cells', { ballot_id: '0'.repeat(32), person_id: staff, dimension: 'de', level: '称职' })
      expect(() => insert(db, 'ballot_cells', { ballot_id: '0'.repeat(32), person_id: staff, dimension: 'de', level: '优秀' })).toThrow(/UNIQUE|PRIMARY/)
      expect(() => insert(db, 'ballot_cells', { ballot_id: '0'.repeat(32), person_id: staff, dimension: 'neng', level: '良好' })).toThrow(/CHECK/)
      insert(db, 'ballot_tallies', { year: 2026, person_id: staff, dimension: 'ji', category: 'colleague', level: '优秀', count: 4 })
      expect(() => insert(db, 'ballot_tallies', { year: 2026, person_id: staff, dimension: 'ji', category: 'colleague', level: '称职', count: -1 })).toThrow(/CHECK/)
      insert(db, 'ballot_tally_sheets', { year: 2026, category: 'colleague', valid_sheets: 10, imported_by: user, imported_at: NOW })
      // No rowid: the ballot tables are WITHOUT ROWID, so storage order is the random key's.
      expect(() => rows(db, 'SELECT rowid FROM ballots')).toThrow(/rowid/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'ballots', { id: '1'.repeat(32), year: '二〇二六', category: 'colleague', uniform: 0 })).toThrow(/cannot store TEXT/)
    },
  },
  11: {
    seed: (db) => {
      const { boss, staff, user } = seedFoundation(db)
      insert(db, 'quarterly_ratings', { person_id: staff, year: 2026, quarter: 1, supervisor_id: boss, performance: 86, potential: 75, fail_mark: 0, rated_at: NOW, rated_by: user })
    },
    check: (db) => {
      const { boss, staff, user } = ids(db)
      expect(rows(db, 'SELECT performance FROM quarterly_ratings')).toEqual([{ performance: 86 }])
      const sheet = insert(db, 'leadership_sheets', { year: 2026, rater_id: boss, person_id: staff, status: 'draft', source: 'sheet', saved_at: NOW, saved_by: user })
      insert(db, 'leadership_scores', { sheet_id: sheet, indicator_id: 'political', score_hundredths: 9050 })
      expect(() => insert(db, 'leadership_scores', { sheet_id: sheet, indicator_id: 'ethics', score_hundredths: 10001 })).toThrow(/CHECK/)
      expect(() => insert(db, 'leadership_sheets', { year: 2026, rater_id: boss, person_id: boss, status: 'draft', source: 'sheet', saved_at: NOW })).toThrow(/CHECK/)
      expect(() => insert(db, 'leadership_sheets', { year: 2026, rater_id: staff, person_id: boss, status: 'submitted', source: 'sheet', saved_at: NOW })).toThrow(/CHECK/)
      insert(db, 'recusals', { year: 2026, rater_id: boss, person_id: boss, reason: 'self', recorded_by: user, recorded_at: NOW })
      expect(() => insert(db, 'recusals', { year: 2026, rater_id: boss, person_id: staff, reason: 'friend', recorded_at: NOW })).toThrow(/CHECK/)
      insert(db, 'close_relatives', { person_a: boss, person_b: staff, relation: '配偶', recorded_at: NOW })
      expect(() => insert(db, 'close_relatives', { person_a: staff, person_b: boss, relation: '配偶', recorded_at: NOW })).toThrow(/CHECK/)
      insert(db, 'integrity_reviews', { year: 2026, person_id: staff, status: 'pending', recorded_at: NOW })
      expect(() => insert(db, 'integrity_reviews', { year: 2026, person_id: boss, status: 'completed', recorded_at: NOW })).toThrow(/CHECK/)
      expect(() => insert(db, 'integrity_reviews', { year: 2026, person_id: boss, status: 'completed', finding: 'minor', minor_count: 0, recorded_at: NOW })).toThrow(/CHECK/)
      insert(db, 'integrity_reviews', { year: 2026, person_id: boss, status: 'completed', finding: 'minor', minor_count: 2, details_t3: '{}', recorded_at: NOW })
      insert(db, 'sanctions', { person_id: staff, name: '诫勉', decided_on: '2026-05-01', effective_from: '2026-05-01', recorded_at: NOW })
      expect(() => insert(db, 'sanctions', { person_id: staff, name: '诫勉', decided_on: '2026-05-01', effective_from: '2026-05-01', effective_to: '2026-04-01', recorded_at: NOW })).toThrow(/CHECK/)
      insert(db, 'investigations', { person_id: staff, opened_on: '2026-06-01', recorded_at: NOW })
      insert(db, 'leads', { lodged_on: '2026-06-02', channel: 'kiosk', text_t3: '{}', status: 'received', updated_on: '2026-06-02' })
      expect(() => insert(db, 'leads', { lodged_on: '2026-06-02', channel: 'kiosk', text_t3: '{}', status: 'concluded', updated_on: '2026-06-02' })).toThrow(/CHECK/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'recusals', { year: '二〇二六', rater_id: staff, person_id: boss, reason: 'self', recorded_at: NOW })).toThrow(/cannot store TEXT/)
    },
  },
  12: {
    seed: (db) => {
      const { boss, staff, user } = seedFoundation(db)
      insert(db, 'quarterly_ratings', { person_id: staff, year: 2026, quarter: 1, supervisor_id: boss, performance: 86, potential: 75, fail_mark: 0, rated_at: NOW, rated_by: user })
    },
    check: (db) => {
      const { staff, user } = ids(db)
      expect(rows(db, 'SELECT performance FROM quarterly_ratings')).toEqual([{ performance: 86 }])
      insert(db, 'annual_rounds', { year: 2026, stage: 'proposed', inputs_sha256: 'a'.repeat(64), n: 8, k: 1, result_json: '{}', proposed_by: user, proposed_at: NOW })
      expect(() => insert(db, 'annual_rounds', { year: 2027, stage: 'final', inputs_sha256: 'a', n: 1, k: 0, result_json: '{}', proposed_at: NOW })).toThrow(/CHECK/)
      insert(db, 'annual_approvals', { year: 2026, document: '某组干〔2027〕3号', approved_count: 3, recorded_at: NOW })
      expect(() => insert(db, 'annual_approvals', { year: 2027, document: 'x', approved_count: 3, approved_rate: '20', recorded_at: NOW })).toThrow(/CHECK/)
      insert(db, 'annual_grades', { year: 2026, person_id: staff, proposed: 'TIE', grade: '优秀', t: 95.2, reason: '领导小组决定', changed_by: user, changed_at: NOW })
      insert(db, 'prior_grades', { year: 2025, person_id: staff, grade: '不称职', recorded_at: NOW })
      expect(() => insert(db, 'prior_grades', { year: 2024, person_id: staff, grade: '良好', recorded_at: NOW })).toThrow(/CHECK/)
      insert(db, 'rectification_plans', { person_id: staff, starts_on: '2026-03-01', ends_on: '2026-05-31', reason: '基本称职整改', recorded_at: NOW })
      expect(() => insert(db, 'rectification_plans', { person_id: staff, starts_on: '2026-03-01', ends_on: '2026-02-01', reason: 'x', recorded_at: NOW })).toThrow(/CHECK/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'annual_grades', { year: '二〇二六', person_id: staff, proposed: '称职', grade: '称职' })).toThrow(/cannot store TEXT/)
    },
  },
  13: {
    seed: (db) => {
      const { staff } = seedFoundation(db)
      insert(db, 'annual_grades', { year: 2026, person_id: staff, proposed: '称职', grade: '称职', t: 88.1 })
    },
    check: (db) => {
      const { boss, staff, user } = ids(db)
      expect(rows(db, 'SELECT grade FROM annual_grades')).toEqual([{ grade: '称职' }])
      const form = { year: 2026, person_id: staff, version: 1, status: 'draft', grade: '称职', content_json: '{}', interviewer_id: boss, verification_code: 'AAAA-BBBB-CCCC', created_by: user, created_at: NOW }
      const id = insert(db, 'feedback_forms', form)
      expect(() => insert(db, 'feedback_forms', { ...form, verification_code: 'AAAA-BBBB-DDDD' })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'feedback_forms', { ...form, version: 2, verification_code: 'X', grade: '不定等次' })).toThrow(/CHECK/)
      expect(() => insert(db, 'feedback_forms', { ...form, version: 2, verification_code: 'Y', status: 'sealed' })).toThrow(/CHECK/)
      db.prepare(`UPDATE feedback_forms SET status = 'sealed', sealed_json = '{}', sha256 = '${'a'.repeat(64)}', sealed_at = '${NOW}' WHERE id = ${id}`).run()
      // Sealed: content, signatures and seal are refused; voiding is the only change left.
      expect(() => db.prepare(`UPDATE feedback_forms SET strengths = 'x' WHERE id = ${id}`).run()).toThrow(/sealed/)
      expect(() => db.prepare(`UPDATE feedback_forms SET sha256 = '${'b'.repeat(64)}' WHERE id = ${id}`).run()).toThrow(/sealed/)
      expect(() => db.prepare(`DELETE FROM feedback_forms WHERE id = ${id}`).run()).toThrow(/sealed/)
      db.prepare(`UPDATE feedback_forms SET status = 'voided', voided_at = '${NOW}', void_reason = '更正' WHERE id = ${id}`).run()
      expect(() => insert(db, 'feedback_forms', { ...form, version: '二', verification_code: 'Z' })).toThrow(/cannot store TEXT/)
    },
  },
  14: {
    seed: (db) => {
      seedFoundation(db)
    },
    check: (db) => {
      const { boss, staff, user } = ids(db)
      // The person fields arrive empty for everyone already in the unit, and take only valid values.
      expect(rows(db, `SELECT gender, birth_month, political_status, post_since FROM people WHERE id = ${staff}`)).toEqual([{ gender: null, birth_month: null, political_status: null, post_since: null }])
      db.prepare(`UPDATE people SET gender = '女', birth_month = '1988-07', political_status = '中共党员', post_since = '2021-03' WHERE id = ${staff}`).run()
      expect(() => db.prepare(`UPDATE people SET gender = 'F' WHERE id = ${staff}`).run()).toThrow(/CHECK/)
      expect(() => db.prepare(`UPDATE people SET birth_month = '1988-13' WHERE id = ${staff}`).run()).toThrow(/CHECK/)
      expect(() => db.prepare(`UPDATE people SET post_since = '2021.03' WHERE id = ${staff}`).run()).toThrow(/CHECK/)
      insert(db, 'register_parts', { year: 2026, person_id: staff, part: 'summary', text: '年度总结', status: 'draft', written_by: user, writer_person_id: staff, written_at: NOW })
      insert(db, 'register_parts', { year: 2026, person_id: staff, part: 'supervisor', text: '评语', suggested_grade: '称职', status: 'submitted', written_by: user, writer_person_id: boss, written_at: NOW, submitted_at: NOW })
      expect(() => insert(db, 'register_parts', { year: 2026, person_id: staff, part: 'summary', text: 'x', status: 'draft', written_at: NOW })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'register_parts', { year: 2026, person_id: staff, part: 'head', text: 'x', status: 'submitted', written_at: NOW })).toThrow(/CHECK/)
      expect(() => insert(db, 'register_parts', { year: 2026, person_id: staff, part: 'opinion', text: 'x', suggested_grade: '称职', status: 'draft', written_at: NOW })).toThrow(/CHECK/)
      expect(() => insert(db, 'register_parts', { year: 2026, person_id: staff, part: 'remarks', text: 'x', status: 'draft', written_at: NOW })).toThrow(/CHECK/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'register_parts', { year: '二〇二六', person_id: staff, part: 'head', text: 'x', status: 'draft', written_at: NOW })).toThrow(/cannot store TEXT/)
    },
  },
  15: {
    seed: (db) => {
      const { staff } = seedFoundation(db)
      insert(db, 'annual_grades', { year: 2025, person_id: staff, proposed: '基本称职', grade: '基本称职', t: 70.5 })
    },
    check: (db) => {
      const { staff, user } = ids(db)
      expect(rows(db, 'SELECT grade FROM annual_grades')).toEqual([{ grade: '基本称职' }])
      const a = { year: 2025, person_id: staff, route: 'internal', delivered_on: '2026-03-02', filed_on: '2026-03-03', window_until: '2026-03-16', due_on: '2026-03-23', grade_before: '基本称职', grade_asked: '称职', text: '申诉理由', status: 'pending', filed_by: user, created_at: NOW }
      const id = insert(db, 'appeals', a)
      // One open internal appeal per person and year; a withdrawn one does not count.
      expect(() => insert(db, 'appeals', a)).toThrow(/UNIQUE/)
      expect(() => insert(db, 'appeals', { ...a, route: 'other' })).toThrow(/CHECK/)
      expect(() => insert(db, 'appeals', { ...a, route: 'review', filed_on: '2026-3-3' })).toThrow(/CHECK/)
      expect(() => insert(db, 'appeals', { ...a, route: 'review', text: '' })).toThrow(/CHECK/)
      // Answered iff not pending; upheld names the new grade.
      expect(() => db.prepare(`UPDATE appeals SET status = 'upheld', answered_on = '2026-03-10' WHERE id = ${id}`).run()).toThrow(/CHECK/)
      expect(() => db.prepare(`UPDATE appeals SET status = 'refused' WHERE id = ${id}`).run()).toThrow(/CHECK/)
      db.prepare(`UPDATE appeals SET status = 'upheld', answered_on = '2026-03-10', grade_after = '称职' WHERE id = ${id}`).run()
      insert(db, 'appeals', a)
      expect(() => insert(db, 'appeals', { ...a, route: 'review', extended: '是' })).toThrow(/cannot store TEXT/)
    },
  },
  16: {
    seed: (db) => {
      const { staff, user } = seedFoundation(db)
      insert(db, 'annual_grades', { year: 2025, person_id: staff, proposed: '基本称职', grade: '基本称职', t: 68.5 })
      insert(db, 'rectification_plans', { person_id: staff, starts_on: '2026-02-20', ends_on: '2026-05-19', reason: '基本称职整改', recorded_by: user, recorded_at: NOW })
    },
    check: (db) => {
      const { boss, staff, user } = ids(db)
      expect(rows(db, 'SELECT grade FROM annual_grades')).toEqual([{ grade: '基本称职' }])
      const plan = (rows(db, 'SELECT id FROM rectification_plans') as { id: number }[])[0]!.id
      insert(db, 'bonus_settings', { year: 2025, base_fen: 1_200_000, budget_fen: 60_000_000, set_by: user, set_at: NOW })
      expect(() => insert(db, 'bonus_settings', { year: 2026, base_fen: -1, budget_fen: 0, set_at: NOW })).toThrow(/CHECK/)
      const f = { year: 2025, person_id: staff, kind: 'rectification', owner_person_id: boss, due_on: '2026-05-19', rectification_plan_id: plan, created_by: user, created_at: NOW }
      const id = insert(db, 'result_followups', f)
      expect(() => insert(db, 'result_followups', f)).toThrow(/UNIQUE/)
      expect(() => insert(db, 'result_followups', { ...f, kind: 'bonus' })).toThrow(/CHECK/)
      // Exactly one owner: a person or HR.
      expect(() => insert(db, 'result_followups', { ...f, kind: 'admonitionTalk', owner_role: 'hr' })).toThrow(/CHECK/)
      expect(() => insert(db, 'result_followups', { ...f, kind: 'admonitionTalk', owner_person_id: null })).toThrow(/CHECK/)
      // Done needs a note.
      expect(() => db.prepare(`UPDATE result_followups SET done_on = '2026-03-01' WHERE id = ${id}`).run()).toThrow(/CHECK/)
      db.prepare(`UPDATE result_followups SET done_on = '2026-03-01', note = '已制定整改计划' WHERE id = ${id}`).run()
      insert(db, 'outcome_lists', { list: 'talentPool', year: 2025, person_id: staff, source: 'manual', reason: '业务骨干', added_at: NOW })
      expect(() => insert(db, 'outcome_lists', { list: 'talentPool', year: 2025, person_id: staff, source: 'grade', reason: 'x', added_at: NOW })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'outcome_lists', { list: 'pool', year: 2025, person_id: staff, source: 'grade', reason: 'x', added_at: NOW })).toThrow(/CHECK/)
      expect(() => db.prepare(`UPDATE outcome_lists SET removed_at = '${NOW}'`).run()).toThrow(/CHECK/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'bonus_settings', { year: 2027, base_fen: '一万', budget_fen: 0, set_at: NOW })).toThrow(/cannot store TEXT/)
    },
  },
  17: {
    seed: (db) => {
      const { staff } = seedFoundation(db)
      insert(db, 'annual_grades', { year: 2025, person_id: staff, proposed: '称职', grade: '称职', t: 84.5 })
    },
    check: (db) => {
      const { boss, staff, user } = ids(db)
      expect(rows(db, 'SELECT grade FROM annual_grades')).toEqual([{ grade: '称职' }])
      const s = { year: 2026, kind: 'assessor', title: '考核者培训', held_on: '2026-02-26', hours: 3, created_by: user, created_at: NOW }
      const sid = insert(db, 'training_sessions', s)
      // The date lies in the session's year; kinds, titles and hours are checked.
      expect(() => insert(db, 'training_sessions', { ...s, held_on: '2025-12-30' })).toThrow(/CHECK/)
      expect(() => insert(db, 'training_sessions', { ...s, held_on: '2026-2-26' })).toThrow(/CHECK/)
      expect(() => insert(db, 'training_sessions', { ...s, kind: 'lecture' })).toThrow(/CHECK/)
      expect(() => insert(db, 'training_sessions', { ...s, title: '  ' })).toThrow(/CHECK/)
      expect(() => insert(db, 'training_sessions', { ...s, hours: 0 })).toThrow(/CHECK/)
      insert(db, 'training_attendance', { session_id: sid, person_id: boss, recorded_by: user, recorded_at: NOW })
      expect(() => insert(db, 'training_attendance', { session_id: sid, person_id: boss, recorded_at: NOW })).toThrow(/UNIQUE|PRIMARY/)
      expect(() => insert(db, 'training_attendance', { session_id: 99999, person_id: boss, recorded_at: NOW })).toThrow(/FOREIGN KEY/)
      const e = { year: 2025, person_id: staff, need_key: 'neng', need_zh: '能（维度）', need_en: 'Ability (dimension)', suggestion: '参加业务培训', status: 'planned', created_by: user, created_at: NOW }
      const eid = insert(db, 'training_enrolments', e)
      // One open enrolment per need; a cancelled one needs its reason, an attended one its session.
      expect(() => insert(db, 'training_enrolments', e)).toThrow(/UNIQUE/)
      expect(() => db.prepare(`UPDATE training_enrolments SET status = 'cancelled' WHERE id = ${eid}`).run()).toThrow(/CHECK/)
      expect(() => db.prepare(`UPDATE training_enrolments SET status = 'attended' WHERE id = ${eid}`).run()).toThrow(/CHECK/)
      db.prepare(`UPDATE training_enrolments SET status = 'cancelled', cancel_reason = '调离', closed_at = '${NOW}' WHERE id = ${eid}`).run()
      insert(db, 'training_enrolments', { ...e, session_id: sid })
      expect(() => insert(db, 'training_enrolments', { ...e, need_key: 'de', status: 'done' })).toThrow(/CHECK/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'training_sessions', { ...s, hours: '三' })).toThrow(/cannot store TEXT/)
    },
  },
  18: {
    seed: (db) => {
      const { staff } = seedFoundation(db)
      insert(db, 'annual_grades', { year: 2025, person_id: staff, proposed: '称职', grade: '称职', t: 86.5 })
    },
    check: (db) => {
      const { user } = ids(db)
      expect(rows(db, 'SELECT grade FROM annual_grades')).toEqual([{ grade: '称职' }])
      // Seeded from resources/results/training-suggestions.json: the five dimensions and the plan's example.
      const seeded = rows(db, 'SELECT key, kind, suggestion FROM training_suggestions') as { key: string; kind: string; suggestion: string }[]
      expect(seeded.filter((r) => r.kind === 'dimension').map((r) => r.key).sort()).toEqual(['de', 'ji', 'lian', 'neng', 'qin'])
      expect(seeded.find((r) => r.key === 'innovation')?.suggestion).toContain('赴先进地区跟班学习')
      db.prepare(`UPDATE training_suggestions SET suggestion = '跟班学习三个月', updated_by = ${user}, updated_at = '${NOW}' WHERE key = 'innovation'`).run()
      expect(() => db.prepare("UPDATE training_suggestions SET suggestion = '  ' WHERE key = 'de'").run()).toThrow(/CHECK/)
      expect(() => insert(db, 'training_suggestions', { key: 'Bad Key', kind: 'indicator', suggestion: 'x' })).toThrow(/CHECK/)
      expect(() => insert(db, 'training_suggestions', { key: 'extra', kind: 'other', suggestion: 'x' })).toThrow(/CHECK/)
      expect(() => insert(db, 'training_suggestions', { key: 'de', kind: 'dimension', suggestion: 'x' })).toThrow(/UNIQUE|PRIMARY/)
      expect(() => insert(db, 'training_suggestions', { key: 'extra', kind: 'indicator', suggestion: 'x', updated_by: 99999 })).toThrow(/FOREIGN KEY/)
    },
  },
  19: {
    seed: (db) => {
      const { staff } = seedFoundation(db)
      insert(db, 'annual_grades', { year: 2025, person_id: staff, proposed: '称职', grade: '称职', t: 86.5 })
    },
    check: (db) => {
      // An office in use is a unit; a superior office is only made so at set-up.
      expect(rows(db, 'SELECT kind FROM unit')).toEqual([{ kind: 'unit' }])
      expect(() => db.prepare("UPDATE unit SET kind = 'county'").run()).toThrow(/CHECK/)
      const uid = 'a'.repeat(32)
      insert(db, 'offices', { uid, code: 'SJ', name: '示范县委组织部', kind: 'superior', registered_at: NOW })
      expect(() => insert(db, 'offices', { uid: 'b'.repeat(32), code: 'X', name: 'x', kind: 'county', registered_at: NOW })).toThrow(/CHECK/)
      const key = { key_id: '0123456789abcdef', office_uid: uid, signing_public: 'pk', encryption_recipient: 'age1x', fingerprint: '1', card: '{}', status: 'active', imported_at: NOW }
      insert(db, 'office_peer_keys', key)
      expect(() => insert(db, 'office_peer_keys', { ...key, key_id: 'fedcba9876543210', status: 'lost' })).toThrow(/CHECK/)
      expect(() => insert(db, 'office_peer_keys', { ...key, key_id: 'fedcba9876543211', office_uid: 'c'.repeat(32) })).toThrow(/FOREIGN KEY/)
      const pkg = { package_id: 'd'.repeat(32), direction: 'out', kind: 'results', peer_uid: uid, sequence: 1, period: '2025', manifest_sha256: 'e'.repeat(64), bytes: 100, summary: '{}', at: NOW }
      insert(db, 'packages', pkg)
      // One sequence number per channel and direction: a second package 1 to the same office is refused.
      expect(() => insert(db, 'packages', { ...pkg, package_id: 'f'.repeat(32) })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'packages', { ...pkg, package_id: '1'.repeat(32), sequence: 0 })).toThrow(/CHECK/)
      expect(() => insert(db, 'packages', { ...pkg, package_id: '2'.repeat(32), sequence: 2, kind: 'ledger' })).toThrow(/CHECK/)
      insert(db, 'package_files', { package_id: pkg.package_id, content: Buffer.from([1, 2, 3]) })
      expect(() => insert(db, 'package_files', { package_id: '3'.repeat(32), content: Buffer.from([1]) })).toThrow(/FOREIGN KEY/)
      const row = { unit_uid: uid, year: 2025, staff_no: '0101', name: '张三', post: '科员', rank: '一级科员', category: 'general', grade: '称职', t: 86.5 }
      insert(db, 'superior_results', row)
      expect(() => insert(db, 'superior_results', { ...row, staff_no: '0102', grade: '良好' })).toThrow(/CHECK/)
      // STRICT: a value of the wrong type is refused, not stored.
      expect(() => insert(db, 'superior_results', { ...row, staff_no: '0103', t: '八十' })).toThrow(/cannot store TEXT/)
    },
  },
}

function tempDb(): SqliteDatabase {
  return openEncrypted(join(tempDir(), 'upgrade.kaohe'), randomBytes(32))
}

/** The tables a migration creates that are not declared STRICT (applied to a database at its previous version). */
function nonStrictTablesCreated(db: SqliteDatabase, m: Pick<Migration, 'sql'>): string[] {
  const before = new Set(tables(db))
  db.exec(m.sql)
  const list = db.pragma('table_list') as { schema: string; name: string; type: string; strict: number }[]
  return list.filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !before.has(t.name) && t.strict !== 1).map((t) => t.name).sort()
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order, each with a distinct name and an upgrade case', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length)
    expect(Object.keys(CASES).map(Number).sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('stop at the version asked for, then continue from it', () => {
    const db = tempDb()
    expect(migrate(db, 3)).toEqual([1, 2, 3])
    expect(schemaVersion(db)).toBe(3)
    expect(migrate(db)).toEqual(MIGRATIONS.slice(3).map((m) => m.version))
    db.close()
  })

  for (const m of MIGRATIONS) {
    it(`${m.version} (${m.name}) upgrades a database in use at version ${m.version - 1}, keeping its rows`, () => {
      const c = CASES[m.version]
      if (!c) throw new Error(`migration ${m.version} has no upgrade case in test/db/migrations.test.ts`)
      const db = tempDb()
      migrate(db, m.version - 1)
      c.seed(db)
      const before = snapshot(db)
      expect(migrate(db, m.version)).toEqual([m.version])
      expect(schemaVersion(db)).toBe(m.version)
      expect(rows(db, `SELECT name FROM schema_migrations WHERE version = ${m.version}`)).toEqual([{ name: m.name }])
      // Every row of every table that existed carries over unchanged, in the columns it had.
      for (const [table, { cols, rows: old }] of before) {
        const now = db.prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`).raw().all()
        expect(now, table).toEqual(old)
      }
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      c.check(db)
      db.close()
    })
  }

  it('STRICT from now on: every table created after the last released non-STRICT migration is STRICT', () => {
    // The rule is frozen at the last migration released before it; raising the number would exempt new tables.
    expect(LAST_NON_STRICT_VERSION).toBe(8)
    const db = tempDb()
    migrate(db, LAST_NON_STRICT_VERSION)
    for (const m of MIGRATIONS.filter((x) => x.version > LAST_NON_STRICT_VERSION)) {
      db.transaction(() => expect(nonStrictTablesCreated(db, m), `migration ${m.version}`).toEqual([]))()
    }
    db.close()
  })

  it('the STRICT check finds a table created without STRICT and passes one created with it', () => {
    const db = tempDb()
    migrate(db)
    expect(nonStrictTablesCreated(db, { sql: 'CREATE TABLE loose_new (a TEXT); CREATE TABLE strict_new (a TEXT) STRICT;' })).toEqual(['loose_new'])
    expect(() => db.prepare("INSERT INTO strict_new (a) VALUES (?)").run(Buffer.from([1]))).toThrow(/cannot store BLOB/)
    db.close()
  })
})
