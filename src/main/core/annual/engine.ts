import { BALLOT_LEVELS, TIE, PENDING, UNGRADED, type ProposedGrade, type SanctionEffect, type Veto } from '@shared/annual'
import { CHANNELS, DIMENSIONS, type Channel, type Dimension } from '@shared/guideline/model'
import { roundHalfUp2, type Rational } from '../metrics/exact'
import { ZERO, compare, floor, int, over, plus, reduced, times, type Q } from './exactSum'
import type {
  AnnualFlag,
  AnnualResult,
  Blocker,
  ChannelResult,
  DemocraticDimensionResult,
  DimensionResult,
  EngineInputs,
  EnginePerson,
  EnginePolicy,
  EngineScheme,
  IndicatorResult,
  PersonResult,
  UngradedReason,
  VetoReason,
} from './model'

/**
 * The annual computation of RULES.md §6 as one pure, deterministic function: per person every
 * indicator, dimension and channel score with N/A and its weight spread, the composite T, vetoes and
 * flags; then the proposal — participants, N, the quota K, the ranking with its tie-break and the
 * proposed grades, with a tie across the quota line reported rather than broken. Exact arithmetic
 * throughout; T is rounded half-up to two decimals once, and ranking, thresholds and ties use that
 * rounded T (and channel scores rounded the same way). The result does not depend on the order of
 * the people in the inputs.
 */
export function computeAnnual(inputs: EngineInputs): AnnualResult {
  const { policy } = inputs
  const blockers: Blocker[] = []
  const people = inputs.people.map((p) => scorePerson(p, inputs, blockers))

  if (inputs.democraticRound) {
    const { colleagues, representatives } = inputs.democraticRound
    const total = colleagues + representatives
    // P5: representatives × 100 ≥ share × total, compared exactly.
    if (total > 0 && compare(int(representatives * 100), times(policy.recipientShareMin, int(total))) < 0) {
      blockers.push({
        code: 'DEMOCRATIC_ROUND_INVALID',
        id: null,
        zh: `民主测评无效：服务对象代表有效票 ${representatives} 张，占有效票 ${total} 张的 ${pct(representatives, total)}，低于政策要求的 ${show(policy.recipientShareMin)}%（P5）`,
        en: `the democratic round is invalid: ${representatives} of ${total} valid sheets (${pct(representatives, total)}) are from service-recipient representatives, below the policy's ${show(policy.recipientShareMin)}% (P5)`,
      })
    }
  }

  const participants = people.filter((p) => p.status !== 'ungraded')
  const N = participants.length
  const K = quota(policy, N)

  // Rank people eligible for 优秀 by (T, leadership, democratic, quarterly), N/A below any score; the
  // id only fixes an order among full ties so the output is the same whatever the input order.
  const ranked = people.filter((p) => p.status === 'graded' && p.eligible).sort((a, b) => rankCompare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  ranked.forEach((p, i) => (p.rank = i + 1))

  const excellentMin = roundHalfUp2(reduced(policy.excellentMin))
  const excellent = new Set<PersonResult>()
  let boundaryTie: string[] | null = null
  if (K > 0) {
    const kth = ranked[K - 1]
    const next = ranked[K]
    if (kth && next && (kth.T ?? 0) >= excellentMin && (next.T ?? 0) >= excellentMin && rankCompare(kth, next) === 0) {
      const group = ranked.filter((p) => rankCompare(p, kth) === 0)
      boundaryTie = group.map((p) => p.id).sort()
      for (const p of ranked) if (rankCompare(p, kth) < 0) excellent.add(p)
      for (const p of group) p.grade = TIE
    } else {
      for (const p of ranked.slice(0, K)) if ((p.T ?? 0) >= excellentMin) excellent.add(p)
    }
  }

  const competentMin = roundHalfUp2(reduced(policy.competentMin))
  const basicMin = roundHalfUp2(reduced(policy.basicMin))
  for (const p of people) {
    if (p.status !== 'graded' || p.grade === TIE) continue
    const T = p.T ?? 0
    p.grade = p.forced ? '不称职' : excellent.has(p) ? '优秀' : T >= competentMin ? '称职' : T >= basicMin ? '基本称职' : '不称职'
  }

  return { N, K, quota: quotaWords(policy, N, K), boundaryTie, blockers, people }
}

/** K = ⌊rate × N / 100⌋ (P6), or the approved count, or ⌊approved rate × N / 100⌋; K may be 0. */
export function quota(policy: EnginePolicy, N: number): number {
  const a = policy.approval
  if (a?.count !== undefined) return a.count
  const rate = a?.rate ?? policy.quotaRate
  return Number(floor(over(times(rate, int(N)), int(100))))
}

function quotaWords(policy: EnginePolicy, N: number, K: number): AnnualResult['quota'] {
  const a = policy.approval
  const rate = reduced(a?.rate ?? policy.quotaRate)
  if (a?.count !== undefined) {
    return { rate, approval: a, zh: `经上级批准（${a.document}），优秀名额 K = ${K}`, en: `approved by the higher-level office (${a.document}): K = ${K}` }
  }
  const r = show(a?.rate ?? policy.quotaRate)
  const by = a ? `经上级批准（${a.document}）比例 ${r}%` : `比例 ${r}%`
  const byEn = a ? `approved rate ${r}% (${a.document})` : `rate ${r}%`
  return { rate, approval: a, zh: `${by}：K = ⌊${r} × ${N} / 100⌋ = ${K}`, en: `${byEn}: K = ⌊${r} × ${N} / 100⌋ = ${K}` }
}

/** Negative when a ranks above b: higher T, then leadership, democratic, quarterly; N/A lowest. */
function rankCompare(a: PersonResult, b: PersonResult): number {
  const keys = (p: PersonResult): (number | null)[] => [p.T, p.channels.leadership.rounded, p.channels.democratic.rounded, p.channels.quarterly.rounded]
  const ka = keys(a)
  const kb = keys(b)
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? null
    const y = kb[i] ?? null
    if (x === y) continue
    if (x === null) return 1
    if (y === null) return -1
    return y - x
  }
  return 0
}

