import type { NineBoxCutoffs, QuarterlyChannel } from '@shared/guideline/model'
import type { IsoDate } from '@shared/org'
import type { Quarter } from '@shared/quarterly'
import type { ReadableDB } from '../../db/store'
import type { QuarterlyPolicy } from '../policy/defaults'
import { policyInForce } from '../policy/inForce'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import { quarterBounds } from './quarters'

/** The quarterly parameters a quarter is scored with, and where they came from. */
export interface QuarterlyParams {
  /** The guideline version, or null for the shipped defaults (no guideline of the year in force). */
  version: number | null
  channel: QuarterlyChannel
  nineBoxCutoffs: NineBoxCutoffs
  /** The quarterly rules of the year's policy in force (peer minimum, interview days). */
  rules: QuarterlyPolicy
}

/** The quarterly section of the year's policy in force (RULES.md §5 numbers: peers, interview). */
export function quarterlyRules(store: ReadableDB, year: number): QuarterlyPolicy {
  return policyInForce(store, year).policy.quarterly
}

/**
 * The guideline of the quarter's year in force on the quarter's last day (or today, for the
 * quarter under way); failing that, the one in force today (a guideline published late still
 * governs its year); failing that, the shipped defaults, which the status flags.
 */
export function quarterlyParams(store: ReadableDB, year: number, quarter: Quarter, today: IsoDate): QuarterlyParams {
  const end = quarterBounds(year, quarter).to
  const found = versionInForce(store, year, end < today ? end : today) ?? versionInForce(store, year, today)
  const channel = found ? found.guideline.channels.quarterly : defaultGuideline(year).channels.quarterly
  return { version: found?.version ?? null, channel, nineBoxCutoffs: channel.nineBoxCutoffs, rules: quarterlyRules(store, year) }
}
