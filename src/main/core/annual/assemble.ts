import { BALLOT_LEVELS, type BallotLevel } from '@shared/annual'
import type { IsoDate } from '@shared/org'
import { CHANNELS, DIMENSIONS, POST_CATEGORIES, type AnnualGuideline, type PostCategory } from '@shared/guideline/model'
import type { EmploymentStatus } from '@shared/org'
import type { ReadableDB, Store } from '../../db/store'
import { democraticParams, personCounts, roundStatus, sheetTally } from '../democratic/inputs'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import { integrityInputs } from '../integrity/inputs'
import { leadershipInputs } from '../leadership/inputs'
import { decimalRational, parseFraction } from '../metrics/exact'
import { policyInForce } from '../policy/inForce'
import { yearQuarterlyScores } from '../quarterly/evaluation'
import type { Q } from './exactSum'
import type { EngineInputs, EnginePerson, EngineScheme, QuotaApprovalInput } from './model'
import { yearMetrics } from './yearMetrics'

/**
 * The year's inputs from the database, in the engine's neutral form: the same facts `kaohe annual
 * inputs` writes to a file, so `compute --year` and `compute --inputs` of that file are one function
 * of one thing. Each channel's records are read for the whole unit at once (a query per kind, not per
 * person) and scored by the metric rules' own functions (core/metrics).
 */

/** People in post on 31 December (RULES.md §3): active, on probation or on long leave that day. */
const IN_POST: readonly EmploymentStatus[] = ['active', 'probation', 'longLeave']
/** 不定等次 by default: probationers and people on leave for more than half the year. */
const UNGRADED_STATUSES: readonly EmploymentStatus[] = ['probation', 'longLeave']

export interface Participant {
  personId: number
  staffNo: string
  name: string
  departmentId: number | null
  department: string | null
  category: PostCategory
  riskPost: boolean
  status: EmploymentStatus
}

export function participants(db: ReadableDB, year: number): Participant[] {
  const day = `${year}-12-31`
  return db
    .all(
      db.qb
        .selectFrom('person_periods as pp')
        .innerJoin('people as p', 'p.id', 'pp.person_id')
        .leftJoin('departments as d', 'd.id', 'pp.department_id')
        .select(['p.id', 'p.staff_no', 'p.name', 'pp.department_id', 'd.name as department', 'pp.category', 'pp.risk_post', 'pp.status'])
        .where('pp.valid_from', '<=', day)
        .where((eb) => eb.or([eb('pp.valid_to', 'is', null), eb('pp.valid_to', '>', day)]))
        .where('pp.status', 'in', IN_POST)
        .orderBy('p.staff_no'),
    )
    .map((r) => ({
      personId: r.id,
      staffNo: r.staff_no,
      name: r.name,
      departmentId: r.department_id,
      department: r.department,
      category: r.category,
      riskPost: r.risk_post === 1,
      status: r.status,
    }))
}

export interface AssembledYear {
  inputs: EngineInputs
  participants: Participant[]
  guideline: AnnualGuideline
  guidelineVersion: number | null
  /** Ballots may still come in: no proposal until HR closes the round. */
  democraticRoundOpen: boolean
}

/** The scheme of one post category as the engine sees it: names, sources and weights. */
function schemeOf(g: AnnualGuideline, category: PostCategory): EngineScheme {
  return Object.fromEntries(
    DIMENSIONS.map((d) => {
      const dim = g.categories[category].dimensions[d]
      return [d, { weight: decimalRational(dim.weight), indicators: dim.indicators.map((i) => ({ name: i.name, source: i.source, weight: decimalRational(i.weight) })) }]
    }),
  ) as EngineScheme
}

/** The quota approval recorded for the year, else the guideline's own. */
function approvalOf(db: ReadableDB, year: number, g: AnnualGuideline): QuotaApprovalInput | null {
  const row = db.first(db.qb.selectFrom('annual_approvals').selectAll().where('year', '=', year))
  if (row) {
    return row.approved_count !== null
      ? { document: row.document, count: row.approved_count }
      : { document: row.document, rate: row.approved_rate!.includes('/') ? parseFraction(row.approved_rate!) : decimalRational(Number(row.approved_rate)) }
  }
  const a = g.quota.approval
  if (!a) return null
  return a.count !== undefined ? { document: a.documentNumber, count: a.count } : { document: a.documentNumber, rate: decimalRational(a.rate ?? 0) }
}

/** Last year's grade: from last year's published round in Kaohe, else as recorded from before. */
export function lastYearGrades(db: ReadableDB, year: number): Map<number, string> {
  const out = new Map<number, string>()
  for (const r of db.all(db.qb.selectFrom('prior_grades').select(['person_id', 'grade']).where('year', '=', year - 1))) out.set(r.person_id, r.grade)
  const round = db.first(db.qb.selectFrom('annual_rounds').select('stage').where('year', '=', year - 1))
  if (round?.stage === 'publicity') {
    for (const r of db.all(db.qb.selectFrom('annual_grades').select(['person_id', 'grade']).where('year', '=', year - 1))) out.set(r.person_id, r.grade)
  }
  return out
}