const EFFECT_ORDER: Record<SanctionEffect, number> = { notExcellent: 1, ungraded: 2, ungradedTwoYears: 2, incompetent: 3 }

/** The heaviest V4 effect of this year's sanctions and of last year's that reach into this year. */
function sanctionOutcome(p: EnginePerson, policy: EnginePolicy): { effect: SanctionEffect; name: string; lastYear: boolean } | null {
  let best: { effect: SanctionEffect; name: string; lastYear: boolean } | null = null
  const consider = (name: string, lastYear: boolean): void => {
    const effect = policy.sanctionEffects[name]
    if (!effect) return // inputsFile / assemble refuse unknown names before the engine runs
    if (lastYear && effect !== 'ungradedTwoYears') return
    if (!best || EFFECT_ORDER[effect] > EFFECT_ORDER[best.effect]) best = { effect, name, lastYear }
  }
  for (const s of p.sanctions) consider(s, false)
  for (const s of p.sanctionsLastYear) consider(s, true)
  return best
}

function emptyChannel(weight: Q): ChannelResult {
  return { weight: reduced(weight), effectiveWeight: reduced(ZERO), score: null, rounded: null }
}

function scorePerson(p: EnginePerson, inputs: EngineInputs, blockers: Blocker[]): PersonResult {
  const { policy } = inputs
  const scheme = inputs.guideline[p.category]
  const flags: AnnualFlag[] = []
  const base: PersonResult = {
    id: p.id,
    category: p.category,
    status: 'graded',
    ungradedReason: null,
    leadership: [],
    democratic: { ballotCount: p.ballotCount, dimensions: [] },
    quarterly: { count: p.quarterly.length, scores: p.quarterly.map(reduced) },
    channels: { leadership: emptyChannel(policy.channels.leadership), democratic: emptyChannel(policy.channels.democratic), quarterly: emptyChannel(policy.channels.quarterly) },
    exactT: null,
    T: null,
    eligible: false,
    forced: false,
    vetoes: [],
    reasons: [],
    flags,
    rank: null,
    grade: UNGRADED,
  }

  const sanction = sanctionOutcome(p, policy)
  const ungraded: UngradedReason | null = p.ungraded
    ? { kind: 'flag' }
    : sanction && (sanction.effect === 'ungraded' || sanction.effect === 'ungradedTwoYears')
      ? { kind: 'sanction', sanction: sanction.name, lastYear: sanction.lastYear }
      : null
  if (ungraded) return { ...base, status: 'ungraded', ungradedReason: ungraded }

  // Leadership channel: the whole sheet (RULES.md §6 row 1).
  const leadership = sheet(p, scheme, blockers)
  // Democratic channel: per dimension the mean points of the ballots that rated it.
  const democratic = ballots(p, scheme, policy)
  const quarterlyScore = p.quarterly.length === 0 ? null : over(p.quarterly.reduce(plus, ZERO), int(p.quarterly.length))
  if (p.quarterly.length === 0) flags.push('QUARTERLY_NA')
  else if (p.quarterly.length < 4) flags.push('FEW_QUARTERS')
  if (democratic.score === null) flags.push('DEMOCRATIC_NA')
  if (leadership.dimensions.some((d) => d.indicators.some((i) => i.score === null && !i.missing))) flags.push('INDICATOR_NA')
  if (leadership.dimensions.some((d) => d.score === null)) flags.push('DIMENSION_NA')

  const scores: Record<Channel, Q | null> = { leadership: leadership.score, democratic: democratic.score, quarterly: quarterlyScore }
  const used = CHANNELS.filter((c) => scores[c] !== null)
  const usedWeight = used.reduce((s, c) => plus(s, policy.channels[c]), ZERO)
  let sum = ZERO
  for (const c of used) sum = plus(sum, times(policy.channels[c], scores[c] as Q))
  const allWeight = CHANNELS.reduce((s, c) => plus(s, policy.channels[c]), ZERO)
  const exactT = usedWeight.n === 0n ? ZERO : over(sum, usedWeight)
  const channels = {} as Record<Channel, ChannelResult>
  for (const c of CHANNELS) {
    const s = scores[c]
    channels[c] = {
      weight: fixed(policy.channels[c]),
      effectiveWeight: reduced(s === null || usedWeight.n === 0n ? ZERO : over(times(policy.channels[c], allWeight), usedWeight)),
      score: s === null ? null : reduced(s),
      rounded: s === null ? null : roundHalfUp2(s),
    }
  }

  if (p.riskPost && p.review.status !== 'completed') {
    blockers.push({
      code: 'REVIEW_PENDING',
      id: p.id,
      zh: `${p.id}：风险岗位专项考察${p.review.status === 'pending' ? '尚未完成' : '尚无记录'}`,
      en: `${p.id}: the risk post's special integrity review is ${p.review.status === 'pending' ? 'not completed' : 'not recorded'}`,
    })
  }

  const reasons: VetoReason[] = []
  const vetoes: Veto[] = []
  if (p.lastYearGrade === '不称职') {
    vetoes.push('V1')
    reasons.push({ veto: 'V1', zh: '上一年度考核不称职，取消本年度评优资格（V1）', en: 'graded 不称职 last year: not eligible for 优秀 this year (V1)' })
  }
  if (p.rectificationPlan) {
    vetoes.push('V3')
    reasons.push({ veto: 'V3', zh: '处于基本称职整改期，不得评为优秀（V3）', en: 'under a 基本称职 rectification plan: not eligible for 优秀 (V3)' })
  }
  if (sanction?.effect === 'notExcellent') {
    vetoes.push('V4')
    reasons.push({ veto: 'V4', zh: `本年度受“${sanction.name}”，不得评为优秀（V4）`, en: `"${sanction.name}" this year: not eligible for 优秀 (V4)` })
  }
  let forced = false
  if (p.review.serious) {
    forced = true
    reasons.push({ veto: 'V2', zh: '专项考察查实存在严重问题，定为不称职（V2）', en: 'confirmed serious integrity finding: 不称职 regardless of score (V2)' })
  }
  if (sanction?.effect === 'incompetent') {
    forced = true
    reasons.push({ veto: 'V4', zh: `本年度受“${sanction.name}”，定为不称职（V4）`, en: `"${sanction.name}" this year: 不称职 (V4)` })
  }

  const status = p.underInvestigation ? 'pending' : 'graded'
  return {
    ...base,
    status,
    leadership: leadership.dimensions,
    democratic: { ballotCount: p.ballotCount, dimensions: democratic.dimensions },
    channels,
    exactT: reduced(exactT),
    T: roundHalfUp2(exactT),
    eligible: !forced && vetoes.length === 0 && status === 'graded',
    forced,
    vetoes,
    reasons,
    grade: status === 'pending' ? PENDING : ('称职' as ProposedGrade),
  }
}

