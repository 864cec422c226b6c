import { CHANNEL_LABELS, DIMENSION_LABELS, POST_CATEGORY_LABELS, SURVEY_LEVEL_LABELS, type Channel, type Dimension, type Label, type PostCategory, type ComparisonOp, type ConstraintId } from './model'

/** A policy constraint the guideline breaks: the value found, the bound, and how they must relate. */
export interface ConstraintViolation {
  id: ConstraintId
  /** Dotted path into the guideline, e.g. `categories.general.dimensions.ji.weight`. */
  path: string
  value: number
  bound: number
  op: ComparisonOp
  zh: string
  en: string
}

/**
 * The guideline is not well-formed (missing or unknown field, wrong type, out of range, more than two
 * decimals…). Numeric range errors carry value, bound and op too; the others have no number to show.
 */
export interface SchemaViolation {
  id: 'SCHEMA'
  path: string
  value?: number
  bound?: number
  op?: ComparisonOp
  zh: string
  en: string
}

export type Violation = ConstraintViolation | SchemaViolation

export function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

const FIELD_LABELS: Record<string, Label> = {
  year: { zh: '年度', en: 'year' },
  categories: { zh: '岗位类别', en: 'post categories' },
  dimensions: { zh: '维度', en: 'dimensions' },
  indicators: { zh: '指标', en: 'indicators' },
  weight: { zh: '权重', en: 'weight' },
  id: { zh: '编号', en: 'id' },
  name: { zh: '名称', en: 'name' },
  source: { zh: '来源', en: 'source' },
  evidence: { zh: '佐证说明', en: 'evidence' },
  rule: { zh: '计分规则', en: 'metric rule' },
  pointsPerLateOrEarly: { zh: '每次迟到早退扣分', en: 'points per late arrival or early leave' },
  pointsPerAbsentDay: { zh: '每旷工一天扣分', en: 'points per absent day' },
  lateCompletionCreditPercent: { zh: '逾期完成折算比例', en: 'credit for late completion' },
  levelPoints: { zh: '满意度等级分值', en: 'satisfaction level points' },
  minResponses: { zh: '最少样本数', en: 'minimum responses' },
  pointsPerMinorFinding: { zh: '每项轻微问题扣分', en: 'points per minor finding' },
  channels: { zh: '评价渠道', en: 'channels' },
  minBallots: { zh: '最少有效票数', en: 'minimum ballots' },
  recipientVoterShare: { zh: '服务对象代表比例', en: 'service-recipient voter share' },
  ballotPoints: { zh: '测评等次分值', en: 'ballot points' },
  excellent: { zh: '优秀', en: 'excellent' },
  competent: { zh: '称职', en: 'competent' },
  basicallyCompetent: { zh: '基本称职', en: 'basically competent' },
  incompetent: { zh: '不称职', en: 'incompetent' },
  peerWeight: { zh: '互评权重', en: 'peer weight' },
  gradeCutoffs: { zh: '季度等次分数线', en: 'quarterly grade cut-offs' },
  goodMin: { zh: '好', en: 'good' },
  fairlyGoodMin: { zh: '较好', en: 'fairly good' },
  fairMin: { zh: '一般', en: 'fair' },
  nineBoxCutoffs: { zh: '九宫格分界', en: '9-box cut-offs' },
  middleMin: { zh: '中档下限', en: 'middle band minimum' },
  highMin: { zh: '高档下限', en: 'high band minimum' },
  grades: { zh: '等次分数线', en: 'grade thresholds' },
  excellentMin: { zh: '优秀', en: 'excellent' },
  competentMin: { zh: '称职', en: 'competent' },
  basicallyCompetentMin: { zh: '基本称职', en: 'basically competent' },
  quota: { zh: '优秀名额', en: 'excellent quota' },
  excellentRate: { zh: '优秀比例', en: 'excellent rate' },
  approval: { zh: '上级批准', en: 'approval' },
  documentNumber: { zh: '批准文号', en: 'document number' },
  issuedBy: { zh: '批准机关', en: 'issued by' },
  issuedOn: { zh: '批准日期', en: 'issued on' },
  rate: { zh: '批准比例', en: 'approved rate' },
  count: { zh: '批准名额', en: 'approved count' },
  publicity: { zh: '公示', en: 'publicity' },
  guidelineWorkingDays: { zh: '指引公示期', en: 'guideline publicity period' },
  resultsWorkingDays: { zh: '结果公示期', en: 'results publicity period' },
  appeal: { zh: '申诉', en: 'appeal' },
  windowWorkingDays: { zh: '申诉期', en: 'appeal window' },
  answerCalendarDays: { zh: '答复期限', en: 'answer deadline' },
  ...SURVEY_LEVEL_LABELS,
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function has<K extends string>(labels: Record<K, Label>, key: string): key is K {
  return Object.hasOwn(labels, key)
}

/**
 * A path into a (possibly malformed) guideline in words: categories, dimensions and channels by their
 * Chinese names, indicators by name when the input has one, fields by their label. `root` is the
 * input being described, so an indicator can be named even when its other fields are wrong.
 */
export function describePath(path: readonly PropertyKey[], root: unknown): Label {
  const zh: string[] = []
  const en: string[] = []
  let node: unknown = root
  for (let i = 0; i < path.length; i++) {
    const seg = String(path[i])
    const parent = i > 0 ? String(path[i - 1]) : ''
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[seg] : undefined
    if (parent === 'categories' && has<PostCategory>(POST_CATEGORY_LABELS, seg)) {
      zh.push(POST_CATEGORY_LABELS[seg].zh)
      en.push(POST_CATEGORY_LABELS[seg].en)
    } else if (parent === 'dimensions' && has<Dimension>(DIMENSION_LABELS, seg)) {
      zh.push(`“${DIMENSION_LABELS[seg].zh}”维度`)
      en.push(`dimension ${DIMENSION_LABELS[seg].zh} (${DIMENSION_LABELS[seg].en})`)
    } else if (parent === 'channels' && has<Channel>(CHANNEL_LABELS, seg)) {
      zh.push(`${CHANNEL_LABELS[seg].zh}渠道`)
      en.push(`${CHANNEL_LABELS[seg].en} channel`)
    } else if (parent === 'indicators' && /^\d+$/.test(seg)) {
      const name = isRecord(node) && typeof node.name === 'string' && node.name.trim() !== '' ? node.name : null
      zh.push(name !== null ? `“${name}”指标` : `第 ${Number(seg) + 1} 项指标`)
      en.push(name !== null ? `indicator ${name}` : `indicator #${Number(seg) + 1}`)
    } else if ((seg === 'categories' || seg === 'dimensions' || seg === 'channels' || seg === 'indicators') && i < path.length - 1) {
      // The next segment names the category, dimension, channel or indicator; the plural adds nothing.
      continue
    } else {
      const label = Object.hasOwn(FIELD_LABELS, seg) ? FIELD_LABELS[seg] : undefined
      zh.push(label?.zh ?? seg)
      en.push(label?.en ?? seg)
    }
  }
  return { zh: zh.length > 0 ? zh.join(' › ') : '指引', en: en.length > 0 ? en.join(' › ') : 'guideline' }
}
