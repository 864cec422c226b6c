import type { SanctionEffect } from '../annual'
import type { Role } from '../roles'
import type { PasswordRule } from '../password'
import type { EmploymentStatus, IsoDate, PostCategory } from '../org'
import type { AnnualGuideline } from '../guideline/model'
import type { Violation } from '../guideline/violation'
import type { LedgerKind } from '../ledger'

/** Output types of the API contract. Dates are ISO strings; ids are numbers. */

export interface SetupStatus {
  /** A unit database exists (a real unit, or the demo unit). */
  initialized: boolean
  /** The open database is the demo unit (演示单位). */
  demo: boolean
  /** Demo sign-ins (documented, public) when the demo unit is open. */
  demoLogins: DemoLogin[]
  /** The password rule in force, for the live hint in forms. */
  passwordRule: PasswordRule
  /**
   * Issue 11: a unit or the higher-level office. The database is encrypted, so this is read from
   * the open session; before sign-in it is 'unit'.
   */
  officeKind: import('../bundles').OfficeKind
}

export interface DemoLogin {
  username: string
  password: string
  zh: string
  en: string
}

export interface SetupResult {
  /** Shown exactly once; the only way back in if every administrator password is lost. */
  recoveryCode: string
}

export interface DemoInfo {
  logins: DemoLogin[]
}

export interface SessionInfo {
  userId: number
  username: string
  displayName: string
  roles: Role[]
  unitName: string
  unitCode: string
  mustChangePassword: boolean
  locked: boolean
  demo: boolean
  /** Minutes of inactivity before the session locks itself (policy). */
  idleLockMinutes: number
  /** The session is in kiosk survey mode (现场评价): only the kiosk screen may be shown. */
  kiosk: boolean
  /** The kiosk is the democratic-evaluation ballot kiosk (民主测评) of this year; null otherwise. */
  ballotKiosk?: number | null
  /** This account's password was reset by an administrator: who and when (told at sign-in). */
  passwordReset?: { by: string; at: string } | null
  /** Shown once, to the discipline office whose sign-in made the T3 key: its recovery code. */
  t3RecoveryCode?: string | null
}

export interface UserSummary {
  id: number
  username: string
  displayName: string
  disabled: boolean
  mustChangePassword: boolean
  roles: Role[]
  createdAt: string
  lockedUntil: string | null
}

export interface UserRoles {
  userId: number
  username: string
  displayName: string
  disabled: boolean
  roles: Role[]
}

export interface AuditEntry {
  seq: number
  at: string
  actor: string | null
  action: string
  target: string | null
  outcome: 'ok' | 'denied' | 'failed'
  detail: Record<string, unknown>
  hash: string
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Pass as beforeSeq for the next (older) page; null at the start of the log. */
  nextBeforeSeq: number | null
  total: number
}

/** `anchorInvalid`: the head anchored in the key file was changed or removed outside the app. */
export type AuditProblem = 'edited' | 'inserted' | 'deleted' | 'truncated' | 'anchorInvalid'

/** The chain's head as a checkpoint to note outside the machine: `<seq>:<16 hex digits>`. */
export interface AuditHead {
  seq: number
  hash: string
  checkpoint: string
}

/** A problem the check at an open found, kept (MACed) in the key file and reported by every verify. */
export interface AuditBreakInfo {
  foundAt: string
  problem: AuditProblem
  anchorSeq: number | null
  anchorHash: string | null
  headSeq: number
  headHash: string | null
}

export interface AuditVerifyReport {
  ok: boolean
  entries: number
  headHash: string | null
  /** The first entry found wrong, and what was done to it. */
  firstBad: { seq: number; problem: AuditProblem } | null
  head: AuditHead | null
  /** Entries before this one are the previous version's keyless chain; from it on each hash is an HMAC. */
  keyedFrom: number
  breaks: AuditBreakInfo[]
  /** The checkpoint asked about: `missing` (no such entry any more) or `different` (another hash). */
  checkpoint?: { given: string; seq: number; ok: boolean; problem: 'missing' | 'different' | null }
}

export interface FileWritten {
  file: string
  bytes: number
  entries: number
}

export interface BackupInfo {
  folder: string
  createdAt: string
  bytes: number
  sha256: string
  auditEntries: number
  /** The audit chain's head carried in the signed manifest (a checkpoint to note). */
  auditHead?: string | null
  unitCode?: string
  /** The signing key's fingerprint, 12 groups of 5 digits, to compare with the one on paper. */
  signingKeyFingerprint?: string
}

/** 密码重置申请: a content account's reset waiting for the other administrator. */
export interface PasswordResetRequest {
  id: number
  userId: number
  username: string
  displayName: string
  requestedBy: string
  requestedByRole: 'sysadmin' | 'secadmin'
  requestedAt: string
  state: 'pending' | 'done' | 'refused'
}

/** A decided reset: the temporary password only for the administrator who approved it. */
export interface PasswordResetDecision {
  request: PasswordResetRequest
  temporaryPassword: string | null
}

