import type { AnnualPersonView } from '@shared/annual'
import {
  ANALYSIS_GRADES,
  type AnalysisGrade,
  type AnalysisView,
  type RaterBiasRow,
  type RotationAlert,
  type TeamGroupRow,
  type WeakIndicator,
} from '@shared/analysis'
import type { IsoDate } from '@shared/org'
import { KaoheError } from '@shared/errors'
import { DIMENSIONS, type Dimension } from '@shared/guideline/model'
import { QUARTERS } from '@shared/quarterly'
import type { ReadableDB, Store } from '../../db/store'
import { recusalOf, relativePairs, yearGuideline } from '../leadership/sheets'
import { rational, type Rational } from '../metrics/exact'
import { policyInForce } from '../policy/inForce'
import { quarterlyStatus } from '../quarterly/evaluation'
import { quarterBounds } from '../quarterly/quarters'
import { biasMeasures, cmp, exact, mean, rotatingExcellent, sdShown, shortPosts, shown, type PairRating, type YearGrade } from './stats'

/**
 * 团队分析 and 考核者偏差 (RULES.md §8; issue 10 item 5), for HR and the leadership group (T2: rater
 * identities are in it). Everything is read from records the annual round already holds:
 * - the year's round (proposed at least): each person's T, grade (as decided, annual_grades) and
 *   leadership dimension profile from the stored proposal; department as graded, post at the year's
 *   end (person_periods);
 * - the year's quarterly status (core/quarterly): quarters rated and not meeting standard (不达标);
 * - the leadership evaluation sheets (submitted, not recused — the same sheets the channel uses) for
 *   the lowest indicators and the rater bias; the quarterly supervisor ratings for the supervisors'
 *   bias;
 * - final years (annual rounds past publicity, and prior_grades) for 轮流坐庄.
 * The thresholds are the policy's `results` section of the year.
 */

/** A person without a department (the bureau's leaders) is grouped under this name. */
export const NO_DEPARTMENT = '局领导'

interface StoredPeople {
  people: AnnualPersonView[]
}

function roundRow(db: ReadableDB, year: number) {
  return db.first(db.qb.selectFrom('annual_rounds').selectAll().where('year', '=', year))
}

/** As core/annual/round.ts: a round in publicity is final once its last day is past. */
function stageOf(row: NonNullable<ReturnType<typeof roundRow>>, today: IsoDate): string {
  return row.stage === 'publicity' && row.publicity_until !== null && today > row.publicity_until ? 'final' : row.stage
}

/** Each person's post at the year's end (their assignment then), else their current post. */
function postsAt(db: ReadableDB, day: IsoDate): Map<number, string> {
  const out = new Map(db.all(db.qb.selectFrom('people').select(['id', 'post'])).map((p) => [p.id, p.post]))
  for (const pp of db.all(
    db.qb
      .selectFrom('person_periods')
      .select(['person_id', 'post'])
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)])),
  ))
    out.set(pp.person_id, pp.post)
  return out
}

/** Each person's department name at the year's end, else their current one. */
function departmentsAt(db: ReadableDB, day: IsoDate): Map<number, string> {
  const names = new Map(db.all(db.qb.selectFrom('departments').select(['id', 'name'])).map((d) => [d.id, d.name]))
  const nameOf = (id: number | null) => (id === null ? NO_DEPARTMENT : (names.get(id) ?? NO_DEPARTMENT))
  const out = new Map(db.all(db.qb.selectFrom('people').select(['id', 'department_id'])).map((p) => [p.id, nameOf(p.department_id)]))
  for (const pp of db.all(
    db.qb
      .selectFrom('person_periods')
      .select(['person_id', 'department_id'])
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)])),
  ))
    out.set(pp.person_id, nameOf(pp.department_id))
  return out
}

interface PersonFacts {
  personId: number
  T: Rational | null
  grade: AnalysisGrade | null
  dimensions: Map<Dimension, Rational>
  quartersRated: number
  quartersFailed: number
}

function gradeOf(g: string): AnalysisGrade | null {
  return (ANALYSIS_GRADES as readonly string[]).includes(g) ? (g as AnalysisGrade) : null
}

function groupRow(name: string, people: readonly PersonFacts[]): TeamGroupRow {
  const ts = people.map((p) => p.T).filter((t): t is Rational => t !== null)
  const m = mean(ts)
  const grades = Object.fromEntries(ANALYSIS_GRADES.map((g) => [g, 0])) as Record<AnalysisGrade, number>
  for (const p of people) if (p.grade) grades[p.grade] += 1
  return {
    name,
    people: people.length,
    scored: ts.length,
    meanT: m === null ? null : shown(m),
    dimensions: DIMENSIONS.map((d) => {
      const dm = mean(people.map((p) => p.dimensions.get(d)).filter((x): x is Rational => x !== undefined))
      return { dimension: d, mean: dm === null ? null : shown(dm) }
    }),
    grades,
    quartersRated: people.reduce((s, p) => s + p.quartersRated, 0),
    quartersFailed: people.reduce((s, p) => s + p.quartersFailed, 0),
    short: false,
  }
}

