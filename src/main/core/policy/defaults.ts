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

export interface Policy {
  version: string
  security: SecurityPolicy
  constraints: Record<string, number>
  quarterly: QuarterlyPolicy
  imports: ImportsPolicy
  kiosk: KioskPolicy
  annual: AnnualPolicy
}

/** The shipped defaults (resources/policy/default.json): the only home of these numbers. */
export const DEFAULT_POLICY: Policy = defaults as Omit<typeof defaults, 'annual'> & { annual: AnnualPolicy }
