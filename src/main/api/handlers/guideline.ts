import { localDate } from '@shared/dates'
import { authorize } from '../../core/access/authorize'
import { unitCalendar } from '../../core/calendar/unitCalendar'
import { validateGuideline } from '../../core/guideline/validate'
import {
  discardDraft,
  ensureDraft,
  guidelineVersion,
  guidelineView,
  publish,
  saveDraft,
  startRevision,
} from '../../core/guideline/versions'
import { policyInForce } from '../../core/policy/inForce'
import type { CallContext, HandlersFor } from '../router'
import { textDigest } from '../../core/audit/digest'

function view(ctx: CallContext, year: number, calendarWarnings = [] as ReturnType<typeof publish>['warnings']) {
  const { session, now } = ctx
  return guidelineView(session.store, year, {
    today: localDate(now),
    policy: policyInForce(session.store, year).policy,
    canSeeDraft: authorize(session.actor, 'guideline.draft'),
    calendarWarnings,
  })
}

export const guidelineHandlers: HandlersFor<'guideline'> = {
  'guideline.get': (ctx, { year }) => view(ctx, year),

  'guideline.version': ({ session, now }, { year, version }) => guidelineVersion(session.store, year, version, localDate(now)),

  'guideline.validate': ({ session }, { guideline }) => {
    const year = (guideline as { year?: unknown } | null)?.year
    const policy = policyInForce(session.store, typeof year === 'number' ? year : new Date().getFullYear()).policy
    return validateGuideline(guideline, policy)
  },

  /** Without a body, a first draft starts from the shipped defaults. */
  'guideline.saveDraft': (ctx, { year, guideline, reason }) => {
    const { session, now, note } = ctx
    if (guideline === undefined || guideline === null) ensureDraft(session.store, year, session.user.id, now)
    else saveDraft(session.store, year, guideline, reason, session.user.id, now)
    const v = view(ctx, year)
    note(`guideline:${year}:draft`, { violations: v.draft?.violations.map((x) => x.id) ?? [], reason: textDigest(reason) })
    return v
  },

  'guideline.startRevision': (ctx, { year, reason }) => {
    startRevision(ctx.session.store, year, reason, ctx.session.user.id, ctx.now)
    ctx.note(`guideline:${year}:draft`, { revision: true, reason: textDigest(reason) })
    return view(ctx, year)
  },

  'guideline.discardDraft': (ctx, { year }) => {
    discardDraft(ctx.session.store, year)
    ctx.note(`guideline:${year}:draft`, { discarded: true })
    return view(ctx, year)
  },

  'guideline.publish': (ctx, { year }) => {
    const { session, now } = ctx
    const result = publish(session.store, year, {
      policy: policyInForce(session.store, year).policy,
      calendar: unitCalendar(session.store),
      today: localDate(now),
      actorId: session.user.id,
      now,
    })
    ctx.note(`guideline:${year}:v${result.version}`, { ...result, warnings: result.warnings.map((w) => w.code) })
    return view(ctx, year, result.warnings)
  },
}
