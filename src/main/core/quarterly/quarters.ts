import { KaoheError } from '@shared/errors'
import type { IsoDate } from '@shared/org'
import type { Quarter } from '@shared/quarterly'
import type { QuarterRef } from './scoring'

/** A quarter's first and last day (local calendar dates). */
export function quarterBounds(year: number, quarter: Quarter): { from: IsoDate; to: IsoDate } {
  const firstMonth = (quarter - 1) * 3 + 1
  const lastMonth = firstMonth + 2
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate()
  const mm = (m: number) => String(m).padStart(2, '0')
  return { from: `${year}-${mm(firstMonth)}-01`, to: `${year}-${mm(lastMonth)}-${String(lastDay).padStart(2, '0')}` }
}

export function previousQuarter(q: QuarterRef): QuarterRef {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter }
}

export function nextQuarter(q: QuarterRef): QuarterRef {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: (q.quarter + 1) as Quarter }
}

/** The quarter a date falls in. */
export function quarterOf(date: IsoDate): QuarterRef {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter }
}

/** The last quarter that has ended by `today`: the one before today's quarter. */
export function lastEndedQuarter(today: IsoDate): QuarterRef {
  return previousQuarter(quarterOf(today))
}

/** Summaries and ratings belong to a quarter that has begun; nobody rates a future quarter. */
export function requireStarted(year: number, quarter: Quarter, today: IsoDate): void {
  if (quarterBounds(year, quarter).from > today) throw new KaoheError('QUARTER_NOT_STARTED', { year, quarter, today })
}
