import { z } from 'zod'
import { SANCTION_EFFECTS } from '@shared/annual'
import { KaoheError } from '@shared/errors'
import type { FileContent, PendingPolicy, PolicyView } from '@shared/api/types'
import type { ReadableDB, Store } from '../../db/store'
import { policyConstraintsSchema } from './constraints'
import { DEFAULT_POLICY, type Policy } from './defaults'
import { fileText } from '../imports/files'

/**
 * The policy in force for a year (考核政策, RULES.md §2): the shipped defaults until an imported
 * policy is approved by the leadership group head (or a package from the higher-level office
 * brings one). Each change is a row; nothing is overwritten.
 */
const securitySchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(2).max(4),
  maxFailedLogins: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(5).max(1440),
  idleLockMinutes: z.number().int().min(1).max(120),
  forcePasswordChangeAtFirstLogin: z.boolean(),
  scryptLog2N: z.number().int().min(17).max(20),
  auditRetentionDays: z.number().int().min(180),
})

const quarterlySchema = z
  .object({
    minPeerRaters: z.number().int().min(1).max(20),
    interviewDays: z.number().int().min(1).max(90),
    // Written after the section existed: a file without them keeps the shipped phases.
    summaryDueWorkingDays: z.number().int().min(1).max(30).default(DEFAULT_POLICY.quarterly.summaryDueWorkingDays),
    ratingWorkingDays: z.number().int().min(1).max(60).default(DEFAULT_POLICY.quarterly.ratingWorkingDays),
  })
  .strict()

const MiB = 1024 * 1024
/** Bounds on the imports limits: no policy may switch the hostile-file checks off. */
const importsSchema = z
  .object({
    maxFileBytes: z.number().int().min(1).max(200 * MiB),
    maxZipEntries: z.number().int().min(1).max(65535),
    maxEntryUncompressedBytes: z.number().int().min(1).max(1024 * MiB),
    maxTotalUncompressedBytes: z.number().int().min(1).max(2048 * MiB),
    maxCompressionRatio: z.number().min(1).max(1100),
    maxRows: z.number().int().min(1).max(1_048_576),
    maxCells: z.number().int().min(1).max(20_000_000),
    maxCellChars: z.number().int().min(1).max(32767),
  })
  .strict()

/** Bounds on the kiosk limits: a kiosk always has a limit and a burst window. */
const kioskSchema = z
  .object({
    maxRatingsPerSession: z.number().int().min(1).max(10_000),
    maxRatingsPerOfficialPerSession: z.number().int().min(1).max(1_000),
    burstSeconds: z.number().int().min(1).max(3_600),
  })
  .strict()

/** The annual section: a sanction table needs at least one entry, names trimmed and short. */
const annualSchema = z
  .object({
    uniformBallotsInvalid: z.boolean(),
    sanctionEffects: z.record(z.string().trim().min(1).max(30), z.enum(SANCTION_EFFECTS)).refine((r) => Object.keys(r).length > 0, '至少一项 / at least one entry'),
  })
  .strict()

const days = z.number().int().min(1).max(365)
const percent = z.number().min(0).max(1000)
/** The results section (RULES.md §8); a pair of bounds must be in order. */
const resultsSchema = z
  .object({
    $comment: z.string().optional(),
    bonusPercentExcellent: percent,
    bonusPercentCompetent: percent,
    bonusPercentBasic: percent,
    bonusPercentIncompetent: percent,
    rectificationMonths: z.number().int().min(1).max(24),
    reassignmentMonthsMin: z.number().int().min(1).max(24),
    reassignmentMonthsMax: z.number().int().min(1).max(24),
    meritConsecutiveExcellent: z.number().int().min(2).max(10),
    dismissalConsecutiveIncompetent: z.number().int().min(1).max(10),
    trainingNeedGapPoints: z.number().min(0).max(100),
    trainingNeedFloor: z.number().min(0).max(100),
    biasUniformSdBelow: z.number().min(0).max(50),
    biasUniformMinPeople: z.number().int().min(2).max(1000),
    biasLenientSharePercent: z.number().min(1).max(100),
    biasLenientScore: z.number().min(0).max(100),
    rotationYears: z.number().int().min(2).max(10),
  })
  .strict()
  .refine((r) => r.reassignmentMonthsMin <= r.reassignmentMonthsMax, { message: '调整岗位期限下限不能大于上限 / reassignmentMonthsMin must not exceed reassignmentMonthsMax', path: ['reassignmentMonthsMin'] })
  .transform(({ $comment: _c, ...r }) => r)
