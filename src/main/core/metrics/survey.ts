import { SURVEY_LEVEL_LABELS, type SurveyIndicator, type SurveyLevelPoints } from '@shared/guideline/model'
import { ScoringInputError } from './errors'
import { HUNDREDTHS, rational, scoreHundredthsOf } from './exact'
import { notApplicable, scored, type MetricFlag, type MetricResult } from './types'

/** One of the five 好差评 levels. */
export type SurveyLevel = keyof SurveyLevelPoints

/** Best level first: the order of the 1–5 scale read from 5 down. */
export const SURVEY_LEVELS = ['verySatisfied', 'satisfied', 'fairlySatisfied', 'dissatisfied', 'veryDissatisfied'] as const satisfies readonly SurveyLevel[]

/**
 * A response as it comes from a form or an import: the Chinese level (非常满意 … 非常不满意), the
 * English key (verySatisfied …), or the 1–5 scale where 5 is 非常满意 and 1 is 非常不满意.
 */
export type SurveyResponse = string | number

export interface SurveyEvidence {
  responses: number
  distribution: Record<SurveyLevel, number>
  minResponses: number
}

const BY_NAME: ReadonlyMap<string, SurveyLevel> = new Map(SURVEY_LEVELS.flatMap((l) => [[l, l] as const, [SURVEY_LEVEL_LABELS[l].zh, l] as const]))

function levelOf(response: SurveyResponse, index: number): SurveyLevel {
  if (typeof response === 'number') {
    // 5 → index 0 (very satisfied) … 1 → index 4 (very dissatisfied).
    const level = Number.isInteger(response) ? SURVEY_LEVELS[SURVEY_LEVELS.length - response] : undefined
    if (level) return level
  } else {
    const level = BY_NAME.get(response.trim())
    if (level) return level
  }
  throw new ScoringInputError(
    `第 ${index + 1} 份服务评价“${String(response)}”无法识别（应为 非常满意/满意/基本满意/不满意/非常不满意 或 1–5）`,
    `satisfaction response ${index + 1} "${String(response)}" is not a level (expected one of ${SURVEY_LEVELS.join('/')} or 1–5)`,
  )
}

/**
 * 服务评价 (service-recipient satisfaction, RULES.md §4): the mean of the responses mapped to the
 * indicator's level points. No response → N/A and flagged; fewer than `minResponses` → computed and
 * flagged 样本不足.
 */
export function survey(responses: readonly SurveyResponse[], indicator: SurveyIndicator): MetricResult<SurveyEvidence> {
  const points = Object.fromEntries(
    SURVEY_LEVELS.map((l) => [l, scoreHundredthsOf(indicator.levelPoints[l], `“${SURVEY_LEVEL_LABELS[l].zh}”的分值`, `points of ${l}`)]),
  ) as Record<SurveyLevel, number>
  if (!Number.isInteger(indicator.minResponses) || indicator.minResponses < 0) {
    throw new ScoringInputError(`最少评价份数“${String(indicator.minResponses)}”无效`, `invalid minimum response count "${String(indicator.minResponses)}"`)
  }
  const distribution: Record<SurveyLevel, number> = { verySatisfied: 0, satisfied: 0, fairlySatisfied: 0, dissatisfied: 0, veryDissatisfied: 0 }
  let totalHundredths = 0
  responses.forEach((r, i) => {
    const level = levelOf(r, i)
    distribution[level] += 1
    totalHundredths += points[level]
  })
  const evidence: SurveyEvidence = { responses: responses.length, distribution, minResponses: indicator.minResponses }
  if (responses.length === 0) return notApplicable('NO_RESPONSES', evidence)
  const flags: MetricFlag[] = responses.length < indicator.minResponses ? ['SAMPLE_TOO_SMALL'] : []
  return scored(rational(totalHundredths, HUNDREDTHS * responses.length), evidence, flags)
}
