import { localDate } from '@shared/dates'
import type { Store } from '../../db/store'
import { addDays } from '../calendar/dates'
import { answerAppeal, appealWindow, fileAppeal, recusedFor } from '../appeals'
import { deliveredOn } from '../feedback'

/**
 * The demo's 2025 申诉 story (issue 10), in March 2026: one person delivered a 基本称职 form and
 * appealed their quarterly ratings; the leadership group (a member who did not rate them) upheld it
 * and raised the grade to 称职 — within K, through the quota check — which voided the form and made
 * version 2. Another person delivered a 称职 form, asked for 优秀, and was refused with reasons.
 * Written through core/appeals, as the router would; call after demoFeedback.
 */
const YEAR = 2025

export function demoAppeals(store: Store, opts: { now: Date }): { filed: number; upheld: number; refused: number } {
  const out = { filed: 0, upheld: 0, refused: 0 }
  const delivered = store
    .all(
      store.qb
        .selectFrom('annual_grades as g')
        .innerJoin('people as p', 'p.id', 'g.person_id')
        .select(['g.person_id', 'g.grade', 'p.staff_no'])
        .where('g.year', '=', YEAR)
        .orderBy('p.staff_no'),
    )
    // The witnessed refusal stays the demo's one refusal: its person does not appeal.
    .filter((g) => !store.first(store.qb.selectFrom('feedback_forms').select('id').where('year', '=', YEAR).where('person_id', '=', g.person_id).where('status', '=', 'refused')))
    .map((g) => ({ ...g, on: deliveredOn(store, YEAR, g.person_id) }))
    .filter((g): g is typeof g & { on: string } => g.on !== null && g.on >= '2026-02-01' && g.on <= '2026-03-18')
  const group = store
    .all(store.qb.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select(['users.id', 'users.person_id', 'user_roles.role']).where('user_roles.role', 'in', ['leaderHead', 'leader']))
    .filter((u): u is typeof u & { person_id: number } => u.person_id !== null)
  const userOf = (personId: number) => store.first(store.qb.selectFrom('users').select('id').where('person_id', '=', personId))?.id
  const hr = store.first(store.qb.selectFrom('users').select('id').where('username', '=', 'hr'))?.id
  if (hr === undefined) return out
  const story = (pick: (typeof delivered)[number] | undefined, ask: string, answer: { decision: 'upheld' | 'refused'; grade?: string; reason: string }, text: string) => {
    if (!pick) return
    // Filed in March, within the window (the calendar's, as the person would see it).
    const until = appealWindow(store, YEAR, pick.person_id, pick.on).windowUntil
    const filedOn = addDays(pick.on, 2) > '2026-03-02' ? addDays(pick.on, 2) : '2026-03-02'
    if (until === null || filedOn > until) return
    const answeredOn = addDays(filedOn, 9)
    if (new Date(`${answeredOn}T17:00:00`) > opts.now) return
    const items = ['channel:quarterly']
    const recused = new Set(recusedFor(store, YEAR, pick.person_id, items).map((m) => m.personId))
    const member = group.find((u) => !recused.has(u.person_id))
    if (!member) return
    const filedAt = new Date(`${filedOn}T10:30:00`)
    const a = fileAppeal(store, { year: YEAR, personId: pick.person_id, items, gradeAsked: ask, text }, userOf(pick.person_id) ?? hr, filedAt, localDate(filedAt))
    out.filed++
    const at = new Date(`${answeredOn}T15:00:00`)
    answerAppeal(store, { appealId: a.id, ...answer }, { userId: member.id, personId: member.person_id }, at, localDate(at))
    out[answer.decision]++
  }
  const inWindow = (g: (typeof delivered)[number]) => {
    const until = appealWindow(store, YEAR, g.person_id, g.on).windowUntil
    return until !== null && until >= '2026-03-02'
  }
  story(
    delivered.find((g) => g.grade === '基本称职' && inWindow(g) && !group.some((u) => u.person_id === g.person_id)),
    '称职',
    { decision: 'upheld', grade: '称职', reason: '经领导小组复查，第三季度评价所依据的台账记录有误，更正后季度平均分达到称职标准，等次调整为称职。' },
    '第三季度评价未计入我承办的两起专项任务，台账记录有遗漏，请求复查季度评价。',
  )
  story(
    delivered.find((g) => g.grade === '称职' && inWindow(g) && !group.some((u) => u.person_id === g.person_id)),
    '优秀',
    { decision: 'refused', reason: '经领导小组复查，季度评价与台账记录相符，优秀名额已按综合得分排名确定，维持称职等次。' },
    '本人全年承担任务较多，季度评价偏低，请求重新评定为优秀。',
  )
  return out
}