function groupBy(facts: readonly PersonFacts[], keyOf: (p: PersonFacts) => string): Map<string, PersonFacts[]> {
  const out = new Map<string, PersonFacts[]>()
  for (const f of facts) {
    const key = keyOf(f)
    const list = out.get(key)
    if (list) list.push(f)
    else out.set(key, [f])
  }
  return out
}

/** Quarters rated and not meeting standard, per person, for the quarters of the year already begun. */
function quarterFacts(store: Store, year: number, today: IsoDate): Map<number, { rated: number; failed: number }> {
  const out = new Map<number, { rated: number; failed: number }>()
  for (const q of QUARTERS) {
    if (quarterBounds(year, q).from > today) continue
    for (const r of quarterlyStatus(store, 'all', year, q, today)) {
      if (r.meetsStandard === null) continue
      const f = out.get(r.personId) ?? { rated: 0, failed: 0 }
      f.rated += 1
      if (!r.meetsStandard) f.failed += 1
      out.set(r.personId, f)
    }
  }
  return out
}

interface SheetScores {
  /** (rater, person) → the sheet's scores in hundredths, by indicator. */
  sheets: { raterId: number; personId: number; scores: { indicatorId: string; hundredths: number }[] }[]
}

/** The submitted, non-recused leadership sheets of the year (the ones the leadership channel uses). */
function leadershipSheets(db: ReadableDB, year: number): SheetScores {
  const relatives = relativePairs(db)
  const recorded = new Map(
    db.all(db.qb.selectFrom('recusals').select(['rater_id', 'person_id', 'reason']).where('year', '=', year)).map((r) => [`${r.rater_id}>${r.person_id}`, r.reason] as const),
  )
  const bySheet = new Map<number, SheetScores['sheets'][number]>()
  for (const r of db.all(
    db.qb
      .selectFrom('leadership_sheets as s')
      .innerJoin('leadership_scores as c', 'c.sheet_id', 's.id')
      .select(['s.id as sheet_id', 's.rater_id', 's.person_id', 'c.indicator_id', 'c.score_hundredths'])
      .where('s.year', '=', year)
      .where('s.status', '=', 'submitted')
      .orderBy('s.id')
      .orderBy('c.indicator_id'),
  )) {
    let sheet = bySheet.get(r.sheet_id)
    if (!sheet) {
      if (recusalOf(r.rater_id, r.person_id, relatives, recorded) !== null) continue
      bySheet.set(r.sheet_id, (sheet = { raterId: r.rater_id, personId: r.person_id, scores: [] }))
    }
    sheet.scores.push({ indicatorId: r.indicator_id, hundredths: r.score_hundredths })
  }
  return { sheets: [...bySheet.values()] }
}

/**
 * One rating per (rater, person), so a rater who scores one person on many indicators is not counted
 * as many ratings: on a leadership sheet, the unweighted mean of the sheet's indicator scores (the
 * rater's overall view of the person; weights would only reshuffle the same scores); for the
 * quarterly supervisor ratings, the mean of the year's 业绩 (performance) ratings the supervisor gave
 * the person (at most four, one per quarter). Exact fractions throughout.
 */
function leadershipPairs(s: SheetScores): PairRating[] {
  return s.sheets.map((sh) => ({
    raterId: sh.raterId,
    personId: sh.personId,
    score: rational(
      sh.scores.reduce((a, x) => a + x.hundredths, 0),
      100 * sh.scores.length,
    ),
  }))
}

function quarterlyPairs(db: ReadableDB, year: number): PairRating[] {
  const lists = new Map<string, { raterId: number; personId: number; scores: Rational[] }>()
  for (const r of db.all(
    db.qb.selectFrom('quarterly_ratings').select(['person_id', 'supervisor_id', 'performance']).where('year', '=', year).where('supervisor_id', 'is not', null),
  )) {
    const k = `${r.supervisor_id}>${r.person_id}`
    const e = lists.get(k) ?? { raterId: r.supervisor_id!, personId: r.person_id, scores: [] }
    e.scores.push(exact(r.performance))
    lists.set(k, e)
  }
  return [...lists.values()].map((e) => ({ raterId: e.raterId, personId: e.personId, score: mean(e.scores)! }))
}