const appealsSchema = z
  .object({
    $comment: z.string().optional(),
    reviewDays: days,
    reviewDecisionDays: days,
    appealAfterReviewDays: days,
    appealDirectDays: days,
    appealDecisionDays: days,
    appealExtensionDays: z.number().int().min(0).max(365),
  })
  .strict()
  .transform(({ $comment: _c, ...r }) => r)

export const policySchema = z
  .object({
    $comment: z.string().optional(),
    version: z.string().trim().min(1).max(60),
    security: securitySchema,
    constraints: policyConstraintsSchema.strict(),
    // A policy file written before this section existed keeps the shipped quarterly rules.
    quarterly: quarterlySchema.default(DEFAULT_POLICY.quarterly),
    imports: importsSchema.default(DEFAULT_POLICY.imports),
    kiosk: kioskSchema.default(DEFAULT_POLICY.kiosk),
    annual: annualSchema.default(DEFAULT_POLICY.annual),
    results: resultsSchema.default(DEFAULT_POLICY.results),
    appeals: appealsSchema.default(DEFAULT_POLICY.appeals),
  })
  .strict()

/** A stored policy body; sections added after it was approved read as the shipped defaults. */
function storedPolicy(body: string): Policy {
  const p = JSON.parse(body) as Partial<Policy> & Pick<Policy, 'version' | 'security' | 'constraints'>
  return { ...p, quarterly: { ...DEFAULT_POLICY.quarterly, ...p.quarterly }, imports: { ...DEFAULT_POLICY.imports, ...p.imports }, kiosk: { ...DEFAULT_POLICY.kiosk, ...p.kiosk }, annual: { ...DEFAULT_POLICY.annual, ...p.annual }, results: { ...DEFAULT_POLICY.results, ...p.results }, appeals: { ...DEFAULT_POLICY.appeals, ...p.appeals } }
}

export interface PolicyInForce {
  policy: Policy
  id: number | null
  source: 'default' | 'import' | 'package'
  approvedBy: string | null
  approvedAt: string | null
}

export function policyInForce(store: ReadableDB, year: number): PolicyInForce {
  const row = store.first(
    store.qb
      .selectFrom('policies as p')
      .leftJoin('users as u', 'u.id', 'p.decided_by')
      .select(['p.id', 'p.body', 'p.source', 'p.decided_at', 'u.display_name as username'])
      .where('p.year', '=', year)
      .where('p.status', '=', 'inForce')
      .orderBy('p.id', 'desc')
      .limit(1),
  )
  if (!row) return { policy: DEFAULT_POLICY, id: null, source: 'default', approvedBy: null, approvedAt: null }
  return {
    policy: storedPolicy(row.body),
    id: row.id,
    source: row.source,
    approvedBy: row.username,
    approvedAt: row.decided_at,
  }
}

function diff(from: Policy, to: Policy): PendingPolicy['changes'] {
  const changes: PendingPolicy['changes'] = []
  for (const section of ['constraints', 'security', 'quarterly', 'imports', 'kiosk', 'results', 'appeals'] as const) {
    const a = from[section] as Record<string, number | boolean>
    const b = to[section] as Record<string, number | boolean>
    for (const key of Object.keys(b)) {
      if (a[key] !== b[key]) changes.push({ key: `${section}.${key}`, from: a[key] ?? null, to: b[key]! })
    }
  }
  if (from.annual.uniformBallotsInvalid !== to.annual.uniformBallotsInvalid) {
    changes.push({ key: 'annual.uniformBallotsInvalid', from: from.annual.uniformBallotsInvalid, to: to.annual.uniformBallotsInvalid })
  }
  // The sanction table changes name by name: an effect changed, a name added or removed.
  const a = from.annual.sanctionEffects
  const b = to.annual.sanctionEffects
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[name] !== b[name]) changes.push({ key: `annual.sanctionEffects.${name}`, from: a[name] ?? null, to: b[name] ?? null })
  }
  return changes
}

