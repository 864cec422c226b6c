import type { SanctionEffect } from '@shared/annual'
import defaults from '../../../../resources/policy/default.json'

/** The policy's security section: password rules and lockouts (等保-style defaults). */
export interface SecurityPolicy {
  passwordMinLength: number
  passwordMinClasses: number
  maxFailedLogins: number
  lockoutMinutes: number
  idleLockMinutes: number
  forcePasswordChangeAtFirstLogin: boolean
  /** scrypt cost N = 2^scryptLog2N for password-wrapped key slots. */
  scryptLog2N: number
  auditRetentionDays: number
}

/** The policy's quarterly section (RULES.md §5). */
export interface QuarterlyPolicy {
  /**
   * 互评: the fewest peers a person should have where the department allows (HR is warned below it),
   * and the fewest peer ratings before a peer mean is shown to anyone.
   */
  minPeerRaters: number
  /** Calendar days the leadership group has to hold the interview (约谈) once it opens. */
  interviewDays: number
  /**
   * Quarter phases (core/quarterly/phases.ts): the 小结 is due this many working days after the
   * quarter's last day; the supervisors' rating window then runs this many working days; the day
   * after it the quarter is closed (HR can reopen it with a reason).
   */
  summaryDueWorkingDays: number
  ratingWorkingDays: number
}

/**
 * The policy's imports section: limits on every imported spreadsheet (roster, attendance,
 * satisfaction), checked before any parsing so a hostile file is refused with its limit named
 * instead of exhausting memory. Byte limits are of the file and of each zip entry and all of them
 * uncompressed; the ratio is uncompressed to compressed size of one entry; rows and cells are the
 * whole workbook's; a cell's characters are capped at Excel's own maximum by default.
 */
export interface ImportsPolicy {
  maxFileBytes: number
  maxZipEntries: number
  maxEntryUncompressedBytes: number
  maxTotalUncompressedBytes: number
  maxCompressionRatio: number
  maxRows: number
  maxCells: number
  maxCellChars: number
}

/**
 * The policy's kiosk section (现场评价): how many ratings one kiosk session takes in all and for
 * one official, and how close together two ratings of one official may come before the second is
 * flagged as part of a burst (kept in the stored response for HR; the time itself is never stored).
 */
export interface KioskPolicy {
  maxRatingsPerSession: number
  maxRatingsPerOfficialPerSession: number
  burstSeconds: number
}

/**
 * The policy's annual section (RULES.md §6): whether a kiosk ballot that gives everyone the same level
 * on every dimension is discarded (default: counted and flagged), and what each sanction or
 * organisational measure does to the year's grade (V4; the names are the ones the discipline office
 * records). An editable table: a unit's own rules can differ from the common reading.
 */
export interface AnnualPolicy {
  uniformBallotsInvalid: boolean
  sanctionEffects: Record<string, SanctionEffect>
}

/**
 * The policy's results section (RULES.md §8): the bonus coefficient of each grade in percent of the
 * base; how long a 基本称职 rectification runs and when a 不称职 reassignment or standby training must
 * happen; how many 优秀 in a row flag 三等功 and how many 不称职 in a row flag dismissal; when a
 * dimension or indicator becomes a training need (this many points below the unit mean, or below the
 * floor); the rater-bias thresholds (一刀切: a standard deviation below biasUniformSdBelow over at
 * least biasUniformMinPeople people; 老好人: at least biasLenientSharePercent of ratings at
 * biasLenientScore or above); and the window, in years, read for rotating 优秀 (轮流坐庄).
 */
export interface ResultsPolicy {
  bonusPercentExcellent: number
  bonusPercentCompetent: number
  bonusPercentBasic: number
  bonusPercentIncompetent: number
  rectificationMonths: number
  reassignmentMonthsMin: number
  reassignmentMonthsMax: number
  meritConsecutiveExcellent: number
  dismissalConsecutiveIncompetent: number
  trainingNeedGapPoints: number
  trainingNeedFloor: number
  biasUniformSdBelow: number
  biasUniformMinPeople: number
  biasLenientSharePercent: number
  biasLenientScore: number
  rotationYears: number
}

/**
 * The policy's appeals section: the statutory routes for a 不称职 result (RULES.md §7, 《公务员法》
 * art. 95–96), in calendar days. The internal appeal's own periods are P8 and P9 in `constraints`.
 */
export interface AppealsPolicy {
  reviewDays: number
  reviewDecisionDays: number
  appealAfterReviewDays: number
  appealDirectDays: number
  appealDecisionDays: number
  appealExtensionDays: number
}

export interface Policy {
  version: string
  security: SecurityPolicy
  constraints: Record<string, number>
  quarterly: QuarterlyPolicy
  imports: ImportsPolicy
  kiosk: KioskPolicy
  annual: AnnualPolicy
  results: ResultsPolicy
  appeals: AppealsPolicy
}

/** The shipped defaults (resources/policy/default.json): the only home of these numbers. */
export const DEFAULT_POLICY: Policy = withoutComments(defaults as Omit<typeof defaults, 'annual'> & { annual: AnnualPolicy })

/** The shipped file explains its sections in `$comment` keys; the policy itself holds only numbers. */
function withoutComments(p: Policy & { results: ResultsPolicy & { $comment?: string }; appeals: AppealsPolicy & { $comment?: string } }): Policy {
  const { $comment: _r, ...results } = p.results
  const { $comment: _a, ...appeals } = p.appeals
  return { ...p, results, appeals }
}