function biasRows(db: ReadableDB, year: number, sheets: SheetScores): RaterBiasRow[] {
  const t = policyInForce(db, year).policy.results
  const thresholds = { uniformSdBelow: t.biasUniformSdBelow, uniformMinPeople: t.biasUniformMinPeople, lenientSharePercent: t.biasLenientSharePercent, lenientScore: t.biasLenientScore }
  const people = new Map(db.all(db.qb.selectFrom('people').select(['id', 'name', 'staff_no'])).map((p) => [p.id, p]))
  const rows: RaterBiasRow[] = []
  for (const [source, pairs] of [
    ['leadership', leadershipPairs(sheets)],
    ['quarterly', quarterlyPairs(db, year)],
  ] as const) {
    for (const m of biasMeasures(pairs, thresholds)) {
      const p = people.get(m.raterId)
      rows.push({
        source,
        raterId: m.raterId,
        raterName: p?.name ?? String(m.raterId),
        raterStaffNo: p?.staff_no ?? '',
        people: m.people,
        mean: shown(m.mean),
        sd: sdShown(m.variance),
        offset: m.offset === null ? null : shown(m.offset),
        comparedPeople: m.comparedPeople,
        lenientSharePercent: shown(m.lenientShare),
        uniform: m.uniform,
        lenient: m.lenient,
      })
    }
  }
  return rows
}

function weakIndicators(db: ReadableDB, year: number, sheets: SheetScores): WeakIndicator[] {
  const names = new Map<string, { name: string; dimension: Dimension }>()
  try {
    const g = yearGuideline(db, year)
    for (const scheme of Object.values(g.categories))
      for (const d of DIMENSIONS) for (const i of scheme.dimensions[d].indicators) if (!names.has(i.id)) names.set(i.id, { name: i.name, dimension: d })
  } catch {
    // No guideline: the ids are shown as they are.
  }
  const totals = new Map<string, { sum: number; n: number }>()
  for (const sh of sheets.sheets)
    for (const s of sh.scores) {
      const t = totals.get(s.indicatorId) ?? { sum: 0, n: 0 }
      t.sum += s.hundredths
      t.n += 1
      totals.set(s.indicatorId, t)
    }
  const rows = [...totals.entries()].map(([id, t]) => ({ id, m: rational(t.sum, 100 * t.n), n: t.n }))
  rows.sort((a, b) => cmp(a.m, b.m) || a.id.localeCompare(b.id))
  // The five lowest: how many to list is presentation, not a rule.
  return rows.slice(0, 5).map((r) => ({ dimension: names.get(r.id)?.dimension ?? 'neng', indicatorId: r.id, name: names.get(r.id)?.name ?? r.id, mean: shown(r.m), ratings: r.n }))
}

/** Final years ≤ `year` with their grades: rounds past publicity, else grades recorded as prior_grades. */
function finalYears(db: ReadableDB, year: number, today: IsoDate): Map<number, YearGrade[]> {
  const out = new Map<number, YearGrade[]>()
  const names = new Map(db.all(db.qb.selectFrom('people').select(['id', 'name'])).map((p) => [p.id, p.name]))
  const rounds = db.all(db.qb.selectFrom('annual_rounds').selectAll().where('year', '<=', year))
  for (const r of rounds) {
    if (stageOf(r, today) !== 'final') continue
    const stored = JSON.parse(r.result_json) as StoredPeople
    const dept = new Map(stored.people.map((p) => [p.personId, p.department ?? NO_DEPARTMENT]))
    const fallback = departmentsAt(db, `${r.year}-12-31`)
    out.set(
      r.year,
      db
        .all(db.qb.selectFrom('annual_grades').select(['person_id', 'grade']).where('year', '=', r.year))
        .map((g) => ({ year: r.year, personId: g.person_id, name: names.get(g.person_id) ?? '', department: dept.get(g.person_id) ?? fallback.get(g.person_id) ?? NO_DEPARTMENT, grade: g.grade })),
    )
  }
  const withRound = new Set(rounds.map((r) => r.year))
  const prior = db.all(db.qb.selectFrom('prior_grades').select(['year', 'person_id', 'grade']).where('year', '<=', year))
  for (const y of [...new Set(prior.map((p) => p.year))]) {
    if (withRound.has(y)) continue
    const dept = departmentsAt(db, `${y}-12-31`)
    out.set(
      y,
      prior.filter((p) => p.year === y).map((p) => ({ year: y, personId: p.person_id, name: names.get(p.person_id) ?? '', department: dept.get(p.person_id) ?? NO_DEPARTMENT, grade: p.grade })),
    )
  }
  return out
}

/**
 * The rotation window: the policy's `rotationYears` consecutive years ending with the latest final
 * year up to `year`; when any of them has no final grades the window is incomplete and nothing is
 * flagged (a gap could hide a repeat).
 */
