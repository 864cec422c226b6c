import type { BallotLevel } from '@shared/annual'
import type { BallotCell } from '@shared/democratic'
import { localDate } from '@shared/dates'
import { DIMENSIONS } from '@shared/guideline/model'
import type { IsoDate } from '@shared/org'
import type { Store } from '../../db/store'
import { computeYear, recordPriorGrade } from '../annual/round'
import { computeAnnual } from '../annual/engine'
import type { PersonResult } from '../annual/model'
import { castBallot } from '../democratic/ballots'
import { ballotCodeKey, freshCodes, storeCodes } from '../democratic/codes'
import { openRound } from '../democratic/round'
import { declareRelative, members, openSheets, participants, ratedIndicators, recusalOf, relativePairs, yearGuideline, type Member } from '../leadership/sheets'
import { decimalRational, roundHalfUp2 } from '../metrics/exact'
import { DEMO_STORY } from './demoYear'
import { prng } from './random'

/**
 * The demo unit's annual round of 2026 (issue 9 item 10), ready for a newcomer to walk from the
 * ballots to published grades without setting anything up: last year's grades (one high scorer was
 * 不称职 in 2025, so V1 shows on the proposal), the 民主测评 round open with kiosk ballots cast through
 * the real code (random ids, no times), every leadership-group member's sheets submitted (self and
 * a declared close relative recused), the risk posts' integrity reviews completed (one minor
 * finding), and exactly one boundary tie at the quota line for the group to resolve. Scores follow
 * each person's quarterly record, so the proposal has a realistic spread of grades.
 *
 * The 民主测评 round is left open, so the walk can start with fresh codes and a ballot at the kiosk;
 * HR closes it before proposing (an open round blocks the proposal, core/annual/round.ts). The
 * round itself (propose, decide, confirm, publish) is left to the person walking it. The tie is
 * made, not hoped for: after generating, the engine ranks the eligible people; someone below place K
 * of the same post category and peer set is given the ballots and quarterly ratings of the one at
 * place K, then one member's sheet for them (every member's, for a wider gap) is tuned in 0.01
 * steps until the rounded T and channel scores are equal (RULES.md §6 ranks on those), which puts the two at places K and K + 1. The
 * result is checked with `computeYear`, the function HR's dashboard uses.
 */

const YEAR = 2026

/** Staff numbers with a part in the annual round. */
export const DEMO_ANNUAL_STORY = {
  /** The HR head (a group member) and their spouse in 计量检测所: a close-relative recusal. */
  relatives: ['0201', '0603'] as const,
  /** The one minor finding of the integrity reviews. */
  minorFinding: '0409',
} as const

export interface DemoAnnualSummary {
  /** The staff number graded 不称职 in 2025 (V1 this year), when one could be chosen. */
  v1: string | null
  /** The two people tied across the quota line, when the tie could be made. */
  tie: string[] | null
}