/**
 * Weights come from the scheme and are the same objects for everyone, and so are the few patterns of
 * N/A among a dimension's parts: both are reduced once per unit, not once per person.
 */
const fixedCache = new WeakMap<Q, Rational>()
function fixed(w: Q): Rational {
  let r = fixedCache.get(w)
  if (!r) fixedCache.set(w, (r = reduced(w)))
  return r
}
const spreadCache = new WeakMap<object, Map<string, Rational[]>>()
function spreadOnce(owner: object, kind: string, weights: Q[], applicable: boolean[]): Rational[] {
  let byMask = spreadCache.get(owner)
  if (!byMask) spreadCache.set(owner, (byMask = new Map()))
  const mask = kind + applicable.map((a) => (a ? '1' : '0')).join('')
  let r = byMask.get(mask)
  if (!r) byMask.set(mask, (r = spread(weights, applicable).effective.map(reduced)))
  return r
}

/** Weights spread over the applicable parts in proportion: part k then weighs w_k × Σ w / Σ applicable. */
function spread(weights: Q[], applicable: boolean[]): { effective: Q[]; any: boolean } {
  const total = weights.reduce(plus, ZERO)
  const live = weights.reduce((s, w, i) => (applicable[i] ? plus(s, w) : s), ZERO)
  if (live.n === 0n) return { effective: weights.map(() => ZERO), any: false }
  return { effective: weights.map((w, i) => (applicable[i] ? over(times(w, total), live) : ZERO)), any: true }
}

