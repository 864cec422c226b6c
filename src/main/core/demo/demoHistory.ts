import { createHash } from 'node:crypto'
import type { BallotLevel } from '@shared/annual'
import { DIMENSIONS, type Dimension } from '@shared/guideline/model'
import type { IsoDate } from '@shared/org'
import { localDate } from '@shared/dates'
import type { Store } from '../../db/store'
import { assembleYear, type AssembledYear, type Participant } from '../annual/assemble'
import { computeAnnual } from '../annual/engine'
import { int, type Q } from '../annual/exactSum'
import { toInputsFile } from '../annual/inputsFile'
import type { EngineInputs, EnginePerson } from '../annual/model'
import { proposalOf, recordPriorGrade } from '../annual/round'
import { publicityPeriod } from '../calendar/publicity'
import { unitCalendar } from '../calendar/unitCalendar'
import { prng } from './random'

/**
 * The demo unit's finished years before its own (issue 10: the archive, the bias report and the
 * results application need history): 2024 and 2025 as FINAL rounds — computed by the same engine
 * from inputs shaped like the demo year's own, proposed by HR in January, confirmed by the head and
 * published in February of the next year — and 2023 as grades recorded from before Kaohe.
 *
 * The 2025 grades are the ones the 2026 story already rests on (demoAnnual records them: the V1
 * person's 不称职, the weak people's 基本称职); where the engine's proposal from the synthetic inputs
 * differs, the final grade is the recorded one, entered as the leadership group's reasoned change, so
 * every number on screen is still recomputable. Three stories are planted for the reports:
 * - 三等功: the 2025 优秀 with the highest T was 优秀 in 2023 and 2024 too (three in a row);
 * - dismissal: the 2025 不称职 (V1 in 2026) was 不称职 in 2024 as well (two running);
 * - 轮流坐庄: in one department the single 优秀 passes to a different person in each of 2023–2025.
 */
export const DEMO_HISTORY_YEARS = [2024, 2025] as const
const LIVE_YEAR = 2026

type Grade = '优秀' | '称职' | '基本称职' | '不称职'

export interface DemoHistorySummary {
  merit: string | null
  dismissal: string | null
  rotation: { department: string; staffNos: string[] } | null
}

