import type { Channel, Dimension, Label, PostCategory } from './guideline/model'
/**
 * Shared words of the annual evaluation (年度总评, RULES.md §6): ballot levels, grades, the effects a
 * sanction can have (V4), and the vetoes. Pure data for main and the renderer alike.
 */

/** The four levels of a democratic-evaluation ballot cell (民主测评), best first. */
export const BALLOT_LEVELS = ['优秀', '称职', '基本称职', '不称职'] as const
export type BallotLevel = (typeof BALLOT_LEVELS)[number]

/** Who a ballot code was issued to: a colleague or a service-recipient representative (P5). */
export const VOTER_CATEGORIES = ['colleague', 'representative'] as const
export type VoterCategory = (typeof VOTER_CATEGORIES)[number]

/** Annual grades (等次); 不定等次 is a participant with no grade this year. */
export const ANNUAL_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const
export type AnnualGrade = (typeof ANNUAL_GRADES)[number]
export const UNGRADED = '不定等次'
/** A proposed grade left open by a boundary tie, for the leadership group to decide. */
export const TIE = 'TIE'
/** Grade pending while the person is under investigation (补定 later). */
export const PENDING = '待定'
export type ProposedGrade = AnnualGrade | typeof UNGRADED | typeof TIE | typeof PENDING

/**
 * What a sanction or organisational measure does to the year's grade (RULES.md §6 V4), mildest first:
 * not eligible for 优秀; 不定等次 this year; 不定等次 this year and the next; 不称职 this year. The
 * mapping of each sanction's name to its effect is the policy's (`annual.sanctionEffects`).
 */
export const SANCTION_EFFECTS = ['notExcellent', 'ungraded', 'ungradedTwoYears', 'incompetent'] as const
export type SanctionEffect = (typeof SANCTION_EFFECTS)[number]

/** Vetoes that make a graded person ineligible for 优秀 (V1, V3, V4) or force 不称职 (V2, V4). */
export const VETOES = ['V1', 'V2', 'V3', 'V4'] as const
export type Veto = (typeof VETOES)[number]

// ---- what the annual round's screens and commands see ------------------------------------------


/** Where the year's round stands: computing (no proposal yet), proposed, confirmed, in publicity, final. */
export const ANNUAL_STAGES = ['open', 'proposed', 'confirmed', 'publicity', 'final'] as const
export type AnnualStage = (typeof ANNUAL_STAGES)[number]

export const ANNUAL_STAGE_LABELS: Record<AnnualStage, Label> = {
  open: { zh: '汇总评分', en: 'collecting scores' },
  proposed: { zh: '拟定等次，领导小组审议', en: 'proposed, under the leadership group’s review' },
  confirmed: { zh: '组长已确认', en: 'confirmed by the head' },
  publicity: { zh: '结果公示中', en: 'results in publicity' },
  final: { zh: '等次已确定', en: 'grades final' },
}

export interface AnnualChannelView {
  weight: number
  /** Share of T after N/A channels' weight is spread; 0 when N/A. */
  effectiveWeight: number
  /** Rounded half-up to two decimals; null when N/A. */
  score: number | null
}

export interface AnnualPersonView {
  personId: number
  staffNo: string
  name: string
  department: string | null
  category: PostCategory
  status: 'graded' | 'ungraded' | 'pending'
  /** Why the person has no grade or a pending one. */
  note: Label | null
  channels: Record<Channel, AnnualChannelView>
  T: number | null
  eligible: boolean
  forced: boolean
  vetoes: Veto[]
  reasons: { veto: Veto; zh: string; en: string }[]
  flags: string[]
  rank: number | null
  /** The engine's proposal. */
  proposed: ProposedGrade
  /** After the leadership group's decisions (the proposal until they change it). */
  grade: ProposedGrade
  changeReason: string | null
  /** The dimension profile (rounded): the sheet's and the ballots' per dimension. */
  dimensions: { dimension: Dimension; leadership: number | null; democratic: number | null }[]
}

export interface AnnualBlockerView {
  code: string
  staffNo: string | null
  name: string | null
  zh: string
  en: string
}

export interface AnnualRoundView {
  year: number
  stage: AnnualStage
  N: number
  K: number
  quota: Label
  approval: { document: string; count: number | null; rate: number | null } | null
  boundaryTie: { staffNo: string; name: string }[] | null
  /** Blockers of the live computation (they stop a proposal) — or of the proposal once made. */
  blockers: AnnualBlockerView[]
  people: AnnualPersonView[]
  excellentCount: number
  guidelineVersion: number | null
  /** SHA-256 of the inputs the proposal was computed from (of the live inputs before one). */
  inputsSha256: string
  /** The records changed after the proposal: it should be recomputed before confirmation. */
  inputsChanged: boolean
  proposedAt: string | null
  confirmedAt: string | null
  publicity: { from: string; until: string; warnings: Label[] } | null
}

/** 计算明细: the whole computation of one person's result in readable lines. */
export interface AnnualExplanation {
  staffNo: string
  name: string
  lines: Label[]
}

/** The year's published results (T0): grade only, for everyone in the unit. */
export interface AnnualPublishedView {
  year: number
  stage: AnnualStage
  publicity: { from: string; until: string } | null
  people: { personId: number; staffNo: string; name: string; department: string | null; grade: ProposedGrade }[]
}

/** One's own result: the grade once published; one's own scores and 计算明细 once final. */
export interface AnnualOwnResult {
  year: number
  stage: AnnualStage
  grade: ProposedGrade | null
  person: AnnualPersonView | null
  explanation: AnnualExplanation | null
  publicity: { from: string; until: string } | null
}
