import type { Policy } from '../policy/defaults'
import { CONSTRAINT_IDS, readPolicyConstraints, type ComparisonOp, type ConstraintId, type PolicyConstraints } from '../policy/constraints'
import { formatHundredths, fromHundredths, toHundredths } from './hundredths'
import { CHANNELS, DIMENSION_LABELS, DIMENSIONS, POST_CATEGORIES, POST_CATEGORY_LABELS, type AnnualGuideline, type Label, type PostCategory } from '@shared/guideline/model'
import { guidelineReader, Unreadable, type GuidelineReader } from './readable'
import { parseGuideline } from './schema'
import type { ConstraintViolation, Violation } from '@shared/guideline/violation'
import { kindOfField, POLICY_FIELD_BOUNDS, SERVICE_INDICATOR_MIN, VALUE_FORMATS, WEIGHT_SUM, type PolicyConstraintKey, type ValueKind } from '@shared/guideline/constraints'

/**
 * Validation of a guideline (《年度绩效考核指引》) against the policy in force (RULES.md §2, P1–P10).
 *
 * Every violated constraint is returned at once, so the person editing the guideline sees the whole
 * list instead of fixing one problem per save: the format errors and, beside them, every constraint
 * breach that the sound parts of the file allow to be evaluated. All bounds come from the policy passed in; all
 * comparisons and sums are in integer hundredths (hundredths.ts), never floats. Which policy number
 * binds which field, and the fields' units, come from the shared table (shared/guideline/constraints.ts)
 * that the renderer's editor reads too.
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

/** A value or bound as shown in a violation: the number and the unit of its kind (shared table). */
function show(h: number, kind: ValueKind): Label {
  const n = formatHundredths(h)
  const unit = VALUE_FORMATS[kind].unit
  if (!unit) return { zh: n, en: n }
  // '%' follows the number directly; words take a space.
  const sep = (u: string) => (u === '%' ? '' : ' ')
  return { zh: `${n}${sep(unit.zh)}${unit.zh}`, en: `${n}${sep(unit.en)}${unit.en}` }
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
  unit: ValueKind
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

  // P1, P2, P4–P9: one field, one policy number (the shared table names them).
  for (const b of POLICY_FIELD_BOUNDS) {
    const kind = kindOfField(b.path)
    const read = (path: string) => (VALUE_FORMATS[kind].decimals === 0 ? r.count(path) : r.hundredths(path))
    if (b.replacedBy !== undefined) {
      // P6: a malformed approval leaves the bound unknown, so P6 waits for it to be fixed.
      const replacedBy = b.replacedBy
      const approvalPath = replacedBy.slice(0, replacedBy.lastIndexOf('.'))
      add(() => {
        const approval = r.present(approvalPath) ? { documentNumber: r.text(`${approvalPath}.documentNumber`) } : undefined
        const approvedRate = approval && r.present(replacedBy) ? r.hundredths(replacedBy) : undefined
        return {
          id: b.id,
          path: b.path,
          value: read(b.path),
          bound: approvedRate ?? h(p[b.key]),
          op: b.op,
          unit: kind,
          subject: b.subject,
          ...(approval && approvedRate !== undefined
            ? { boundSource: { zh: `上级批准（${approval.documentNumber}）的`, en: `the approved (${approval.documentNumber})` } }
            : {}),
        }
      })
      continue
    }
    add(() => ({ id: b.id, path: b.path, value: read(b.path), bound: h(p[b.key]), op: b.op, unit: kind, subject: b.subject }))
  }

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
        bound: h(p[SERVICE_INDICATOR_MIN[cat]]),
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

  // P10: every weight set, with its parts shown so the odd one out is easy to spot.
  const sum = h(p[WEIGHT_SUM.key])
  const sumCheck = (path: string, weightPaths: readonly string[], subject: Label): Check => {
    const weights = weightPaths.map((w) => r.hundredths(w))
    const parts = weights.map(formatHundredths).join(' + ')
    return { id: WEIGHT_SUM.id, path, value: weights.reduce((s, w) => s + w, 0), bound: sum, op: WEIGHT_SUM.op, unit: 'weight', subject, detail: { zh: `（${parts}）`, en: ` (${parts})` } }
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

  // In constraint order (a stable sort keeps each constraint's checks in the order they were made).
  const order = (id: ConstraintId) => CONSTRAINT_IDS.indexOf(id)
  return checks
    .sort((a, b) => order(a.id) - order(b.id))
    .filter((c) => !holds(c.value, c.bound, c.op))
    .map(violationOf)
}

// The shared table names exactly the policy's constraint keys (core/policy/constraints.ts).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const keysMatchPolicy: Same<PolicyConstraintKey, keyof PolicyConstraints> = true
void keysMatchPolicy
