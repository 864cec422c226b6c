import type { StoredProposal } from '../annual/round'
import type { IsoDate } from '@shared/org'
import type { TrainingNeed } from '@shared/archive'
import { DIMENSIONS, DIMENSION_LABELS, type AnnualGuideline, type Dimension, type Label } from '@shared/guideline/model'
import type { ReadableDB } from '../../db/store'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import { policyInForce } from '../policy/inForce'

export type { TrainingNeed } from '@shared/archive'

/**
 * Training needs (培训需求, RULES.md §8): in a year whose results are out, a dimension or indicator
 * of a person at least `results.trainingNeedGapPoints` below the unit's mean of it, or below
 * `results.trainingNeedFloor`, is a need, with the suggestion of the editable table
 * (training_suggestions; an indicator without its own row takes its dimension's).
 *
 * What is read: the dimension profile of the year's stored results (annual_rounds.result_json,
 * people[].dimensions): a dimension's score is the mean of the sheet's (leadership) and the ballots'
 * (democratic) score where both exist, else the one there is; and the rated indicators of the
 * leadership evaluation sheets (leadership_scores of submitted sheets, the mean over the raters).
 * The computed indicators (attendance, tasks, …) already count in the dimensions' scores.
 * All comparisons are exact, in hundredths: the scores are stored rounded to two decimals.
 */

/** Exact hundredths of a score stored with two decimals. */
function hundredths(x: number): number {
  return Math.round(x * 100)
}

/** Half-up to two decimals of a ratio of integers in hundredths. */
function meanOf(sum: number, n: number): number {
  return Math.floor((2 * sum + n) / (2 * n)) / 100
}

/** A dimension's score: the mean of the sheet's and the ballots' where both exist. */
export function dimensionScore(leadership: number | null, democratic: number | null): number | null {
  if (leadership === null && democratic === null) return null
  if (leadership === null) return democratic
  if (democratic === null) return leadership
  return meanOf(hundredths(leadership) + hundredths(democratic), 2)
}

/** The year's results once published: the stored proposal, or null. With `today`, only once final. */
export function resultsOf(db: ReadableDB, year: number, today?: IsoDate): StoredProposal | null {
  const row = db.first(db.qb.selectFrom('annual_rounds').select(['stage', 'publicity_until', 'result_json']).where('year', '=', year))
  if (!row || row.stage !== 'publicity' || row.publicity_until === null) return null
  if (today !== undefined && !(today > row.publicity_until)) return null
  return JSON.parse(row.result_json) as StoredProposal
}

function guidelineOf(db: ReadableDB, year: number): AnnualGuideline {
  return versionInForce(db, year, `${year}-12-31`)?.guideline ?? defaultGuideline(year)
}

/** Every indicator id of the year's guideline with its name and dimension. */
export function indicatorNames(guideline: AnnualGuideline): Map<string, { name: string; dimension: Dimension }> {
  const names = new Map<string, { name: string; dimension: Dimension }>()
  for (const scheme of Object.values(guideline.categories)) {
    for (const d of DIMENSIONS) for (const ind of scheme.dimensions[d].indicators) if (!names.has(ind.id)) names.set(ind.id, { name: ind.name, dimension: d })
  }
  return names
}

/** The label of a suggestion key: a dimension's, or the indicator's name in the guideline. */
export function keyLabel(key: string, names: Map<string, { name: string; dimension: Dimension }>): Label {
  if ((DIMENSIONS as readonly string[]).includes(key)) {
    const l = DIMENSION_LABELS[key as Dimension]
    return { zh: `${l.zh}（维度）`, en: `${l.en} (dimension)` }
  }
  const n = names.get(key)
  return n ? { zh: n.name, en: key.replace(/_/g, ' ') } : { zh: key, en: key.replace(/_/g, ' ') }
}

