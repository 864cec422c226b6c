import type { Dimension, DemocraticChannel } from '@shared/guideline/model'
import { DIMENSIONS } from '@shared/guideline/model'
import { BALLOT_LEVELS, type BallotLevel, type VoterCategory } from '@shared/annual'
import type { Label } from '@shared/guideline/model'
import type { ReadableDB } from '../../db/store'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import { readPolicyConstraints } from '../policy/constraints'
import { policyInForce } from '../policy/inForce'

/**
 * What the democratic evaluation hands the annual scoring engine (core/annual), and the one home
 * of how ballots are counted: valid sheets per category (kiosk ballots not discarded + the paper
 * sheets recorded with the tallies), each person's levels per dimension (paper counts expanded),
 * how many sheets rated them, and the uniform-ballot flag. The engine turns these into scores; this
 * module computes none.
 */

export interface DemocraticPersonInput {
  /** valid ballot sheets that rated this person in at least one dimension (kiosk + paper) */
  ballotCount: number
  /** per dimension, one level per ballot that rated that dimension (paper counts expanded) */
  ballots: Record<Dimension, BallotLevel[]>
  /** kiosk ballots for this person that were uniform (flag only) */
  uniformBallots: number
}

export interface DemocraticInputs {
  round: { status: 'none' | 'open' | 'closed'; validSheets: { colleagues: number; representatives: number } }
  perPerson: Map<number /* people.id */, DemocraticPersonInput>
}

/** The numbers that govern the year's round: the guideline's channel and the policy's P5 and uniform rule. */
export interface DemocraticParams {
  channel: DemocraticChannel
  /** P5, percent. */
  p5Min: number
  uniformInvalid: boolean
}

/** The guideline version in force at the year's end (the shipped default when none is published) and the year's policy. */
export function democraticParams(db: ReadableDB, year: number): DemocraticParams {
  const guideline = versionInForce(db, year, `${year}-12-31`)?.guideline ?? defaultGuideline(year)
  const { policy } = policyInForce(db, year)
  return { channel: guideline.channels.democratic, p5Min: readPolicyConstraints(policy).P5_recipientVoterShareMin, uniformInvalid: policy.annual.uniformBallotsInvalid }
}

export function roundStatus(db: ReadableDB, year: number): 'none' | 'open' | 'closed' {
  return db.first(db.qb.selectFrom('democratic_rounds').select('status').where('year', '=', year))?.status ?? 'none'
}

export interface SheetTally {
  kiosk: Record<VoterCategory, number>
  uniform: number
  /** Null when no paper tallies were imported for the year. */
  paper: Record<VoterCategory, number> | null
  valid: { colleagues: number; representatives: number }
}

/** Valid sheets per category: kiosk ballots (less uniform ones when the policy discards them) + paper sheets. */
export function sheetTally(db: ReadableDB, year: number, uniformInvalid: boolean): SheetTally {
  const kiosk = { colleague: 0, representative: 0 }
  let uniform = 0
  for (const r of db.all(
    db.qb.selectFrom('ballots').select((eb) => ['category', 'uniform', eb.fn.countAll<number>().as('n')]).where('year', '=', year).groupBy(['category', 'uniform']),
  )) {
    if (r.uniform) uniform += r.n
    if (!(r.uniform && uniformInvalid)) kiosk[r.category] += r.n
  }
  const sheets = db.all(db.qb.selectFrom('ballot_tally_sheets').select(['category', 'valid_sheets']).where('year', '=', year))
  const paper = sheets.length ? { colleague: 0, representative: 0 } : null
  for (const s of sheets) paper![s.category] = s.valid_sheets
  return {
    kiosk,
    uniform,
    paper,
    valid: { colleagues: kiosk.colleague + (paper?.colleague ?? 0), representatives: kiosk.representative + (paper?.representative ?? 0) },
  }
}

/** P5: representatives' share of valid sheets against the policy's minimum, in integers (no rounding). */
export function p5Validity(valid: { colleagues: number; representatives: number }, p5Min: number): { valid: boolean; share: string | null; reason: Label | null } {
  const total = valid.colleagues + valid.representatives
  if (total === 0) return { valid: false, share: null, reason: { zh: '尚无有效票', en: 'no valid ballot sheets yet' } }
  // Two decimals, rounded half up, for display only; the check itself is exact.
  const hundredths = Math.floor((valid.representatives * 10000 * 2 + total) / (2 * total))
  const share = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
  const ok = valid.representatives * 100 >= p5Min * total
  return {
    valid: ok,
    share,
    reason: ok
      ? null
      : {
          zh: `服务对象代表占有效票 ${share}%，低于政策要求的 ${p5Min}%（P5），测评无效，不能评定等次`,
          en: `service-recipient representatives are ${share}% of valid sheets, below the policy's ${p5Min}% (P5): the round is invalid and grading is blocked`,
        },
  }
}