/** Σ w × s / Σ w over the applicable parts; null when none applies (or they weigh nothing). */
function weightedMean(weights: Q[], scores: (Q | null)[]): Q | null {
  let sum = ZERO
  let w = ZERO
  scores.forEach((s, i) => {
    if (s === null) return
    const wi = weights[i] ?? ZERO
    sum = plus(sum, times(wi, s))
    w = plus(w, wi)
  })
  return w.n === 0n ? null : over(sum, w)
}

function sheet(p: EnginePerson, scheme: EngineScheme, blockers: Blocker[]): { score: Q | null; dimensions: DimensionResult[] } {
  const dimScores: (Q | null)[] = []
  const dims: DimensionResult[] = []
  const missingNames: string[] = []
  for (const d of DIMENSIONS) {
    const dim = scheme[d]
    const scores: (Q | null)[] = []
    const details: Omit<IndicatorResult, 'effectiveWeight'>[] = []
    for (const ind of dim.indicators) {
      const given = p.indicators[ind.name]
      let score: Q | null = null
      let raters: number | null = null
      let missing = false
      if (given && 'ratings' in given) {
        raters = given.ratings.length
        if (raters === 0) missing = true
        else score = over(given.ratings.reduce(plus, ZERO), int(raters))
      } else if (given && 'value' in given) {
        score = given.value
      } else if (ind.source === 'rated') {
        missing = true
      }
      if (missing) missingNames.push(ind.name)
      scores.push(score)
      details.push({ name: ind.name, source: ind.source, weight: fixed(ind.weight), score: score === null ? null : reduced(score), raters, missing })
    }
    const weights = dim.indicators.map((i) => i.weight)
    const effective = spreadOnce(dim, 'indicators', weights, scores.map((s) => s !== null))
    const score = weightedMean(weights, scores)
    dimScores.push(score)
    dims.push({ dimension: d, weight: fixed(dim.weight), effectiveWeight: ZERO, score: score === null ? null : reduced(score), indicators: details.map((x, i) => ({ ...x, effectiveWeight: effective[i] ?? ZERO })) })
  }
  if (missingNames.length) {
    const list = missingNames.map((n) => `“${n}”`).join('、')
    blockers.push({ code: 'RATING_MISSING', id: p.id, zh: `${p.id}：尚缺领导小组评分 ${missingNames.length} 项（${list}）`, en: `${p.id}: no leadership score for ${missingNames.length} indicator(s) (${missingNames.join(', ')})` })
  }
  const weights = DIMENSIONS.map((d) => scheme[d].weight)
  const effective = spreadOnce(scheme, 'sheet', weights, dimScores.map((s) => s !== null))
  dims.forEach((d, i) => (d.effectiveWeight = effective[i] ?? ZERO))
  return { score: weightedMean(weights, dimScores), dimensions: dims }
}

function ballots(p: EnginePerson, scheme: EngineScheme, policy: EnginePolicy): { score: Q | null; dimensions: DemocraticDimensionResult[] } {
  const enough = p.ballotCount >= policy.minBallots
  const means: (Q | null)[] = []
  const counts: number[] = []
  for (const d of DIMENSIONS) {
    const tally = p.ballots[d]
    let count = 0
    let points = ZERO
    for (const level of BALLOT_LEVELS) {
      const c = tally[level]
      count += c
      points = plus(points, times(policy.ballotPoints[level], int(c)))
    }
    counts.push(count)
    means.push(enough && count > 0 ? over(points, int(count)) : null)
  }
  const weights = DIMENSIONS.map((d: Dimension) => scheme[d].weight)
  const effective = spreadOnce(scheme, 'ballots', weights, means.map((m) => m !== null))
  const dimensions = DIMENSIONS.map((d, i) => {
    const m = means[i] ?? null
    return { dimension: d, weight: fixed(scheme[d].weight), effectiveWeight: effective[i] ?? ZERO, mean: m === null ? null : reduced(m), count: counts[i] ?? 0 }
  })
  return { score: enough ? weightedMean(weights, means) : null, dimensions }
}

function show(x: Q): string {
  const r = reduced(x)
  return r.d === 1n ? String(r.n) : String(roundHalfUp2(r))
}

function pct(a: number, total: number): string {
  return `${String(roundHalfUp2({ n: BigInt(a * 100), d: BigInt(total) } as Rational))}%`
}
