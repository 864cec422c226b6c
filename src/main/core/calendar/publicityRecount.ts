import type { Store } from '../../db/store'
import type { AnnualGuideline } from '@shared/guideline/model'
import { readPolicyConstraints } from '../policy/constraints'
import { policyInForce } from '../policy/inForce'
import type { WorkingDayCalendar } from './calendar'
import type { IsoDate } from './dates'
import { periodTouchesYear, publicityPeriod } from './publicity'

/**
 * When a year's holiday table arrives (or changes), the stored publicity periods that overlap the
 * year are counted again on the new calendar, in the import's transaction:
 * - a period not yet over (its item not yet in force) gets the new end and effective dates;
 * - a period already over keeps its dates, which then carry a PUBLICITY_END_CHANGED warning
 *   wherever they are shown (publicity.ts), for the leadership group to confirm: an item that has
 *   been in force is not moved back into publicity behind anyone's back.
 * The result (ids and dates only) goes into the import's audit entry.
 */
export interface RecountedPeriod {
  kind: 'guideline' | 'commitment'
  /** `2026v2` for a guideline version, the letter id for a commitment letter. */
  id: string
  end: IsoDate
  newEnd: IsoDate
  effectiveOn: IsoDate
  newEffectiveOn: IsoDate
}

export interface PublicityRecount {
  recomputed: RecountedPeriod[]
  toConfirm: RecountedPeriod[]
}

/** The working days a letter's publicity was counted with; letters approved before they were kept used P7 of their year. */
export function letterPublicityDays(store: Store, row: { year: number; publicity_working_days: number | null }): number {
  return row.publicity_working_days ?? readPolicyConstraints(policyInForce(store, row.year).policy).P7_publicityWorkingDaysMin
}

export function recountPublicity(store: Store, calendar: WorkingDayCalendar, year: number, today: IsoDate): PublicityRecount {
  const out: PublicityRecount = { recomputed: [], toConfirm: [] }
  const consider = (stored: Omit<RecountedPeriod, 'newEnd' | 'newEffectiveOn'> & { start: IsoDate; workingDays: number }, update: (end: IsoDate, effectiveOn: IsoDate) => void) => {
    if (!periodTouchesYear(stored, year)) return
    const p = publicityPeriod(calendar, stored.start, stored.workingDays)
    if (p.end === stored.end) return
    const r: RecountedPeriod = { kind: stored.kind, id: stored.id, end: stored.end, newEnd: p.end, effectiveOn: stored.effectiveOn, newEffectiveOn: p.effectiveOn }
    if (stored.effectiveOn > today) {
      update(p.end, p.effectiveOn)
      out.recomputed.push(r)
    } else out.toConfirm.push(r)
  }

  const versions = store.all(store.qb.selectFrom('guidelines').select(['id', 'year', 'version', 'body', 'publicity_start', 'publicity_end', 'effective_on']))
  for (const g of versions) {
    const workingDays = (JSON.parse(g.body) as AnnualGuideline).publicity.guidelineWorkingDays
    consider(
      { kind: 'guideline', id: `${g.year}v${g.version}`, start: g.publicity_start, end: g.publicity_end, effectiveOn: g.effective_on, workingDays },
      (end, effectiveOn) => store.run(store.qb.updateTable('guidelines').set({ publicity_end: end, effective_on: effectiveOn }).where('id', '=', g.id)),
    )
  }

  const letters = store.all(
    store.qb
      .selectFrom('commitment_letters')
      .select(['id', 'year', 'publicity_start', 'publicity_end', 'effective_on', 'publicity_working_days'])
      .where('state', '=', 'approved')
      .where('publicity_start', 'is not', null),
  )
  for (const l of letters) {
    if (l.publicity_start === null || l.publicity_end === null || l.effective_on === null) continue
    consider(
      { kind: 'commitment', id: String(l.id), start: l.publicity_start, end: l.publicity_end, effectiveOn: l.effective_on, workingDays: letterPublicityDays(store, l) },
      (end, effectiveOn) => store.run(store.qb.updateTable('commitment_letters').set({ publicity_end: end, effective_on: effectiveOn }).where('id', '=', l.id)),
    )
  }
  return out
}
