import type { AnnualGuideline } from '@shared/guideline/model'
import { DIMENSIONS } from '@shared/guideline/model'
import type { MetricEvidenceView, SheetEvidence } from '@shared/api/leadership'
import type { Store } from '../../db/store'
import { currentLetter, isApproved, taskRows } from '../commitments/views'
import { taskCompletionInput } from '../commitments/taskInput'
import { attendance, type AttendanceStatus } from '../metrics/attendance'
import { review } from '../metrics/review'
import { riskRectification } from '../metrics/risk'
import { survey } from '../metrics/survey'
import { taskCompletion } from '../metrics/task'
import { trainingExam } from '../metrics/training'
import type { MetricResult } from '../metrics/types'
import { statusOf } from '../quarterly/evaluation'
import { reviewOf } from '../integrity/reviews'
import type { Participant } from './sheets'

/**
 * What the evaluation sheet shows beside a person's rated indicators (RULES.md §4 "evidence the
 * sheet shows"): each metric indicator of their post category with its inputs and N/A, computed by
 * the metric rules themselves (core/metrics) from the same records; the four quarterly scores
 * (core/quarterly); ledger highlights; the commitment letter's tasks; the year's 小结. The integrity
 * review appears as its outcome only (T3 details stay with the discipline office).
 */
const HIGHLIGHT_KINDS = ['outstanding', 'emergency', 'volunteer', 'mistake', 'shirking', 'complaint'] as const

function safe<E>(f: () => MetricResult<E>): MetricResult<E> | { score: null; flags: string[]; evidence: null } {
  try {
    return f()
  } catch {
    // A record the rule refuses (a contradiction in the data) shows as not computable, not as a number.
    return { score: null, flags: ['INPUT_ERROR'], evidence: null }
  }
}

