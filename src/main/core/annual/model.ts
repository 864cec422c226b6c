import type { BallotLevel, ProposedGrade, SanctionEffect, Veto } from '@shared/annual'
import type { Channel, Dimension, IndicatorSource, PostCategory } from '@shared/guideline/model'
import type { Rational } from '../metrics/exact'
import type { Q } from './exactSum'

/**
 * What the annual computation (年度总评, RULES.md §6) takes and gives. The inputs are the neutral
 * facts of one unit's year — the same whether they come from the database (assemble.ts) or from an
 * inputs file (inputsFile.ts, the format of docs/annual-inputs.md) — and the engine (engine.ts) is one
 * pure function of them, so anyone holding the inputs can recompute every number.
 */

export interface EngineIndicator {
  /** The name users see and the inputs file keys by (e.g. 服务评价). */
  name: string
  source: IndicatorSource
  /** Weight inside the dimension, percent. */
  weight: Q
}

export interface EngineDimension {
  weight: Q
  indicators: EngineIndicator[]
}

export type EngineScheme = Record<Dimension, EngineDimension>

export interface QuotaApprovalInput {
  document: string
  /** Approved 优秀 count, or approved rate in percent: exactly one. */
  count?: number
  rate?: Q
}

export interface EnginePolicy {
  /** 优秀 share of N, percent (P6), unless an approval says otherwise. */
  quotaRate: Q
  excellentMin: Q
  competentMin: Q
  basicMin: Q
  /** Fewer ballots than this and the democratic channel is N/A for the person. */
  minBallots: number
  channels: Record<Channel, Q>
  approval: QuotaApprovalInput | null
  ballotPoints: Record<BallotLevel, Q>
  /** P5: representatives' share of valid sheets, percent; checked when the round's sheets are known. */
  recipientShareMin: Q
  /** V4: what each sanction's name does to the year's grade. */
  sanctionEffects: Record<string, SanctionEffect>
}

export type EngineIndicatorInput = { ratings: Q[] } | { value: Q | null }

export interface EngineReview {
  status: 'none' | 'pending' | 'completed'
  minor: number
  serious: boolean
}

export interface EnginePerson {
  id: string
  category: PostCategory
  indicators: Record<string, EngineIndicatorInput>
  /** Valid ballot sheets that rated the person. */
  ballotCount: number
  /** Per dimension, how many ballots gave each level (blank cells are not counted). */
  ballots: Record<Dimension, Record<BallotLevel, number>>
  quarterly: Q[]
  review: EngineReview
  riskPost: boolean
  lastYearGrade: string | null
  rectificationPlan: boolean
  sanctions: string[]
  sanctionsLastYear: string[]
  ungraded: boolean
  underInvestigation: boolean
}

export interface EngineInputs {
  year: number | null
  policy: EnginePolicy
  guideline: Record<PostCategory, EngineScheme>
  people: EnginePerson[]
  /** Valid sheets per voter category of the round, when known (P5 is checked on them). */
  democraticRound: { colleagues: number; representatives: number } | null
}

// ---- results ----------------------------------------------------------------------------------

export interface IndicatorResult {
  name: string
  source: IndicatorSource
  weight: Rational
  /** After N/A weight is spread over the dimension's other indicators (0 when N/A). */
  effectiveWeight: Rational
  score: Rational | null
  /** For a rated indicator: how many members' scores the mean is of. */
  raters: number | null
  /** Rated indicator with no score from any member: grading is blocked. */
  missing: boolean
}

export interface DimensionResult {
  dimension: Dimension
  weight: Rational
  effectiveWeight: Rational
  score: Rational | null
  indicators: IndicatorResult[]
}

export interface DemocraticDimensionResult {
  dimension: Dimension
  weight: Rational
  effectiveWeight: Rational
  /** Mean points of the ballots that rated this dimension; null when nobody did. */
  mean: Rational | null
  count: number
}

export interface ChannelResult {
  weight: Rational
  /** The channel's share of T after N/A channels' weight is spread (0 when N/A). */
  effectiveWeight: Rational
  score: Rational | null
  /** Rounded half-up to 2 decimals, as tie-breaks use it. */
  rounded: number | null
}

export type PersonStatus = 'graded' | 'ungraded' | 'pending'

export interface UngradedReason {
  /** `flag`: marked 不定等次 (probation, long leave); `sanction`: V4 this year or last. */
  kind: 'flag' | 'sanction'
  sanction?: string
  lastYear?: boolean
}

export interface VetoReason {
  veto: Veto
  zh: string
  en: string
}

export interface PersonResult {
  id: string
  category: PostCategory
  status: PersonStatus
  ungradedReason: UngradedReason | null
  leadership: DimensionResult[]
  democratic: { ballotCount: number; dimensions: DemocraticDimensionResult[] }
  quarterly: { count: number; scores: Rational[] }
  channels: Record<Channel, ChannelResult>
  /** Composite, unrounded; null when the person is not graded. */
  exactT: Rational | null
  T: number | null
  eligible: boolean
  forced: boolean
  /** What makes the person ineligible for 优秀 (V1, V3, V4's not-excellent sanctions). */
  vetoes: Veto[]
  /** Every veto that applies, with its reason, including those forcing 不称职 (V2, V4). */
  reasons: VetoReason[]
  flags: AnnualFlag[]
  /** 1-based place among people eligible for 优秀; null for others. */
  rank: number | null
  grade: ProposedGrade
}

export type AnnualFlag = 'FEW_QUARTERS' | 'DEMOCRATIC_NA' | 'QUARTERLY_NA' | 'INDICATOR_NA' | 'DIMENSION_NA'

export type BlockerCode = 'RATING_MISSING' | 'REVIEW_PENDING' | 'DEMOCRATIC_ROUND_INVALID'

export interface Blocker {
  code: BlockerCode
  /** The person concerned, when there is one. */
  id: string | null
  zh: string
  en: string
}

export interface AnnualResult {
  N: number
  K: number
  /** How K was reached, in words, for the sheet and the proposal. */
  quota: { rate: Rational; approval: QuotaApprovalInput | null; zh: string; en: string }
  boundaryTie: string[] | null
  blockers: Blocker[]
  /** In the order of the inputs. */
  people: PersonResult[]
}
