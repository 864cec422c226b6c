import { KaoheError } from '@shared/errors'
import type { AnnualGuideline } from '@shared/guideline/model'
import type { CalendarWarningInfo, GuidelineState, GuidelineVersionInfo, GuidelineView } from '@shared/api/types'
import type { IsoDate } from '@shared/org'
import type { GuidelineRow } from '../../db/schema'
import type { ReadableDB, Store } from '../../db/store'
import type { WorkingDayCalendar } from '../calendar'
import { publicityPeriod, storedPublicity } from '../calendar/publicity'
import { unitCalendar } from '../calendar/unitCalendar'
import type { Policy } from '../policy/defaults'
import { defaultGuideline } from './defaults'
import { validateGuideline } from './validate'

/**
 * The year's guideline (《年度绩效考核指引》) through its life: HR edits a draft, the leadership group
 * head publishes it, it is publicly shown (公示) for the policy's working days and is in force the
 * day after. A mid-year revision is a new draft with a reason; publishing it is the head's
 * approval. Published versions are never changed, so anything scored records the version it used.
 */

type VersionRow = Pick<GuidelineRow, 'version' | 'body' | 'reason' | 'published_at' | 'publicity_start' | 'publicity_end' | 'effective_on'> & {
  username: string | null
}

function versionRows(store: ReadableDB, year: number): VersionRow[] {
  return store.all(
    store.qb
      .selectFrom('guidelines as g')
      .leftJoin('users as u', 'u.id', 'g.published_by')
      .select(['g.version', 'g.body', 'g.reason', 'g.published_at', 'u.display_name as username', 'g.publicity_start', 'g.publicity_end', 'g.effective_on'])
      .where('g.year', '=', year)
      .orderBy('g.version'),
  )
}

/** The version in force on a date (the latest whose publicity has ended), for scoring to record. */
export function versionInForce(store: ReadableDB, year: number, date: IsoDate): { version: number; guideline: AnnualGuideline } | null {
  const rows = versionRows(store, year).filter((r) => r.effective_on <= date)
  const row = rows[rows.length - 1]
  return row ? { version: row.version, guideline: JSON.parse(row.body) as AnnualGuideline } : null
}

function stateOf(row: VersionRow, rows: VersionRow[], today: IsoDate): GuidelineState {
  if (row.effective_on > today) return 'publicity'
  const later = rows.some((r) => r.version > row.version && r.effective_on <= today)
  return later ? 'superseded' : 'inForce'
}

function info(row: VersionRow, rows: VersionRow[], today: IsoDate, calendar: WorkingDayCalendar): GuidelineVersionInfo {
  const workingDays = (JSON.parse(row.body) as AnnualGuideline).publicity.guidelineWorkingDays
  // The warnings are worked out on today's calendar, so an estimated end date keeps its warning
  // after publishing, and one the table in force no longer agrees with says so.
  const period = storedPublicity(calendar, { start: row.publicity_start, end: row.publicity_end, effectiveOn: row.effective_on, workingDays })
  return {
    version: row.version,
    state: stateOf(row, rows, today),
    publishedAt: row.published_at,
    publishedBy: row.username,
    publicityStart: row.publicity_start,
    publicityEnd: row.publicity_end,
    publicityFrom: period.from,
    publicityWorkingDays: workingDays,
    publicityWarnings: period.warnings.map(({ code, year, zh, en }) => ({ code, year, zh, en })),
    effectiveOn: row.effective_on,
    reason: row.reason,
  }
}

export function guidelineVersion(store: Store, year: number, version: number, today: IsoDate) {
  const rows = versionRows(store, year)
  const row = rows.find((r) => r.version === version)
  if (!row) throw new KaoheError('NOT_FOUND', { what: '指引版本 guideline version', id: `${year} v${version}` })
  return { ...info(row, rows, today, unitCalendar(store)), guideline: JSON.parse(row.body) as AnnualGuideline }
}

export function guidelineView(
  store: Store,
  year: number,
  ctx: { today: IsoDate; policy: Policy; canSeeDraft: boolean; calendarWarnings?: CalendarWarningInfo[] },
): GuidelineView {
  const rows = versionRows(store, year)
  // The current one: the newest in force, or else the newest in publicity.
  const inForce = [...rows].reverse().find((r) => r.effective_on <= ctx.today)
  const shown = rows.length ? (rows[rows.length - 1]!.effective_on > ctx.today ? rows[rows.length - 1]! : inForce) : undefined
  const draftRow = ctx.canSeeDraft
    ? store.first(
        store.qb
          .selectFrom('guideline_drafts as d')
          .leftJoin('users as u', 'u.id', 'd.updated_by')
          .select(['d.body', 'd.reason', 'd.updated_at', 'u.display_name as username'])
          .where('d.year', '=', year),
      )
    : undefined
  let draft: GuidelineView['draft'] = null
  if (draftRow) {
    const guideline = JSON.parse(draftRow.body) as AnnualGuideline
    draft = {
      guideline,
      reason: draftRow.reason,
      violations: validateGuideline(guideline, ctx.policy),
      updatedAt: draftRow.updated_at,
      updatedBy: draftRow.username,
    }
  }
  const calendar = unitCalendar(store)
  const current = shown ? { ...info(shown, rows, ctx.today, calendar), guideline: JSON.parse(shown.body) as AnnualGuideline } : null
  // The current version's warnings are the view's too: they stay as long as its dates are estimates.
  const warnings = [...(ctx.calendarWarnings ?? []), ...(current?.publicityWarnings ?? [])]
  return {
    year,
    current,
    draft,
    versions: rows.map((r) => info(r, rows, ctx.today, calendar)).reverse(),
    calendarWarnings: warnings.filter((w, i) => warnings.findIndex((x) => x.code === w.code && x.year === w.year) === i),
  }
}

