import type { Generated } from 'kysely'

/**
 * Kysely table types. They mirror migrations.ts; the migration test checks the two agree.
 * Booleans are 0/1 integers, dates ISO strings.
 */
export interface UnitTable {
  id: number
  name: string
  code: string
  created_at: string
  /** Random id of the unit (set by a trigger at insert): backups name the unit they belong to. */
  uid: Generated<string | null>
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  disabled: number
  must_change_password: number
  /** X25519 public key (raw, base64) that tier keys are sealed to; the private key lives in the slot. */
  public_key: string
  person_id: number | null
  created_at: string
}

export interface UserRoleTable {
  user_id: number
  role: string
  granted_by: number | null
  granted_at: string
}

/** A tier key (T3) sealed to one holder's public key. */
export interface TierKeyGrantTable {
  user_id: number
  tier: string
  sealed: string
  granted_at: string
}

export interface AuditLogTable {
  seq: number
  at: string
  actor_id: number | null
  actor: string | null
  action: string
  target: string | null
  outcome: string
  detail: string
  prev_hash: string
  hash: string
}

/** 科室 */
export interface DepartmentTable {
  id: Generated<number>
  name: string
  code: string
  sort_order: number
}

/** 公务员: one person of the unit (not an account; an account may be linked to a person). */
export interface PersonTable {
  id: Generated<number>
  staff_no: string
  name: string
  department_id: number | null
  post: string
  /** 岗位类别: general 综合管理, enforcement 行政执法, technical 专业技术 */
  category: string
  rank: string
  supervisor_id: number | null
  risk_post: number
  status: string
  joined_on: string | null
  left_on: string | null
}

/** One period of a person's assignment (who was where from when); valid_to is exclusive, NULL while current. */
export interface PersonPeriodTable {
  id: Generated<number>
  person_id: number
  valid_from: string
  valid_to: string | null
  department_id: number | null
  post: string
  category: string
  rank: string
  supervisor_id: number | null
  risk_post: number
  status: string
  reason: string
  recorded_by: number | null
  recorded_at: string
}

/** Membership of the leadership group (head, member) and the discipline office, with dates. */
export interface OrgGroupTable {
  id: Generated<number>
  person_id: number
  role: string
  valid_from: string
  valid_to: string | null
}

/** A year's official holiday table imported after release (it replaces a shipped one). */
export interface CalendarYearTable {
  year: number
  source: string
  body: string
  imported_at: string
  imported_by: number | null
}

/** A year's policy imported (pending the head's approval, then in force) or received in a package. */
export interface PolicyTable {
  id: Generated<number>
  year: number
  version: string
  source: string
  body: string
  status: string
  proposed_by: number | null
  proposed_at: string
  decided_by: number | null
  decided_at: string | null
  reason: string | null
}

/** A published version of a year's guideline; never changed after publishing. */
export interface GuidelineTable {
  id: Generated<number>
  year: number
  version: number
  body: string
  reason: string | null
  policy_version: string
  published_at: string
  published_by: number | null
  publicity_start: string
  publicity_end: string
  effective_on: string
}

/** The draft (first version or a revision) being edited for a year. */
export interface GuidelineDraftTable {
  year: number
  body: string
  reason: string | null
  base_version: number | null
  updated_at: string
  updated_by: number | null
}

/** 台账: one entry a supervisor (or an HR import) recorded about a person; voided, never deleted. */
export interface LedgerEntryTable {
  id: Generated<number>
  person_id: number
  day: string
  kind: string
  text: string
  task_ref: string | null
  progress: number | null
  source: string
  author_id: number | null
  created_at: string
  voided_at: string | null
  voided_by: number | null
  void_reason: string | null
}

export interface LedgerAttachmentTable {
  id: Generated<number>
  entry_id: number
  file_name: string
  mime: string
  size: number
  sha256: string
  content: Buffer
  created_at: string
}

/** 考勤: one status of one person on one day, from an attendance-machine export (upserted: idempotent). */
export interface AttendanceRecordTable {
  person_id: number
  day: string
  status: string
  hours: number | null
  source_file: string
  imported_at: string
  imported_by: number | null
}

/** 服务评价: one service recipient's rating of one official. Who rated is never stored. */
export interface SurveyResponseTable {
  id: Generated<number>
  person_id: number
  day: string
  level: string
  channel: string | null
  response_key: string | null
  source: string
  source_file: string | null
  recorded_at: string
  /** 1: a kiosk rating that came too soon after another of the same official (policy kiosk.burstSeconds). */
  burst: Generated<number>
}

/** 每月沟通: the supervisor's monthly talk with a person. */
export interface MonthlyTalkTable {
  id: Generated<number>
  person_id: number
  month: string
  held_on: string
  supervisor_id: number | null
  notes: string
  recorded_by: number | null
  created_at: string
  voided_at: string | null
  void_reason: string | null
}

