import { localDate } from '@shared/dates'
import type { Store } from '../../db/store'
import { addDays } from '../calendar/dates'
import { bonusTable, completeFollowup, generateOutcomes, listFollowups, setBonus } from '../outcomes'

/** The demo's bonus base: 12 000 yuan, in fen. */
const DEMO_BASE_FEN = 1_200_000
/** The budget is the total rounded up to the next 10 000 yuan. */
const BUDGET_STEP_FEN = 1_000_000

/**
 * The demo unit's results application for 2025 (issue 10): HR enters the bonus base and a budget,
 * creates the follow-ups, the commendation list and the talent pool from the final grades; the
 * unit head has held one 诫勉谈话 and HR has run one targeted training — the rest stay open (some
 * past due, for the overdue filter). Does nothing while 2025 is not final; running it again adds nothing.
 */
export function demoOutcomes(store: Store, opts: { now: Date }): void {
  const year = 2025
  const today = localDate(opts.now)
  const round = store.first(store.qb.selectFrom('annual_rounds').select(['stage', 'publicity_until']).where('year', '=', year))
  if (round?.stage !== 'publicity' || round.publicity_until === null || today <= round.publicity_until) return
  const hr = store.first(store.qb.selectFrom('users').select('id').where('username', '=', 'hr'))?.id
  if (hr === undefined) return
  setBonus(store, { year, baseFen: DEMO_BASE_FEN, budgetFen: 0 }, hr, opts.now)
  const total = bonusTable(store, year, today).totalFen
  setBonus(store, { year, baseFen: DEMO_BASE_FEN, budgetFen: Math.ceil((total + 1) / BUDGET_STEP_FEN) * BUDGET_STEP_FEN }, hr, opts.now)
  generateOutcomes(store, year, hr, opts.now, today)

  const all = listFollowups(store, { personId: null, isHr: true, seesAll: true }, { year }, today)
  const start = addDays(round.publicity_until, 1)
  const doneOn = (days: number) => {
    const d = addDays(start, days)
    return d > today ? today : d
  }
  // One of each done (the rest stay open, some past due, for the overdue filter); run again, nothing more.
  const talk = all.find((x) => x.kind === 'admonitionTalk' && x.ownerPersonId !== null)
  if (talk && !all.some((x) => x.kind === 'admonitionTalk' && x.status === 'done') && talk.status !== 'cancelled') {
    const owner = store.first(store.qb.selectFrom('users').select('id').where('person_id', '=', talk.ownerPersonId!))?.id ?? hr
    completeFollowup(store, { id: talk.id, note: '已由单位主要负责人进行诫勉谈话，本人表示接受并制定整改措施', doneOn: doneOn(7) }, { personId: talk.ownerPersonId, isHr: false, seesAll: true }, owner, today)
  }
  const training = all.find((x) => x.kind === 'targetedTraining' && x.status !== 'cancelled')
  if (training && !all.some((x) => x.kind === 'targetedTraining' && x.status === 'done')) {
    completeFollowup(store, { id: training.id, note: '已参加业务能力专题培训（3 天）', doneOn: doneOn(30) }, { personId: null, isHr: true, seesAll: true }, hr, today)
  }
}
