/**
 * The metric rules of RULES.md §4 (计分规则) as pure functions from plain records to a score, flags
 * and the evidence the sheet shows, plus the N/A weight spreading shared by every level of the sheet.
 * No database and no I/O here: callers load the records, these functions only compute.
 */
export { attendance, ATTENDANCE_STATUSES, type AttendanceContext, type AttendanceEvidence, type AttendanceRecord, type AttendanceStatus } from './attendance'
export { ScoringInputError } from './errors'
export {
  FULL_SCORE,
  decimalRational,
  fractionToNumber,
  parseFraction,
  rationalToNumber,
  roundHalfUp2,
  toFraction,
  toRational,
  type Fraction,
  type Rational,
} from './exact'
export { review, type IntegrityReview, type ReviewEvidence, type ReviewInput, type ReviewOutcome, type ReviewResult } from './review'
export { riskRectification, type RiskPoint, type RiskRectificationEvidence } from './risk'
export { survey, SURVEY_LEVELS, type SurveyEvidence, type SurveyLevel, type SurveyResponse } from './survey'
export { taskCompletion, type CommitmentTask, type TaskCompletionEvidence } from './task'
export { trainingExam, type TrainingExamEvidence } from './training'
export { METRIC_FLAG_LABELS, METRIC_FLAGS, type MetricFlag, type MetricResult } from './types'
export { redistribute, weightedScore, type Redistribution, type WeightedScore } from './weights'