/** Mean rated-indicator scores of the year's submitted sheets, per person, in hundredths (a mean over raters). */
function ratedIndicators(db: ReadableDB, year: number): Map<number, Map<string, { sum: number; n: number }>> {
  const rows = db.all(
    db.qb
      .selectFrom('leadership_scores as s')
      .innerJoin('leadership_sheets as sh', 'sh.id', 's.sheet_id')
      .select(['sh.person_id', 's.indicator_id', 's.score_hundredths'])
      .where('sh.year', '=', year)
      .where('sh.status', '=', 'submitted'),
  )
  const out = new Map<number, Map<string, { sum: number; n: number }>>()
  for (const r of rows) {
    let m = out.get(r.person_id)
    if (!m) out.set(r.person_id, (m = new Map()))
    const a = m.get(r.indicator_id) ?? { sum: 0, n: 0 }
    a.sum += r.score_hundredths
    a.n += 1
    m.set(r.indicator_id, a)
  }
  return out
}

/** Each person's score per key (dimension or indicator), in hundredths. */
function scoresOf(db: ReadableDB, year: number, results: StoredProposal): Map<string, Map<number, number>> {
  const byKey = new Map<string, Map<number, number>>()
  const put = (key: string, personId: number, h: number) => {
    let m = byKey.get(key)
    if (!m) byKey.set(key, (m = new Map()))
    m.set(personId, h)
  }
  const participants = new Set<number>()
  for (const p of results.people) {
    participants.add(p.personId)
    for (const d of p.dimensions) {
      const s = dimensionScore(d.leadership, d.democratic)
      if (s !== null) put(d.dimension, p.personId, hundredths(s))
    }
  }
  for (const [personId, inds] of ratedIndicators(db, year)) {
    if (!participants.has(personId)) continue
    // The mean over the raters, half-up to hundredths.
    for (const [key, a] of inds) put(key, personId, Math.floor((2 * a.sum + a.n) / (2 * a.n)))
  }
  return byKey
}

/** The suggestion table as a map. */
export function suggestionMap(db: ReadableDB): Map<string, string> {
  return new Map(db.all(db.qb.selectFrom('training_suggestions').select(['key', 'suggestion'])).map((r) => [r.key, r.suggestion]))
}

/**
 * The year's training needs, of everyone or of one person: none before the year's results are
 * published (or, given `today`, before they are final). Sorted by person, dimensions first.
 */
export function trainingNeeds(db: ReadableDB, year: number, personId?: number, today?: IsoDate): TrainingNeed[] {
  const results = resultsOf(db, year, today)
  if (!results) return []
  const { trainingNeedGapPoints, trainingNeedFloor } = policyInForce(db, year).policy.results
  const gap = hundredths(trainingNeedGapPoints)
  const floor = hundredths(trainingNeedFloor)
  const names = indicatorNames(guidelineOf(db, year))
  const suggestions = suggestionMap(db)
  const order = (key: string) => {
    const d = (DIMENSIONS as readonly string[]).indexOf(key)
    return d >= 0 ? d : DIMENSIONS.length + [...names.keys()].indexOf(key)
  }
  const needs: TrainingNeed[] = []
  for (const [key, people] of scoresOf(db, year, results)) {
    const n = people.size
    let sum = 0
    for (const h of people.values()) sum += h
    for (const [pid, h] of people) {
      if (personId !== undefined && pid !== personId) continue
      const belowFloor = h < floor
      // mean − score ≥ gap, exactly: sum − n·score ≥ n·gap.
      const belowMean = sum - n * h >= n * gap
      if (!belowFloor && !belowMean) continue
      const label = keyLabel(key, names)
      const parent = names.get(key)?.dimension
      const suggestion = suggestions.get(key) ?? (parent ? suggestions.get(parent) : undefined) ?? `针对“${label.zh}”安排专项培训`
      needs.push({ personId: pid, year, key, label, score: h / 100, unitMean: meanOf(sum, n), reason: belowFloor ? 'belowFloor' : 'belowMean', suggestion })
    }
  }
  return needs.sort((a, b) => a.personId - b.personId || order(a.key) - order(b.key))
}