export function buildDemoHistory(store: Store, opts: { now: Date }): DemoHistorySummary {
  const today: IsoDate = localDate(opts.now)
  const template = assembleYear(store, LIVE_YEAR, today)
  // People hired in the live year (on probation) were not there before.
  const veterans = template.participants.filter((p) => p.status !== 'probation')
  if (veterans.length === 0) return { merit: null, dismissal: null, rotation: null }
  const userOf = (username: string) => store.first(store.qb.selectFrom('users').select('id').where('username', '=', username))?.id ?? null
  const actors = { hr: userOf('hr'), head: userOf('head'), leader: userOf('leader') }
  const random = prng(2024)

  const recorded = new Map<number, Grade>()
  for (const r of store.all(store.qb.selectFrom('prior_grades').select(['person_id', 'grade']).where('year', '=', 2025))) {
    if (r.grade !== '不定等次') recorded.set(r.person_id, r.grade as Grade)
  }
  const g2025 = new Map(veterans.map((p) => [p.personId, recorded.get(p.personId) ?? '称职'] as const))
  const byId = new Map(veterans.map((p) => [p.personId, p]))
  const quota = (n: number) => Math.floor((n * template.guideline.quota.excellentRate) / 100)

  // The stories, chosen from the 2025 grades.
  const excellent25 = veterans.filter((p) => g2025.get(p.personId) === '优秀')
  const dismissal = veterans.find((p) => g2025.get(p.personId) === '不称职') ?? null
  const rotation = rotationStory(veterans, g2025)
  const outside = excellent25.filter((p) => !rotation || p.departmentId !== rotation.departmentId)
  const merit = outside.find((p) => p.departmentId !== null) ?? outside[0] ?? null

  // 2024: 优秀 the merit person and the rotation's middle holder, then others of 2025's standing up to K.
  const g2024 = new Map<number, Grade>()
  const limit24 = quota(veterans.length)
  const excellent24 = new Set<number>([merit?.personId, rotation?.holders[1]].filter((x): x is number => x !== undefined))
  for (const p of veterans) {
    if (excellent24.size >= limit24) break
    const g = g2025.get(p.personId)
    if ((g === '优秀' || (g === '称职' && random() < 0.1)) && p.departmentId !== rotation?.departmentId) excellent24.add(p.personId)
  }
  for (const p of veterans) {
    const g = g2025.get(p.personId)!
    g2024.set(p.personId, excellent24.has(p.personId) ? '优秀' : p === dismissal ? '不称职' : g === '基本称职' ? '称职' : g === '优秀' ? '称职' : g)
  }
  if (rotation) for (const id of rotation.members) if (!excellent24.has(id)) g2024.set(id, '称职')

  // 2023 (before Kaohe): recorded grades only.
  const hr = actors.hr
  for (const p of veterans) {
    const grade: Grade = p === merit || p.personId === rotation?.holders[0] ? '优秀' : g2025.get(p.personId) === '不称职' ? '基本称职' : '称职'
    recordPriorGrade(store, 2023, p.personId, grade, hr ?? 0, new Date('2024-03-01T09:00:00'))
  }

  let previous = new Map<number, Grade>([...store.all(store.qb.selectFrom('prior_grades').select(['person_id', 'grade']).where('year', '=', 2023))].map((r) => [r.person_id, r.grade as Grade]))
  for (const [year, grades] of [
    [2024, g2024],
    [2025, g2025],
  ] as const) {
    writeFinalRound(store, year, template, veterans, grades, previous, actors, random)
    // The round is the record of the year now; its grades feed V1 of the next.
    store.run(store.qb.deleteFrom('prior_grades').where('year', '=', year))
    previous = new Map(store.all(store.qb.selectFrom('annual_grades').select(['person_id', 'grade']).where('year', '=', year)).map((r) => [r.person_id, r.grade as Grade]))
  }
  const staffNo = (id: number) => byId.get(id)?.staffNo ?? ''
  return {
    merit: merit?.staffNo ?? null,
    dismissal: dismissal?.staffNo ?? null,
    rotation: rotation ? { department: rotation.department, staffNos: rotation.holders.map(staffNo) } : null,
  }
}

/**
 * A small department with a 2025 优秀 and at least two 称职: 2023 and 2024 each go to one of those
 * two, so in three years the title moves on every year and nobody holds it twice.
 */
function rotationStory(people: readonly Participant[], g2025: ReadonlyMap<number, Grade>) {
  const byDept = new Map<number, Participant[]>()
  for (const p of people) if (p.departmentId !== null) byDept.set(p.departmentId, [...(byDept.get(p.departmentId) ?? []), p])
  for (const [departmentId, members] of byDept) {
    if (members.length < 3 || members.length > 6) continue
    const holders = members.filter((m) => g2025.get(m.personId) === '优秀')
    const others = members.filter((m) => g2025.get(m.personId) === '称职')
    if (holders.length === 0 || others.length < 2) continue
    return { departmentId, department: members[0]!.department ?? '', members: members.map((m) => m.personId), holders: [others[0]!.personId, others[1]!.personId, ...holders.map((h) => h.personId)] }
  }
  return null
}

/** Where a grade puts a person's scores: inside the grade's band, with some spread. */
const TARGET: Record<Grade, number> = { 优秀: 94, 称职: 83, 基本称职: 65, 不称职: 52 }