/** Saves the draft as it is, valid or not: violations are shown, and block only publishing. */
export function saveDraft(store: Store, year: number, body: unknown, reason: string | undefined, actorId: number, now: Date): void {
  const found = (body as { year?: unknown } | null)?.year
  if (typeof found === 'number' && found !== year) throw new KaoheError('GUIDELINE_YEAR_MISMATCH', { found, year })
  const existing = store.first(store.qb.selectFrom('guideline_drafts').select(['reason', 'base_version']).where('year', '=', year))
  const values = {
    body: JSON.stringify(body),
    reason: reason ?? existing?.reason ?? null,
    base_version: existing?.base_version ?? latestVersion(store, year),
    updated_at: now.toISOString(),
    updated_by: actorId,
  }
  store.run(
    store.qb.insertInto('guideline_drafts').values({ year, ...values }).onConflict((oc) => oc.column('year').doUpdateSet(values)),
  )
}

/** A first draft starts from the shipped defaults (RULES.md §4). */
export function ensureDraft(store: Store, year: number, actorId: number, now: Date): void {
  const exists = store.first(store.qb.selectFrom('guideline_drafts').select('year').where('year', '=', year))
  if (!exists && latestVersion(store, year) === null) saveDraft(store, year, defaultGuideline(year), undefined, actorId, now)
}

export function startRevision(store: Store, year: number, reason: string, actorId: number, now: Date): void {
  const latest = versionRows(store, year).at(-1)
  if (!latest) throw new KaoheError('GUIDELINE_NOTHING_TO_REVISE', { year })
  if (store.first(store.qb.selectFrom('guideline_drafts').select('year').where('year', '=', year))) {
    throw new KaoheError('GUIDELINE_DRAFT_EXISTS', { year })
  }
  store.run(
    store.qb.insertInto('guideline_drafts').values({
      year,
      body: latest.body,
      reason,
      base_version: latest.version,
      updated_at: now.toISOString(),
      updated_by: actorId,
    }),
  )
}

export function discardDraft(store: Store, year: number): void {
  const { changes } = store.run(store.qb.deleteFrom('guideline_drafts').where('year', '=', year))
  if (!changes) throw new KaoheError('GUIDELINE_NO_DRAFT', { year })
}

function latestVersion(store: Store, year: number): number | null {
  return versionRows(store, year).at(-1)?.version ?? null
}

/**
 * Publishes the draft: it must satisfy the policy in force, a revision must give its reason, and
 * the publicity period is counted on the working-day calendar (calendar/publicity.ts): day 1 is
 * the working day after publishing, it ends on the guideline's N-th working day (P7 bounds N), and
 * the version is in force the next day.
 */
export function publish(
  store: Store,
  year: number,
  ctx: { policy: Policy; calendar: WorkingDayCalendar; today: IsoDate; actorId: number; now: Date },
): { version: number; publicityEnd: IsoDate; effectiveOn: IsoDate; warnings: CalendarWarningInfo[] } {
  const draft = store.first(store.qb.selectFrom('guideline_drafts').selectAll().where('year', '=', year))
  if (!draft) throw new KaoheError('GUIDELINE_NO_DRAFT', { year })
  const body = JSON.parse(draft.body) as AnnualGuideline
  const violations = validateGuideline(body, ctx.policy)
  if (violations.length) {
    throw new KaoheError('GUIDELINE_INVALID', { count: violations.length, first: violations[0]!.zh, firstEn: violations[0]!.en })
  }
  const previous = latestVersion(store, year)
  if (previous !== null && !draft.reason?.trim()) throw new KaoheError('GUIDELINE_REASON_REQUIRED')
  const period = publicityPeriod(ctx.calendar, ctx.today, body.publicity.guidelineWorkingDays)
  const effectiveOn = period.effectiveOn
  const version = (previous ?? 0) + 1
  store.run(
    store.qb.insertInto('guidelines').values({
      year,
      version,
      body: draft.body,
      reason: draft.reason,
      policy_version: ctx.policy.version,
      published_at: ctx.now.toISOString(),
      published_by: ctx.actorId,
      publicity_start: ctx.today,
      publicity_end: period.end,
      effective_on: effectiveOn,
    }),
  )
  store.run(store.qb.deleteFrom('guideline_drafts').where('year', '=', year))
  return { version, publicityEnd: period.end, effectiveOn, warnings: period.warnings.map(({ code, year, zh, en }) => ({ code, year, zh, en })) }
}