type Rand = () => number

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export function buildDemoAnnual(store: Store, opts: { now: Date; dbKey: Buffer }): DemoAnnualSummary {
  const today: IsoDate = localDate(opts.now)
  // Nothing to grade before the first quarter of the demo year has been rated.
  const rated = store.first(store.qb.selectFrom('quarterly_ratings').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', YEAR))?.n ?? 0
  if (rated === 0) return { v1: null, tie: null }
  const random = prng(9026)
  const noise = (spread: number) => (random() + random() + random() - 1.5) * spread
  const userOf = (username: string) => store.first(store.qb.selectFrom('users').select('id').where('username', '=', username))!.id
  const hrUser = userOf('hr')

  const people = participants(store)
  const byNo = new Map(people.map((p) => [p.staffNo, p]))
  const weak = new Set<string>(DEMO_STORY.weak)

  // Each person's standing, from their quarterly record (the director, rated by nobody, stands high).
  const perf = new Map<number, number[]>()
  for (const r of store.all(store.qb.selectFrom('quarterly_ratings').select(['person_id', 'performance']).where('year', '=', YEAR))) {
    perf.set(r.person_id, [...(perf.get(r.person_id) ?? []), r.performance])
  }
  const standing = new Map<number, number>()
  for (const p of people) {
    const list = perf.get(p.id)
    let q = list ? list.reduce((a, b) => a + b, 0) / list.length : 91
    if (p.staffNo === DEMO_STORY.failing) q -= 8
    // The weak lose a little more; the first of them already has a failing quarter on record.
    else if (weak.has(p.staffNo) && p.staffNo !== DEMO_STORY.weak[0]) q -= 3
    standing.set(p.id, q)
  }
  const stand = (id: number) => standing.get(id) ?? 85

  // 近亲属: declared before the sheets open, so the recusal is recorded with the others.
  const [relA, relB] = DEMO_ANNUAL_STORY.relatives.map((n) => byNo.get(n))
  if (relA && relB) declareRelative(store, { personA: relA.id, personB: relB.id, relation: '配偶' }, hrUser, opts.now)

  // 民主测评: HR opens the round, issues exactly the codes used, and the voters vote at the kiosk.
  castDemoBallots(store, opts, hrUser, people, stand, random, noise)

  // 考核评分表: the group scored everyone at its meeting on the score spreadsheet, and HR imported it:
  // every member's sheet for everyone they do not recuse from, submitted. HR opens the sheets first
  // (core/leadership records the recusals); the rows are those core/leadership/importScores.ts
  // writes, in bulk so the demo builds quickly. Imported, not typed in, so a later import of the
  // meeting's file may still replace them.
  openSheets(store, YEAR, hrUser, opts.now)
  const guideline = yearGuideline(store, YEAR)
  const group = members(store)
  const relatives = relativePairs(store)
  const bias = [-1, 0.5, -0.5, 1]
  const at = opts.now.toISOString()
  group.forEach((m, mi) => {
    for (const p of people) {
      if (recusalOf(m.personId, p.id, relatives)) continue
      const base = sheetBase(stand(p.id), p.staffNo) + (bias[mi % bias.length] ?? 0)
      const sheetId = store.run(
        store.qb.insertInto('leadership_sheets').values({ year: YEAR, rater_id: m.personId, person_id: p.id, status: 'submitted', source: 'import', saved_at: at, saved_by: hrUser, submitted_at: at }),
      ).lastInsertRowid
      const scores = ratedIndicators(guideline, p.category).map((ind) => ({ sheet_id: sheetId, indicator_id: ind.id, score_hundredths: 100 * Math.round(clamp(base + noise(4), 30, 97)) }))
      store.run(store.qb.insertInto('leadership_scores').values(scores))
    }
  })

  // 专项考察: every risk post reviewed, one with a minor finding. The demo unit has no T3 key until
  // the discipline office first signs in, so no details are sealed: these are the outcome rows
  // core/integrity/reviews.ts records.
  const jijian = userOf('jijian')
  for (const p of people.filter((x) => x.riskPost)) {
    const minor = p.staffNo === DEMO_ANNUAL_STORY.minorFinding
    store.run(
      store.qb.insertInto('integrity_reviews').values({
        year: YEAR,
        person_id: p.id,
        status: 'completed',
        finding: minor ? 'minor' : 'none',
        minor_count: minor ? 1 : 0,
        details_t3: null,
        recorded_by: jijian,
        recorded_at: opts.now.toISOString(),
      }),
    )
  }

  // 2025 grades: the engine ranks the year once, and its second-best eligible person (outside the
  // leadership group) is the one graded 不称职 last year; the rest follow their standing.
  const first = computeYear(store, YEAR, today)
  const groupIds = new Set(group.map((m) => m.personId))
  const idOf = new Map(people.map((p) => [p.staffNo, p.id]))
  const ranked = rankedEligible(first.result.people)
  const v1 = ranked.map((r) => r.id).filter((id) => !groupIds.has(idOf.get(id) ?? -1))[1] ?? null
  recordPriorGrades(store, people, stand, { v1, excellentRate: guideline.quota.excellentRate }, hrUser, opts.now, random)

  const tie = makeBoundaryTie(store, today, group)
  return { v1, tie }
}

/** Sheet scores follow the quarterly record, spread wider so the grades spread too. */
function sheetBase(q: number, staffNo: string): number {
  if (staffNo === DEMO_STORY.failing) return 44
  return 90 + (q - 89) * 1.6
}

function rankedEligible(people: readonly PersonResult[]): PersonResult[] {
  return people.filter((p) => p.status === 'graded' && p.eligible && p.rank !== null).sort((a, b) => a.rank! - b.rank!)
}

function castDemoBallots(
  store: Store,
  opts: { now: Date; dbKey: Buffer },
  hrUser: number,
  people: readonly { id: number; staffNo: string; category: string; department: string | null }[],
  stand: (id: number) => number,
  random: Rand,
  noise: (spread: number) => number,
): void {
  const colleagues = 40
  const representatives = 20
  const key = ballotCodeKey(opts.dbKey)
  openRound(store, YEAR, { actorId: hrUser, now: opts.now })
  const codes = freshCodes({ colleague: colleagues, representative: representatives })
  storeCodes(store, key, YEAR, codes, { actorId: hrUser, now: opts.now })
  // How a voter's impression of a person (on the scale of the quarterly record) reads as a level.
  const levelOf = (x: number): BallotLevel => (x >= 89 ? '优秀' : x >= 76 ? '称职' : x >= 64 ? '基本称职' : '不称职')
  // Service-recipient representatives know the front line: enforcement and the office's front desk.
  const front = (p: (typeof people)[number]) => p.category === 'enforcement' || (p.staffNo.startsWith('01') && Number(p.staffNo.slice(2)) <= 4)
  for (const c of codes) {
    const leaning = noise(3)
    const cells: BallotCell[] = []
    for (const p of people) {
      if (c.category === 'representative' && !front(p)) continue
      if (random() < 0.03) continue // 不了解: the voter leaves the person blank
      const impression = stand(p.id) + 1 + leaning + noise(9)
      for (const dimension of DIMENSIONS) {
        if (random() < 0.02) continue
        cells.push({ personId: p.id, dimension, level: levelOf(impression + noise(4)) })
      }
    }
    castBallot(store, key, YEAR, c.code, cells)
  }
}

function recordPriorGrades(
  store: Store,
  people: readonly { id: number; staffNo: string }[],
  stand: (id: number) => number,
  { v1, excellentRate }: { v1: string | null; excellentRate: number },
  actorId: number,
  now: Date,
  random: Rand,
): void {
  const weak = new Set<string>(DEMO_STORY.weak)
  const order = people.map((p) => ({ p, key: stand(p.id) + (random() - 0.5) * 8 })).sort((a, b) => b.key - a.key)
  // Last year's 优秀 within the quota (the 2026 guideline's rate stands in for 2025's).
  const excellent = Math.floor((people.length * excellentRate) / 100)
  let given = 0
  for (const { p } of order) {
    let grade: '优秀' | '称职' | '基本称职' | '不称职'
    if (p.staffNo === v1) grade = '不称职'
    else if (p.staffNo === DEMO_STORY.failing || (weak.has(p.staffNo) && p.staffNo !== DEMO_STORY.weak[2])) grade = '基本称职'
    else if (given < excellent) {
      grade = '优秀'
      given++
    } else grade = '称职'
    recordPriorGrade(store, YEAR - 1, p.id, grade, actorId, now)
  }
}

/**
 * The one boundary tie: the person at place K of the eligible ranking, and one below them of the
 * same post category and peer set (so the same ballots and quarterly ratings give the same channel
 * scores) raised to exactly their (T, leadership, democratic, quarterly), rounded — they are then
 * places K and K + 1. Returns their staff numbers, or null when the year's data does not allow it.
 */
function makeBoundaryTie(store: Store, today: IsoDate, group: readonly Member[]): string[] | null {
  const c = computeYear(store, YEAR, today)
  if (c.result.blockers.length) return null
  const { K } = c.result
  const ranked = rankedEligible(c.result.people)
  const a = ranked[K - 1]
  const excellentMin = roundHalfUp2(c.assembled.inputs.policy.excellentMin)
  if (K < 1 || !a || (a.T ?? 0) < excellentMin) return null
  const idOf = new Map(c.assembled.participants.map((p) => [p.staffNo, p.personId]))
  const inputOf = new Map(c.assembled.inputs.people.map((p) => [p.id, p]))
  const aIn = inputOf.get(a.id)!
  const aId = idOf.get(a.id)!
  const guideline = yearGuideline(store, YEAR)
  const relatives = relativePairs(store)

  // Peer scores per quarter (by assignment), supervisor ratings per quarter.
  const peerRows = store.all(
    store.qb
      .selectFrom('peer_assignments as pa')
      .innerJoin('peer_ratings as pr', 'pr.assignment_id', 'pa.id')
      .select(['pa.id', 'pa.ratee_id', 'pa.quarter', 'pr.score'])
      .where('pa.year', '=', YEAR)
      .orderBy('pa.id'),
  )
  const peersOf = (id: number, q: number) => peerRows.filter((r) => r.ratee_id === id && r.quarter === q)
  const ratingsOf = (id: number) => new Map(store.all(store.qb.selectFrom('quarterly_ratings').select(['quarter', 'performance']).where('person_id', '=', id).where('year', '=', YEAR)).map((r) => [r.quarter, r.performance]))
  const aRatings = ratingsOf(aId)
  const sameQuarters = (id: number) => {
    const mine = ratingsOf(id)
    if (mine.size !== aRatings.size) return false
    for (const q of aRatings.keys()) if (!mine.has(q) || peersOf(id, q).length !== peersOf(aId, q).length) return false
    return true
  }
  const keysEqual = (x: PersonResult) =>
    x.T === a.T && x.channels.leadership.rounded === a.channels.leadership.rounded && x.channels.democratic.rounded === a.channels.democratic.rounded && x.channels.quarterly.rounded === a.channels.quarterly.rounded

  // Candidates below place K of a's post category and peer set, b's records as they would be with
  // a's ballots and quarterly scores; the one whose leadership score is nearest a's needs least tuning.
  type Candidate = { b: PersonResult; bId: number; gap: number; sheets: { sheetId: number; scores: Map<string, number> }[]; trial: (moved: readonly number[], delta: number) => PersonResult }
  const candidates: Candidate[] = []
  for (const b of ranked.slice(K)) {
    const bId = idOf.get(b.id)!
    if (b.category !== a.category || !sameQuarters(bId)) continue
    const bIn = inputOf.get(b.id)!
    const indicators = ratedIndicators(guideline, b.category)
    const sheets = group
      .filter((m) => !recusalOf(m.personId, bId, relatives))
      .map((m) => {
        const sheet = store.first(store.qb.selectFrom('leadership_sheets').select('id').where('year', '=', YEAR).where('rater_id', '=', m.personId).where('person_id', '=', bId))!
        return { sheetId: sheet.id, scores: new Map(store.all(store.qb.selectFrom('leadership_scores').select(['indicator_id', 'score_hundredths']).where('sheet_id', '=', sheet.id)).map((x) => [x.indicator_id, x.score_hundredths])) }
      })
    // b with a's ballots and quarterly scores, and the scores of the members `moved` shifted by `delta` hundredths.
    const trial = (moved: readonly number[], delta: number): PersonResult => {
      const ind = { ...bIn.indicators }
      for (const i of indicators) {
        const given = ind[i.name]
        if (!given || !('ratings' in given)) continue
        const ratings = [...given.ratings]
        for (const index of moved) ratings[index] = decimalRational(clamp(sheets[index]!.scores.get(i.id)! + delta, 0, 10000) / 100)
        ind[i.name] = { ratings }
      }
      const person = { ...bIn, indicators: ind, ballots: aIn.ballots, ballotCount: aIn.ballotCount, quarterly: aIn.quarterly }
      return computeAnnual({ ...c.assembled.inputs, people: [person] }).people[0]!
    }
    candidates.push({ b, bId, gap: Math.abs(leadershipOf(trial([], 0)) - leadershipOf(a)), sheets, trial })
  }
  candidates.sort((x, y) => x.gap - y.gap)

  for (const { b, bId, sheets, trial } of candidates.slice(0, 8)) {
    // One member's sheet first, then (for a wider gap) every member's together.
    const modes = [...sheets.map((_, i) => [i]), sheets.map((_, i) => i)]
    let found: { moved: number[]; delta: number } | null = null
    for (const moved of modes) {
      // Leadership is linear in the shift until a score reaches 0 or 100: estimate, then search near it.
      const l0 = leadershipOf(trial(moved, 0))
      const l1 = leadershipOf(trial(moved, -100))
      if (l1 === l0) continue
      const guess = Math.round(((leadershipOf(a) - l0) / (l1 - l0)) * -100)
      if (Math.abs(guess) > 600) continue
      for (let k = 0; k <= 40 && !found; k++) {
        for (const delta of k === 0 ? [guess] : [guess + k, guess - k]) {
          if (keysEqual(trial(moved, delta))) {
            found = { moved, delta }
            break
          }
        }
      }
      if (found) break
    }
    if (!found) continue

    // Into the records: the same ballots (each ballot's cells for a copied for b, ids untouched) …
    const yearBallots = store.qb.selectFrom('ballots').select('id').where('year', '=', YEAR)
    const cells = store.all(store.qb.selectFrom('ballot_cells').select(['ballot_id', 'dimension', 'level']).where('person_id', '=', aId).where('ballot_id', 'in', yearBallots))
    store.run(store.qb.deleteFrom('ballot_cells').where('person_id', '=', bId).where('ballot_id', 'in', yearBallots))
    for (let i = 0; i < cells.length; i += 500) {
      store.run(store.qb.insertInto('ballot_cells').values(cells.slice(i, i + 500).map((x) => ({ ballot_id: x.ballot_id, person_id: bId, dimension: x.dimension, level: x.level }))))
    }
    // … the same quarterly ratings and peer scores …
    for (const [q, performance] of aRatings) {
      store.run(store.qb.updateTable('quarterly_ratings').set({ performance }).where('person_id', '=', bId).where('year', '=', YEAR).where('quarter', '=', q))
      const ap = peersOf(aId, q)
      peersOf(bId, q).forEach((row, i) => store.run(store.qb.updateTable('peer_ratings').set({ score: ap[i]!.score }).where('assignment_id', '=', row.id)))
    }
    // … and the members' sheets as tuned.
    for (const index of found.moved) {
      const chosen = sheets[index]!
      for (const [indicator, h] of chosen.scores) {
        store.run(store.qb.updateTable('leadership_scores').set({ score_hundredths: clamp(h + found.delta, 0, 10000) }).where('sheet_id', '=', chosen.sheetId).where('indicator_id', '=', indicator))
      }
    }
    const check = computeYear(store, YEAR, today)
    const tie = check.result.boundaryTie
    const want = [a.id, b.id].sort()
    if (check.result.blockers.length || !tie || tie.length !== 2 || tie[0] !== want[0] || tie[1] !== want[1]) return null
    return tie
  }
  return null
}

function leadershipOf(p: PersonResult): number {
  const s = p.channels.leadership.score
  return s ? Number(s.n) / Number(s.d) : 0
}
