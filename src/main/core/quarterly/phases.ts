import { KaoheError } from '@shared/errors'
import { chineseDate } from '@shared/dates'
import type { IsoDate } from '@shared/org'
import type { Quarter, QuarterPhase, QuarterPhaseView } from '@shared/quarterly'
import type { Store } from '../../db/store'
import { unitCalendar } from '../calendar/unitCalendar'
import { addDays } from '../calendar/dates'
import { quarterlyRules } from './params'
import { quarterBounds } from './quarters'

/**
 * A quarter's phases (RULES.md §5, the one home of this rule), from the unit's working-day calendar
 * and the policy's quarterly section:
 * - open (进行中): from the quarter's first day to its last; the person writes the 小结;
 * - summaryDue (小结提交): the `summaryDueWorkingDays` working days after the quarter ends;
 * - rating (主管评价): the next `ratingWorkingDays` working days; supervisors rate; the 小结 stays
 *   editable until this phase ends (a rating given before a later change is shown as such);
 * - closed (已结束): from the day after. Nothing saves any more; HR records an amendment, or
 *   reopens the quarter with a reason, which puts it back in its rating phase for another
 *   `ratingWorkingDays` working days.
 */

export const quarterZh = (year: number, quarter: Quarter) => `${year}年第${'一二三四'[quarter - 1]}季度`

function reopening(store: Store, year: number, quarter: Quarter, today: IsoDate) {
  return (
    store.first(
      store.qb
        .selectFrom('quarter_reopenings')
        .select(['reason', 'open_until', 'reopened_at'])
        .where('year', '=', year)
        .where('quarter', '=', quarter)
        .where('open_until', '>=', today)
        .orderBy('id', 'desc')
        .limit(1),
    ) ?? null
  )
}

export function quarterPhase(store: Store, year: number, quarter: Quarter, today: IsoDate): QuarterPhaseView {
  const { from, to } = quarterBounds(year, quarter)
  const rules = quarterlyRules(store, year)
  const calendar = unitCalendar(store)
  const summaryDueOn = calendar.addWorkingDays(to, rules.summaryDueWorkingDays).date
  const ratingEndsOn = calendar.addWorkingDays(summaryDueOn, rules.ratingWorkingDays).date
  const closesOn = addDays(ratingEndsOn, 1)
  const reopened = today >= closesOn ? reopening(store, year, quarter, today) : null
  const phase: QuarterPhase =
    today < from ? 'notStarted' : today <= to ? 'open' : today <= summaryDueOn ? 'summaryDue' : today <= ratingEndsOn || reopened ? 'rating' : 'closed'
  return {
    year,
    quarter,
    phase,
    from,
    to,
    summaryDueOn,
    ratingFrom: addDays(summaryDueOn, 1),
    ratingEndsOn,
    closesOn,
    reopened: reopened ? { reason: reopened.reason, openUntil: reopened.open_until, reopenedAt: reopened.reopened_at } : null,
    summaryDueWorkingDays: rules.summaryDueWorkingDays,
    ratingWorkingDays: rules.ratingWorkingDays,
    minPeerRaters: rules.minPeerRaters,
  }
}

function phaseParams(p: QuarterPhaseView) {
  return {
    year: p.year,
    quarter: p.quarter,
    quarterZh: quarterZh(p.year, p.quarter),
    ratingFrom: p.ratingFrom,
    ratingFromZh: chineseDate(p.ratingFrom),
    closedOn: p.closesOn,
    closedOnZh: chineseDate(p.closesOn),
  }
}

/** Ratings, peer scores, summaries and assignments save only until the quarter closes. */
export function requireNotClosed(p: QuarterPhaseView): void {
  if (p.phase === 'closed') throw new KaoheError('QUARTER_CLOSED', phaseParams(p))
}

/** A supervisor rates in the rating phase only (or while HR has reopened the quarter). */
export function requireRatingPhase(p: QuarterPhaseView): void {
  requireNotClosed(p)
  if (p.phase !== 'rating') throw new KaoheError('QUARTER_NOT_IN_RATING_PHASE', phaseParams(p))
}

/** Reopening and amendments are for a closed quarter. */
export function requireClosed(p: QuarterPhaseView): void {
  if (p.phase !== 'closed') throw new KaoheError('QUARTER_NOT_CLOSED', phaseParams(p))
}

/**
 * HR reopens a closed quarter with a reason: it is back in its rating phase for the policy's
 * rating window counted from today.
 */
export function reopenQuarter(
  store: Store,
  input: { year: number; quarter: Quarter; reason: string },
  change: { userId: number; now: Date; today: IsoDate },
): QuarterPhaseView {
  requireClosed(quarterPhase(store, input.year, input.quarter, change.today))
  const openUntil = unitCalendar(store).addWorkingDays(change.today, quarterlyRules(store, input.year).ratingWorkingDays).date
  store.run(
    store.qb.insertInto('quarter_reopenings').values({
      year: input.year,
      quarter: input.quarter,
      reason: input.reason,
      open_until: openUntil,
      reopened_by: change.userId,
      reopened_at: change.now.toISOString(),
    }),
  )
  return quarterPhase(store, input.year, input.quarter, change.today)
}
