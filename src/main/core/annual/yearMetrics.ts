import type { Indicator } from '@shared/guideline/model'
import type { ReadableDB } from '../../db/store'
import { taskCompletionInputs } from '../commitments/taskInput'
import { attendance, type AttendanceRecord, type AttendanceStatus } from '../metrics/attendance'
import { parseFraction, type Rational } from '../metrics/exact'
import { review, type IntegrityReview } from '../metrics/review'
import { riskRectification, type RiskPoint } from '../metrics/risk'
import { survey } from '../metrics/survey'
import { taskCompletion } from '../metrics/task'
import { trainingExam } from '../metrics/training'
import type { MetricResult } from '../metrics/types'

/**
 * The year's records behind every computed indicator (RULES.md §4: 出勤纪律, 核心任务, 培训考核,
 * 风险防控, 服务评价, 纪律遵守), read for the whole unit at once — one query per kind of record —
 * and scored person by person by the metric rules' own functions (core/metrics). Reading them one
 * person at a time was what made a unit's metrics 23 times slower than a SQL aggregate of them.
 */

export interface MetricPerson {
  personId: number
  departmentId: number | null
  riskPost: boolean
}

export interface YearMetrics {
  /** The indicator's score, exact, or null when N/A (or blocked: a risk post without its review). */
  valueOf(p: MetricPerson, ind: Indicator): Rational | null
  /** The rule's whole result, with its flags and evidence, for the sheet. */
  resultOf(p: MetricPerson, ind: Exclude<Indicator, { source: 'rated' }>): MetricResult<unknown>
}

function group<T>(rows: Iterable<T>, key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = m.get(k)
    if (list) list.push(r)
    else m.set(k, [r])
  }
  return m
}

export function yearMetrics(store: ReadableDB, year: number, reviewOf: (personId: number) => IntegrityReview): YearMetrics {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const att = group(
    store.all(store.qb.selectFrom('attendance_records').select(['person_id', 'day', 'status', 'hours']).where('day', '>=', from).where('day', '<=', to)),
    (r) => r.person_id,
  )
  // A department has attendance data when anyone in it (on the year's last day) has a record.
  const deptsWithData = new Set(
    store
      .all(
        store.qb
          .selectFrom('attendance_records as a')
          .innerJoin('person_periods as pp', 'pp.person_id', 'a.person_id')
          .select('pp.department_id')
          .distinct()
          .where('a.day', '>=', from)
          .where('a.day', '<=', to)
          .where('pp.valid_from', '<=', to)
          .where((eb) => eb.or([eb('pp.valid_to', 'is', null), eb('pp.valid_to', '>', to)])),
      )
      .map((r) => r.department_id),
  )
  const ledger = group(
    store.all(
      store.qb
        .selectFrom('ledger_entries')
        .select(['person_id', 'kind', 'text', 'task_ref', 'progress'])
        .where('kind', 'in', ['trainingExam', 'riskFound', 'riskRectified'])
        .where('voided_at', 'is', null)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day'),
    ),
    (r) => r.person_id,
  )
  const responses = group(store.all(store.qb.selectFrom('survey_responses').select(['person_id', 'level']).where('day', '>=', from).where('day', '<=', to)), (r) => r.person_id)
  const tasks = taskCompletionInputs(store, year)

  const resultOf = (p: MetricPerson, ind: Exclude<Indicator, { source: 'rated' }>): MetricResult<unknown> => {
    switch (ind.source) {
      case 'survey':
        return survey((responses.get(p.personId) ?? []).map((r) => r.level), ind)
      case 'review':
        return review({ riskPost: p.riskPost, review: reviewOf(p.personId) }, ind)
      case 'metric': {
        const rule = ind.rule
        const ledgerRows = ledger.get(p.personId) ?? []
        switch (rule.name) {
          case 'attendance': {
            const records: AttendanceRecord[] = (att.get(p.personId) ?? []).map((r) => ({ date: r.day, status: r.status as AttendanceStatus, ...(r.hours !== null ? { hours: r.hours } : {}) }))
            return attendance(records, rule, { departmentHasData: deptsWithData.has(p.departmentId) })
          }
          case 'task_completion':
            return taskCompletion(tasks.get(p.personId) ?? [], rule, year)
          case 'training_exam':
            return trainingExam(ledgerRows.filter((x) => x.kind === 'trainingExam' && x.progress !== null).map((x) => x.progress as number))
          case 'risk_rectification': {
            const fixed = new Set(ledgerRows.filter((x) => x.kind === 'riskRectified').map((x) => x.task_ref ?? x.text))
            const found = [...new Set(ledgerRows.filter((x) => x.kind === 'riskFound').map((x) => x.task_ref ?? x.text))]
            const points: RiskPoint[] = found.map((id) => ({ id, rectified: fixed.has(id) }))
            return riskRectification(points)
          }
        }
      }
    }
  }
  return {
    resultOf,
    valueOf(p, ind) {
      if (ind.source === 'rated') return null
      const r = resultOf(p, ind)
      return r.exact === null ? null : parseFraction(r.exact)
    },
  }
}