export function assembleYear(store: Store, year: number, today: IsoDate): AssembledYear {
  const inForce = versionInForce(store, year, `${year}-12-31`)
  const g = inForce?.guideline ?? defaultGuideline(year)
  const policy = policyInForce(store, year).policy
  const people = participants(store, year)

  const leadership = leadershipInputs(store, year)
  const integrity = integrityInputs(store, year)
  // The ballots' counts per level as the democratic module counts them (kiosk cells and paper tallies).
  const { uniformInvalid } = democraticParams(store, year)
  const ballotCounts = personCounts(store, year, uniformInvalid)
  const round = roundStatus(store, year)
  const lastYear = lastYearGrades(store, year)
  const plans = new Set(
    store
      .all(store.qb.selectFrom('rectification_plans').select('person_id').where('starts_on', '<=', today).where('ends_on', '>=', today))
      .map((r) => r.person_id),
  )
  const quarterly = new Map<number, Q[]>()
  for (const [personId, list] of yearQuarterlyScores(store, year, today)) quarterly.set(personId, list.map((x) => parseFraction(x.exact)))

  const metrics = yearMetrics(store, year, (personId) => integrity.get(personId)?.review ?? { status: 'none' })

  const enginePeople = people.map((p): EnginePerson => {
    const scheme = g.categories[p.category]
    const indicators: EnginePerson['indicators'] = {}
    const rated = leadership.ratings.get(p.personId)
    for (const d of DIMENSIONS) {
      for (const ind of scheme.dimensions[d].indicators) {
        indicators[ind.name] = ind.source === 'rated' ? { ratings: (rated?.get(ind.id) ?? []).map(decimalRational) } : { value: metrics.valueOf(p, ind) }
      }
    }
    const dem = ballotCounts.get(p.personId)
    // Below the minimum the channel is N/A and the levels are left out: so few could reveal a vote.
    const shown = (dem?.ballotCount ?? 0) >= g.channels.democratic.minBallots
    const ballots = {} as EnginePerson['ballots']
    for (const d of DIMENSIONS) {
      const counts = Object.fromEntries(BALLOT_LEVELS.map((l) => [l, 0])) as Record<BallotLevel, number>
      if (shown && dem) for (const l of BALLOT_LEVELS) counts[l] = dem.counts[d].get(l) ?? 0
      ballots[d] = counts
    }
    const integ = integrity.get(p.personId)
    const rv = integ?.review ?? { status: 'none' as const }
    return {
      id: p.staffNo,
      category: p.category,
      indicators,
      ballotCount: dem?.ballotCount ?? 0,
      ballots,
      quarterly: quarterly.get(p.personId) ?? [],
      review: {
        status: rv.status,
        minor: rv.status === 'completed' && rv.outcome.finding === 'minor' ? rv.outcome.count : 0,
        serious: rv.status === 'completed' && rv.outcome.finding === 'serious',
      },
      riskPost: p.riskPost,
      lastYearGrade: lastYear.get(p.personId) ?? null,
      rectificationPlan: plans.has(p.personId),
      sanctions: integ?.sanctions ?? [],
      sanctionsLastYear: integ?.sanctionsLastYear ?? [],
      ungraded: UNGRADED_STATUSES.includes(p.status),
      underInvestigation: integ?.underInvestigation ?? false,
    }
  })

  const points = g.channels.democratic.ballotPoints
  const inputs: EngineInputs = {
    year,
    policy: {
      quotaRate: decimalRational(g.quota.excellentRate),
      excellentMin: decimalRational(g.grades.excellentMin),
      competentMin: decimalRational(g.grades.competentMin),
      basicMin: decimalRational(g.grades.basicallyCompetentMin),
      minBallots: g.channels.democratic.minBallots,
      channels: Object.fromEntries(CHANNELS.map((c) => [c, decimalRational(g.channels[c].weight)])) as EngineInputs['policy']['channels'],
      approval: approvalOf(store, year, g),
      ballotPoints: { 优秀: decimalRational(points.excellent), 称职: decimalRational(points.competent), 基本称职: decimalRational(points.basicallyCompetent), 不称职: decimalRational(points.incompetent) },
      recipientShareMin: decimalRational(policy.constraints.P5_recipientVoterShareMin ?? 0),
      sanctionEffects: policy.annual.sanctionEffects,
    },
    guideline: Object.fromEntries(POST_CATEGORIES.map((c) => [c, schemeOf(g, c)])) as Record<PostCategory, EngineScheme>,
    people: enginePeople,
    democraticRound: round === 'none' ? null : sheetTally(store, year, uniformInvalid).valid,
  }
  return { inputs, participants: people, guideline: g, guidelineVersion: inForce?.version ?? null, democraticRoundOpen: round === 'open' }
}