/** HR proposes a policy file for a year; it waits for the head's decision. */
export function proposePolicy(store: Store, year: number, file: FileContent, actorId: number, now: Date): PendingPolicy {
  let json: unknown
  try {
    json = JSON.parse(fileText(file))
  } catch (e) {
    throw new KaoheError('POLICY_IMPORT_INVALID', { reason: `不是有效的 JSON：${(e as Error).message}`, reasonEn: `not valid JSON: ${(e as Error).message}` })
  }
  const parsed = policySchema.safeParse(json)
  if (!parsed.success) {
    const list = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')
    throw new KaoheError('POLICY_IMPORT_INVALID', { reason: list, reasonEn: list })
  }
  const pending = store.first(
    store.qb.selectFrom('policies').select('id').where('year', '=', year).where('status', '=', 'pending'),
  )
  if (pending) throw new KaoheError('POLICY_PENDING_EXISTS', { year })
  const policy = parsed.data as Policy
  const id = store.run(
    store.qb.insertInto('policies').values({
      year,
      version: policy.version,
      source: 'import',
      body: JSON.stringify(policy),
      status: 'pending',
      proposed_by: actorId,
      proposed_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      reason: null,
    }),
  ).lastInsertRowid
  const created = pendingPolicy(store, year)
  if (!created || created.id !== id) throw new Error('the pending policy was not stored')
  return created
}

export function pendingPolicy(store: Store, year: number): PendingPolicy | null {
  const row = store.first(
    store.qb
      .selectFrom('policies as p')
      .leftJoin('users as u', 'u.id', 'p.proposed_by')
      .select(['p.id', 'p.version', 'p.body', 'p.proposed_at', 'u.display_name as username'])
      .where('p.year', '=', year)
      .where('p.status', '=', 'pending'),
  )
  if (!row) return null
  return {
    id: row.id,
    version: row.version,
    proposedBy: row.username ?? '',
    proposedAt: row.proposed_at,
    changes: diff(policyInForce(store, year).policy, storedPolicy(row.body)),
  }
}

/** The head approves (it comes into force, the previous one is superseded) or refuses with a reason. */
export function decidePolicy(store: Store, id: number, approve: boolean, reason: string | undefined, actorId: number, now: Date): number {
  const row = store.first(store.qb.selectFrom('policies').select(['year', 'status']).where('id', '=', id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '政策导入 policy import', id })
  if (row.status !== 'pending') throw new KaoheError('POLICY_NOT_PENDING')
  if (approve) {
    store.run(store.qb.updateTable('policies').set({ status: 'superseded' }).where('year', '=', row.year).where('status', '=', 'inForce'))
  }
  store.run(
    store.qb
      .updateTable('policies')
      .set({ status: approve ? 'inForce' : 'refused', decided_by: actorId, decided_at: now.toISOString(), reason: reason ?? null })
      .where('id', '=', id),
  )
  return row.year
}

export function policyView(store: Store, year: number): PolicyView {
  const current = policyInForce(store, year)
  const history = store
    .all(
      store.qb
        .selectFrom('policies as p')
        .leftJoin('users as u', 'u.id', 'p.decided_by')
        .select(['p.id', 'p.version', 'p.source', 'p.status', 'p.decided_at', 'u.display_name as username', 'p.reason'])
        .where('p.year', '=', year)
        .orderBy('p.id', 'desc'),
    )
    .map((h) => ({ id: h.id, version: h.version, source: h.source, status: h.status, decidedAt: h.decided_at, decidedBy: h.username, reason: h.reason }))
  return {
    year,
    version: current.policy.version,
    source: current.source,
    approvedBy: current.approvedBy,
    approvedAt: current.approvedAt,
    constraints: { ...current.policy.constraints },
    security: { ...current.policy.security } as unknown as Record<string, number | boolean>,
    annual: {
      uniformBallotsInvalid: current.policy.annual.uniformBallotsInvalid,
      sanctions: Object.entries(current.policy.annual.sanctionEffects).map(([name, effect]) => ({ name, effect })),
    },
    results: { ...current.policy.results },
    appeals: { ...current.policy.appeals },
    pending: pendingPolicy(store, year),
    history,
  }
}
