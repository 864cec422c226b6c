import type { DemocraticRoundView } from '@shared/democratic'
import { KaoheError } from '@shared/errors'
import { GONE_STATUSES } from '@shared/org'
import type { ReadableDB, Store } from '../../db/store'
import { codeCounts } from './codes'
import { democraticParams, p5Validity, roundStatus, sheetTally } from './inputs'

/**
 * The year's round of 民主测评 (RULES.md §6): HR opens it (codes, kiosk ballots and paper tallies
 * are taken only while it is open) and closes it; it can be opened again to take late paper
 * tallies. Its view tells HR the codes used, the valid sheets, the P5 share and whether the round
 * is valid — the reason grading is blocked when it is not.
 */

const STATUS_ZH = { none: '未开启', open: '进行中', closed: '已结束' } as const

export function requireOpenRound(db: ReadableDB, year: number): void {
  const status = roundStatus(db, year)
  if (status !== 'open') throw new KaoheError('DEMOCRATIC_ROUND_NOT_OPEN', { year, status, statusZh: STATUS_ZH[status] })
}

export function openRound(store: Store, year: number, change: { actorId: number; now: Date }): void {
  const at = change.now.toISOString()
  store.run(
    store.qb
      .insertInto('democratic_rounds')
      .values({ year, status: 'open', opened_by: change.actorId, opened_at: at })
      .onConflict((oc) => oc.column('year').doUpdateSet({ status: 'open', opened_by: change.actorId, opened_at: at, closed_by: null, closed_at: null })),
  )
}

export function closeRound(store: Store, year: number, change: { actorId: number; now: Date }): void {
  requireOpenRound(store, year)
  store.run(store.qb.updateTable('democratic_rounds').set({ status: 'closed', closed_by: change.actorId, closed_at: change.now.toISOString() }).where('year', '=', year))
}

/** The people on the year's ballot: everyone of the unit not gone (transferred, retired, left). */
export function participantCount(db: ReadableDB): number {
  return db.first(db.qb.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'not in', [...GONE_STATUSES]))?.n ?? 0
}

export function roundView(db: ReadableDB, year: number): DemocraticRoundView {
  const row = db.first(
    db.qb
      .selectFrom('democratic_rounds as r')
      .leftJoin('users as o', 'o.id', 'r.opened_by')
      .leftJoin('users as c', 'c.id', 'r.closed_by')
      .select(['r.status', 'r.opened_at', 'r.closed_at', 'o.display_name as opener', 'c.display_name as closer'])
      .where('r.year', '=', year),
  )
  const params = democraticParams(db, year)
  const tally = sheetTally(db, year, params.uniformInvalid)
  const p5 = p5Validity(tally.valid, params.p5Min)
  const batches = db.first(db.qb.selectFrom('ballot_code_batches').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year))?.n ?? 0
  return {
    year,
    status: row?.status ?? 'none',
    openedAt: row?.opened_at ?? null,
    openedBy: row?.opener ?? null,
    closedAt: row?.closed_at ?? null,
    closedBy: row?.closer ?? null,
    codes: codeCounts(db, year),
    batches,
    kioskBallots: tally.kiosk,
    uniformBallots: tally.uniform,
    uniformDiscarded: params.uniformInvalid,
    paperSheets: tally.paper,
    validSheets: { ...tally.valid, total: tally.valid.colleagues + tally.valid.representatives },
    representativeShare: p5.share,
    p5Min: params.p5Min,
    plannedShare: params.channel.recipientVoterShare,
    valid: p5.valid,
    invalidReason: p5.reason,
    minBallots: params.channel.minBallots,
    participants: participantCount(db),
  }
}