export function rotationCheck(db: ReadableDB, year: number, today: IsoDate, rotationYears: number): { years: number[]; alerts: RotationAlert[] } {
  const finals = finalYears(db, year, today)
  const latest = Math.max(...finals.keys())
  if (!Number.isFinite(latest)) return { years: [], alerts: [] }
  const window = Array.from({ length: rotationYears }, (_, i) => latest - rotationYears + 1 + i)
  if (!window.every((y) => finals.has(y))) return { years: window.filter((y) => finals.has(y)), alerts: [] }
  const findings = rotatingExcellent(
    window,
    window.flatMap((y) => finals.get(y)!),
  )
  return { years: window, alerts: findings.map((f) => ({ department: f.department, sequence: f.sequence.map((s) => ({ year: s.year, names: s.names })), holders: f.holders, members: f.members })) }
}

/** The year's team analysis, rater bias and 轮流坐庄 check. ANALYSIS_NO_ROUND before HR's proposal. */
export function teamAnalysis(store: Store, year: number, today: IsoDate): AnalysisView {
  const row = roundRow(store, year)
  if (!row) throw new KaoheError('ANALYSIS_NO_ROUND', { year })
  const policy = policyInForce(store, year).policy.results
  const stored = JSON.parse(row.result_json) as StoredPeople
  const decided = new Map(store.all(store.qb.selectFrom('annual_grades').select(['person_id', 'grade']).where('year', '=', year)).map((g) => [g.person_id, g.grade]))
  const quarters = quarterFacts(store, year, today)
  const posts = postsAt(store, `${year}-12-31`)
  const deptOf = new Map<number, string>()
  const facts: PersonFacts[] = stored.people.map((p) => {
    deptOf.set(p.personId, p.department ?? NO_DEPARTMENT)
    const q = quarters.get(p.personId)
    return {
      personId: p.personId,
      T: p.T === null ? null : exact(p.T),
      grade: gradeOf(decided.get(p.personId) ?? p.grade),
      dimensions: new Map(p.dimensions.filter((d) => d.leadership !== null).map((d) => [d.dimension, exact(d.leadership!)])),
      quartersRated: q?.rated ?? 0,
      quartersFailed: q?.failed ?? 0,
    }
  })
  const unit = groupRow('', facts)
  const departments = [...groupBy(facts, (f) => deptOf.get(f.personId)!).entries()].map(([name, ps]) => groupRow(name, ps))
  departments.sort((a, b) => (a.name === NO_DEPARTMENT ? -1 : b.name === NO_DEPARTMENT ? 1 : a.name.localeCompare(b.name, 'zh')))
  const postGroups = [...groupBy(facts, (f) => posts.get(f.personId) ?? '').entries()]
  const unitMean = mean(facts.map((f) => f.T).filter((t): t is Rational => t !== null))
  const postMeans = postGroups
    .map(([name, ps]) => ({ name, mean: mean(ps.map((p) => p.T).filter((t): t is Rational => t !== null)) }))
    .filter((p): p is { name: string; mean: Rational } => p.mean !== null)
  const short = unitMean === null ? { variance: null, short: new Set<string>() } : shortPosts(postMeans, unitMean)
  const postRows = postGroups.map(([name, ps]) => ({ ...groupRow(name, ps), short: short.short.has(name) }))
  postRows.sort((a, b) => (a.meanT ?? 1e9) - (b.meanT ?? 1e9) || a.name.localeCompare(b.name, 'zh'))

  const dims = [...unit.dimensions].sort((a, b) => (a.mean ?? 1e9) - (b.mean ?? 1e9))
  const known = dims.filter((d): d is { dimension: Dimension; mean: number } => d.mean !== null)
  // 薄弱环节 among the dimensions: those below the mean of the five dimension means (exactly).
  const dimMean = mean(known.map((d) => exact(d.mean)))
  const weakDimensions = dimMean === null ? [] : known.filter((d) => cmp(exact(d.mean), dimMean) < 0).map((d) => d.dimension)

  const sheets = leadershipSheets(store, year)
  const rot = rotationCheck(store, year, today, policy.rotationYears)
  return {
    year,
    stage: stageOf(row, today),
    unitMeanT: unitMean === null ? null : shown(unitMean),
    postSd: short.variance === null ? null : sdShown(short.variance),
    departments,
    posts: postRows,
    dimensions: dims,
    weakDimensions,
    weakIndicators: weakIndicators(store, year, sheets),
    bias: biasRows(store, year, sheets),
    thresholds: {
      uniformSdBelow: policy.biasUniformSdBelow,
      uniformMinPeople: policy.biasUniformMinPeople,
      lenientSharePercent: policy.biasLenientSharePercent,
      lenientScore: policy.biasLenientScore,
      rotationYears: policy.rotationYears,
    },
    rotationYears: rot.years,
    rotation: rot.alerts,
  }
}
