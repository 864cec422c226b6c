import type { Generated, Insertable, Selectable } from 'kysely'
import type { CommitmentState, RevisionState } from '@shared/commitments'
import type { Dimension, PostCategory } from '@shared/guideline/model'
import type { LedgerKind } from '@shared/ledger'
import type { EmploymentStatus } from '@shared/org'
import type { FollowupKind, FollowupState } from '@shared/quarterly'
import type { Role, Tier } from '@shared/roles'
import type { BallotLevel, VoterCategory } from '@shared/annual'
import type { EnrolmentStatus, TrainingKind } from '@shared/training'
import type { OfficeKind, PackageKind } from '@shared/bundles'

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
  /** A grassroots unit or the higher-level office (migration 19). */
  kind: Generated<OfficeKind>
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
  role: Role
  granted_by: number | null
  granted_at: string
}

/** A tier key (T3) sealed to one holder's public key. */
export interface TierKeyGrantTable {
  user_id: number
  /** T3, or SIGN for the backup signing key's sealed private key (core/backup/signingKey.ts). */
  tier: Tier | 'SIGN' | `OFFICE:${string}`
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
  outcome: 'ok' | 'denied' | 'failed'
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
  category: PostCategory
  rank: string
  supervisor_id: number | null
  risk_post: number
  status: EmploymentStatus
  joined_on: string | null
  left_on: string | null
  /** 性别 (migration 14): 男 or 女. */
  gender: '男' | '女' | null
  /** 出生年月, YYYY-MM (migration 14). */
  birth_month: string | null
  /** 政治面貌 (migration 14). */
  political_status: string | null
  /** 任现职时间, YYYY-MM (migration 14). */
  post_since: string | null
}

/** One period of a person's assignment (who was where from when); valid_to is exclusive, NULL while current. */
export interface PersonPeriodTable {
  id: Generated<number>
  person_id: number
  valid_from: string
  valid_to: string | null
  department_id: number | null
  post: string
  category: PostCategory
  rank: string
  supervisor_id: number | null
  risk_post: number
  status: EmploymentStatus
  reason: string
  recorded_by: number | null
  recorded_at: string
}

/** A membership of the leadership group (组长 head, 成员 member) or the discipline office. */
export type GroupRole = 'head' | 'member' | 'discipline'

