import type { Policy } from '../policy/defaults'
import { readPolicyConstraints, type ComparisonOp, type ConstraintId, type PolicyConstraints } from '../policy/constraints'
import { formatHundredths, fromHundredths, toHundredths } from './hundredths'
import { CHANNELS, DIMENSION_LABELS, DIMENSIONS, POST_CATEGORIES, POST_CATEGORY_LABELS, type AnnualGuideline, type Label, type PostCategory } from '@shared/guideline/model'
import { guidelineReader, Unreadable, type GuidelineReader } from './readable'
import { parseGuideline } from './schema'
import type { ConstraintViolation, Violation } from '@shared/guideline/violation'

/**
 * Validation of a guideline (《年度绩效考核指引》) against the policy in force (RULES.md §2, P1–P10).
 *
 * Every violated constraint is returned at once, so the person editing the guideline sees the whole
 * list instead of fixing one problem per save: the format errors and, beside them, every constraint
 * breach that the sound parts of the file allow to be evaluated. All bounds come from the policy passed in; all
 * comparisons and sums are in integer hundredths (hundredths.ts), never floats.
 *
 * P8 and P9 are checked as equalities: the appeal window and the answer deadline are the policy's
 * (the plan fixes them; the appeals module computes deadlines from the policy, not from the
 * guideline). The guideline only echoes them so the published document tells staff their rights; a
 * different number there, shorter or longer, would state a deadline that is not the one applied.
 *
 * P6: with no approval the 优秀 rate is bounded by the policy. An approval that states a rate replaces
 * that bound by the approved rate. An approval that states a count fixes K directly at grading
 * (RULES.md §6 step 3) and says nothing about the rate, so the rate stays under the policy bound.
 */
export function validateGuideline(input: unknown, policy: Pick<Policy, 'constraints'>): Violation[] {
  // A broken policy throws (PolicyConstraintsError): it is not the guideline author's to fix.
  const bounds = readPolicyConstraints(policy)
  const parsed = parseGuideline(input)
  if (parsed.ok) return checkPolicyConstraints(parsed.guideline, bounds)
  // A malformed guideline still gets every constraint that can be evaluated on its sound parts
  // (readable.ts): a typo in one field must not hide a P1 breach elsewhere in the file.
  const breaches = constraintBreaches(guidelineReader(input, parsed.violations.map((v) => v.path)), bounds)
  return [...parsed.violations, ...breaches]
}

type Unit = 'weight' | 'percent' | 'workingDays' | 'calendarDays'

function show(h: number, unit: Unit): Label {
  const n = formatHundredths(h)
  switch (unit) {
    case 'weight':
      return { zh: n, en: n }
    case 'percent':
      return { zh: `${n}%`, en: `${n}%` }
    case 'workingDays':
      return { zh: `${n} 个工作日`, en: `${n} working days` }
    case 'calendarDays':
      return { zh: `${n} 日`, en: `${n} calendar days` }
  }
}

/** Hundredths of a value the schema (or the policy reader) already limited to two decimals. */
function h(n: number): number {
  const r = toHundredths(n)
  if (r === null) throw new Error(`internal: ${n} passed validation with more than two decimals`)
  return r
}

