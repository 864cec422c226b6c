import { randomBytes } from 'node:crypto'
import type { VoterCategory } from '@shared/annual'
import type { BallotCell, BallotParticipant, BallotStart, DemocraticAggregate } from '@shared/democratic'
import { KaoheError } from '@shared/errors'
import { BALLOT_LEVELS } from '@shared/annual'
import { DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'
import { GONE_STATUSES } from '@shared/org'
import type { ReadableDB, Store } from '../../db/store'
import { findCode } from './codes'
import { democraticParams, p5Validity, personCounts, roundStatus, sheetTally } from './inputs'
import { requireOpenRound } from './round'

/**
 * Kiosk ballots (RULES.md §6): a voter enters a code, sees every participant, rates each on 德能勤绩廉
 * with 优秀/称职/基本称职/不称职 or leaves a cell blank, and submits. Consuming the code and storing the
 * ballot happen in the one transaction of the call. The ballot row has a random 128-bit id, its
 * year and category and the uniform flag — no code, no hash, no time — and lives in a WITHOUT ROWID
 * table, so its place in storage is the random id's, not the order of voting.
 */

/** Everyone of the unit not gone, by department then name: the ballot's rows. */
export function ballotParticipants(db: ReadableDB): BallotParticipant[] {
  return db
    .all(
      db.qb
        .selectFrom('people as p')
        .leftJoin('departments as d', 'd.id', 'p.department_id')
        .select(['p.id', 'p.name', 'p.post', 'd.name as department'])
        .where('p.status', 'not in', [...GONE_STATUSES])
        .orderBy('d.sort_order')
        .orderBy('d.name')
        .orderBy('p.name')
        .orderBy('p.id'),
    )
    .map((p) => ({ personId: p.id, name: p.name, post: p.post, department: p.department }))
}

/** The code is valid for the open round and unused: the voter gets the ballot. */
export function beginBallot(db: ReadableDB, key: Buffer, year: number, code: string): BallotStart {
  requireOpenRound(db, year)
  const found = findCode(db, key, year, code)
  if (found.consumed) throw new KaoheError('BALLOT_CODE_USED')
  return { year, category: found.category, participants: ballotParticipants(db) }
}

const invalid = (zh: string, en: string) => new KaoheError('BALLOT_CELL_INVALID', { reason: zh, reasonEn: en })

/**
 * Casts one ballot with the code, in the caller's transaction: the code is consumed (a second use is
 * refused with BALLOT_CODE_USED) and the ballot stored without any link to it. Returns only the
 * category, which the audit entry may name.
 */
export function castBallot(store: Store, key: Buffer, year: number, code: string, cells: readonly BallotCell[]): { category: VoterCategory } {
  requireOpenRound(store, year)
  const found = findCode(store, key, year, code)
  if (found.consumed) throw new KaoheError('BALLOT_CODE_USED')
  const participants = ballotParticipants(store)
  const names = new Map(participants.map((p) => [p.personId, p.name]))
  const seen = new Set<string>()
  for (const c of cells) {
    if (!names.has(c.personId)) throw invalid(`第 ${c.personId} 号人员不在本次测评名单上`, `person ${c.personId} is not on this ballot`)
    const k = `${c.personId}:${c.dimension}`
    if (seen.has(k)) {
      const d = DIMENSION_LABELS[c.dimension]
      throw invalid(`${names.get(c.personId)} 的“${d.zh}”评了两次`, `${names.get(c.personId)} is rated twice on ${d.en}`)
    }
    seen.add(k)
  }
  const consumed = store.run(store.qb.updateTable('ballot_codes').set({ consumed: 1 }).where('code_hash', '=', found.hash).where('consumed', '=', 0))
  if (consumed.changes !== 1) throw new KaoheError('BALLOT_CODE_USED')
  // Uniform: every participant rated on every dimension, all with the same level (RULES.md §6).
  const uniform = participants.length > 0 && cells.length === participants.length * DIMENSIONS.length && new Set(cells.map((c) => c.level)).size === 1
  const id = randomBytes(16).toString('hex')
  store.run(store.qb.insertInto('ballots').values({ id, year, category: found.category, uniform: uniform ? 1 : 0 }))
  for (let i = 0; i < cells.length; i += 500) {
    const chunk = cells.slice(i, i + 500).map((c) => ({ ballot_id: id, person_id: c.personId, dimension: c.dimension, level: c.level }))
    store.run(store.qb.insertInto('ballot_cells').values(chunk))
  }
  return { category: found.category }
}

/**
 * HR's aggregate: per person and dimension the count of each level, only for people rated by at
 * least the guideline's minBallots valid sheets (a smaller count could reveal a vote); never a
 * ballot.
 */
export function democraticAggregate(db: ReadableDB, year: number): DemocraticAggregate {
  const params = democraticParams(db, year)
  const min = params.channel.minBallots
  const status = roundStatus(db, year)
  // While the round is open nothing is shown: comparing the aggregate before and after one voter
  // would tell how that voter voted.
  if (status !== 'closed') return { year, status, minBallots: min, valid: false, invalidReason: null, people: [], hidden: 0 }
  const counts = personCounts(db, year, params.uniformInvalid)
  const p5 = p5Validity(sheetTally(db, year, params.uniformInvalid).valid, params.p5Min)
  const people = db.all(
    db.qb
      .selectFrom('people as p')
      .leftJoin('departments as d', 'd.id', 'p.department_id')
      .select(['p.id', 'p.staff_no', 'p.name', 'd.name as department'])
      .orderBy('d.sort_order')
      .orderBy('p.staff_no'),
  )
  let hidden = 0
  const shown: DemocraticAggregate['people'] = []
  for (const p of people) {
    const c = counts.get(p.id)
    if (!c || c.ballotCount === 0) continue
    if (c.ballotCount < min) {
      hidden++
      continue
    }
    const dimensions = Object.fromEntries(
      DIMENSIONS.map((d) => [d, Object.fromEntries(BALLOT_LEVELS.map((l) => [l, c.counts[d].get(l) ?? 0]))]),
    ) as DemocraticAggregate['people'][number]['dimensions']
    shown.push({ personId: p.id, staffNo: p.staff_no, name: p.name, department: p.department, ballots: c.ballotCount, dimensions })
  }
  return { year, status, minBallots: min, valid: p5.valid, invalidReason: p5.reason, people: shown, hidden }
}