/** The unit's backup signing key, shown to the system administrator to note on paper. */
export interface BackupSigningKeyView {
  fingerprint: string
  createdAt: string
  retired: { fingerprint: string; createdAt: string }[]
}

export interface HomeTask {
  /** Stable key of the task kind; the renderer translates it. */
  kind: string
  count: number
  /** Where in the app the task is done; may carry a query (talks?month=2026-11) for the exact place. */
  route: string
  /** The deadline the task is counted against (YYYY-MM-DD), when it has one. */
  dueOn?: string
}

/** A step of the year's cycle (RULES.md §1): 目标制定, 日常跟踪, 季度评估, 年度总评, 反馈与申诉. */
export interface HomeTimelineStep {
  step: 'goals' | 'ledger' | 'quarterly' | 'annual' | 'feedback'
  from: string
  to: string
  state: 'done' | 'now' | 'next'
}

/** One quarter's dates, from the unit's working-day calendar and the policy. */
export interface HomeTimelineQuarter {
  quarter: 1 | 2 | 3 | 4
  phase: 'notStarted' | 'open' | 'summaryDue' | 'rating' | 'closed'
  to: string
  summaryDueOn: string
  ratingEndsOn: string
}

export interface HomeTimeline {
  year: number
  today: string
  steps: HomeTimelineStep[]
  quarters: HomeTimelineQuarter[]
}

// ---- Organisation (issue 3) ----------------------------------------------------------------


/** 科室 */
export interface Department {
  id: number
  name: string
  code: string
  sortOrder: number
  /** People currently in post in it. */
  headcount: number
}

/** One person as lists show them (the current assignment). */
export interface PersonSummary {
  id: number
  staffNo: string
  name: string
  departmentId: number | null
  departmentName: string | null
  post: string
  category: PostCategory
  rank: string
  supervisorId: number | null
  supervisorName: string | null
  supervisorStaffNo: string | null
  riskPost: boolean
  status: EmploymentStatus
  joinedOn: IsoDate | null
  leftOn: IsoDate | null
  /** The sign-in account linked to this person, if any. */
  username: string | null
}

/** One period of a person's assignment: who was where, from when to when (history). */
export interface PersonPeriod {
  from: IsoDate
  /** Exclusive; null while current. */
  to: IsoDate | null
  departmentName: string | null
  post: string
  category: PostCategory
  rank: string
  supervisorName: string | null
  riskPost: boolean
  status: EmploymentStatus
  /** What the change was recorded as (roster import, edit, …) and by whom. */
  reason: string
  recordedBy: string | null
}

export interface PersonDetail extends PersonSummary {
  /** 性别, 出生年月 (YYYY-MM), 政治面貌, 任现职时间 (YYYY-MM): for the 《公务员年度考核登记表》. */
  personal: { gender: '男' | '女' | null; birthMonth: string | null; politicalStatus: string | null; postSince: string | null }
  history: PersonPeriod[]
  /** Direct reports, current. */
  reports: { id: number; staffNo: string; name: string }[]
  leadership: 'head' | 'member' | null
  discipline: boolean
}

/** The leadership group (绩效管理领导小组) and the discipline office (纪检室), as people. */
export interface LeadershipInfo {
  head: PersonRef | null
  members: PersonRef[]
  discipline: PersonRef[]
}

export interface PersonRef {
  id: number
  staffNo: string
  name: string
  /** Whether the person's account holds the matching role (the security administrator grants it). */
  accountHasRole: boolean | null
}

/** A roster problem: row 0 means the file or its header. */
export interface RosterIssue {
  row: number
  column: string
  code: string
  zh: string
  en: string
  value?: string
}

export type RosterAction = 'create' | 'update' | 'unchanged'

export interface RosterPreview {
  fileName: string
  rows: number
  created: number
  updated: number
  unchanged: number
  errors: RosterIssue[]
  warnings: RosterIssue[]
  /** Departments that the import would create. */
  newDepartments: string[]
  /** Row by row, what the import would do (valid rows only). */
  changes: { row: number; staffNo: string; name: string; action: RosterAction; fields: string[] }[]
}

export interface RosterImportResult {
  created: number
  updated: number
  unchanged: number
  newDepartments: string[]
}

/** A file handed over from the renderer or the CLI: the DOM File API or fs read it, base64 carries it. */
export interface FileContent {
  fileName: string
  contentBase64: string
}

export interface AccountRef {
  userId: number
  username: string
  displayName: string
  personId: number | null
}

// ---- Calendar -------------------------------------------------------------------------------

export interface CalendarWarningInfo {
  code: string
  year: number
  zh: string
  en: string
}

export interface CalendarDayInfo {
  date: IsoDate
  working: boolean
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup'
  name?: string
}

export interface CalendarYear {
  year: number
  /** An official table is loaded for the year; otherwise only the statutory fixed-date holidays are known. */
  loaded: boolean
  source: string | null
  origin: 'shipped' | 'imported' | 'estimated'
  days: CalendarDayInfo[]
  warnings: CalendarWarningInfo[]
}