function holds(value: number, bound: number, op: ComparisonOp): boolean {
  return op === '>=' ? value >= bound : op === '<=' ? value <= bound : value === bound
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

interface Check {
  id: ConstraintId
  path: string
  /** Hundredths. */
  value: number
  /** Hundredths. */
  bound: number
  op: ComparisonOp
  unit: Unit
  /** What is being measured, e.g. 综合管理类“绩”维度权重. */
  subject: Label
  /** Shown right after the value, e.g. the parts of a sum. */
  detail?: Label
  /** Where the bound comes from when it is not the policy, e.g. an approval. */
  boundSource?: Label
}

function violationOf(c: Check): ConstraintViolation {
  const v = show(c.value, c.unit)
  const b = show(c.bound, c.unit)
  const src = c.boundSource ?? { zh: '政策', en: 'the policy' }
  const relation: Label =
    c.op === '>='
      ? { zh: `低于${src.zh}下限 ${b.zh}`, en: `below ${src.en} minimum ${b.en}` }
      : c.op === '<='
        ? { zh: `高于${src.zh}上限 ${b.zh}`, en: `above ${src.en} maximum ${b.en}` }
        : { zh: `应为${src.zh}规定的 ${b.zh}`, en: `must be exactly ${b.en} as ${src.en} sets it` }
  const detailZh = c.detail?.zh ?? ''
  const detailEn = c.detail?.en ?? ''
  return {
    id: c.id,
    path: c.path,
    value: fromHundredths(c.value),
    bound: fromHundredths(c.bound),
    op: c.op,
    zh: `${c.subject.zh} ${v.zh}${detailZh}，${relation.zh}（${c.id}）`,
    en: `${capitalise(c.subject.en)} is ${v.en}${detailEn}, ${relation.en} (${c.id})`,
  }
}

function categoryLabel(cat: PostCategory): Label {
  return POST_CATEGORY_LABELS[cat]
}

/** The policy checks on a well-formed guideline, in constraint order; empty when it complies. */
export function checkPolicyConstraints(g: AnnualGuideline, p: PolicyConstraints): ConstraintViolation[] {
  return constraintBreaches(guidelineReader(g, []), p)
}

/**
 * Every constraint check whose values `r` can read, in constraint order; a check that needs an
 * unreadable value is left out (the schema violation at that value is reported instead).
 */
function constraintBreaches(r: GuidelineReader, p: PolicyConstraints): ConstraintViolation[] {
  const checks: Check[] = []
  const add = (check: () => Check) => {
    try {
      checks.push(check())
    } catch (e) {
      if (!(e instanceof Unreadable)) throw e
    }
  }
  const ji = DIMENSION_LABELS.ji
  const indicatorsOf = (base: string) => Array.from({ length: r.length(base) }, (_, i) => ({ i, source: r.text(`${base}.${i}.source`), path: `${base}.${i}` }))

  // P1
  add(() => ({
    id: 'P1',
    path: 'channels.leadership.weight',
    value: r.hundredths('channels.leadership.weight'),
    bound: h(p.P1_leadershipChannelMin),
    op: '>=',
    unit: 'weight',
    subject: { zh: '领导评价渠道权重', en: 'the weight of the leadership-evaluation channel (领导评价)' },
  }))

  // P2 binds 综合管理 posts only; the other categories keep their own balance (RULES.md §4 table).
  add(() => ({
    id: 'P2',
    path: 'categories.general.dimensions.ji.weight',
    value: r.hundredths('categories.general.dimensions.ji.weight'),
    bound: h(p.P2_achievementWeightMinGeneral),
    op: '>=',
    unit: 'weight',
    subject: { zh: `${categoryLabel('general').zh}“${ji.zh}”维度权重`, en: `${categoryLabel('general').en}: weight of dimension ${ji.zh} (${ji.en})` },
  }))

  // P3: the service rating is the survey-source indicator of 绩. Several survey indicators count
  // together; none at all is a weight of 0. Every indicator's source must be readable to know which.
  for (const cat of POST_CATEGORIES) {
    add(() => {
      const base = `categories.${cat}.dimensions.ji.indicators`
      const surveys = indicatorsOf(base)
        .filter((x) => x.source === 'survey')
        .map((x) => ({ ...x, name: r.text(`${x.path}.name`), weight: r.hundredths(`${x.path}.weight`) }))
      const names = surveys.map((x) => `“${x.name}”`).join('、')
      const cl = categoryLabel(cat)
      const first = surveys[0]
      return {
        id: 'P3',
        path: surveys.length === 1 && first ? `${first.path}.weight` : base,
        value: surveys.reduce((sum, x) => sum + x.weight, 0),
        bound: h(cat === 'enforcement' ? p.P3_serviceIndicatorMinEnforcement : p.P3_serviceIndicatorMin),
        op: '>=',
        unit: 'weight',
        subject:
          surveys.length === 0
            ? { zh: `${cl.zh}“${ji.zh}”维度服务评价指标权重`, en: `${cl.en}: weight of the service-rating indicator in dimension ${ji.zh} (${ji.en})` }
            : { zh: `${cl.zh}“${ji.zh}”维度服务评价指标${names}权重`, en: `${cl.en}: weight of the service-rating indicator ${surveys.map((x) => x.name).join(', ')} in dimension ${ji.zh} (${ji.en})` },
        ...(surveys.length === 0 ? { detail: { zh: '（未设服务评价指标）', en: ' (no survey-source indicator)' } } : {}),
        ...(surveys.length > 1 ? { detail: { zh: '（合计）', en: ' (together)' } } : {}),
      }
    })
  }

  // P4
  add(() => ({
    id: 'P4',
    path: 'channels.quarterly.peerWeight',
    value: r.hundredths('channels.quarterly.peerWeight'),
    bound: h(p.P4_peerWeightMax),
    op: '<=',
    unit: 'weight',
    subject: { zh: '季度评估中互评权重', en: 'the peer-review (互评) weight inside a quarterly score' },
  }))

  // P5
  add(() => ({
    id: 'P5',
    path: 'channels.democratic.recipientVoterShare',
    value: r.hundredths('channels.democratic.recipientVoterShare'),
    bound: h(p.P5_recipientVoterShareMin),
    op: '>=',
    unit: 'percent',
    subject: { zh: '民主测评中服务对象代表所占比例', en: 'the share of service-recipient representatives among democratic-evaluation voters' },
  }))

  // P6: a malformed approval leaves the bound unknown, so P6 waits for it to be fixed.
  add(() => {
    const approval = r.present('quota.approval') ? { documentNumber: r.text('quota.approval.documentNumber'), rate: r.present('quota.approval.rate') ? r.hundredths('quota.approval.rate') : undefined } : undefined
    const approvedRate = approval?.rate
    return {
      id: 'P6',
      path: 'quota.excellentRate',
      value: r.hundredths('quota.excellentRate'),
      bound: approvedRate ?? h(p.P6_excellentShareMax),
      op: '<=',
      unit: 'percent',
      subject: { zh: '优秀等次比例', en: 'the 优秀 (excellent) rate' },
      ...(approval && approvedRate !== undefined
        ? { boundSource: { zh: `上级批准（${approval.documentNumber}）的`, en: `the approved (${approval.documentNumber})` } }
        : {}),
    }
  })

  // P7 covers both publicity periods the guideline plans.
  for (const [field, what] of [
    ['guidelineWorkingDays', { zh: '指引公示期', en: 'the publicity period of the guideline' }],
    ['resultsWorkingDays', { zh: '结果公示期', en: 'the publicity period of the results' }],
  ] as const) {
    add(() => ({
      id: 'P7',
      path: `publicity.${field}`,
      value: r.count(`publicity.${field}`),
      bound: h(p.P7_publicityWorkingDaysMin),
      op: '>=',
      unit: 'workingDays',
      subject: what,
    }))
  }

  // P8, P9: equalities; see the module comment.
  add(() => ({
    id: 'P8',
    path: 'appeal.windowWorkingDays',
    value: r.count('appeal.windowWorkingDays'),
    bound: h(p.P8_appealWindowWorkingDays),
    op: '=',
    unit: 'workingDays',
    subject: { zh: '反馈送达后的申诉期', en: 'the appeal window after feedback' },
  }))
  add(() => ({
    id: 'P9',
    path: 'appeal.answerCalendarDays',
    value: r.count('appeal.answerCalendarDays'),
    bound: h(p.P9_appealAnswerCalendarDays),
    op: '=',
    unit: 'calendarDays',
    subject: { zh: '申诉答复期限', en: 'the deadline to answer an appeal' },
  }))

  // P10: every weight set, with its parts shown so the odd one out is easy to spot.
  const sum = h(p.P10_weightSum)
  const sumCheck = (path: string, weightPaths: readonly string[], subject: Label): Check => {
    const weights = weightPaths.map((w) => r.hundredths(w))
    const parts = weights.map(formatHundredths).join(' + ')
    return { id: 'P10', path, value: weights.reduce((s, w) => s + w, 0), bound: sum, op: '=', unit: 'weight', subject, detail: { zh: `（${parts}）`, en: ` (${parts})` } }
  }
  for (const cat of POST_CATEGORIES) {
    const cl = categoryLabel(cat)
    const dims = `categories.${cat}.dimensions`
    add(() => sumCheck(dims, DIMENSIONS.map((d) => `${dims}.${d}.weight`), { zh: `${cl.zh}各维度权重合计`, en: `${cl.en}: the sum of the dimension weights` }))
    for (const d of DIMENSIONS) {
      const dl = DIMENSION_LABELS[d]
      const base = `${dims}.${d}.indicators`
      add(() =>
        sumCheck(
          base,
          indicatorsOf(base).map((x) => `${x.path}.weight`),
          { zh: `${cl.zh}“${dl.zh}”维度各指标权重合计`, en: `${cl.en}: the sum of the indicator weights of dimension ${dl.zh} (${dl.en})` },
        ),
      )
    }
  }
  add(() => sumCheck('channels', CHANNELS.map((c) => `channels.${c}.weight`), { zh: '各评价渠道权重合计', en: 'the sum of the channel weights' }))

  return checks.filter((c) => !holds(c.value, c.bound, c.op)).map(violationOf)
}
