import type { CommitmentTaskInput } from '@shared/commitments'
import type { LedgerKind } from '@shared/ledger'
import type { IsoDate } from '@shared/org'
import type { Quarter } from '@shared/quarterly'
import { localDate } from '@shared/dates'
import type { SurveyResponseInsert } from '../../db/schema'
import type { Store } from '../../db/store'
import { unitCalendar } from '../calendar/unitCalendar'
import { complete, decideRevision, requestRevision, review, saveDraft, submit } from '../commitments'
import { addLedgerEntry } from '../ledger/addEntry'
import { voidLedgerEntry } from '../ledger/voidEntry'
import { readPolicyConstraints } from '../policy/constraints'
import { policyInForce } from '../policy/inForce'
import { rateQuarter, submitSummary } from '../quarterly/evaluation'
import { quarterPhase } from '../quarterly/phases'
import { assignPeers, peerRate } from '../quarterly/peers'
import { quarterBounds } from '../quarterly/quarters'
import { recordTalk } from '../talks/talks'
import { prng } from './random'

/**
 * A believable year of the demo unit (issue 4): commitment letters, ledger entries, attendance
 * exceptions, monthly talks, satisfaction responses and quarterly evaluations for 2026, up to the
 * demo's "now" and never after it. Letters, ledger, talks, summaries, ratings and peer reviews go
 * through the same services the router calls, so follow-ups open the way the product opens them;
 * attendance and survey rows are what their importers store (an import needs a file).
 *
 * Who acts: a supervisor with a demo account acts as themself; a supervisor without one (most
 * department heads have no demo account) is stood in for by HR's account, recorded as an import
 * for ledger entries, while the supervisor person is still the one named on talks and ratings.
 */

const YEAR = 2026

/** Staff numbers with a story. */
export const DEMO_STORY = {
  /** 不达标 in Q4 2025 and Q1 2026: the interview and the support plan open. */
  failing: '0405',
  /** Many late arrivals and an absent day. */
  lateComer: '0407',
  /** Weak all year: fair grades, late tasks, a complaint. */
  weak: ['0507', '0606', '0105'],
  /** Enforcement officer with too few satisfaction responses (样本不足). */
  fewResponses: '0512',
  /** Requests a revision of the approved letter in June; the leadership group approves it. */
  revision: '0503',
  /** Department without attendance exports (its people are N/A). */
  noAttendanceDept: '03',
} as const

type Rand = () => number

