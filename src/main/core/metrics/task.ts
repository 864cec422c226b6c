import type { TaskCompletionRule } from '@shared/guideline/model'
import { isIsoDate } from '../calendar'
import { ScoringInputError } from './errors'
import { FULL_SCORE, WHOLE_PERCENT_HUNDREDTHS, rational, scoreHundredthsOf } from './exact'
import { notApplicable, scored, type MetricResult } from './types'

/** A task of the person's commitment letter (《个人绩效承诺书》任务). Dates are YYYY-MM-DD. */
export interface CommitmentTask {
  id: string
  deadline: string
  completedOn: string | null
  /** Withdrawn by an approved revision: never due. */
  withdrawn: boolean
  /** Set by an approved revision; replaces `deadline`. */
  revisedDeadline?: string
}

export interface TaskCompletionEvidence {
  /** Tasks due in the year: on time + late + unfinished. */
  due: number
  onTime: string[]
  late: string[]
  unfinished: string[]
  withdrawn: string[]
  /** Not withdrawn, but their (revised) deadline falls in another year. */
  dueInOtherYear: string[]
}

/**
 * 核心任务 (task completion, RULES.md §4): 100 × (on time + credit% × late) / due, where due means the
 * deadline (the revised one, if any) is in `year` and the task was not withdrawn; an unfinished task
 * counts 0. Nothing due → N/A.
 */
export function taskCompletion(tasks: readonly CommitmentTask[], rule: TaskCompletionRule, year: number): MetricResult<TaskCompletionEvidence> {
  const lateCredit = scoreHundredthsOf(rule.lateCompletionCreditPercent, '逾期完成任务计分比例', 'late-completion credit percent')
  if (!Number.isInteger(year)) throw new ScoringInputError(`考核年度“${String(year)}”无效`, `invalid assessment year "${String(year)}"`)
  const evidence: TaskCompletionEvidence = { due: 0, onTime: [], late: [], unfinished: [], withdrawn: [], dueInOtherYear: [] }
  const seen = new Set<string>()
  for (const t of tasks) {
    // A task listed twice would count twice: refuse rather than guess which row is right.
    if (seen.has(t.id)) throw new ScoringInputError(`任务“${t.id}”重复出现`, `task "${t.id}" is listed twice`)
    seen.add(t.id)
    for (const [field, value] of [['deadline', t.deadline], ['revisedDeadline', t.revisedDeadline], ['completedOn', t.completedOn]] as const) {
      if (value !== undefined && value !== null && !isIsoDate(value)) {
        throw new ScoringInputError(`任务“${t.id}”的日期（${field}）“${String(value)}”无效`, `task "${t.id}": invalid date in ${field}: "${String(value)}"`)
      }
    }
    if (t.withdrawn) {
      evidence.withdrawn.push(t.id)
      continue
    }
    const deadline = t.revisedDeadline ?? t.deadline
    if (Number(deadline.slice(0, 4)) !== year) {
      evidence.dueInOtherYear.push(t.id)
      continue
    }
    evidence.due += 1
    // ISO dates compare correctly as strings.
    if (t.completedOn === null) evidence.unfinished.push(t.id)
    else if (t.completedOn <= deadline) evidence.onTime.push(t.id)
    else evidence.late.push(t.id)
  }
  if (evidence.due === 0) return notApplicable('NO_TASKS_DUE', evidence)
  // 100 × (onTime + late × credit / 100%) / due, with credit in hundredths of a percent: one division.
  const numerator = FULL_SCORE * (evidence.onTime.length * WHOLE_PERCENT_HUNDREDTHS + evidence.late.length * lateCredit)
  return scored(rational(numerator, WHOLE_PERCENT_HUNDREDTHS * evidence.due), evidence)
}
