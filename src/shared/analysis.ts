import type { Dimension, Label } from './guideline/model'

/**
 * Team analysis and rater bias (团队分析与考核者偏差, RULES.md §8, issue 10 item 5): what the
 * 团队分析 page, `kaohe analysis` and the Excel export show. T2: HR and the leadership group only
 * (rater identities are in it). Pure data for main and the renderer alike.
 */

/** The grades counted in a distribution, 不定等次 included. */
export const ANALYSIS_GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const
export type AnalysisGrade = (typeof ANALYSIS_GRADES)[number]

/** One group of people (a department or a post) of the year's round. */
export interface TeamGroupRow {
  /** The department's or the post's name; '（局领导）' style name for people without a department. */
  name: string
  people: number
  /** People with a T (graded or not). */
  scored: number
  /** Mean T, two decimals; null when nobody has a T. */
  meanT: number | null
  /** Mean of the leadership sheets' dimension scores (the profile the radar shows), two decimals. */
  dimensions: { dimension: Dimension; mean: number | null }[]
  grades: Record<AnalysisGrade, number>
  /** Quarter results (person × quarter) rated and not meeting standard (不达标), of the year. */
  quartersRated: number
  quartersFailed: number
  /** 短板岗位 (posts only): mean T at least one standard deviation below the unit mean. */
  short: boolean
}

export interface WeakIndicator {
  dimension: Dimension
  indicatorId: string
  name: string
  /** Mean of the leadership group's scores of the indicator, two decimals. */
  mean: number
  ratings: number
}

/** Where a rater's ratings come from. */
export const BIAS_SOURCES = ['leadership', 'quarterly'] as const
export type BiasSource = (typeof BIAS_SOURCES)[number]
export const BIAS_SOURCE_LABELS: Record<BiasSource, Label> = {
  leadership: { zh: '领导小组评分表', en: 'leadership evaluation sheets' },
  quarterly: { zh: '季度主管评分（业绩）', en: 'quarterly supervisor ratings (performance)' },
}

export interface RaterBiasRow {
  source: BiasSource
  raterId: number
  raterName: string
  raterStaffNo: string
  /** People rated (one rating per person: see core/analysis/bias.ts). */
  people: number
  /** Mean of the rater's ratings, two decimals. */
  mean: number
  /** Population standard deviation of the rater's ratings, two decimals. */
  sd: number
  /**
   * Mean offset from the other raters of the same people (positive: lenient, negative: severe), two
   * decimals; null when no person the rater rated was rated by anyone else.
   */
  offset: number | null
  /** People the offset was computed over (rated by this rater and at least one other). */
  comparedPeople: number
  /** Share of the ratings at the lenient score or above, percent, two decimals. */
  lenientSharePercent: number
  /** 一刀切: SD below the threshold over at least the minimum number of people. */
  uniform: boolean
  /** 老好人: at least the threshold share of ratings at the lenient score or above. */
  lenient: boolean
}

/** 轮流坐庄: a department where 优秀 passed from person to person (definition in core/analysis/rotation.ts). */
export interface RotationAlert {
  department: string
  /** Oldest year first: who was 优秀 each year. */
  sequence: { year: number; names: string[] }[]
  /** Distinct people who were 优秀 in the window, and the members the share is counted over. */
  holders: number
  members: number
}

export interface AnalysisView {
  year: number
  /** Where the year's round stands ('proposed', 'confirmed', 'publicity', 'final'). */
  stage: string
  /** Mean T over everyone with a T, two decimals. */
  unitMeanT: number | null
  /** Population SD of the posts' mean T (see core/analysis/team.ts), two decimals. */
  postSd: number | null
  departments: TeamGroupRow[]
  posts: TeamGroupRow[]
  /** The unit's dimension means, lowest first (薄弱环节 are the first). */
  dimensions: { dimension: Dimension; mean: number | null }[]
  weakDimensions: Dimension[]
  /** The lowest-scored rated indicators of the leadership sheets, lowest first. */
  weakIndicators: WeakIndicator[]
  bias: RaterBiasRow[]
  thresholds: { uniformSdBelow: number; uniformMinPeople: number; lenientSharePercent: number; lenientScore: number; rotationYears: number }
  /** The final years the rotation check read (oldest first), and the alerts. */
  rotationYears: number[]
  rotation: RotationAlert[]
}
