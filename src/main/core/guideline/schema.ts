import { z } from 'zod'
import { isIsoDate } from '../calendar'
import { hasAtMostTwoDecimals } from './hundredths'
import { DIMENSIONS, POST_CATEGORIES, type AnnualGuideline, type Label } from '@shared/guideline/model'
import { describePath, joinPath, type SchemaViolation } from '@shared/guideline/violation'
import { VALUE_FORMATS, type ValueKind } from '@shared/guideline/constraints'

/**
 * Strict parsing of a guideline (《年度绩效考核指引》) that was imported, edited or loaded: every
 * field required unless the model says optional, unknown fields refused (a typo in an imported file
 * must not silently fall back to a default), every weight a 0–100 number with at most two decimals.
 * The format limits of each kind of field are the shared table's (shared/guideline/constraints.ts),
 * which the editor reads for its inputs.
 * Policy bounds (P1–P10) are not checked here; validate.ts does that against the policy in force.
 */

/** A custom issue carries its message in both languages; the formatter below picks them up. */
function bilingual(zh: string, en: string): { message: string; params: Label } {
  return { message: en, params: { zh, en } }
}

/** A number of the given kind, with the limits of the shared table (shared/guideline/constraints.ts). */
function numberOf(kind: ValueKind) {
  const f = VALUE_FORMATS[kind]
  const base = f.max === undefined ? z.number().min(f.min) : z.number().min(f.min).max(f.max)
  return f.decimals === 0 ? base.int() : base.refine(hasAtMostTwoDecimals, bilingual('最多保留两位小数', 'must have at most two decimals'))
}

/** Weights of channels, dimensions, indicators. */
const weight = numberOf('weight')
/** Shares and rates. */
const percent = numberOf('percent')
/** Points and thresholds on the 0–100 scale. */
const score = numberOf('score')
const count = numberOf('count')
const nonEmptyText = z.string().trim().min(1)
const INDICATOR_ID = /^[a-z][a-z0-9_]*$/
const indicatorId = z
  .string()
  .refine((s) => INDICATOR_ID.test(s), bilingual('编号只能由小写字母、数字和下划线组成，以字母开头', 'an id is lower-case letters, digits and underscores, starting with a letter'))

const indicatorBase = {
  id: indicatorId,
  name: nonEmptyText,
  weight,
  evidence: z.string(),
}

const metricRule = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('attendance'), pointsPerLateOrEarly: score, pointsPerAbsentDay: score }),
  z.strictObject({ name: z.literal('task_completion'), lateCompletionCreditPercent: percent }),
  z.strictObject({ name: z.literal('training_exam') }),
  z.strictObject({ name: z.literal('risk_rectification') }),
])

const surveyLevelPoints = z
  .strictObject({ verySatisfied: score, satisfied: score, fairlySatisfied: score, dissatisfied: score, veryDissatisfied: score })
  .refine(
    (p) => p.verySatisfied > p.satisfied && p.satisfied > p.fairlySatisfied && p.fairlySatisfied > p.dissatisfied && p.dissatisfied > p.veryDissatisfied,
    bilingual('满意度等级分值应从“非常满意”到“非常不满意”依次递减', 'satisfaction level points must decrease from very satisfied to very dissatisfied'),
  )

const indicator = z.discriminatedUnion('source', [
  z.strictObject({ ...indicatorBase, source: z.literal('rated') }),
  z.strictObject({ ...indicatorBase, source: z.literal('metric'), rule: metricRule }),
  z.strictObject({ ...indicatorBase, source: z.literal('survey'), levelPoints: surveyLevelPoints, minResponses: count }),
  z.strictObject({ ...indicatorBase, source: z.literal('review'), pointsPerMinorFinding: score }),
])

const dimensionScheme = z.strictObject({
  weight,
  indicators: z.array(indicator).min(1),
})

