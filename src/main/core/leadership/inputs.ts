import type { ReadableDB } from '../../db/store'
import { members, participants, recusalOf, relativePairs } from './sheets'

export interface LeadershipInputs {
  /** people.id → indicator id → the submitted, non-recused members' scores */
  ratings: Map<number, Map<string, number[]>>
  /** members who have not submitted their sheet, and recusals, for the dashboard */
  pendingSheets: { raterName: string; count: number }[]
}

/**
 * The leadership channel's inputs for the scoring engine (core/annual): per person and rated
 * indicator, the scores of the members who submitted a sheet for them, never a recused member's
 * (self, a declared close relative, or a recorded recusal), in the order the sheets were saved (a
 * mean does not depend on it). Drafts do not count. `pendingSheets` lists each
 * member still owing sheets, with how many.
 */
export function leadershipInputs(db: ReadableDB, year: number): LeadershipInputs {
  const relatives = relativePairs(db)
  const recorded = new Map(
    db.all(db.qb.selectFrom('recusals').select(['rater_id', 'person_id', 'reason']).where('year', '=', year)).map((r) => [`${r.rater_id}>${r.person_id}`, r.reason] as const),
  )
  const group = members(db)
  // Scores sheet by sheet (a mean does not depend on their order; the lists keep the sheets' order),
  // so recusal is decided once per sheet, not per score.
  const rows = db.all(
    db.qb
      .selectFrom('leadership_sheets as s')
      .innerJoin('leadership_scores as c', 'c.sheet_id', 's.id')
      .select(['s.id as sheet_id', 's.rater_id', 's.person_id', 'c.indicator_id', 'c.score_hundredths'])
      .where('s.year', '=', year)
      .where('s.status', '=', 'submitted')
      .orderBy('s.id')
      .orderBy('c.indicator_id'),
  )
  const ratings = new Map<number, Map<string, number[]>>()
  let lastSheet = -1
  let recused = false
  for (const r of rows) {
    if (r.sheet_id !== lastSheet) {
      lastSheet = r.sheet_id
      recused = recusalOf(r.rater_id, r.person_id, relatives, recorded) !== null
    }
    if (recused) continue
    let perPerson = ratings.get(r.person_id)
    if (!perPerson) ratings.set(r.person_id, (perPerson = new Map()))
    const list = perPerson.get(r.indicator_id)
    if (list) list.push(r.score_hundredths / 100)
    else perPerson.set(r.indicator_id, [r.score_hundredths / 100])
  }
  const submitted = new Set(
    db.all(db.qb.selectFrom('leadership_sheets').select(['rater_id', 'person_id']).where('year', '=', year).where('status', '=', 'submitted')).map((s) => `${s.rater_id}>${s.person_id}`),
  )
  const people = participants(db)
  const pendingSheets = group
    .map((m) => ({
      raterName: m.name,
      count: people.filter((p) => !recusalOf(m.personId, p.id, relatives, recorded) && !submitted.has(`${m.personId}>${p.id}`)).length,
    }))
    .filter((x) => x.count > 0)
  return { ratings, pendingSheets }
}