/** 《个人绩效承诺书》: one version of a person's letter for a year. */
export interface CommitmentLetterTable {
  id: Generated<number>
  person_id: number
  year: number
  version: number
  state: string
  created_at: string
  created_by: number | null
  updated_at: string
  submitted_at: string | null
  reviewed_by: number | null
  reviewed_at: string | null
  return_reason: string | null
  publicity_start: string | null
  publicity_end: string | null
  effective_on: string | null
  /** The P7 working days the publicity was counted with (null on letters approved before it was kept). */
  publicity_working_days: number | null
  revision_id: number | null
  revision_reason: string | null
}

/** One task of a letter version; `task_key` is stable across versions. */
export interface CommitmentTaskTable {
  id: Generated<number>
  letter_id: number
  task_key: string
  sort_order: number
  title: string
  target: number
  unit: string
  deadline: string
  goal: string
  completed_on: string | null
  withdrawn: number
}

/** 动态调整: a person's request to revise their approved letter, decided by the leadership group. */
export interface RevisionRequestTable {
  id: Generated<number>
  letter_id: number
  changes: string
  reason: string
  state: string
  requested_by: number | null
  requested_at: string
  decided_by: number | null
  decided_at: string | null
  decision_reason: string | null
  new_letter_id: number | null
}

/** 《季度工作小结》: the person's summary of a quarter. */
export interface QuarterlySummaryTable {
  id: Generated<number>
  person_id: number
  year: number
  quarter: number
  text: string
  submitted_at: string
  submitted_by: number | null
}

/** The direct supervisor's 业绩 and 潜力 ratings of a quarter, with an optional written 不达标 mark. */
export interface QuarterlyRatingTable {
  id: Generated<number>
  person_id: number
  year: number
  quarter: number
  supervisor_id: number | null
  performance: number
  potential: number
  fail_mark: number
  fail_reason: string | null
  rated_at: string
  rated_by: number | null
}

/** 互评: HR assigns a peer (rater) to rate a colleague (ratee) in a quarter. */
export interface PeerAssignmentTable {
  id: Generated<number>
  year: number
  quarter: number
  rater_id: number
  ratee_id: number
  assigned_by: number | null
  assigned_at: string
}

/** One peer's rating under an assignment; only ever read back as a mean, or by the rater. */
export interface PeerRatingTable {
  assignment_id: number
  score: number
  rated_at: string
}

/** 约谈 and 帮扶计划 opened by two consecutive 不达标 quarters. */
export interface FollowupTable {
  id: Generated<number>
  person_id: number
  year: number
  quarter: number
  kind: string
  owner_id: number | null
  deadline: string
  state: string
  notes: string
  opened_at: string
  updated_at: string
  updated_by: number | null
}

/** 备份签名密钥: the unit's Ed25519 public keys; the private key is sealed to system administrators only. */
export interface BackupSigningKeyTable {
  key_id: string
  public_key: string
  created_at: string
  retired_at: string | null
}

/** That a tier key was ever made (so it is never made again), its check value and recovery box. */
export interface TierKeyTable {
  tier: string
  check_value: string | null
  recovery: string | null
  created_at: string
}

/** A password reset of one account: two administrators for a content account. */
export interface PasswordResetTable {
  id: Generated<number>
  user_id: number
  requested_by: number
  requested_at: string
  decided_by: number | null
  decided_at: string | null
  state: 'pending' | 'done' | 'refused'
  notified_at: string | null
}

export interface SchemaMigrationTable {
  version: number
  name: string
  applied_at: string
}

export interface DB {
  unit: UnitTable
  users: UserTable
  user_roles: UserRoleTable
  tier_key_grants: TierKeyGrantTable
  audit_log: AuditLogTable
  departments: DepartmentTable
  people: PersonTable
  person_periods: PersonPeriodTable
  org_groups: OrgGroupTable
  calendar_years: CalendarYearTable
  policies: PolicyTable
  guidelines: GuidelineTable
  guideline_drafts: GuidelineDraftTable
  ledger_entries: LedgerEntryTable
  ledger_attachments: LedgerAttachmentTable
  attendance_records: AttendanceRecordTable
  survey_responses: SurveyResponseTable
  monthly_talks: MonthlyTalkTable
  commitment_letters: CommitmentLetterTable
  commitment_tasks: CommitmentTaskTable
  revision_requests: RevisionRequestTable
  quarterly_summaries: QuarterlySummaryTable
  quarterly_ratings: QuarterlyRatingTable
  peer_assignments: PeerAssignmentTable
  peer_ratings: PeerRatingTable
  followups: FollowupTable
  schema_migrations: SchemaMigrationTable
  backup_signing_keys: BackupSigningKeyTable
  tier_keys: TierKeyTable
  password_resets: PasswordResetTable
}