export interface DeadlineResult {
  from: IsoDate
  days: number
  date: IsoDate
  warnings: CalendarWarningInfo[]
}

export interface CalendarYearSummary {
  year: number
  origin: 'shipped' | 'imported'
  source: string
  holidays: number
  makeupWorkdays: number
}

// ---- Policy ---------------------------------------------------------------------------------

export interface PolicyView {
  year: number
  /** Where the policy in force came from. */
  version: string
  source: 'default' | 'import' | 'package'
  approvedBy: string | null
  approvedAt: string | null
  constraints: Record<string, number>
  security: Record<string, number | boolean>
  /** The annual section: V4's sanction table (name → what it does to the grade) and the uniform-ballot rule. */
  annual: { uniformBallotsInvalid: boolean; sanctions: { name: string; effect: SanctionEffect }[] }
  /** RULES.md §8: bonus coefficients, follow-up periods, training-need and rater-bias thresholds. */
  results: Record<string, number>
  /** RULES.md §7: the statutory routes' periods for a 不称职 result, in calendar days. */
  appeals: Record<string, number>
  /** An import waiting for the leadership group head's approval. */
  pending: PendingPolicy | null
  history: { id: number; version: string; source: string; status: string; decidedAt: string | null; decidedBy: string | null; reason: string | null }[]
}

export interface PendingPolicy {
  id: number
  version: string
  proposedBy: string
  proposedAt: string
  /** Constraint values that would change: old → new. */
  changes: { key: string; from: number | boolean | string | null; to: number | boolean | string | null }[]
}

// ---- Guideline ------------------------------------------------------------------------------

export type GuidelineState = 'draft' | 'publicity' | 'inForce' | 'superseded'

export interface GuidelineVersionInfo {
  version: number
  state: GuidelineState
  publishedAt: string | null
  publishedBy: string | null
  publicityStart: IsoDate | null
  publicityEnd: IsoDate | null
  /** Day 1 of the publicity (the first working day after publishing): the period shown runs publicityFrom–publicityEnd. */
  publicityFrom: IsoDate | null
  /** The working days counted (the guideline's publicity.guidelineWorkingDays). */
  publicityWorkingDays: number | null
  /** Why the end date may not be final: counted in a year without a holiday table, or no longer what the table in force gives. */
  publicityWarnings: CalendarWarningInfo[]
  /** The day it takes effect: the working day after the publicity ends. */
  effectiveOn: IsoDate | null
  reason: string | null
}

export interface GuidelineView {
  year: number
  /** The version in force today (or in publicity), if any. */
  current: (GuidelineVersionInfo & { guideline: AnnualGuideline }) | null
  /** The draft being edited (first version, or a revision), if any. */
  draft: { guideline: AnnualGuideline; reason: string | null; violations: Violation[]; updatedAt: string; updatedBy: string | null } | null
  versions: GuidelineVersionInfo[]
  calendarWarnings: CalendarWarningInfo[]
}

// ---- Ledger, attendance, satisfaction, monthly talks (issue 4) ------------------------------

export interface LedgerEntryView {
  id: number
  personId: number
  personName: string
  staffNo: string
  day: IsoDate
  kind: LedgerKind
  text: string
  taskRef: string | null
  progress: number | null
  source: 'manual' | 'import'
  author: string | null
  createdAt: string
  voided: { at: string; by: string | null; reason: string } | null
  /** Whether the entry may be voided (by whoever may write this person's ledger): core's `voidRefusal`. */
  voidable: boolean
  attachments: { id: number; fileName: string; mime: string; size: number }[]
}

/** A page of the ledger list, newest first; pass `next` back as `after` for the following page. */
export interface LedgerPage {
  entries: LedgerEntryView[]
  next: { day: IsoDate; id: number } | null
  /**
   * How many entries the filters select, when asked (`withTotal`). Counting stops at a bound so the
   * call stays fast on millions of entries: `exact: false` means "at least `count`".
   */
  total?: { count: number; exact: boolean }
}

export interface ImportPreview {
  fileName: string
  rows: number
  /** Rows the import would add or change, and rows already present as they are. */
  added: number
  unchanged: number
  errors: RosterIssue[]
  warnings: RosterIssue[]
}

export interface ImportResult {
  added: number
  unchanged: number
}

/** The records imports that offer a template and list their columns. */
export type RecordImport = 'attendance' | 'survey'

/** One column of an import as its template writes it and its parser reads it. */
export interface ImportColumn {
  /** The header the template writes (工号, 日期…). */
  header: string
  en: string
  required: boolean
  /** What the column holds. */
  meaning: { zh: string; en: string }
}

/** 每月沟通 for one person and one month: done (when, by whom) or due, and overdue after the month. */
export interface TalkStatus {
  personId: number
  personName: string
  staffNo: string
  month: string
  talk: { id: number; heldOn: IsoDate; notes: string; recordedBy: string | null } | null
  overdue: boolean
}