function emptyDimensions<T>(make: () => T): Record<Dimension, T> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, make()])) as Record<Dimension, T>
}

/** Per person, per dimension, per level: the count of valid kiosk cells plus paper counts. */
export interface PersonCounts {
  ballotCount: number
  uniformBallots: number
  counts: Record<Dimension, Map<BallotLevel, number>>
}

/**
 * The counting itself, shared by the engine's inputs and HR's aggregate. Paper tallies give counts
 * per dimension, not sheets: the sheets that rated a person are taken, per category, as the most
 * counts any one dimension of theirs received (every sheet that rated them rated that dimension at
 * best), then added over the categories.
 */
export function personCounts(db: ReadableDB, year: number, uniformInvalid: boolean): Map<number, PersonCounts> {
  const out = new Map<number, PersonCounts>()
  const of = (personId: number): PersonCounts => {
    let p = out.get(personId)
    if (!p) {
      p = { ballotCount: 0, uniformBallots: 0, counts: emptyDimensions(() => new Map<BallotLevel, number>()) }
      out.set(personId, p)
    }
    return p
  }
  const add = (p: PersonCounts, d: Dimension, level: BallotLevel, n: number) => p.counts[d].set(level, (p.counts[d].get(level) ?? 0) + n)

  let cells = db.qb
    .selectFrom('ballot_cells as c')
    .innerJoin('ballots as b', 'b.id', 'c.ballot_id')
    .select((eb) => ['c.person_id', 'c.dimension', 'c.level', eb.fn.countAll<number>().as('n')])
    .where('b.year', '=', year)
    .groupBy(['c.person_id', 'c.dimension', 'c.level'])
  if (uniformInvalid) cells = cells.where('b.uniform', '=', 0)
  for (const r of db.iterate(cells)) add(of(r.person_id), r.dimension, r.level, r.n)

  let sheets = db.qb
    .selectFrom('ballot_cells as c')
    .innerJoin('ballots as b', 'b.id', 'c.ballot_id')
    .select((eb) => ['c.person_id', eb.fn.count<number>('c.ballot_id').distinct().as('n')])
    .where('b.year', '=', year)
    .groupBy('c.person_id')
  if (uniformInvalid) sheets = sheets.where('b.uniform', '=', 0)
  for (const r of db.iterate(sheets)) of(r.person_id).ballotCount += r.n

  const uniform = db.qb
    .selectFrom('ballot_cells as c')
    .innerJoin('ballots as b', 'b.id', 'c.ballot_id')
    .select((eb) => ['c.person_id', eb.fn.count<number>('c.ballot_id').distinct().as('n')])
    .where('b.year', '=', year)
    .where('b.uniform', '=', 1)
    .groupBy('c.person_id')
  for (const r of db.iterate(uniform)) of(r.person_id).uniformBallots += r.n

  // Per person and category, the counts each dimension received; the most of them is the sheets.
  const paper = new Map<number, Map<string, number>>()
  for (const r of db.all(
    db.qb
      .selectFrom('ballot_tallies')
      .select(['person_id', 'dimension', 'category', 'level', 'count'])
      .where('year', '=', year)
      .where('count', '>', 0),
  )) {
    add(of(r.person_id), r.dimension, r.level, r.count)
    let perDim = paper.get(r.person_id)
    if (!perDim) paper.set(r.person_id, (perDim = new Map()))
    const k = `${r.category}:${r.dimension}`
    perDim.set(k, (perDim.get(k) ?? 0) + r.count)
  }
  for (const [personId, perDim] of paper) {
    const most = new Map<string, number>()
    for (const [k, n] of perDim) {
      const category = k.slice(0, k.indexOf(':'))
      most.set(category, Math.max(most.get(category) ?? 0, n))
    }
    let sheets = 0
    for (const n of most.values()) sheets += n
    of(personId).ballotCount += sheets
  }
  return out
}

/** The engine's inputs for one year (see the interface above). */
export function democraticInputs(db: ReadableDB, year: number): DemocraticInputs {
  const { uniformInvalid } = democraticParams(db, year)
  const tally = sheetTally(db, year, uniformInvalid)
  const perPerson = new Map<number, DemocraticPersonInput>()
  for (const [personId, p] of personCounts(db, year, uniformInvalid)) {
    const ballots = emptyDimensions<BallotLevel[]>(() => [])
    for (const d of DIMENSIONS) {
      for (const level of BALLOT_LEVELS) for (let i = 0; i < (p.counts[d].get(level) ?? 0); i++) ballots[d].push(level)
    }
    perPerson.set(personId, { ballotCount: p.ballotCount, ballots, uniformBallots: p.uniformBallots })
  }
  return { round: { status: roundStatus(db, year), validSheets: tally.valid }, perPerson }
}
