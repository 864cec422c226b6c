import type { Label } from '@shared/guideline/model'
import { rationalToNumber, toFraction, type Fraction, type Rational } from './exact'

/**
 * Why a score is N/A, or what the sheet must point out next to it. The sheet shows the label; tests
 * and the annual computation match on the code.
 */
export const METRIC_FLAGS = [
  'NO_ATTENDANCE_DATA',
  'NO_TASKS_DUE',
  'NO_EXAMS',
  'NO_RISK_POINTS',
  'NO_RESPONSES',
  'SAMPLE_TOO_SMALL',
  'REVIEW_PENDING',
  'REVIEW_MISSING',
  'SERIOUS_FINDING',
] as const
export type MetricFlag = (typeof METRIC_FLAGS)[number]

export const METRIC_FLAG_LABELS: Record<MetricFlag, Label> = {
  NO_ATTENDANCE_DATA: { zh: '本科室本年度无考勤数据，不适用', en: 'no attendance data for the department this year: not applicable' },
  NO_TASKS_DUE: { zh: '本年度无到期任务，不适用', en: 'no task due this year: not applicable' },
  NO_EXAMS: { zh: '本年度无培训考试成绩，不适用', en: 'no training exam this year: not applicable' },
  NO_RISK_POINTS: { zh: '本年度未查找出风险点，不适用', en: 'no risk point identified this year: not applicable' },
  NO_RESPONSES: { zh: '无服务评价，不适用', en: 'no satisfaction response: not applicable' },
  SAMPLE_TOO_SMALL: { zh: '样本不足', en: 'sample too small' },
  REVIEW_PENDING: { zh: '专项考察尚未完成', en: 'the special integrity review is not completed' },
  REVIEW_MISSING: { zh: '风险岗位尚无专项考察记录', en: 'no special integrity review recorded for a risk post' },
  SERIOUS_FINDING: { zh: '经查实存在严重问题（否决项 V2）', en: 'confirmed serious finding (veto V2)' },
}

/**
 * What every rule returns. `score` is unrounded (RULES.md §6 rounds once, at the end); null means
 * not applicable (不适用), never zero, and a flag then says why. `exact` is the same score as an
 * exact fraction for the weighted sums that follow.
 */
export interface MetricResult<E> {
  score: number | null
  exact: Fraction | null
  flags: MetricFlag[]
  evidence: E
}

export function scored<E>(value: Rational, evidence: E, flags: MetricFlag[] = []): MetricResult<E> {
  return { score: rationalToNumber(value), exact: toFraction(value), flags, evidence }
}

export function notApplicable<E>(reason: MetricFlag, evidence: E): MetricResult<E> {
  return { score: null, exact: null, flags: [reason], evidence }
}
