import { z } from 'zod'
import type { Permission } from '../access/permissions'
import { ROLES, type Role } from '../roles'
import type * as T from './types'
import { POST_CATEGORIES, type AnnualGuideline } from '../guideline/model'
import type { Violation } from '../guideline/violation'
import { EMPLOYMENT_STATUSES } from '../org'
import { ATTACHMENT_LIMITS, LEDGER_KINDS } from '../ledger'
import type { MethodNameList } from './methodNames'
import { FOLLOWUP_STATES } from '../quarterly'
import type * as Q from '../quarterly'
import type { CommitmentRecord, CommitmentSummary } from '../commitments'
import { KIOSK_CHANNELS, KIOSK_LEVELS } from '../kiosk'
import type * as K from '../kiosk'

/**
 * The API contract (DESIGN.md §3): every operation a person can do is one method here, with its
 * input schema, permission and whether it writes. Main's router binds a handler to each; the preload
 * exposes exactly these names; the renderer's client is typed from them.
 */
export interface MethodDef<I extends z.ZodType, O> {
  input: I
  permission: Permission
  /** 'write' changes data and is always audited; 'read' is audited when it reaches T2/T3 data. */
  kind: 'read' | 'write'
  /**
   * The input field holding the id of the person the call concerns, for permissions granted by a
   * relation (self, supervisor): the router checks the relation to that person.
   */
  subject?: string
  /** Phantom: the output type, never read at run time. */
  output?: O
}

function method<O>() {
  return <I extends z.ZodType>(def: Omit<MethodDef<I, O>, 'output'>): MethodDef<I, O> => def
}

const none = z.object({}).strict()
const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only')
const displayName = z.string().trim().min(1).max(40)
const password = z.string().min(1).max(128)
const role = z.enum(ROLES)
const path = z.string().trim().min(1).max(1024)
const newAccount = z.object({ username, displayName, password }).strict()
const id = z.number().int().positive()
const year = z.number().int().min(2000).max(2100)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
/** A 0–100 rating with at most two decimals (scores are compared in hundredths). */
const rating = z
  .number()
  .min(0)
  .max(100)
  .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, 'at most two decimals')
const taskKey = z.string().trim().regex(/^[A-Za-z0-9-]{1,16}$/, 'letters, digits and - only (16 at most)')
const taskFields = {
  title: z.string().trim().min(1).max(200),
  target: z.number().nonnegative().max(1e9),
  unit: z.string().trim().min(1).max(20),
  deadline: isoDate,
  goal: z.string().trim().min(1).max(200),
}
const commitmentTask = z.object({ key: taskKey.optional(), ...taskFields }).strict()
const revisionChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('revise'), taskKey, ...z.object(taskFields).partial().shape }).strict(),
  z.object({ op: z.literal('withdraw'), taskKey }).strict(),
  z.object({ op: z.literal('add'), ...taskFields }).strict(),
])
/** Files cross the boundary as base64 (the renderer reads them with the DOM File API); 20 MB at most. */
const fileContent = z
  .object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.string().max(28_000_000) })
  .strict()

