import type { Role } from '../roles'
import type { PasswordRule } from '../password'

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

export type AuditProblem = 'edited' | 'inserted' | 'deleted' | 'truncated'

export interface AuditVerifyReport {
  ok: boolean
  entries: number
  headHash: string | null
  /** The first entry found wrong, and what was done to it. */
  firstBad: { seq: number; problem: AuditProblem } | null
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
}

export interface HomeTask {
  /** Stable key of the task kind; the renderer translates it. */
  kind: string
  count: number
  /** Where in the app the task is done. */
  route: string
}
