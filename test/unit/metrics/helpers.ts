import {
  defaultGuideline,
  type AttendanceRule,
  type Indicator,
  type MetricRule,
  type ReviewIndicator,
  type SurveyIndicator,
  type TaskCompletionRule,
} from '../../../src/main/core/guideline'

/** The rules and indicators of the shipped default guideline (general posts), i.e. RULES.md §4's defaults. */
const g = defaultGuideline(2026)
const all: Indicator[] = Object.values(g.categories.general.dimensions).flatMap((d) => d.indicators)

function metricRule<N extends MetricRule['name']>(name: N): Extract<MetricRule, { name: N }> {
  for (const i of all) if (i.source === 'metric' && i.rule.name === name) return i.rule as Extract<MetricRule, { name: N }>
  throw new Error(`no ${name} rule in the default guideline`)
}

export const ATTENDANCE: AttendanceRule = metricRule('attendance')
export const TASKS: TaskCompletionRule = metricRule('task_completion')

export const SURVEY: SurveyIndicator = (() => {
  const i = all.find((x): x is SurveyIndicator => x.source === 'survey')
  if (!i) throw new Error('no survey indicator')
  return i
})()

export const REVIEW: ReviewIndicator = (() => {
  const i = all.find((x): x is ReviewIndicator => x.source === 'review')
  if (!i) throw new Error('no review indicator')
  return i
})()

export const QUARTERLY = g.channels.quarterly
