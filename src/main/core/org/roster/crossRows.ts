/**
 * The checks that need the whole file: staff-number uniqueness, lost leading zeros, and reporting
 * lines (supervisor known, not oneself, no cycle). They run after every row is read, so a
 * supervisor listed below their report is fine.
 */
import { issue } from '../../imports/issues'
import { text } from './issues'
import { statusNamed } from './vocabulary'
import type { CheckedRow } from './parse'
import { GONE_STATUSES, type RosterIssue } from './types'

export interface CrossRowContext {
  /** People already in the unit: staff number → supervisor's staff number (or null). */
  existing: ReadonlyMap<string, string | null>
  staffNoLabel: string
  supervisorLabel: string
}

/** '00123' → '123', '000' → '0': what Excel keeps of a staff number it took for a number. */
function withoutLeadingZeros(s: string): string {
  return s.replace(/^0+(?=.)/, '')
}

export function checkAcrossRows(rows: readonly CheckedRow[], ctx: CrossRowContext): { errors: RosterIssue[]; warnings: RosterIssue[] } {
  const errors: RosterIssue[] = []
  const warnings: RosterIssue[] = []
  const { existing } = ctx

  // Uniqueness within the file; the first occurrence is the one the others are reported against.
  const firstOf = new Map<string, CheckedRow>()
  for (const r of rows) {
    if (r.staffNo === null) continue
    const first = firstOf.get(r.staffNo)
    if (first) {
      const t = text.duplicateStaffNo(r.staffNo, first.row)
      errors.push(issue('ROSTER_DUPLICATE_STAFF_NO', { row: r.row, column: ctx.staffNoLabel, value: r.staffNo }, t.zh, t.en))
    } else firstOf.set(r.staffNo, r)
  }

  // Staff numbers that equal a longer known one once its leading zeros are dropped: re-importing
  // them would create a second person, which a re-import must never do.
  const longerByStripped = new Map<string, string>()
  const noteKnown = (k: string) => {
    const z = withoutLeadingZeros(k)
    const prev = longerByStripped.get(z)
    if (z !== k && (prev === undefined || k.length > prev.length)) longerByStripped.set(z, k)
  }
  for (const k of existing.keys()) noteKnown(k)
  for (const k of firstOf.keys()) noteKnown(k)
  const zeroPaddedTwin = (s: string): string | null => {
    if (existing.has(s)) return null
    const twin = longerByStripped.get(withoutLeadingZeros(s))
    return twin !== undefined && twin.length > s.length ? twin : null
  }
  const longestZeroLed = Math.max(0, ...[...firstOf.keys()].filter((k) => k.startsWith('0')).map((k) => k.length))

  for (const r of rows) {
    if (r.staffNo === null) continue
    const twin = zeroPaddedTwin(r.staffNo)
    if (twin) {
      const t = text.staffNoLostZeros(r.staffNo, twin)
      errors.push(issue('ROSTER_STAFF_NO_LOST_ZEROS', { row: r.row, column: ctx.staffNoLabel, value: r.staffNo }, t.zh, t.en))
    } else if (r.staffNoFromNumber && r.staffNo.length < longestZeroLed) {
      const t = text.numericStaffNo(r.staffNo)
      warnings.push(issue('ROSTER_NUMERIC_STAFF_NO', { row: r.row, column: ctx.staffNoLabel, value: r.staffNo }, t.zh, t.en))
    }
  }

  // Supervisors: someone in this file or already in the unit; never oneself.
  for (const r of rows) {
    const sup = r.supervisorStaffNo
    if (sup === null) continue
    const where = { row: r.row, column: ctx.supervisorLabel, value: sup }
    if (r.staffNo !== null && sup === r.staffNo) {
      const t = text.selfSupervisor()
      errors.push(issue('ROSTER_SELF_SUPERVISOR', where, t.zh, t.en))
      continue
    }
    const inFile = firstOf.get(sup)
    if (inFile || existing.has(sup)) {
      const status = inFile?.value?.status
      if (status && GONE_STATUSES.includes(status)) {
        const t = text.supervisorNotActive(sup, statusNamed(status))
        warnings.push(issue('ROSTER_SUPERVISOR_NOT_ACTIVE', where, t.zh, t.en))
      }
      continue
    }
    const twin = zeroPaddedTwin(sup)
    if (twin) {
      const t = text.staffNoLostZeros(sup, twin)
      errors.push(issue('ROSTER_STAFF_NO_LOST_ZEROS', where, t.zh, t.en))
    } else {
      const t = text.unknownSupervisor(sup)
      errors.push(issue('ROSTER_UNKNOWN_SUPERVISOR', where, t.zh, t.en))
    }
  }

  errors.push(...findCycles(firstOf, ctx))
  return { errors, warnings }
}

/**
 * Cycles in the reporting lines as they would be after the import: the file's rows replace the
 * existing people's supervisors (a re-import updates), everyone else keeps theirs. Each person is
 * walked once, so this is linear in the unit's size. A cycle is reported on every row of the file
 * that is part of it, each time written out in full from that row's person; a cycle made only of
 * existing people is not this file's doing and is left to the unit's own checks.
 */
function findCycles(firstOf: ReadonlyMap<string, CheckedRow>, ctx: CrossRowContext): RosterIssue[] {
  const next = (s: string): string | null => {
    const r = firstOf.get(s)
    if (r) return r.supervisorStaffNo !== null && r.supervisorStaffNo !== s ? r.supervisorStaffNo : null
    return ctx.existing.get(s) ?? null
  }
  const label = (s: string) => {
    const r = firstOf.get(s)
    return r && r.name !== '' ? `${s} ${r.name}` : s
  }
  const done = new Set<string>()
  const errors: RosterIssue[] = []
  for (const start of firstOf.keys()) {
    if (done.has(start)) continue
    const path: string[] = []
    const onPath = new Map<string, number>()
    let cur: string | null = start
    while (cur !== null && !done.has(cur) && !onPath.has(cur)) {
      onPath.set(cur, path.length)
      path.push(cur)
      cur = next(cur)
    }
    if (cur !== null && onPath.has(cur)) {
      const cycle = path.slice(onPath.get(cur))
      cycle.forEach((member, i) => {
        const r = firstOf.get(member)
        if (!r) return
        const rotated = [...cycle.slice(i), ...cycle.slice(0, i), member]
        const t = text.cycle(rotated.map(label).join(' → '))
        errors.push(issue('ROSTER_SUPERVISOR_CYCLE', { row: r.row, column: ctx.supervisorLabel, value: r.supervisorStaffNo ?? '' }, t.zh, t.en))
      })
    }
    for (const s of path) done.add(s)
  }
  return errors
}
