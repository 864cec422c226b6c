import { fromHundredths } from '../guideline/hundredths'
import { HUNDREDTHS, rational, scoreHundredthsOf } from './exact'
import { notApplicable, scored, type MetricResult } from './types'

export interface TrainingExamEvidence {
  exams: number
  /** Sum of the scores, for the sheet's "n exams, total t". */
  total: number
}

/**
 * 培训考核 (training exam, RULES.md §4): the mean of the year's exam scores (0–100, at most two
 * decimals). No exam held → N/A. A score outside 0–100 is refused: it is a typing or import error,
 * and clamping it would hide that.
 */
export function trainingExam(scores: readonly number[]): MetricResult<TrainingExamEvidence> {
  let totalHundredths = 0
  scores.forEach((s, i) => {
    totalHundredths += scoreHundredthsOf(s, `第 ${i + 1} 项培训考试成绩`, `training exam score ${i + 1}`)
  })
  const evidence: TrainingExamEvidence = { exams: scores.length, total: fromHundredths(totalHundredths) }
  if (scores.length === 0) return notApplicable('NO_EXAMS', evidence)
  return scored(rational(totalHundredths, HUNDREDTHS * scores.length), evidence)
}
