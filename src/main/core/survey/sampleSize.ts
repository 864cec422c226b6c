import type { RosterIssue } from '@shared/api/types'
import { POST_CATEGORIES, type AnnualGuideline, type PostCategory } from '@shared/guideline/model'
import type { ReadableDB } from '../../db/store'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import type { Planned } from './importer'
import type { SurveyParse } from './parse'

/**
 * 样本不足 (RULES.md §4): a person's satisfaction score for a year rests on every response of that
 * year — earlier imports, kiosk ratings and this file together — so the flag is worked out per
 * person and year, never per file: three thin monthly exports of 4 responses are 12 for the year.
 * The threshold is the survey indicator's minResponses in the guideline of that year in force
 * (the shipped default guideline when none is), for the person's post category.
 */
export function fewResponseWarnings(store: ReadableDB, parse: SurveyParse, planned: readonly Planned[], today: string): RosterIssue[] {
  if (!planned.length) return []
  const column = parse.counts[0]?.column ?? ''
  // This file's responses per person and year, and the first row of each.
  const inFile = new Map<string, { personId: number; year: number; staffNo: string; n: number; row: number }>()
  // Stored responses this file replaces or repeats are not counted twice.
  const replaced = new Map<string, number>()
  for (const p of planned) {
    const year = Number(p.row.date.slice(0, 4))
    const k = `${p.personId}:${year}`
    const c = inFile.get(k)
    if (c) c.n++
    else inFile.set(k, { personId: p.personId, year, staffNo: p.row.staffNo, n: 1, row: p.row.row })
    if (p.stored) {
      const s = `${p.stored.person_id}:${p.stored.day.slice(0, 4)}`
      replaced.set(s, (replaced.get(s) ?? 0) + 1)
    }
  }
  const years = [...new Set([...inFile.values()].map((c) => c.year))]
  const stored = new Map<string, number>()
  for (const year of years) {
    const rows = store.all(
      store.qb
        .selectFrom('survey_responses')
        .select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('day', '>=', `${year}-01-01`)
        .where('day', '<=', `${year}-12-31`)
        .groupBy('person_id'),
    )
    for (const r of rows) stored.set(`${r.person_id}:${year}`, r.n)
  }
  const categories = categoriesOf(store, [...new Set([...inFile.values()].map((c) => c.personId))])
  const thresholds = new Map<number, Map<PostCategory, number | null>>()
  const minFor = (year: number, category: PostCategory | undefined): number | null => {
    if (!category) return null
    let m = thresholds.get(year)
    if (!m) {
      m = surveyMinimums(guidelineOf(store, year, today))
      thresholds.set(year, m)
    }
    return m.get(category) ?? null
  }

  const out: RosterIssue[] = []
  for (const [k, c] of inFile) {
    const min = minFor(c.year, categories.get(c.personId))
    if (min === null) continue
    const total = (stored.get(k) ?? 0) - (replaced.get(k) ?? 0) + c.n
    if (total >= min) continue
    out.push({
      row: c.row,
      column,
      value: c.staffNo,
      code: 'SURVEY_FEW_RESPONSES',
      zh: `工号 ${c.staffNo} ${c.year} 年共有 ${total} 份评价（含本文件 ${c.n} 份），少于 ${min} 份，服务评价得分将标注“样本不足”`,
      en: `Staff number ${c.staffNo} has ${total} responses for ${c.year} (${c.n} in this file), fewer than ${min}; the satisfaction score will be flagged as a small sample`,
    })
  }
  return out
}

function categoriesOf(store: ReadableDB, ids: number[]): Map<number, PostCategory> {
  const out = new Map<number, PostCategory>()
  // Chunked: a large export can name more officials than SQLite takes bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    for (const p of store.all(store.qb.selectFrom('people').select(['id', 'category']).where('id', 'in', ids.slice(i, i + 500)))) {
      out.set(p.id, p.category)
    }
  }
  return out
}

/** The year's guideline in force on its last day, or today for the year under way; the shipped default when none is. */
function guidelineOf(store: ReadableDB, year: number, today: string): AnnualGuideline {
  const end = `${year}-12-31`
  return (versionInForce(store, year, end < today ? end : today) ?? versionInForce(store, year, today))?.guideline ?? defaultGuideline(year)
}

/** Per post category, the highest minResponses of its survey indicators; null when it has none. */
function surveyMinimums(g: AnnualGuideline): Map<PostCategory, number | null> {
  const out = new Map<PostCategory, number | null>()
  for (const cat of POST_CATEGORIES) {
    const mins = Object.values(g.categories[cat].dimensions).flatMap((d) => d.indicators.flatMap((i) => (i.source === 'survey' ? [i.minResponses] : [])))
    out.set(cat, mins.length ? Math.max(...mins) : null)
  }
  return out
}