export const contract = {
  'setup.status': method<T.SetupStatus>()({ input: none, permission: 'public', kind: 'read' }),
  'setup.initialize': method<T.SetupResult>()({
    input: z
      .object({
        unitName: z.string().trim().min(2).max(60),
        unitCode: z
          .string()
          .trim()
          .min(2)
          .max(32)
          .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and - only'),
        sysadmin: newAccount,
        secadmin: newAccount,
        auditor: newAccount,
      })
      .strict(),
    permission: 'public',
    kind: 'write',
  }),
  'setup.openDemo': method<T.DemoInfo>()({ input: none, permission: 'public', kind: 'write' }),

  'auth.session': method<T.SessionInfo | null>()({ input: none, permission: 'public', kind: 'read' }),
  'auth.login': method<T.SessionInfo>()({
    input: z.object({ username: z.string().trim().min(1).max(32), password }).strict(),
    permission: 'public',
    kind: 'write',
  }),
  /** Forgotten password, every administrator unavailable: the recovery code sets a new one. */
  'auth.recover': method<null>()({
    input: z
      .object({ username: z.string().trim().min(1).max(32), recoveryCode: z.string().trim().min(20).max(40), newPassword: password })
      .strict(),
    permission: 'public',
    kind: 'write',
  }),
  'auth.logout': method<null>()({ input: none, permission: 'public', kind: 'write' }),
  'auth.lock': method<null>()({ input: none, permission: 'self', kind: 'read' }),
  'auth.unlock': method<T.SessionInfo>()({
    input: z.object({ password }).strict(),
    permission: 'self',
    kind: 'write',
  }),
  'auth.changePassword': method<T.SessionInfo>()({
    input: z.object({ oldPassword: password, newPassword: password }).strict(),
    permission: 'self',
    kind: 'write',
  }),

  'users.list': method<T.UserSummary[]>()({ input: none, permission: 'users.manage', kind: 'read' }),
  'users.add': method<T.UserSummary>()({
    input: newAccount,
    permission: 'users.manage',
    kind: 'write',
  }),
  'users.setDisabled': method<T.UserSummary>()({
    input: z.object({ userId: z.number().int().positive(), disabled: z.boolean() }).strict(),
    permission: 'users.manage',
    kind: 'write',
  }),
  'users.resetPassword': method<T.UserSummary>()({
    input: z.object({ userId: z.number().int().positive(), password }).strict(),
    permission: 'users.manage',
    kind: 'write',
  }),
  /** Two-administrator resets of content accounts (DESIGN.md §4): pending requests, either side. */
  'users.resetRequests': method<T.PasswordResetRequest[]>()({ input: none, permission: 'users.resetApprove', kind: 'read' }),
  'users.requestReset': method<T.PasswordResetRequest>()({
    input: z.object({ userId: id }).strict(),
    permission: 'users.resetApprove',
    kind: 'write',
  }),
  'users.decideReset': method<T.PasswordResetDecision>()({
    input: z.object({ requestId: id, approve: z.boolean() }).strict(),
    permission: 'users.resetApprove',
    kind: 'write',
  }),
  /** A discipline account without the T3 key takes it with the discipline office's recovery code. */
  'tierKeys.recoverT3': method<null>()({
    input: z.object({ recoveryCode: z.string().trim().min(20).max(40) }).strict(),
    permission: 't3.recover',
    kind: 'write',
  }),

  'roles.list': method<T.UserRoles[]>()({ input: none, permission: 'roles.manage', kind: 'read' }),
  'roles.grant': method<T.UserRoles>()({
    input: z.object({ userId: z.number().int().positive(), role }).strict(),
    permission: 'roles.manage',
    kind: 'write',
  }),
  'roles.revoke': method<T.UserRoles>()({
    input: z.object({ userId: z.number().int().positive(), role }).strict(),
    permission: 'roles.manage',
    kind: 'write',
  }),

  'audit.list': method<T.AuditPage>()({
    input: z
      .object({
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        actor: z.string().trim().max(32).optional(),
        action: z.string().trim().max(64).optional(),
        outcome: z.enum(['ok', 'denied', 'failed']).optional(),
      })
      .strict(),
    permission: 'audit.read',
    kind: 'read',
  }),
  'audit.verify': method<T.AuditVerifyReport>()({
    // A checkpoint noted earlier, `<seq>:<hash prefix>` (at least 8 hex digits; dashes allowed).
    input: z.object({ checkpoint: z.string().trim().max(80).regex(/^#?\d{1,12}\s*:\s*[0-9a-fA-F][0-9a-fA-F\s-]{7,}$/, 'checkpoint: <seq>:<hash prefix>').optional() }).strict(),
    permission: 'audit.read',
    kind: 'read',
  }),
  'audit.export': method<T.FileWritten>()({
    // An existing file is replaced only when asked; the unit's own files never (core/unit/exportTarget).
    input: z.object({ file: path, overwrite: z.boolean().default(false) }).strict(),
    permission: 'audit.read',
    kind: 'write',
  }),

  'backup.create': method<T.BackupInfo>()({
    input: z.object({ folder: path }).strict(),
    permission: 'backup.manage',
    kind: 'write',
  }),
  /**
   * `password`: the acting administrator's password as it was at backup time, or the recovery
   * code — then the backup's key file must open its database. `fingerprint`: the signing key's,
   * from paper.
   */
  'backup.verify': method<T.BackupInfo>()({
    input: z.object({ folder: path, password: password.optional(), fingerprint: z.string().trim().max(120).optional() }).strict(),
    permission: 'backup.manage',
    kind: 'read',
  }),
  'backup.restore': method<T.BackupInfo>()({
    input: z.object({ folder: path, password, fingerprint: z.string().trim().max(120).optional() }).strict(),
    permission: 'backup.manage',
    kind: 'write',
  }),
  'backup.signingKey': method<T.BackupSigningKeyView>()({ input: none, permission: 'backup.manage', kind: 'read' }),

  'home.tasks': method<T.HomeTask[]>()({ input: none, permission: 'self', kind: 'read' }),

  'org.departments.list': method<T.Department[]>()({ input: none, permission: 'org.read', kind: 'read' }),
  'org.departments.save': method<T.Department>()({
    input: z
      .object({ id: id.optional(), name: z.string().trim().min(1).max(40), code: z.string().trim().min(1).max(16), sortOrder: z.number().int().min(0).max(9999).default(0) })
      .strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.people.list': method<T.PersonSummary[]>()({
    input: z
      .object({ departmentId: id.optional(), search: z.string().trim().max(40).optional(), includeGone: z.boolean().default(false), asOf: isoDate.optional() })
      .strict(),
    permission: 'org.read',
    kind: 'read',
  }),
  'org.people.get': method<T.PersonDetail>()({ input: z.object({ id }).strict(), permission: 'org.read', kind: 'read' }),
  'org.people.save': method<T.PersonDetail>()({
    input: z
      .object({
        id: id.optional(),
        staffNo: z.string().trim().min(1).max(20),
        name: z.string().trim().min(1).max(40),
        departmentId: id.nullable(),
        post: z.string().trim().max(40).default(''),
        category: z.enum(POST_CATEGORIES),
        rank: z.string().trim().max(40).default(''),
        supervisorId: id.nullable(),
        riskPost: z.boolean(),
        status: z.enum(EMPLOYMENT_STATUSES),
        joinedOn: isoDate.nullable(),
        leftOn: isoDate.nullable(),
        /** The change takes effect on this day (history keeps who was where on which date). */
        effectiveOn: isoDate,
      })
      .strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.people.linkAccount': method<T.PersonSummary>()({
    input: z.object({ personId: id, userId: id.nullable() }).strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.accounts.list': method<T.AccountRef[]>()({ input: none, permission: 'org.manage', kind: 'read' }),
  'org.leadership.get': method<T.LeadershipInfo>()({ input: none, permission: 'org.read', kind: 'read' }),
  'org.leadership.set': method<T.LeadershipInfo>()({
    input: z
      .object({ headId: id.nullable(), memberIds: z.array(id).max(50), disciplineIds: z.array(id).max(50), effectiveOn: isoDate })
      .strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.roster.template': method<T.FileContent>()({
    input: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(),
    permission: 'org.manage',
    kind: 'read',
  }),
  'org.roster.preview': method<T.RosterPreview>()({ input: fileContent, permission: 'org.manage', kind: 'read' }),
  'org.roster.import': method<T.RosterImportResult>()({ input: fileContent, permission: 'org.manage', kind: 'write' }),

  'calendar.years': method<T.CalendarYearSummary[]>()({ input: none, permission: 'calendar.read', kind: 'read' }),
  'calendar.year': method<T.CalendarYear>()({ input: z.object({ year }).strict(), permission: 'calendar.read', kind: 'read' }),
  'calendar.addWorkingDays': method<T.DeadlineResult>()({
    input: z.object({ from: isoDate, days: z.number().int().min(0).max(3650) }).strict(),
    permission: 'calendar.read',
    kind: 'read',
  }),
  'calendar.import': method<T.CalendarYearSummary>()({ input: fileContent, permission: 'calendar.manage', kind: 'write' }),

  'policy.get': method<T.PolicyView>()({ input: z.object({ year }).strict(), permission: 'policy.read', kind: 'read' }),
  'policy.import': method<T.PendingPolicy>()({
    input: z.object({ year, file: fileContent }).strict(),
    permission: 'policy.propose',
    kind: 'write',
  }),
  'policy.decide': method<T.PolicyView>()({
    input: z.object({ id, approve: z.boolean(), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'policy.approve',
    kind: 'write',
  }),

  'guideline.get': method<T.GuidelineView>()({ input: z.object({ year }).strict(), permission: 'guideline.read', kind: 'read' }),
  'guideline.version': method<T.GuidelineVersionInfo & { guideline: AnnualGuideline }>()({
    input: z.object({ year, version: z.number().int().positive() }).strict(),
    permission: 'guideline.read',
    kind: 'read',
  }),
  'guideline.validate': method<Violation[]>()({
    input: z.object({ guideline: z.unknown() }).strict(),
    permission: 'guideline.draft',
    kind: 'read',
  }),
  'guideline.saveDraft': method<T.GuidelineView>()({
    input: z.object({ year, guideline: z.unknown().optional(), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'guideline.edit',
    kind: 'write',
  }),
  'guideline.startRevision': method<T.GuidelineView>()({
    input: z.object({ year, reason: z.string().trim().min(2).max(500) }).strict(),
    permission: 'guideline.edit',
    kind: 'write',
  }),
  'guideline.discardDraft': method<T.GuidelineView>()({ input: z.object({ year }).strict(), permission: 'guideline.edit', kind: 'write' }),
  'guideline.publish': method<T.GuidelineView>()({ input: z.object({ year }).strict(), permission: 'guideline.publish', kind: 'write' }),

  'ledger.list': method<T.LedgerPage>()({
    input: z
      .object({
        personId: id.optional(),
        kinds: z.array(z.enum(LEDGER_KINDS)).max(LEDGER_KINDS.length).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        text: z.string().trim().max(100).optional(),
        includeVoided: z.boolean().default(false),
        after: z.object({ day: isoDate, id }).strict().optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    permission: 'ledger.read',
    kind: 'read',
    subject: 'personId',
  }),
  'ledger.add': method<T.LedgerEntryView>()({
    input: z
      .object({
        personId: id,
        day: isoDate,
        kind: z.enum(LEDGER_KINDS),
        text: z.string().trim().min(1).max(4000),
        taskRef: z.string().trim().max(64).optional(),
        progress: z.number().int().min(0).max(100).optional(),
        attachments: z.array(fileContent).max(ATTACHMENT_LIMITS.maxFiles).default([]),
      })
      .strict(),
    permission: 'ledger.write',
    kind: 'write',
    subject: 'personId',
  }),
  'ledger.void': method<T.LedgerEntryView>()({
    input: z.object({ entryId: id, reason: z.string().trim().min(2).max(500) }).strict(),
    permission: 'ledger.write',
    kind: 'write',
  }),
  'ledger.attachment': method<T.FileContent>()({ input: z.object({ attachmentId: id }).strict(), permission: 'ledger.read', kind: 'read' }),
  'ledger.export': method<T.FileContent>()({
    input: z
      .object({
        personId: id.optional(),
        kinds: z.array(z.enum(LEDGER_KINDS)).max(LEDGER_KINDS.length).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        text: z.string().trim().max(100).optional(),
        includeVoided: z.boolean().default(false),
      })
      .strict(),
    permission: 'ledger.read',
    kind: 'write',
    subject: 'personId',
  }),
  'attendance.preview': method<T.ImportPreview>()({ input: fileContent, permission: 'ledger.import', kind: 'read' }),
  'attendance.import': method<T.ImportResult>()({ input: fileContent, permission: 'ledger.import', kind: 'write' }),
  'survey.preview': method<T.ImportPreview>()({ input: fileContent, permission: 'ledger.import', kind: 'read' }),
  'survey.import': method<T.ImportResult>()({ input: fileContent, permission: 'ledger.import', kind: 'write' }),
  /** 服务评价 per official for HR, kiosk bursts flagged. */
  'survey.summary': method<K.SurveyOfficialSummary[]>()({ input: z.object({ year }).strict(), permission: 'ledger.import', kind: 'read' }),
  'talks.list': method<T.TalkStatus[]>()({
    input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM') }).strict(),
    permission: 'talks.read',
    kind: 'read',
  }),
  'talks.record': method<T.TalkStatus>()({
    input: z
      .object({ personId: id, month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'), heldOn: isoDate, notes: z.string().trim().min(1).max(4000) })
      .strict(),
    permission: 'talks.write',
    kind: 'write',
    subject: 'personId',
  }),
  // ── commitments (承诺书) ──
  'commitments.get': method<CommitmentRecord>()({
    input: z.object({ personId: id, year }).strict(),
    permission: 'commitments.read',
    kind: 'read',
    subject: 'personId',
  }),
  'commitments.list': method<CommitmentSummary[]>()({ input: z.object({ year }).strict(), permission: 'commitments.read', kind: 'read' }),
  'commitments.saveDraft': method<CommitmentRecord>()({
    input: z.object({ personId: id, year, tasks: z.array(commitmentTask).max(50) }).strict(),
    permission: 'commitments.write',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.submit': method<CommitmentRecord>()({
    input: z.object({ personId: id, year }).strict(),
    permission: 'commitments.write',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.review': method<CommitmentRecord>()({
    input: z.object({ personId: id, year, decision: z.enum(['approve', 'return']), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'commitments.review',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.complete': method<CommitmentRecord>()({
    input: z.object({ personId: id, year, taskKey, completedOn: isoDate.nullable() }).strict(),
    permission: 'commitments.review',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.requestRevision': method<CommitmentRecord>()({
    input: z
      .object({ personId: id, year, changes: z.array(revisionChange).min(1).max(50), reason: z.string().trim().min(2).max(500) })
      .strict(),
    permission: 'commitments.write',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.decideRevision': method<CommitmentRecord>()({
    input: z.object({ requestId: id, approve: z.boolean(), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'commitments.decideRevision',
    kind: 'write',
  }),
  // ── end commitments ──
  // ── quarterly (季度评估) ──
  'quarterly.status': method<Q.QuarterlyStatusRow[]>()({
    input: z.object({ year, quarter }).strict(),
    permission: 'quarterly.read',
    kind: 'read',
  }),
  'quarterly.get': method<Q.QuarterlyDetail>()({
    input: z.object({ personId: id, year, quarter }).strict(),
    permission: 'quarterly.read',
    kind: 'read',
    subject: 'personId',
  }),
  'quarterly.submitSummary': method<Q.QuarterlyDetail>()({
    input: z.object({ personId: id, year, quarter, text: z.string().trim().min(1).max(8000) }).strict(),
    permission: 'quarterly.summary',
    kind: 'write',
    subject: 'personId',
  }),
  'quarterly.rate': method<Q.QuarterlyRateResult>()({
    input: z
      .object({
        personId: id,
        year,
        quarter,
        performance: rating,
        potential: rating,
        failMark: z.boolean().default(false),
        failReason: z.string().trim().max(1000).optional(),
      })
      .strict(),
    permission: 'quarterly.rate',
    kind: 'write',
    subject: 'personId',
  }),
  'quarterly.assignPeers': method<Q.AssignPeersResult>()({
    input: z.object({ year, quarter, raterId: id, rateeIds: z.array(id).min(1).max(100) }).strict(),
    permission: 'quarterly.assignPeers',
    kind: 'write',
  }),
  'quarterly.myPeerAssignments': method<Q.PeerAssignmentView[]>()({
    input: z.object({ year: year.optional(), quarter: quarter.optional() }).strict(),
    permission: 'quarterly.peerRate',
    kind: 'read',
  }),
  'quarterly.peerRate': method<Q.PeerAssignmentView>()({
    input: z.object({ assignmentId: id, score: rating }).strict(),
    permission: 'quarterly.peerRate',
    kind: 'write',
  }),
  'quarterly.nineBox': method<Q.NineBoxView>()({
    input: z.object({ year, quarter }).strict(),
    permission: 'quarterly.nineBox',
    kind: 'read',
  }),
  'quarterly.followups.list': method<Q.FollowupView[]>()({
    input: z.object({ state: z.enum(FOLLOWUP_STATES).optional() }).strict(),
    permission: 'quarterly.followups',
    kind: 'read',
  }),
  'quarterly.followups.update': method<Q.FollowupView>()({
    input: z
      .object({
        id,
        state: z.enum(FOLLOWUP_STATES).optional(),
        ownerId: id.nullable().optional(),
        deadline: isoDate.optional(),
        notes: z.string().trim().max(4000).optional(),
      })
      .strict(),
    permission: 'quarterly.followups',
    kind: 'write',
  }),
  // ── end quarterly ──
  // ── kiosk (现场评价) ──
  'kiosk.start': method<K.KioskStarted>()({
    input: z.object({ departmentId: id.optional() }).strict(),
    permission: 'kiosk.run',
    kind: 'write',
  }),
  'kiosk.officials': method<K.KioskOfficials>()({ input: none, permission: 'kiosk.run', kind: 'read' }),
  'kiosk.rate': method<null>()({
    input: z.object({ personId: id, level: z.enum(KIOSK_LEVELS), channel: z.enum(KIOSK_CHANNELS).default('onsite') }).strict(),
    permission: 'kiosk.run',
    kind: 'write',
  }),
  'kiosk.exit': method<T.SessionInfo>()({ input: z.object({ password }).strict(), permission: 'kiosk.run', kind: 'write' }),
  // ── end kiosk ──
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>
export type OutputOf<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never
export { METHOD_NAMES } from './methodNames'

// Compile-time proof that methodNames.ts lists exactly the contract's keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesMatch: Same<MethodName, MethodNameList> = true
void namesMatch

export type { Role }
