import { ATTACHMENT_LIMITS } from '@shared/ledger'

/**
 * Limits of the ledger (台账), in one place. They protect the database file (attachments live
 * inside it, encrypted with it) and keep one API call's payload reasonable; they are not policy
 * numbers of RULES.md, so they are constants here rather than in the policy file.
 */

const MB = 1024 * 1024

/** Attachment sizes, from the limits the renderer checks too (`ATTACHMENT_LIMITS`). */
export const MAX_ATTACHMENT_BYTES = ATTACHMENT_LIMITS.eachMb * MB
export const MAX_ENTRY_ATTACHMENT_BYTES = ATTACHMENT_LIMITS.totalMb * MB

/** One export at most this many rows; a wider export asks the user to narrow the filters. */
export const MAX_EXPORT_ROWS = 100_000

/**
 * A list scoped to at most this many people is read person by person through the
 * (person, day) index and merged; a wider scope walks the day index with `person_id IN (…)`.
 */
export const PER_PERSON_SCOPE_MAX = 24

/** With at most this many kinds chosen, each kind is read through the (kind, day) index and merged. */
export const PER_KIND_MAX = 4

/**
 * At most this many index entries are examined for one page when a filter is checked row by
 * row (text, or kinds or people the index does not lead with). A sparse filter then returns a
 * short (even empty) page with a `next` cursor where the scan stopped, instead of scanning five
 * years while the main process waits: every page stays within the list's time budget.
 */
export const SCAN_MAX = 1000

/**
 * The list's total counts at most this many entries ("more than 10,000" beyond): a count stops
 * there, so asking for the total costs about one page's time on millions of entries.
 */
export const TOTAL_MAX = 10_000
