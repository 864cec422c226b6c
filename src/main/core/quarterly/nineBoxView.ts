import { GONE_STATUSES, type IsoDate } from '@shared/org'
import type { NineBoxView, Quarter } from '@shared/quarterly'
import { idList } from '../../db/idList'
import type { ReadableDB, Store } from '../../db/store'
import { NINE_BOX_BANDS, nineBox } from './nineBox'
import { quarterlyParams } from './params'
import { quarterPhase } from './phases'
import { lastEndedQuarter, quarterBounds } from './quarters'

/**
 * 九宫格 (RULES.md §5): every rated person of the quarter in scope (`scopeOf(…, 'quarterly.nineBox')`:
 * everyone for HR and the leadership, themselves and their reporting chain for others — the people whose
 * ratings quarterly.status shows them) placed by the supervisor's performance (columns) and
 * potential (rows), with the cut-offs of the guideline in force. All nine cells are listed, high
 * potential first, low performance first.
 */
export function nineBoxView(store: ReadableDB, scope: 'all' | readonly number[], year: number, quarter: Quarter, today: IsoDate): NineBoxView {
  const params = quarterlyParams(store, year, quarter, today)
  const rows = store.all(
    store.qb
      .selectFrom('quarterly_ratings as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select(['p.id', 'p.staff_no', 'p.name', 'r.performance', 'r.potential'])
      .where('r.year', '=', year)
      .where('r.quarter', '=', quarter)
      .orderBy('p.staff_no'),
  )
  const cells: NineBoxView['cells'] = []
  for (const row of [...NINE_BOX_BANDS].reverse()) for (const col of NINE_BOX_BANDS) cells.push({ row, col, people: [] })
  // Narrowed here rather than with an IN list: a supervisor's chain can be most of a large unit.
  const inScope = scope === 'all' ? null : new Set(scope)
  for (const r of rows) {
    if (inScope && !inScope.has(r.id)) continue
    const cell = nineBox(r.performance, r.potential, params.nineBoxCutoffs)
    cells
      .find((c) => c.row === cell.row && c.col === cell.col)!
      .people.push({ personId: r.id, staffNo: r.staff_no, name: r.name, performance: r.performance, potential: r.potential })
  }
  return { year, quarter, cutoffs: { ...params.nineBoxCutoffs }, guidelineVersion: params.version, cells }
}

/**
 * A supervisor's direct reports in post without a rating for the last ended quarter, counted only
 * while that quarter is in its rating phase (core/quarterly/phases.ts): before it nothing can be
 * rated yet, after it closes nothing saves any more.
 */
export function ratingsDue(store: Store, supervisorPersonId: number, today: IsoDate): number {
  const q = lastEndedQuarter(today)
  if (quarterPhase(store, q.year, q.quarter, today).phase !== 'rating') return 0
  const reports = store.all(
    store.qb
      .selectFrom('people')
      .select('id')
      .where('supervisor_id', '=', supervisorPersonId)
      .where('status', 'not in', [...GONE_STATUSES])
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', quarterBounds(q.year, q.quarter).to)])),
  )
  if (!reports.length) return 0
  const rated = new Set(
    store
      .all(
        store.qb
          .selectFrom('quarterly_ratings')
          .select('person_id')
          .where('year', '=', q.year)
          .where('quarter', '=', q.quarter)
          .where(
            'person_id',
            'in',
            idList(reports.map((r) => r.id)),
          ),
      )
      .map((r) => r.person_id),
  )
  return reports.filter((r) => !rated.has(r.id)).length
}
