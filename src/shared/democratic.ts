import type { BallotLevel, VoterCategory } from './annual'
import type { Dimension, Label } from './guideline/model'

/**
 * 民主测评 (democratic evaluation, RULES.md §6) as main and the renderer see it: the round of a
 * year, ballot codes issued once, the kiosk ballot, paper tallies and the aggregate HR may see. No
 * type here can carry an individual ballot out of main: the aggregate is counts per level, and
 * only for people with at least the guideline's minBallots ballots.
 */

export const VOTER_CATEGORY_LABELS: Record<VoterCategory, Label> = {
  colleague: { zh: '同事', en: 'colleague' },
  representative: { zh: '服务对象代表', en: 'service-recipient representative' },
}

export type RoundStatus = 'none' | 'open' | 'closed'

export interface SheetCounts {
  colleagues: number
  representatives: number
}

export interface DemocraticRoundView {
  year: number
  status: RoundStatus
  openedAt: string | null
  openedBy: string | null
  closedAt: string | null
  closedBy: string | null
  /** Codes issued and used, per voter category ("x / N 已投"). */
  codes: Record<VoterCategory, { issued: number; used: number }>
  batches: number
  /** Kiosk ballots cast, per category, and how many of them were uniform (one level everywhere). */
  kioskBallots: Record<VoterCategory, number>
  uniformBallots: number
  /** The policy's annual.uniformBallotsInvalid: uniform ballots are discarded (else counted, flagged). */
  uniformDiscarded: boolean
  /** Paper sheets recorded with the tallies, per category (null: no tallies imported). */
  paperSheets: Record<VoterCategory, number> | null
  /** Valid sheets: kiosk ballots not discarded + paper sheets. */
  validSheets: SheetCounts & { total: number }
  /** Representatives among valid sheets, percent with two decimals ('33.33'); null without sheets. */
  representativeShare: string | null
  /** P5: the policy's minimum representative share, percent. */
  p5Min: number
  /** The guideline's planned representative share, percent. */
  plannedShare: number
  /** P5 holds (and there is at least one valid sheet). */
  valid: boolean
  invalidReason: Label | null
  /** The guideline's minBallots: fewer and a person's result is not shown (N/A). */
  minBallots: number
  /** People on the ballot (in the unit, not gone). */
  participants: number
}

export interface IssuedCode {
  code: string
  category: VoterCategory
}

/** What democratic.codes returns, once: the codes themselves are never retrievable again. */
export interface BallotCodesIssued {
  year: number
  batch: number
  codes: IssuedCode[]
  /** The A4 slips to cut, as a PDF. */
  pdf: { fileName: string; contentBase64: string }
}

export interface BallotParticipant {
  personId: number
  name: string
  post: string
  department: string | null
}

/** The kiosk ballot: whom to rate; the code's category (shown to the voter so they can check their slip). */
export interface BallotStart {
  year: number
  category: VoterCategory
  participants: BallotParticipant[]
}

export interface BallotKioskStarted {
  year: number
  startedAt: string
}

export interface BallotCell {
  personId: number
  dimension: Dimension
  level: BallotLevel
}

/** Paper tallies: what the file holds or would write. */
export interface TallyImportReport {
  fileName: string
  year: number
  rows: number
  /** People and cells (person × dimension × category) in the file. */
  people: number
  cells: number
  /** Valid sheets per category, as the file records them. */
  sheets: Record<VoterCategory, number | null>
  errors: { row: number; column: string; code: string; zh: string; en: string; value?: string }[]
  warnings: { row: number; column: string; code: string; zh: string; en: string; value?: string }[]
  dryRun: boolean
  written: boolean
}

export interface DemocraticPersonAggregate {
  personId: number
  staffNo: string
  name: string
  department: string | null
  /** Valid ballot sheets that rated this person in at least one dimension. */
  ballots: number
  /** Per dimension, the count of each level. */
  dimensions: Record<Dimension, Record<BallotLevel, number>>
}

export interface DemocraticAggregate {
  year: number
  /** Shown only once the round is closed (while open, people is empty). */
  status: RoundStatus
  minBallots: number
  valid: boolean
  invalidReason: Label | null
  people: DemocraticPersonAggregate[]
  /** People not shown because fewer than minBallots ballots rated them. */
  hidden: number
}

/** Most codes of one category one call issues (a technical bound on one PDF, not a rule). */
export const MAX_CODES_PER_BATCH = 2000
/** A ballot code as printed: 12 Crockford base-32 characters in groups of four (about 60 bits). */
export const BALLOT_CODE_LENGTH = 12
