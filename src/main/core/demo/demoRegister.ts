import { localDate } from '@shared/dates'
import { POLITICAL_STATUSES, type RegisterPart } from '@shared/register'
import type { Store } from '../../db/store'
import { savePersonal } from '../org/people'
import { confirmedGrade, savePart } from '../register'
import { prng } from './random'

/**
 * The demo's 《公务员年度考核登记表》 story: everyone's 性别, 出生年月, 政治面貌 and 任现职时间, and the
 * 2025 forms of several people filled through core/register the way each role would (in March 2026,
 * after the 2025 results were final), one of them left at the supervisor's step. The staff account's
 * own person (0402) is left empty for the walk-through. A person with no 2025 grade (不定等次), if
 * the history has one, gets HR's explanation.
 */
const YEAR = 2025
const FILLED = ['0401', '0301', '0303', '0405', '0602', '0410'] as const
const HALF = ['0403'] as const

const SUMMARY: Record<string, string> = {
  优秀: '2025 年，本人牢固树立服务意识，全年完成日常检查 160 余户次，牵头办理投诉举报 45 件，按时办结率 100%；参与食品安全专项整治，撰写的调研报告被局党组采纳。不足是统筹协调能力还需加强，今后将加强学习，提升依法履职水平。',
  称职: '2025 年，本人认真履行岗位职责，按计划完成各项任务，全年办理业务 300 余件，无差错、无投诉；积极参加业务培训，遵守工作纪律。不足是创新意识不够，今后将在提高工作效率上下功夫。',
  基本称职: '2025 年，本人完成了大部分工作任务，但有两项重点任务未能按期完成，工作主动性不足。今后将按整改要求，制定改进计划，按月向主管领导汇报进展。',
  不称职: '2025 年，本人工作中存在责任心不强、多次未按时完成任务等问题，受到组织处理。本人认识到问题的严重性，将认真整改。',
}
const SUPERVISOR: Record<string, string> = {
  优秀: '该同志政治立场坚定，业务精通，工作成效突出，群众满意度高。',
  称职: '该同志工作认真负责，能较好完成岗位任务。',
  基本称职: '该同志能完成基本工作，但主动性和完成质量有待提高，需按整改计划改进。',
  不称职: '该同志全年多项任务未完成，责任心不强，经教育后改进不明显。',
}

function userOf(store: Store, personId: number | null): number | null {
  if (personId === null) return null
  return store.first(store.qb.selectFrom('users').select('id').where('person_id', '=', personId))?.id ?? null
}

export function demoRegister(store: Store, opts: { now: Date }): void {
  const random = prng(20250214)
  const people = store.all(store.qb.selectFrom('people').select(['id', 'staff_no', 'joined_on', 'supervisor_id']).orderBy('staff_no'))
  for (const p of people) {
    const joined = p.joined_on ?? '2015-07-01'
    const born = Number(joined.slice(0, 4)) - 22 - Math.floor(random() * 8)
    const since = Math.max(Number(joined.slice(0, 4)), 2016 + Math.floor(random() * 9))
    const month = () => String(1 + Math.floor(random() * 12)).padStart(2, '0')
    const r = random()
    const politicalStatus = r < 0.68 ? '中共党员' : r < 0.74 ? '中共预备党员' : r < 0.82 ? '共青团员' : r < 0.86 ? POLITICAL_STATUSES[4] : '群众'
    savePersonal(store, p.id, { gender: random() < 0.52 ? '男' : '女', birthMonth: `${born}-${month()}`, politicalStatus, postSince: `${since}-${month()}` })
  }

  const today = localDate(opts.now)
  const byStaff = new Map(people.map((p) => [p.staff_no, p]))
  const head = store.first(store.qb.selectFrom('org_groups').select('person_id').where('role', '=', 'head').where('valid_to', 'is', null))?.person_id ?? null
  const hr = store.first(store.qb.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id').select(['u.id', 'u.person_id']).where('r.role', '=', 'hr'))
  const member = store.first(
    store.qb.selectFrom('org_groups').select('person_id').where('role', '=', 'member').where('valid_to', 'is', null).where('person_id', '!=', head ?? -1),
  )?.person_id ?? head
  const write = (personId: number, part: RegisterPart, writer: number | null, text: string, at: string, extra: { suggestedGrade?: string; submit?: boolean } = {}) =>
    savePart(store, { year: YEAR, personId, part, text, submit: extra.submit ?? true, suggestedGrade: extra.suggestedGrade }, { userId: userOf(store, writer), personId: writer }, new Date(at), today)

  for (const staffNo of [...FILLED, ...HALF]) {
    const p = byStaff.get(staffNo)
    if (!p) continue
    const grade = confirmedGrade(store, YEAR, p.id, today)
    if (grade === null || grade === '不定等次') continue
    write(p.id, 'duties', p.id, '市场主体登记、日常监督检查与投诉举报处理', '2026-03-02T09:30:00')
    write(p.id, 'summary', p.id, SUMMARY[grade] ?? SUMMARY['称职']!, '2026-03-02T10:00:00')
    if ((HALF as readonly string[]).includes(staffNo)) continue
    write(p.id, 'training', p.id, '参加全省市场监管业务脱产培训 5 天', '2026-03-02T10:05:00')
    if (p.supervisor_id !== null) write(p.id, 'supervisor', p.supervisor_id, SUPERVISOR[grade] ?? SUPERVISOR['称职']!, '2026-03-04T15:00:00', { suggestedGrade: grade })
    if (head !== null && head !== p.id) write(p.id, 'head', head, '同意主管领导意见。', '2026-03-06T11:00:00')
    if (member !== null) write(p.id, 'committee', member, `经考核委员会（领导小组）研究，确定为${grade}等次。`, '2026-03-09T16:00:00')
    write(p.id, 'opinion', p.id, grade === '不称职' ? '本人对考核结果无异议，将认真整改。' : '同意。', '2026-03-10T09:00:00')
  }

  // 不定等次: HR's explanation, for anyone the 2025 results left without a grade.
  const ungraded = store.all(store.qb.selectFrom('annual_grades').select('person_id').where('year', '=', YEAR).where('grade', '=', '不定等次'))
  for (const u of ungraded.slice(0, 3)) {
    write(u.person_id, 'undetermined', hr?.person_id ?? null, '该同志 2025 年处于试用期（或病假超过半年），按规定不确定考核等次，只写评语。', '2026-03-09T10:00:00')
  }
}
