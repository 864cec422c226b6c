import type { HomeTimeline, HomeTimelineStep } from '@shared/api/types'
import { localDate } from '@shared/dates'
import type { Quarter } from '@shared/quarterly'
import type { Store } from '../../db/store'
import { quarterPhase } from '../quarterly'

/**
 * The year's cycle for the home page (RULES.md §1): goal setting in January, the ledger and monthly
 * talks all year, the quarterly evaluation at each quarter end (its dates from the unit's calendar
 * and the policy, as quarterPhase computes them), the annual evaluation in January–February of the
 * next year and feedback and appeals in February–March. Each step says whether it is done, under
 * way or still to come on `now`'s day.
 */
export function homeTimeline(store: Store, now: Date): HomeTimeline {
  const today = localDate(now)
  const year = now.getFullYear()
  const next = year + 1
  const february = new Date(Date.UTC(next, 2, 0)).getUTCDate()
  const quarters = ([1, 2, 3, 4] as Quarter[]).map((quarter) => {
    const p = quarterPhase(store, year, quarter, today)
    return { quarter, phase: p.phase, to: p.to, summaryDueOn: p.summaryDueOn, ratingEndsOn: p.ratingEndsOn }
  })
  const lastRating = quarters[3]!.ratingEndsOn
  const span = (step: HomeTimelineStep['step'], from: string, to: string): HomeTimelineStep => ({
    step,
    from,
    to,
    state: today > to ? 'done' : today >= from ? 'now' : 'next',
  })
  return {
    year,
    today,
    steps: [
      span('goals', `${year}-01-01`, `${year}-01-31`),
      span('ledger', `${year}-01-01`, `${year}-12-31`),
      span('quarterly', `${year}-03-31`, lastRating),
      span('annual', `${next}-01-01`, `${next}-02-${String(february).padStart(2, '0')}`),
      span('feedback', `${next}-02-01`, `${next}-03-31`),
    ],
    quarters,
  }
}