interface Person {
  id: number
  staffNo: string
  name: string
  supervisorId: number | null
  dept: string | null
  risk: boolean
  category: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const day = (m: number, d: number): IsoDate => `${YEAR}-${pad(m)}-${pad(d)}`
const at = (date: IsoDate, hour: number) => new Date(`${date}T${pad(hour)}:${pad(17 + (hour % 3) * 11)}:00`)
const daysIn = (m: number) => new Date(YEAR, m, 0).getDate()
const weekday = (date: IsoDate) => {
  const w = new Date(`${date}T12:00:00`).getDay()
  return w !== 0 && w !== 6
}
function addDays(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T12:00:00`)
  d.setDate(d.getDate() + n)
  return localDate(d)
}

const GOALS = {
  enforcement: '营造公平有序的市场环境',
  food: '守住食品安全底线',
  technical: '提升计量和特种设备安全保障能力',
  general: '提升机关运转效能',
}

function taskPool(p: Person): (Omit<CommitmentTaskInput, 'deadline'> & { months: number[] })[] {
  if (p.dept === '04')
    return [
      { title: '完成“双随机、一公开”抽查', target: 120, unit: '户', goal: GOALS.enforcement, months: [6, 11] },
      { title: '办结投诉举报案件', target: 60, unit: '件', goal: GOALS.enforcement, months: [9, 12] },
      { title: '查办价格违法案件', target: 8, unit: '件', goal: GOALS.enforcement, months: [10, 12] },
      { title: '开展广告监测专项检查', target: 4, unit: '次', goal: GOALS.enforcement, months: [3, 6, 9] },
      { title: '完成执法案卷自查评查', target: 30, unit: '卷', goal: GOALS.enforcement, months: [5, 11] },
    ]
  if (p.dept === '05')
    return [
      { title: '完成食品安全监督抽检', target: 200, unit: '批次', goal: GOALS.food, months: [6, 10] },
      { title: '校园周边食品经营户全覆盖检查', target: 85, unit: '户', goal: GOALS.food, months: [3, 9] },
      { title: '农村集体聚餐备案指导', target: 40, unit: '场', goal: GOALS.food, months: [8, 12] },
      { title: '食品生产企业日常检查', target: 36, unit: '家次', goal: GOALS.food, months: [5, 11] },
      { title: '开展食品安全宣传周活动', target: 2, unit: '场', goal: GOALS.food, months: [6] },
    ]
  if (p.dept === '06')
    return [
      { title: '完成强制检定计量器具', target: 1500, unit: '台件', goal: GOALS.technical, months: [6, 11] },
      { title: '电梯定期检验', target: 260, unit: '台', goal: GOALS.technical, months: [9, 12] },
      { title: '压力容器检验', target: 90, unit: '台', goal: GOALS.technical, months: [7, 10] },
      { title: '集贸市场电子秤专项检查', target: 12, unit: '个', goal: GOALS.technical, months: [4, 8] },
    ]
  return [
    { title: '起草、审核各类公文', target: 150, unit: '份', goal: GOALS.general, months: [11, 12] },
    { title: '组织业务培训', target: 6, unit: '期', goal: GOALS.general, months: [6, 11] },
    { title: '办理人大建议、政协提案', target: 12, unit: '件', goal: GOALS.general, months: [8, 9] },
    { title: '完成档案整理归档', target: 800, unit: '卷', goal: GOALS.general, months: [3, 12] },
    { title: '开展廉政风险排查', target: 2, unit: '轮', goal: GOALS.general, months: [4, 10] },
  ]
}

const LEDGER_TEXT: Partial<Record<LedgerKind, ((r: Rand) => string)[]>> = {
  workRecord: [
    (r) => `完成“双随机、一公开”抽查${6 + Math.floor(r() * 12)}户`,
    (r) => `处理投诉举报${1 + Math.floor(r() * 6)}件，均按时回复`,
    (r) => `检查农贸市场经营户${10 + Math.floor(r() * 30)}户，督促整改问题${Math.floor(r() * 5)}处`,
    (r) => `起草、审核公文${3 + Math.floor(r() * 8)}份`,
    (r) => `检定加油机、电子秤等计量器具${20 + Math.floor(r() * 80)}台件`,
  ],
  systemData: [(r) => `市场监管综合业务平台办件${5 + Math.floor(r() * 20)}件，零超期`, (r) => `12315平台分派工单${2 + Math.floor(r() * 8)}件，全部按期办结`],
  meetingMinutes: [() => '参加局务会，汇报本月重点工作推进情况', () => '参加全县食品安全工作会议并作交流发言', () => '组织科室周例会，部署节前市场检查'],
  outstanding: [() => '查处一起虚假宣传案件，获县局通报表扬', () => '群众来信表扬其耐心细致的服务', () => '在全市执法案卷评查中获评优秀案卷'],
  volunteer: [() => '参加防汛值守，连续值班两昼夜', () => '参加创建全国文明城市志愿服务', () => '参加森林防火卡点值守'],
  emergency: [() => '夜间赶赴现场处置一起电梯困人事件', () => '参与处置一起疑似食物中毒事件，及时封存留样'],
  trainingExam: [(r) => `参加全市行政执法资格培训考试，成绩${78 + Math.floor(r() * 21)}分`, (r) => `参加《行政处罚法》专题培训考试，成绩${75 + Math.floor(r() * 24)}分`],
  riskFound: [() => '排查发现行政处罚自由裁量权行使不规范风险点1处', () => '发现罚没物品登记管理不规范风险点1处'],
  riskRectified: [() => '自由裁量基准已细化，风险点整改完毕', () => '罚没物品台账已建立，风险点整改完毕'],
  integrityTalk: [() => '节前廉政提醒谈话'],
  mistake: [() => '一份行政处罚决定书文号错误，已更正', () => '检查记录未按时录入系统'],
  complaint: [() => '被服务对象投诉办事态度生硬，经核实属实，已批评教育'],
  shirking: [() => '对跨科室协查事项推诿，延误两天'],
}

export function buildDemoYear(store: Store, opts: { now: Date }): void {
  const today = localDate(opts.now)
  if (today < `${YEAR}-01-15`) return
  const random = prng(4026)
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

  const people: Person[] = store
    .all(
      store.qb
        .selectFrom('people as p')
        .leftJoin('departments as d', 'd.id', 'p.department_id')
        .select(['p.id', 'p.staff_no', 'p.name', 'p.supervisor_id', 'd.code', 'p.risk_post', 'p.category'])
        .where('p.status', '=', 'active')
        .orderBy('p.staff_no'),
    )
    .map((p) => ({ id: p.id, staffNo: p.staff_no, name: p.name, supervisorId: p.supervisor_id, dept: p.code, risk: p.risk_post === 1, category: p.category }))
  const accountOf = new Map(store.all(store.qb.selectFrom('users').select(['id', 'person_id']).where('person_id', 'is not', null)).map((u) => [u.person_id!, u.id]))
  const hrUser = store.first(store.qb.selectFrom('users').select('id').where('username', '=', 'hr'))!.id
  const headUser = store.first(store.qb.selectFrom('users').select('id').where('username', '=', 'head'))!.id
  const headPerson = store.first(store.qb.selectFrom('people').select('id').where('staff_no', '=', '0001'))!.id
  const userFor = (personId: number | null) => (personId !== null ? accountOf.get(personId) : undefined) ?? hrUser
  const byNo = new Map(people.map((p) => [p.staffNo, p]))
  const weak = new Set<string>(DEMO_STORY.weak)
  const reports = people.filter((p) => p.supervisorId !== null)
  const calendar = unitCalendar(store)
  const publicityWorkingDays = readPolicyConstraints(policyInForce(store, YEAR).policy).P7_publicityWorkingDaysMin
  const upTo = (date: IsoDate) => date <= today

  // 承诺书: drafted and submitted by the person, approved by the supervisor in January.
  const tasksOf = new Map<number, { key: string; title: string; deadline: IsoDate }[]>()
  for (const p of reports) {
    const draftOn = day(1, int(12, 16))
    const approveOn = addDays(draftOn, int(2, 6))
    if (!upTo(approveOn)) continue
    const pool = taskPool(p)
    const n = Math.min(pool.length, int(3, 5))
    const tasks: CommitmentTaskInput[] = pool.slice(0, n).map((t) => {
      const m = pick(t.months)
      const scale = 0.8 + random() * 0.4
      return { title: t.title, target: Math.max(1, Math.round(t.target * scale)), unit: t.unit, goal: t.goal, deadline: day(m, m === 12 ? 20 : daysIn(m)) }
    })
    const self = userFor(p.id)
    saveDraft(store, { personId: p.id, year: YEAR, tasks }, { actorId: self, now: at(draftOn, 9), today: draftOn })
    submit(store, p.id, YEAR, { actorId: self, now: at(draftOn, 16), today: draftOn })
    const letter = review(
      store,
      { personId: p.id, year: YEAR, decision: 'approve' },
      { actorId: userFor(p.supervisorId), now: at(approveOn, 10), today: approveOn, calendar, publicityWorkingDays },
    )
    const rows = store.all(store.qb.selectFrom('commitment_tasks').select(['task_key', 'title', 'deadline']).where('letter_id', '=', letter.id).orderBy('sort_order'))
    tasksOf.set(p.id, rows.map((r) => ({ key: r.task_key, title: r.title, deadline: r.deadline })))
  }

  // 动态调整: one revision in June, approved by the head of the leadership group.
  const rev = byNo.get(DEMO_STORY.revision)
  const revTasks = rev && tasksOf.get(rev.id)
  if (rev && revTasks && upTo(day(6, 22))) {
    const t = revTasks[0]!
    const requestId = requestRevision(
      store,
      {
        personId: rev.id,
        year: YEAR,
        changes: [{ op: 'revise', taskKey: t.key, deadline: day(10, 31) }],
        reason: '上级部署食品安全专项整治，抽检批次集中在下半年，申请顺延期限',
      },
      { actorId: userFor(rev.id), now: at(day(6, 15), 10), today: day(6, 15) },
    )
    decideRevision(store, { requestId, approve: true, reason: '同意，按专项整治安排顺延' }, { actorId: headUser, actorPersonId: headPerson, now: at(day(6, 22), 15), today: day(6, 22) })
    const v2 = store.first(store.qb.selectFrom('commitment_letters').select('id').where('person_id', '=', rev.id).where('year', '=', YEAR).orderBy('version', 'desc'))!
    tasksOf.set(rev.id, store.all(store.qb.selectFrom('commitment_tasks').select(['task_key as key', 'title', 'deadline']).where('letter_id', '=', v2.id).orderBy('sort_order')))
  }

  // Task completion: most on time, some late, some open; the weak are late or open more often.
  for (const p of reports) {
    for (const t of tasksOf.get(p.id) ?? []) {
      const r = random()
      const poor = weak.has(p.staffNo) || p.staffNo === DEMO_STORY.failing
      let done: IsoDate | null = null
      if (r < (poor ? 0.35 : 0.75)) done = addDays(t.deadline, -int(1, 20))
      else if (r < (poor ? 0.75 : 0.9)) done = addDays(t.deadline, int(4, 25))
      if (done && upTo(done)) complete(store, { personId: p.id, year: YEAR, taskKey: t.key, completedOn: done }, { actorId: userFor(p.supervisorId), now: at(done, 17), today: done })
    }
  }

  // 台账: a few entries per person per month by the supervisor; a few voided.
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => upTo(day(m, 1)))
  let sinceVoid = 0
  for (const p of reports) {
    const author = p.supervisorId !== null ? accountOf.get(p.supervisorId) : undefined
    const source = author === undefined ? ('import' as const) : ('manual' as const)
    const tasks = tasksOf.get(p.id) ?? []
    const poor = weak.has(p.staffNo) || p.staffNo === DEMO_STORY.failing
    for (const m of months) {
      const n = int(2, 4)
      for (let i = 0; i < n; i++) {
        const d = day(m, int(1, daysIn(m)))
        if (!upTo(d)) continue
        const roll = random()
        let kind: LedgerKind
        if (roll < 0.4) kind = 'workRecord'
        else if (roll < 0.5) kind = 'systemData'
        else if (roll < 0.6) kind = tasks.length ? 'taskProgress' : 'workRecord'
        else if (roll < 0.67) kind = 'meetingMinutes'
        else if (roll < 0.72) kind = poor ? 'mistake' : 'outstanding'
        else if (roll < 0.77) kind = m >= 6 && m <= 8 ? 'volunteer' : 'emergency'
        else if (roll < 0.83) kind = 'trainingExam'
        else if (roll < 0.88 && p.risk) kind = m % 2 ? 'riskFound' : 'riskRectified'
        else if (roll < 0.9) kind = poor ? 'complaint' : 'integrityTalk'
        else if (roll < 0.91 && poor) kind = 'shirking'
        else kind = 'workRecord'
        let text: string
        let taskRef: string | undefined
        let progress: number | undefined
        if (kind === 'taskProgress') {
          const t = pick(tasks)
          taskRef = t.key
          progress = Math.max(5, Math.min(100, Math.round((m / 12) * 100 + int(-10, 10))))
          text = `推进“${t.title}”，累计完成约${progress}%`
        } else text = pick(LEDGER_TEXT[kind]!)(random)
        const entry = addLedgerEntry(store, { personId: p.id, day: d, kind, text, taskRef, progress }, { actorId: author ?? hrUser, now: at(d, 18), source })
        // Only a hand-written entry can be voided (core/ledger voidRefusal); an imported one waits for the next.
        if (++sinceVoid >= 97 && entry.voidable) {
          sinceVoid = 0
          const voidOn = addDays(d, 2)
          if (upTo(voidOn)) voidLedgerEntry(store, entry.id, '录入对象错误，已在正确人员名下重新登记', { actorId: author ?? hrUser, now: at(voidOn, 9) })
        }
      }
    }
  }

  // 考勤: exceptions exported by the attendance machines (not 纪检室, which has no machine).
  const attendance = store.qb.insertInto('attendance_records')
  const attRows: { person_id: number; day: string; status: string; hours: number | null; source_file: string; imported_at: string; imported_by: number }[] = []
  const seen = new Set<string>()
  const addAtt = (p: Person, d: IsoDate, status: string, hours: number | null) => {
    if (!upTo(d) || !weekday(d) || seen.has(`${p.id}:${d}:${status}`)) return
    seen.add(`${p.id}:${d}:${status}`)
    const m = Number(d.slice(5, 7))
    const importedOn = m === 12 ? `${YEAR}-12-31` : day(m + 1, 3)
    attRows.push({ person_id: p.id, day: d, status, hours, source_file: `考勤机导出-${YEAR}-${pad(m)}.xlsx`, imported_at: at(importedOn, 9).toISOString(), imported_by: hrUser })
  }
  for (const p of people) {
    if (p.dept === null || p.dept === DEMO_STORY.noAttendanceDept) continue
    const late = p.staffNo === DEMO_STORY.lateComer ? 14 : weak.has(p.staffNo) ? int(3, 5) : int(0, 2)
    for (let i = 0; i < late; i++) addAtt(p, day(int(1, 11), int(1, 28)), 'late', null)
    if (p.staffNo === DEMO_STORY.lateComer) {
      addAtt(p, day(3, 16), 'absent', null)
      for (let i = 0; i < 3; i++) addAtt(p, day(int(2, 9), int(1, 28)), 'early', null)
    } else if (random() < 0.2) addAtt(p, day(int(1, 11), int(1, 28)), 'early', null)
    for (let i = int(1, 4); i > 0; i--) addAtt(p, day(int(1, 11), int(1, 28)), 'leave', null)
    for (let i = int(0, 5); i > 0; i--) addAtt(p, day(int(1, 11), int(1, 28)), 'overtime', int(2, 8))
  }
  for (let i = 0; i < attRows.length; i += 200) store.run(attendance.values(attRows.slice(i, i + 200)))

  // 每月沟通: mostly held; a few months missed, so supervisors see overdue talks.
  for (const p of reports) {
    for (const m of months) {
      const month = `${YEAR}-${pad(m)}`
      const missed = (p.dept === '04' && m === Number(today.slice(5, 7)) - 1 && Number(p.staffNo.slice(2)) % 5 === 0) || random() < 0.04
      if (missed) continue
      const held = day(m, int(8, 26))
      if (!upTo(held)) continue
      const notes = pick([
        `沟通${m}月任务进展，指出案卷整理需加快`,
        '肯定本月工作成效，提醒注意执法文书规范',
        '了解思想和家庭情况，鼓励参加业务培训',
        '围绕承诺书任务查找差距，明确下月重点',
      ])
      recordTalk(store, { personId: p.id, month, heldOn: held, notes }, { userId: userFor(p.supervisorId), supervisorPersonId: p.supervisorId, now: at(held, 15), today: held })
    }
  }

  // 服务评价: enforcement and front-office people; one with too few responses.
  const levels = ['verySatisfied', 'verySatisfied', 'verySatisfied', 'satisfied', 'satisfied', 'fairlySatisfied', 'dissatisfied'] as const
  const surveyRows: SurveyResponseInsert[] = []
  let responseNo = 0
  for (const p of people) {
    const front = p.category === 'enforcement' || (p.dept === '01' && Number(p.staffNo.slice(2)) <= 4)
    if (!front) continue
    const n = p.staffNo === DEMO_STORY.fewResponses ? 4 : int(11, 24)
    for (let i = 0; i < n; i++) {
      const d = day(int(1, 11), int(1, 28))
      if (!upTo(d)) continue
      const m = Number(d.slice(5, 7))
      const level = weak.has(p.staffNo) && random() < 0.3 ? 'dissatisfied' : pick(levels)
      surveyRows.push({
        person_id: p.id,
        day: d,
        level,
        channel: pick(['窗口', '12315回访', '政务服务好差评']),
        response_key: `HCP${YEAR}${String(++responseNo).padStart(6, '0')}`,
        source: 'import',
        source_file: `好差评导出-${YEAR}-${pad(m)}.xlsx`,
        recorded_at: at(m === 12 ? `${YEAR}-12-31` : day(m + 1, 5), 10).toISOString(),
      })
    }
  }
  for (let i = 0; i < surveyRows.length; i += 200) store.run(store.qb.insertInto('survey_responses').values(surveyRows.slice(i, i + 200)))

  // 季度评估: Q4 2025 for the failing person only (the year before the demo), then each 2026 quarter
  // once it has ended: summaries, peer reviews in the big enforcement departments, supervisor ratings.
  const failing = byNo.get(DEMO_STORY.failing)
  if (failing) {
    // Supervisors rate in the quarter's rating phase (core/quarterly/phases.ts).
    const on: IsoDate = quarterPhase(store, 2025, 4, '2026-01-05').ratingFrom
    const sup = failing.supervisorId
    submitSummary(store, { personId: failing.id, year: 2025, quarter: 4, text: '第四季度参与市场检查，部分案卷未按期归档。' }, { userId: userFor(failing.id), now: at('2026-01-05', 17), today: '2026-01-05' })
    rateQuarter(
      store,
      { personId: failing.id, year: 2025, quarter: 4, performance: 56, potential: 60, failMark: true, failReason: '执法案卷3件超期未归档，投诉举报2件超时限办理' },
      { userId: userFor(sup), supervisorPersonId: sup, now: at(on, 10), today: on },
    )
  }
  for (const quarter of [1, 2, 3, 4] as Quarter[]) {
    const { to } = quarterBounds(YEAR, quarter)
    const summaryOn = addDays(to, int(3, 5))
    const peerOn = addDays(to, 7)
    const ratingFrom = quarterPhase(store, YEAR, quarter, to).ratingFrom
    const rateOn = addDays(to, 10) < ratingFrom ? ratingFrom : addDays(to, 10)
    if (!upTo(rateOn)) break
    for (const p of reports) {
      const q = ['好', '较好', '扎实'][quarter % 3]
      submitSummary(
        store,
        { personId: p.id, year: YEAR, quarter, text: `第${quarter}季度围绕承诺书任务开展工作，整体进展${q}；下季度将重点推进未完成事项。` },
        { userId: userFor(p.id), now: at(summaryOn, 16), today: summaryOn },
      )
    }
    // 互评: HR assigns three colleagues of the same department to everyone in 综合执法大队 and 食品安全监管科.
    for (const dept of ['04', '05']) {
      const members = people.filter((p) => p.dept === dept)
      members.forEach((rater, i) => {
        const ratees = [1, 2, 3].map((k) => members[(i + k) % members.length]!.id)
        assignPeers(store, { year: YEAR, quarter, raterId: rater.id, rateeIds: ratees }, { userId: hrUser, now: at(addDays(to, 1), 9) })
      })
    }
    const perf = new Map<number, number>()
    for (const p of reports) {
      let score: number
      if (p.staffNo === DEMO_STORY.failing) score = quarter === 1 ? 55 : quarter === 2 ? 66 : 74
      else if (weak.has(p.staffNo)) score = quarter === 2 && p.staffNo === DEMO_STORY.weak[0] ? 55 : int(63, 79)
      else if (p.staffNo === DEMO_STORY.lateComer) score = int(76, 84)
      else score = int(82, 97)
      perf.set(p.id, score)
    }
    const peerRows = store.all(
      store.qb.selectFrom('peer_assignments').select(['id', 'ratee_id', 'rater_id']).where('year', '=', YEAR).where('quarter', '=', quarter).orderBy('id'),
    )
    for (const a of peerRows) {
      const base = perf.get(a.ratee_id) ?? 85
      peerRate(store, a.id, Math.max(40, Math.min(100, base + int(-5, 5))), { userId: userFor(a.rater_id), now: at(peerOn, 11), today: peerOn })
    }
    for (const p of reports) {
      const performance = perf.get(p.id)!
      const fail = p.staffNo === DEMO_STORY.failing && quarter === 1
      rateQuarter(
        store,
        {
          personId: p.id,
          year: YEAR,
          quarter,
          performance,
          potential: Math.max(50, Math.min(98, performance + int(-8, 6))),
          failMark: fail,
          ...(fail ? { failReason: '连续两个季度承诺任务进度滞后，执法案卷仍有超期，本季度有效投诉1件' } : {}),
        },
        { userId: userFor(p.supervisorId), supervisorPersonId: p.supervisorId, now: at(rateOn, 15), today: rateOn },
      )
    }
  }
}