const categoryScheme = z
  .strictObject({
    dimensions: z.strictObject(Object.fromEntries(DIMENSIONS.map((d) => [d, dimensionScheme])) as Record<(typeof DIMENSIONS)[number], typeof dimensionScheme>),
  })
  .superRefine((category, ctx) => {
    // Scores are keyed by (person, indicator id): an id used twice in one sheet would merge two scores.
    const seen = new Set<string>()
    for (const d of DIMENSIONS) {
      category.dimensions[d].indicators.forEach((ind, i) => {
        if (seen.has(ind.id)) {
          ctx.addIssue({ code: 'custom', path: ['dimensions', d, 'indicators', i, 'id'], ...bilingual(`指标编号“${ind.id}”重复`, `indicator id "${ind.id}" is used twice`) })
        }
        seen.add(ind.id)
      })
    }
  })

const ballotPoints = z
  .strictObject({ excellent: score, competent: score, basicallyCompetent: score, incompetent: score })
  .refine(
    (p) => p.excellent > p.competent && p.competent > p.basicallyCompetent && p.basicallyCompetent > p.incompetent,
    bilingual('测评等次分值应按优秀、称职、基本称职、不称职依次递减', 'ballot points must decrease from excellent to incompetent'),
  )

const channels = z.strictObject({
  leadership: z.strictObject({ weight }),
  democratic: z.strictObject({
    weight,
    minBallots: numberOf('ballots'),
    recipientVoterShare: percent,
    ballotPoints,
  }),
  quarterly: z.strictObject({
    weight,
    peerWeight: weight,
    gradeCutoffs: z
      .strictObject({ goodMin: score, fairlyGoodMin: score, fairMin: score })
      .refine((c) => c.goodMin > c.fairlyGoodMin && c.fairlyGoodMin > c.fairMin, bilingual('季度等次分数线应按好、较好、一般依次递减', 'quarterly cut-offs must decrease from good to fair')),
    nineBoxCutoffs: z
      .strictObject({ middleMin: score, highMin: score })
      .refine((c) => c.middleMin < c.highMin, bilingual('九宫格中档下限应低于高档下限', 'the middle band must start below the high band')),
  }),
})

const grades = z
  .strictObject({ excellentMin: score, competentMin: score, basicallyCompetentMin: score })
  .refine(
    (g) => g.excellentMin > g.competentMin && g.competentMin > g.basicallyCompetentMin,
    bilingual('等次分数线应按优秀、称职、基本称职依次递减', 'grade thresholds must decrease from excellent to basically competent'),
  )

const quotaApproval = z
  .strictObject({
    documentNumber: nonEmptyText,
    issuedBy: nonEmptyText.optional(),
    issuedOn: z.string().refine(isIsoDate, bilingual('日期应为有效的 YYYY-MM-DD', 'must be a valid YYYY-MM-DD date')).optional(),
    rate: percent.optional(),
    count: count.optional(),
  })
  .refine((a) => (a.rate === undefined) !== (a.count === undefined), bilingual('上级批准应写明批准比例或批准名额（二者只写其一）', 'an approval states either an approved rate or an approved count, not both and not neither'))

const YEAR_MIN = 1900
const YEAR_MAX = 9999

export const annualGuidelineSchema = z.strictObject({
  year: z.number().int().min(YEAR_MIN).max(YEAR_MAX),
  categories: z.strictObject(Object.fromEntries(POST_CATEGORIES.map((c) => [c, categoryScheme])) as Record<(typeof POST_CATEGORIES)[number], typeof categoryScheme>),
  channels,
  grades,
  quota: z.strictObject({ excellentRate: percent, approval: quotaApproval.optional() }),
  publicity: z.strictObject({ guidelineWorkingDays: numberOf('workingDays'), resultsWorkingDays: numberOf('workingDays') }),
  appeal: z.strictObject({ windowWorkingDays: numberOf('workingDays'), answerCalendarDays: numberOf('calendarDays') }),
})

// The interfaces in model.ts are what the rest of the code reads; keep the schema's output equal to them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesModel: Same<z.infer<typeof annualGuidelineSchema>, AnnualGuideline> = true
void schemaMatchesModel

export type GuidelineParseResult = { ok: true; guideline: AnnualGuideline } | { ok: false; violations: SchemaViolation[] }