export function sheetEvidence(store: Store, guideline: AnnualGuideline, p: Participant, year: number): SheetEvidence {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const ledgerRows = store.all(
    store.qb
      .selectFrom('ledger_entries')
      .select(['day', 'kind', 'text', 'task_ref', 'progress'])
      .where('person_id', '=', p.id)
      .where('voided_at', 'is', null)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day'),
  )
  const metrics: MetricEvidenceView[] = []
  for (const d of DIMENSIONS) {
    for (const ind of guideline.categories[p.category].dimensions[d].indicators) {
      if (ind.source === 'rated') continue
      let r: { score: number | null; flags: string[] }
      let zh = ''
      let en = ''
      if (ind.source === 'survey') {
        const levels = store.all(store.qb.selectFrom('survey_responses').select('level').where('person_id', '=', p.id).where('day', '>=', from).where('day', '<=', to))
        const s = safe(() => survey(levels.map((l) => l.level), ind))
        r = s
        zh = `评价 ${levels.length} 份`
        en = `${levels.length} responses`
      } else if (ind.source === 'review') {
        const rv = reviewOf(store, year, p.id)
        const s = safe(() => review({ riskPost: p.riskPost, review: rv }, ind))
        r = s
        zh = rv.status === 'completed' ? `专项考察已完成：${rv.outcome.finding === 'none' ? '无问题' : rv.outcome.finding === 'minor' ? `一般问题 ${rv.outcome.count} 项` : '严重问题'}` : rv.status === 'pending' ? '专项考察进行中' : '未记录专项考察'
        en = rv.status === 'completed' ? `review completed: ${rv.outcome.finding}` : rv.status === 'pending' ? 'review pending' : 'no review recorded'
      } else {
        const rule = ind.rule
        switch (rule.name) {
          case 'attendance': {
            const recs = store.all(store.qb.selectFrom('attendance_records').select(['day', 'status', 'hours']).where('person_id', '=', p.id).where('day', '>=', from).where('day', '<=', to))
            const deptData = p.department === null ? recs.length > 0 : !!store.first(
              store.qb
                .selectFrom('attendance_records as a')
                .innerJoin('people as q', 'q.id', 'a.person_id')
                .innerJoin('people as me', 'me.department_id', 'q.department_id')
                .select('a.person_id')
                .where('me.id', '=', p.id)
                .where('a.day', '>=', from)
                .where('a.day', '<=', to)
                .limit(1),
            )
            const s = safe(() =>
              attendance(
                recs.map((x) => ({ date: x.day, status: x.status as AttendanceStatus, ...(x.hours !== null ? { hours: x.hours } : {}) })),
                rule,
                { departmentHasData: deptData },
              ),
            )
            r = s
            const e = s.evidence
            zh = e ? `迟到 ${e.late} 次、早退 ${e.early} 次、旷工 ${e.absent} 天、请假 ${e.leave} 次、加班 ${e.overtimeHours} 小时` : '考勤记录有误'
            en = e ? `late ${e.late}, early ${e.early}, absent ${e.absent} days, leave ${e.leave}, overtime ${e.overtimeHours} h` : 'attendance records in error'
            break
          }
          case 'task_completion': {
            const s = safe(() => taskCompletion(taskCompletionInput(store, p.id, year), rule, year))
            r = s
            const e = s.evidence
            zh = e ? `年内到期 ${e.due} 项：按期 ${e.onTime.length}、逾期完成 ${e.late.length}、未完成 ${e.unfinished.length}` : '任务记录有误'
            en = e ? `${e.due} due: ${e.onTime.length} on time, ${e.late.length} late, ${e.unfinished.length} unfinished` : 'task records in error'
            break
          }
          case 'training_exam': {
            const scores = ledgerRows.filter((x) => x.kind === 'trainingExam' && x.progress !== null).map((x) => x.progress as number)
            const s = safe(() => trainingExam(scores))
            r = s
            zh = `培训考试 ${scores.length} 次`
            en = `${scores.length} training exams`
            break
          }
          case 'risk_rectification': {
            const found = ledgerRows.filter((x) => x.kind === 'riskFound')
            const fixed = new Set(ledgerRows.filter((x) => x.kind === 'riskRectified').map((x) => x.task_ref ?? x.text))
            const points = [...new Map(found.map((x) => [x.task_ref ?? x.text, x])).keys()].map((id) => ({ id, rectified: fixed.has(id) }))
            const s = safe(() => riskRectification(points))
            r = s
            zh = `发现风险点 ${points.length} 个，已整改 ${points.filter((x) => x.rectified).length} 个`
            en = `${points.length} risk points, ${points.filter((x) => x.rectified).length} rectified`
            break
          }
        }
      }
      metrics.push({ id: ind.id, name: ind.name, dimension: d, source: ind.source, score: r.score, flags: r.flags, inputs: { zh, en } })
    }
  }
  const today = `${year}-12-31`
  const quarterly = ([1, 2, 3, 4] as const).map((q) => {
    const s = statusOf(store, p.id, year, q, today)
    return { quarter: q, score: s.score, grade: s.grade }
  })
  const letter = currentLetter(store, p.id, year)
  const tasks =
    letter && isApproved(letter)
      ? taskRows(store, letter.id)
          .filter((t) => t.withdrawn !== 1)
          .map((t) => ({ title: t.title, deadline: t.deadline, completedOn: t.completed_on }))
      : []
  const summaries = store
    .all(store.qb.selectFrom('quarterly_summaries').select(['quarter', 'text']).where('person_id', '=', p.id).where('year', '=', year).orderBy('quarter'))
    .map((s) => ({ quarter: s.quarter as 1 | 2 | 3 | 4, text: s.text }))
  return {
    metrics,
    quarterly,
    ledger: ledgerRows.filter((x) => (HIGHLIGHT_KINDS as readonly string[]).includes(x.kind)).map((x) => ({ day: x.day, kind: x.kind, text: x.text })),
    tasks,
    summaries,
  }
}
