import type { ArchivePerson, ArchiveView, ArchiveYear } from '@shared/archive'
import type { IsoDate } from '@shared/org'
import { KaoheError } from '@shared/errors'
import { CHANNELS, DIMENSIONS, type Channel } from '@shared/guideline/model'
import type { ReadableDB } from '../../db/store'
import { linkedSections } from './linked'
import { dimensionScore, resultsOf, trainingNeeds } from './trainingNeeds'

/**
 * The growth archive (《公务员个人成长档案》, RULES.md §8): one person across every year — the
 * grades of the final rounds (and of the years before Kaohe, prior_grades), T, channel scores and
 * the dimension profile from each year's stored results, the year's training needs, and the
 * feedback forms, appeals, follow-ups, enrolments and flags of the other pieces. Read-only.
 */

export function archivePerson(db: ReadableDB, personId: number): ArchivePerson {
  const p = db.first(
    db.qb
      .selectFrom('people as p')
      .leftJoin('departments as d', 'd.id', 'p.department_id')
      .select(['p.id', 'p.staff_no', 'p.name', 'p.post', 'd.name as department'])
      .where('p.id', '=', personId),
  )
  if (!p) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: personId })
  return { personId: p.id, staffNo: p.staff_no, name: p.name, department: p.department, post: p.post }
}

/** The person's years: each final round they took part in, and each prior grade, oldest first. */
export function archiveYears(db: ReadableDB, personId: number, today: IsoDate): ArchiveYear[] {
  const years: ArchiveYear[] = []
  const rounds = db.all(db.qb.selectFrom('annual_rounds').select('year').orderBy('year'))
  const grades = new Map(db.all(db.qb.selectFrom('annual_grades').select(['year', 'grade', 't']).where('person_id', '=', personId)).map((g) => [g.year, g]))
  for (const { year } of rounds) {
    const results = resultsOf(db, year, today)
    const me = results?.people.find((p) => p.personId === personId)
    if (!me) continue
    const g = grades.get(year)
    const byDim = new Map(me.dimensions.map((d) => [d.dimension, d]))
    years.push({
      year,
      source: 'kaohe',
      grade: g?.grade ?? me.grade,
      T: g?.t ?? me.T,
      rank: me.rank,
      channels: Object.fromEntries(CHANNELS.map((c) => [c, me.channels[c].score])) as Record<Channel, number | null>,
      dimensions: DIMENSIONS.map((dimension) => {
        const d = byDim.get(dimension)
        const leadership = d?.leadership ?? null
        const democratic = d?.democratic ?? null
        return { dimension, leadership, democratic, score: dimensionScore(leadership, democratic) }
      }),
    })
  }
  const kaohe = new Set(years.map((y) => y.year))
  for (const p of db.all(db.qb.selectFrom('prior_grades').select(['year', 'grade']).where('person_id', '=', personId))) {
    if (kaohe.has(p.year)) continue
    years.push({ year: p.year, source: 'prior', grade: p.grade, T: null, rank: null, channels: null, dimensions: [] })
  }
  return years.sort((a, b) => a.year - b.year)
}

export function archiveOf(db: ReadableDB, personId: number, today: IsoDate): ArchiveView {
  const person = archivePerson(db, personId)
  const years = archiveYears(db, personId, today)
  const finalYears = years.filter((y) => y.source === 'kaohe').map((y) => y.year)
  const needs = finalYears.flatMap((y) => trainingNeeds(db, y, personId, today))
  return { person, years, needs, ...linkedSections(db, personId, finalYears) }
}
