import { ScoringInputError } from './errors'
import { FULL_SCORE, rational } from './exact'
import { notApplicable, scored, type MetricResult } from './types'

/** A risk point (廉政风险点) identified for the person in the year, and whether it was rectified (整改). */
export interface RiskPoint {
  id: string
  rectified: boolean
}

export interface RiskRectificationEvidence {
  identified: number
  rectified: number
  /** Ids of the points still open. */
  open: string[]
}

/** 风险防控 (risk rectification, RULES.md §4): 100 × rectified / identified; none identified → N/A. */
export function riskRectification(points: readonly RiskPoint[]): MetricResult<RiskRectificationEvidence> {
  const seen = new Set<string>()
  const open: string[] = []
  for (const p of points) {
    if (seen.has(p.id)) throw new ScoringInputError(`风险点“${p.id}”重复出现`, `risk point "${p.id}" is listed twice`)
    seen.add(p.id)
    if (!p.rectified) open.push(p.id)
  }
  const evidence: RiskRectificationEvidence = { identified: points.length, rectified: points.length - open.length, open }
  if (points.length === 0) return notApplicable('NO_RISK_POINTS', evidence)
  return scored(rational(FULL_SCORE * evidence.rectified, evidence.identified), evidence)
}