function writeFinalRound(
  store: Store,
  year: number,
  template: AssembledYear,
  people: readonly Participant[],
  grades: ReadonlyMap<number, Grade>,
  lastYear: ReadonlyMap<number, Grade>,
  actors: { hr: number | null; head: number | null; leader: number | null },
  random: () => number,
): void {
  const noise = (spread: number) => (random() + random() + random() - 1.5) * spread
  const score = (x: number): Q => int(Math.round(Math.min(99, Math.max(30, x))))
  const levelOf = (x: number): BallotLevel => (x >= 89 ? '优秀' : x >= 74 ? '称职' : x >= 58 ? '基本称职' : '不称职')
  const staffOf = new Map(people.map((p) => [p.staffNo, p.personId]))
  const inputs: EngineInputs = {
    ...template.inputs,
    year,
    policy: { ...template.inputs.policy, approval: null },
    democraticRound: null,
    people: template.inputs.people
      .filter((p) => staffOf.has(p.id))
      .map((p): EnginePerson => {
        const personId = staffOf.get(p.id)!
        const target = TARGET[grades.get(personId) ?? '称职'] + noise(3)
        const indicators: EnginePerson['indicators'] = {}
        for (const [name, ind] of Object.entries(p.indicators)) {
          indicators[name] = 'ratings' in ind ? { ratings: ind.ratings.map(() => score(target + noise(4))) } : { value: score(target + noise(5)) }
        }
        const count = Math.max(p.ballotCount, 20)
        const ballots = Object.fromEntries(
          DIMENSIONS.map((d) => {
            const tally: Record<BallotLevel, number> = { 优秀: 0, 称职: 0, 基本称职: 0, 不称职: 0 }
            for (let i = 0; i < count; i++) tally[levelOf(target + 2 + noise(10))]++
            return [d, tally]
          }),
        ) as Record<Dimension, Record<BallotLevel, number>>
        return {
          ...p,
          indicators,
          ballotCount: count,
          ballots,
          quarterly: [0, 1, 2, 3].map(() => score(target + noise(4))),
          review: { status: p.riskPost ? 'completed' : 'none', minor: 0, serious: false },
          lastYearGrade: lastYear.get(personId) ?? null,
          rectificationPlan: false,
          sanctions: [],
          sanctionsLastYear: [],
          ungraded: false,
          underInvestigation: false,
        }
      }),
  }
  const result = computeAnnual(inputs)
  const participants = people.filter((p) => inputs.people.some((x) => x.id === p.staffNo))
  const proposal = proposalOf(result, participants)
  const hash = createHash('sha256').update(JSON.stringify(toInputsFile(inputs))).digest('hex')
  // Published on the first Monday of February of the next year, for the results' working days.
  const calendar = unitCalendar(store)
  const publicity = publicityPeriod(calendar, `${year + 1}-02-02`, template.guideline.publicity.resultsWorkingDays)
  store.run(
    store.qb.insertInto('annual_rounds').values({
      year,
      stage: 'publicity',
      inputs_sha256: hash,
      n: result.N,
      k: result.K,
      boundary_tie: null,
      result_json: JSON.stringify(proposal),
      guideline_version: null,
      proposed_by: actors.hr,
      proposed_at: new Date(`${year + 1}-01-20T09:00:00`).toISOString(),
      confirmed_by: actors.head,
      confirmed_at: new Date(`${year + 1}-01-30T16:00:00`).toISOString(),
      publicity_from: publicity.start,
      publicity_until: publicity.end,
      published_by: actors.hr,
      published_at: new Date(`${year + 1}-02-02T09:00:00`).toISOString(),
    }),
  )
  // The final grades: the engine's, or the recorded one as the group's reasoned change — 优秀 kept
  // within K, the lowest-ranked extra going to 称职.
  const excellent = proposal.people.filter((p) => grades.get(p.personId) === '优秀').sort((a, b) => (b.T ?? 0) - (a.T ?? 0))
  const over = new Set(excellent.slice(result.K).map((p) => p.personId))
  for (const p of proposal.people) {
    const wanted = grades.get(p.personId)
    const grade = p.proposed === '不定等次' || wanted === undefined ? p.proposed : over.has(p.personId) ? '称职' : wanted
    const changed = grade !== p.proposed
    store.run(
      store.qb.insertInto('annual_grades').values({
        year,
        person_id: p.personId,
        proposed: p.proposed,
        grade,
        t: p.T,
        reason: changed ? '领导小组评议：结合全年工作实绩调整' : null,
        changed_by: changed ? actors.leader : null,
        changed_at: changed ? new Date(`${year + 1}-01-27T10:00:00`).toISOString() : null,
      }),
    )
  }
}