/** Parse `input` as a guideline; a malformed one gives every problem as a SCHEMA violation, never a throw. */
export function parseGuideline(input: unknown): GuidelineParseResult {
  const r = annualGuidelineSchema.safeParse(input, { reportInput: true })
  if (r.success) return { ok: true, guideline: r.data }
  return { ok: false, violations: r.error.issues.flatMap((issue) => schemaViolations(issue, input)) }
}

const list = (values: readonly unknown[], sep: string) => values.map(display).join(sep)

/** A value as the person who typed it would recognise it. Never throws: a hostile file may hold objects whose
 *  toString is not callable, and String() of those throws instead of describing them. */
function display(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'object') return Array.isArray(value) ? '[…]' : '{…}'
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value
  const text = String(value as string | number | boolean | bigint | undefined)
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

function schemaViolations(issue: z.core.$ZodIssue, root: unknown): SchemaViolation[] {
  const at = (path: readonly PropertyKey[], zh: string, en: string, numbers: Pick<SchemaViolation, 'value' | 'bound' | 'op'> = {}): SchemaViolation => {
    const where = describePath(path, root)
    return { id: 'SCHEMA', path: joinPath(path), ...numbers, zh: `${where.zh}：${zh}`, en: `${where.en}: ${en}` }
  }
  const input: unknown = issue.input
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return [at(issue.path, '缺少此项', 'is missing')]
      if (issue.expected === 'int') return [at(issue.path, `${display(input)} 应为整数`, `${display(input)} must be a whole number`)]
      return [at(issue.path, `类型错误（应为 ${issue.expected}）`, `has the wrong type (expected ${issue.expected})`)]
    case 'too_small':
      if (typeof input === 'number' && typeof issue.minimum === 'number') {
        return [at(issue.path, `${input} 小于下限 ${issue.minimum}`, `${input} is below the minimum ${issue.minimum}`, { value: input, bound: issue.minimum, op: '>=' })]
      }
      if (issue.origin === 'array') return [at(issue.path, `至少应有 ${String(issue.minimum)} 项`, `needs at least ${String(issue.minimum)} item(s)`)]
      return [at(issue.path, '不能为空', 'must not be empty')]
    case 'too_big':
      if (typeof input === 'number' && typeof issue.maximum === 'number') {
        return [at(issue.path, `${input} 大于上限 ${issue.maximum}`, `${input} is above the maximum ${issue.maximum}`, { value: input, bound: issue.maximum, op: '<=' })]
      }
      return [at(issue.path, `超出上限 ${String(issue.maximum)}`, `exceeds the maximum ${String(issue.maximum)}`)]
    case 'invalid_value':
      return [at(issue.path, `“${display(input)}”不是允许的取值（${list(issue.values, '、')}）`, `"${display(input)}" is not one of ${list(issue.values, ', ')}`)]
    case 'invalid_union': {
      const options = 'options' in issue ? issue.options : undefined
      if (issue.discriminator !== undefined && options !== undefined) {
        // Zod reports an unknown discriminator (e.g. an unknown indicator source) with the whole object as input.
        const found = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[issue.discriminator] : undefined
        const shown = found === undefined ? '（缺失）' : `“${display(found)}”`
        const shownEn = found === undefined ? '(missing)' : `"${display(found)}"`
        return [at(issue.path, `${shown}不是允许的取值（${list(options, '、')}）`, `${shownEn} is not one of ${list(options, ', ')}`)]
      }
      return [at(issue.path, '不符合任何一种允许的格式', 'does not match any allowed form')]
    }
    case 'unrecognized_keys':
      // One violation per key, at the key itself, so each shows next to the field at fault.
      return issue.keys.map((key) => at([...issue.path, key], '未知字段', 'unknown field'))
    case 'invalid_format':
      return [at(issue.path, '格式不正确', 'has an invalid format')]
    case 'custom': {
      const params: unknown = issue.params
      if (typeof params === 'object' && params !== null && 'zh' in params && 'en' in params && typeof params.zh === 'string' && typeof params.en === 'string') {
        return [at(issue.path, params.zh, params.en)]
      }
      return [at(issue.path, issue.message, issue.message)]
    }
    default:
      return [at(issue.path, issue.message, issue.message)]
  }
}