/** Membership of the leadership group (head, member) and the discipline office, with dates. */
export interface OrgGroupTable {
  id: Generated<number>
  person_id: number
  role: GroupRole
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
  source: 'import' | 'package'
  body: string
  status: 'pending' | 'inForce' | 'refused' | 'superseded'
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
  kind: LedgerKind
  text: string
  task_ref: string | null
  progress: number | null
  source: 'manual' | 'import'
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
  source: 'import' | 'kiosk'
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
  state: CommitmentState
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
  state: RevisionState
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

/** HR's reopening of a closed quarter, with the reason; open (rating phase) until `open_until`. */
export interface QuarterReopeningTable {
  id: Generated<number>
  year: number
  quarter: number
  reason: string
  open_until: string
  reopened_by: number | null
  reopened_at: string
}

/** A recorded correction of a closed quarter's rating: before and after (JSON), with the reason. */
export interface QuarterlyAmendmentTable {
  id: Generated<number>
  person_id: number
  year: number
  quarter: number
  before_json: string | null
  after_json: string
  reason: string
  amended_by: number | null
  amended_at: string
}

/** The person's saved, not yet submitted, 小结 of a quarter. */
export interface QuarterlySummaryDraftTable {
  person_id: number
  year: number
  quarter: number
  text: string
  saved_at: string
  saved_by: number | null
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
  kind: FollowupKind
  owner_id: number | null
  deadline: string
  state: FollowupState
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

/** A declared close relative pair (近亲属), person_a < person_b: neither rates the other on the evaluation sheet. */
export interface CloseRelativeTable {
  id: Generated<number>
  person_a: number
  person_b: number
  relation: string
  recorded_by: number | null
  recorded_at: string
}

/** One leadership group member's evaluation sheet (考核评分表) for one person and year. */
export interface LeadershipSheetTable {
  id: Generated<number>
  year: number
  /** people.id of the member who rates */
  rater_id: number
  person_id: number
  status: 'draft' | 'submitted'
  /** 'import': filled at a meeting and imported by HR */
  source: 'sheet' | 'import'
  saved_at: string
  saved_by: number | null
  submitted_at: string | null
}

/** One rated indicator's score on a sheet, in hundredths (0–10000). */
export interface LeadershipScoreTable {
  sheet_id: number
  indicator_id: string
  score_hundredths: number
}

/** A member who does not rate a person (themself, a declared close relative), recorded. */
export interface RecusalTable {
  id: Generated<number>
  year: number
  rater_id: number
  person_id: number
  reason: 'self' | 'relative'
  recorded_by: number | null
  recorded_at: string
}

/** A special integrity review (专项考察) of one person and year; details are T3-sealed. */
export interface IntegrityReviewTable {
  id: Generated<number>
  year: number
  person_id: number
  status: 'pending' | 'completed'
  finding: 'none' | 'minor' | 'serious' | null
  minor_count: Generated<number>
  details_t3: string | null
  recorded_by: number | null
  recorded_at: string
}

/** A sanction or organisational measure (处分, 组织处理), effective-dated (RULES.md §6 V4). */
export interface SanctionTable {
  id: Generated<number>
  person_id: number
  name: string
  decided_on: string
  effective_from: string
  effective_to: string | null
  document_no: Generated<string>
  details_t3: string | null
  recorded_by: number | null
  recorded_at: string
}

/** A case under investigation (立案审查): the grade waits while it is open (补定). */
export interface InvestigationTable {
  id: Generated<number>
  person_id: number
  opened_on: string
  closed_on: string | null
  details_t3: string | null
  recorded_by: number | null
  recorded_at: string
}

/** A whistle-blowing lead (举报线索): text, reporter and conclusion T3-sealed; no plain trace of who lodged it. */
export interface LeadTable {
  id: Generated<number>
  lodged_on: string
  channel: 'signedIn' | 'kiosk' | 'publicityObjection'
  reporter_t3: string | null
  text_t3: string
  named_person_id: number | null
  status: 'received' | 'verifying' | 'concluded'
  conclusion_t3: string | null
  updated_on: string
}

/** 民主测评: one round per year, opened and closed by HR (core/democratic/round.ts). */
export interface DemocraticRoundTable {
  year: number
  status: 'open' | 'closed'
  opened_by: number | null
  opened_at: string
  closed_by: number | null
  closed_at: string | null
}

/** One issue of ballot codes: how many of each category, by whom and when (not the codes). */
export interface BallotCodeBatchTable {
  year: number
  batch: number
  colleagues: number
  representatives: number
  issued_by: number | null
  issued_at: string
}

/** A one-time ballot code, only as its keyed hash (HMAC), with its voter category; no link to any ballot. */
export interface BallotCodeTable {
  code_hash: string
  year: number
  category: VoterCategory
  batch: number
  consumed: Generated<number>
}

/** A kiosk ballot: a random 128-bit id (hex), no time, no code; `uniform` flags one level everywhere. */
export interface BallotTable {
  id: string
  year: number
  category: VoterCategory
  uniform: number
}

/** One rated cell of a kiosk ballot (a blank cell is no row). */
export interface BallotCellTable {
  ballot_id: string
  person_id: number
  dimension: Dimension
  level: BallotLevel
}

/** Paper ballots: the count of one level for one person, dimension and voter category. */
export interface BallotTallyTable {
  year: number
  person_id: number
  dimension: Dimension
  category: VoterCategory
  level: BallotLevel
  count: number
}

/** Paper ballots: the valid sheets of one voter category, recorded with the tally. */
export interface BallotTallySheetTable {
  year: number
  category: VoterCategory
  valid_sheets: number
  source_file: string | null
  imported_by: number | null
  imported_at: string
}

/** The year's annual round (年度总评): proposal, confirmation, publicity (migration 12). */
export interface AnnualRoundTable {
  year: number
  stage: 'proposed' | 'confirmed' | 'publicity'
  inputs_sha256: string
  n: number
  k: number
  /** JSON array of the tied staff numbers, or NULL. */
  boundary_tie: string | null
  /** The proposal as computed (core/annual/engine.ts, toExpectedFormat plus details). */
  result_json: string
  guideline_version: number | null
  proposed_by: number | null
  proposed_at: string
  confirmed_by: number | null
  confirmed_at: string | null
  publicity_from: string | null
  publicity_until: string | null
  published_by: number | null
  published_at: string | null
}

/** A recorded approval from the higher-level office for more 优秀 (P6). */
export interface AnnualApprovalTable {
  year: number
  document: string
  approved_count: number | null
  /** Percent, as a decimal or "n/d". */
  approved_rate: string | null
  recorded_by: number | null
  recorded_at: string
}

/** A person's proposed and decided grade of the year; reason when the group changed it. */
export interface AnnualGradeTable {
  year: number
  person_id: number
  proposed: string
  grade: string
  t: number | null
  reason: string | null
  changed_by: number | null
  changed_at: string | null
}

/** A grade of a year graded before the unit used Kaohe (V1 reads last year's). */
export interface PriorGradeTable {
  year: number
  person_id: number
  grade: '优秀' | '称职' | '基本称职' | '不称职' | '不定等次'
  recorded_by: number | null
  recorded_at: string
}

/** A 基本称职 rectification plan (V3). */
export interface RectificationPlanTable {
  id: Generated<number>
  person_id: number
  starts_on: string
  ends_on: string
  reason: string
  recorded_by: number | null
  recorded_at: string
}

/** The year's bonus base and budget (结果应用, issue 10), in integer fen. */
export interface BonusSettingTable {
  year: number
  base_fen: number
  budget_fen: number
  set_by: number | null
  set_at: string
}

/** A follow-up created from a final grade (RULES.md §8): owner (a person or HR), due date, completion. */
export interface ResultFollowupTable {
  id: Generated<number>
  year: number
  person_id: number
  kind: 'admonitionTalk' | 'rectification' | 'targetedTraining' | 'reassignment' | 'followUpAssessment' | 'dismissalReview'
  owner_person_id: number | null
  owner_role: 'hr' | null
  earliest_on: string | null
  due_on: string
  rectification_plan_id: number | null
  done_on: string | null
  done_by: number | null
  note: string | null
  cancelled_on: string | null
  created_by: number | null
  created_at: string
}

/** An entry of the commendation list or the talent pool (潜力人才库). */
export interface OutcomeListTable {
  id: Generated<number>
  list: 'commendation' | 'talentPool'
  year: number
  person_id: number
  source: 'grade' | 'manual'
  reason: string
  added_by: number | null
  added_at: string
  removed_at: string | null
  removed_by: number | null
  removed_reason: string | null
  /** JSON array of the entry's earlier spells: { source, reason, addedBy, addedAt, removedBy, removedAt, removedReason }. */
  history: Generated<string>
}

/** A signed feedback form (《绩效反馈表》, issue 10): one version of one person's form for a year. */
export interface FeedbackFormTable {
  id: Generated<number>
  year: number
  person_id: number
  version: number
  status: 'draft' | 'interviewerSigned' | 'sealed' | 'refused' | 'voided'
  grade: string
  content_json: string
  interviewer_id: number
  strengths: Generated<string>
  weaknesses: Generated<string>
  improvements: Generated<string>
  interview_on: string | null
  interviewer_user_id: number | null
  interviewer_signed_at: string | null
  interviewer_signature: Buffer | null
  person_user_id: number | null
  person_signed_at: string | null
  person_signature: Buffer | null
  witness_person_id: number | null
  witness_user_id: number | null
  refusal_note: string | null
  refused_at: string | null
  sealed_json: string | null
  sha256: string | null
  sealed_at: string | null
  verification_code: string
  voided_at: string | null
  void_reason: string | null
  superseded_by: number | null
  created_by: number | null
  created_at: string
}

/** One filled part of a 《公务员年度考核登记表》 (migration 14). */
export interface RegisterPartTable {
  year: number
  person_id: number
  part: 'duties' | 'summary' | 'training' | 'supervisor' | 'head' | 'committee' | 'opinion' | 'undetermined'
  text: string
  suggested_grade: '优秀' | '称职' | '基本称职' | '不称职' | '不定等次' | null
  status: 'draft' | 'submitted'
  written_by: number | null
  writer_person_id: number | null
  written_at: string
  submitted_at: string | null
}

/** One editable training suggestion per dimension or indicator key (migration 18, RULES.md §8). */
export interface TrainingSuggestionTable {
  key: string
  kind: 'dimension' | 'indicator'
  suggestion: string
  updated_by: number | null
  updated_at: string | null
}

/** A training session of a year (migration 17, plan §六(四)): assessor training or a staff workshop. */
export interface TrainingSessionTable {
  id: Generated<number>
  year: number
  kind: TrainingKind
  title: string
  held_on: string
  hours: number
  trainer: string | null
  location: string | null
  created_by: number | null
  created_at: string
}

/** One person's attendance of a training session, recorded by HR (migration 17). */
export interface TrainingAttendanceTable {
  session_id: number
  person_id: number
  recorded_by: number | null
  recorded_at: string
}

/** An enrolment made from a training need (migration 17): planned, attended (a linked session) or cancelled. */
export interface TrainingEnrolmentTable {
  id: Generated<number>
  year: number
  person_id: number
  need_key: string
  need_zh: string
  need_en: string
  suggestion: string
  session_id: number | null
  status: EnrolmentStatus
  cancel_reason: string | null
  created_by: number | null
  created_at: string
  closed_at: string | null
}

/** This office's own package key pairs (migration 19); the private halves are in tier_key_grants as `OFFICE:<key_id>`. */
export interface OfficeKeyTable {
  key_id: string
  signing_public: string
  encryption_recipient: string
  card: string
  created_at: string
  retired_at: string | null
  revoked_at: string | null
  reason: string | null
}

/** An office this one exchanges packages with (migration 19). */
export interface OfficeTable {
  uid: string
  code: string
  name: string
  kind: OfficeKind
  registered_at: string
  registered_by: number | null
}

export interface OfficePeerKeyTable {
  key_id: string
  office_uid: string
  signing_public: string
  encryption_recipient: string
  fingerprint: string
  card: string
  status: 'active' | 'rotated' | 'revoked'
  imported_at: string
  imported_by: number | null
  status_at: string | null
  reason: string | null
}

/** The package log, sent and received (migration 19). */
export interface PackageTable {
  package_id: string
  direction: 'in' | 'out'
  kind: PackageKind
  peer_uid: string
  sequence: number
  period: string
  manifest_sha256: string
  previous_sha256: string | null
  bytes: number
  /** JSON `{ zh, en }`. */
  summary: string
  /** A receipt: the package it acknowledges. */
  receipt_for: string | null
  at: string
  by_user: number | null
  acknowledged_at: string | null
}

export interface PackageFileTable {
  package_id: string
  content: Buffer
}

/** At the superior: a unit's year from its latest results package (migration 19). */
export interface SuperiorUnitYearTable {
  unit_uid: string
  year: number
  package_id: string
  received_at: string
  /** data/results.json exactly as received (the 备案 documents are made from it). */
  payload: string
  n: number
  k: number
  excellent: number
}

export interface SuperiorResultTable {
  unit_uid: string
  year: number
  staff_no: string
  name: string
  department: string | null
  post: string
  rank: string
  category: string
  grade: '优秀' | '称职' | '基本称职' | '不称职' | '不定等次'
  t: number | null
  democratic: number | null
  leadership: number | null
  quarterly: number | null
}

/** A guideline template from the superior (migration 19). */
export interface GuidelineTemplateTable {
  package_id: string
  year: number
  name: string
  body: string
  received_at: string
}

/** An appeal (申诉, migration 15): internal to the leadership group, or a statutory route recorded by HR. */
export interface AppealTable {
  id: Generated<number>
  year: number
  person_id: number
  route: 'internal' | 'review' | 'statutory'
  delivered_on: string
  filed_on: string
  window_until: string
  due_on: string
  warnings_json: Generated<string>
  items_json: Generated<string>
  grade_before: string
  grade_asked: string | null
  text: string
  recused_json: Generated<string>
  body: string | null
  document_no: string | null
  review_of: number | null
  extended: Generated<number>
  status: 'pending' | 'upheld' | 'refused' | 'withdrawn'
  answered_on: string | null
  answer_reason: string | null
  grade_after: string | null
  answered_by: number | null
  answered_person_id: number | null
  new_form_id: number | null
  filed_by: number | null
  created_at: string
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
  quarter_reopenings: QuarterReopeningTable
  quarterly_amendments: QuarterlyAmendmentTable
  quarterly_summary_drafts: QuarterlySummaryDraftTable
  quarterly_ratings: QuarterlyRatingTable
  peer_assignments: PeerAssignmentTable
  peer_ratings: PeerRatingTable
  followups: FollowupTable
  schema_migrations: SchemaMigrationTable
  backup_signing_keys: BackupSigningKeyTable
  tier_keys: TierKeyTable
  password_resets: PasswordResetTable
  close_relatives: CloseRelativeTable
  leadership_sheets: LeadershipSheetTable
  leadership_scores: LeadershipScoreTable
  recusals: RecusalTable
  integrity_reviews: IntegrityReviewTable
  sanctions: SanctionTable
  investigations: InvestigationTable
  leads: LeadTable
  democratic_rounds: DemocraticRoundTable
  ballot_code_batches: BallotCodeBatchTable
  ballot_codes: BallotCodeTable
  ballots: BallotTable
  ballot_cells: BallotCellTable
  ballot_tallies: BallotTallyTable
  ballot_tally_sheets: BallotTallySheetTable
  annual_rounds: AnnualRoundTable
  annual_approvals: AnnualApprovalTable
  annual_grades: AnnualGradeTable
  prior_grades: PriorGradeTable
  rectification_plans: RectificationPlanTable
  bonus_settings: BonusSettingTable
  result_followups: ResultFollowupTable
  outcome_lists: OutcomeListTable
  training_suggestions: TrainingSuggestionTable
  register_parts: RegisterPartTable
  feedback_forms: FeedbackFormTable
  training_sessions: TrainingSessionTable
  training_attendance: TrainingAttendanceTable
  training_enrolments: TrainingEnrolmentTable
  appeals: AppealTable
  office_keys: OfficeKeyTable
  offices: OfficeTable
  office_peer_keys: OfficePeerKeyTable
  packages: PackageTable
  package_files: PackageFileTable
  superior_unit_years: SuperiorUnitYearTable
  superior_results: SuperiorResultTable
  guideline_templates: GuidelineTemplateTable
}

/**
 * Row types per table, from the declarations above: `XRow` is what a select of every column
 * returns, `XInsert` what an insert takes. Use these (or `Pick<XRow, …>`) instead of redeclaring a
 * table's shape in core.
 */
export type UnitRow = Selectable<UnitTable>
export type UnitInsert = Insertable<UnitTable>
export type UserRow = Selectable<UserTable>
export type UserInsert = Insertable<UserTable>
export type UserRoleRow = Selectable<UserRoleTable>
export type UserRoleInsert = Insertable<UserRoleTable>
export type TierKeyGrantRow = Selectable<TierKeyGrantTable>
export type TierKeyGrantInsert = Insertable<TierKeyGrantTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type AuditLogInsert = Insertable<AuditLogTable>
export type DepartmentRow = Selectable<DepartmentTable>
export type DepartmentInsert = Insertable<DepartmentTable>
export type PersonRow = Selectable<PersonTable>
export type PersonInsert = Insertable<PersonTable>
export type PersonPeriodRow = Selectable<PersonPeriodTable>
export type PersonPeriodInsert = Insertable<PersonPeriodTable>
export type OrgGroupRow = Selectable<OrgGroupTable>
export type OrgGroupInsert = Insertable<OrgGroupTable>
export type CalendarYearRow = Selectable<CalendarYearTable>
export type CalendarYearInsert = Insertable<CalendarYearTable>
export type PolicyRow = Selectable<PolicyTable>
export type PolicyInsert = Insertable<PolicyTable>
export type GuidelineRow = Selectable<GuidelineTable>
export type GuidelineInsert = Insertable<GuidelineTable>
export type GuidelineDraftRow = Selectable<GuidelineDraftTable>
export type GuidelineDraftInsert = Insertable<GuidelineDraftTable>
export type LedgerEntryRow = Selectable<LedgerEntryTable>
export type LedgerEntryInsert = Insertable<LedgerEntryTable>
export type LedgerAttachmentRow = Selectable<LedgerAttachmentTable>
export type LedgerAttachmentInsert = Insertable<LedgerAttachmentTable>
export type AttendanceRecordRow = Selectable<AttendanceRecordTable>
export type AttendanceRecordInsert = Insertable<AttendanceRecordTable>
export type SurveyResponseRow = Selectable<SurveyResponseTable>
export type SurveyResponseInsert = Insertable<SurveyResponseTable>
export type MonthlyTalkRow = Selectable<MonthlyTalkTable>
export type MonthlyTalkInsert = Insertable<MonthlyTalkTable>
export type CommitmentLetterRow = Selectable<CommitmentLetterTable>
export type CommitmentLetterInsert = Insertable<CommitmentLetterTable>
export type CommitmentTaskRow = Selectable<CommitmentTaskTable>
export type CommitmentTaskInsert = Insertable<CommitmentTaskTable>
export type RevisionRequestRow = Selectable<RevisionRequestTable>
export type RevisionRequestInsert = Insertable<RevisionRequestTable>
export type QuarterlySummaryRow = Selectable<QuarterlySummaryTable>
export type QuarterlySummaryInsert = Insertable<QuarterlySummaryTable>
export type QuarterReopeningRow = Selectable<QuarterReopeningTable>
export type QuarterReopeningInsert = Insertable<QuarterReopeningTable>
export type QuarterlyAmendmentRow = Selectable<QuarterlyAmendmentTable>
export type QuarterlyAmendmentInsert = Insertable<QuarterlyAmendmentTable>
export type QuarterlySummaryDraftRow = Selectable<QuarterlySummaryDraftTable>
export type QuarterlySummaryDraftInsert = Insertable<QuarterlySummaryDraftTable>
export type QuarterlyRatingRow = Selectable<QuarterlyRatingTable>
export type QuarterlyRatingInsert = Insertable<QuarterlyRatingTable>
export type PeerAssignmentRow = Selectable<PeerAssignmentTable>
export type PeerAssignmentInsert = Insertable<PeerAssignmentTable>
export type PeerRatingRow = Selectable<PeerRatingTable>
export type PeerRatingInsert = Insertable<PeerRatingTable>
export type FollowupRow = Selectable<FollowupTable>
export type FollowupInsert = Insertable<FollowupTable>
export type SchemaMigrationRow = Selectable<SchemaMigrationTable>
export type SchemaMigrationInsert = Insertable<SchemaMigrationTable>
export type BackupSigningKeyRow = Selectable<BackupSigningKeyTable>
export type BackupSigningKeyInsert = Insertable<BackupSigningKeyTable>
export type TierKeyRow = Selectable<TierKeyTable>
export type TierKeyInsert = Insertable<TierKeyTable>
export type PasswordResetRow = Selectable<PasswordResetTable>
export type PasswordResetInsert = Insertable<PasswordResetTable>
export type CloseRelativeRow = Selectable<CloseRelativeTable>
export type LeadershipSheetRow = Selectable<LeadershipSheetTable>
export type LeadershipScoreRow = Selectable<LeadershipScoreTable>
export type RecusalRow = Selectable<RecusalTable>
export type IntegrityReviewRow = Selectable<IntegrityReviewTable>
export type SanctionRow = Selectable<SanctionTable>
export type InvestigationRow = Selectable<InvestigationTable>
export type LeadRow = Selectable<LeadTable>
export type DemocraticRoundRow = Selectable<DemocraticRoundTable>
export type DemocraticRoundInsert = Insertable<DemocraticRoundTable>
export type BallotCodeBatchRow = Selectable<BallotCodeBatchTable>
export type BallotCodeRow = Selectable<BallotCodeTable>
export type BallotCodeInsert = Insertable<BallotCodeTable>
export type BallotRow = Selectable<BallotTable>
export type BallotInsert = Insertable<BallotTable>
export type BallotCellRow = Selectable<BallotCellTable>
export type BallotCellInsert = Insertable<BallotCellTable>
export type BallotTallyRow = Selectable<BallotTallyTable>
export type BallotTallyInsert = Insertable<BallotTallyTable>
export type BallotTallySheetRow = Selectable<BallotTallySheetTable>
export type BallotTallySheetInsert = Insertable<BallotTallySheetTable>
export type AnnualRoundRow = Selectable<AnnualRoundTable>
export type AnnualApprovalRow = Selectable<AnnualApprovalTable>
export type AnnualGradeRow = Selectable<AnnualGradeTable>
export type PriorGradeRow = Selectable<PriorGradeTable>
export type RectificationPlanRow = Selectable<RectificationPlanTable>
export type ResultFollowupRow = Selectable<ResultFollowupTable>
export type OutcomeListRow = Selectable<OutcomeListTable>
export type FeedbackFormRow = Selectable<FeedbackFormTable>
export type RegisterPartRow = Selectable<RegisterPartTable>
export type TrainingSessionRow = Selectable<TrainingSessionTable>
export type TrainingAttendanceRow = Selectable<TrainingAttendanceTable>
export type TrainingEnrolmentRow = Selectable<TrainingEnrolmentTable>
export type AppealRow = Selectable<AppealTable>
export type AppealInsert = Insertable<AppealTable>
export type OfficeKeyRow = Selectable<OfficeKeyTable>
export type OfficeRow = Selectable<OfficeTable>
export type OfficePeerKeyRow = Selectable<OfficePeerKeyTable>
export type PackageRow = Selectable<PackageTable>
export type SuperiorUnitYearRow = Selectable<SuperiorUnitYearTable>
export type SuperiorResultRow = Selectable<SuperiorResultTable>
export type GuidelineTemplateRow = Selectable<GuidelineTemplateTable>
