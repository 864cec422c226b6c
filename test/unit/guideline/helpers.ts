import { expect } from 'vitest'
import { defaultGuideline, type AnnualGuideline, type Dimension, type Indicator, type PostCategory, type Violation } from '../../../src/main/core/guideline'
import { DEFAULT_POLICY, type Policy } from '../../../src/main/core/policy/defaults'

export const YEAR = 2026

/** A fresh default guideline with `change` applied (the default itself is never shared between tests). */
export function guidelineWith(change: (g: AnnualGuideline) => void = () => {}): AnnualGuideline {
  const g = defaultGuideline(YEAR)
  change(g)
  return g
}

export function indicator(g: AnnualGuideline, cat: PostCategory, dim: Dimension, id: string): Indicator {
  const found = g.categories[cat].dimensions[dim].indicators.find((i) => i.id === id)
  if (!found) throw new Error(`no indicator ${id} in ${cat}.${dim}`)
  return found
}

/** The shipped policy with some constraints replaced. */
export function policyWith(constraints: Partial<Record<string, number>> = {}): Policy {
  const merged: Record<string, number> = { ...DEFAULT_POLICY.constraints }
  for (const [k, v] of Object.entries(constraints)) if (v !== undefined) merged[k] = v
  return { ...DEFAULT_POLICY, constraints: merged }
}

/** Every violation has text in both languages. */
export function expectBilingual(violations: readonly Violation[]): void {
  for (const v of violations) {
    expect(v.zh.length, `zh of ${v.path}`).toBeGreaterThan(0)
    expect(v.en.length, `en of ${v.path}`).toBeGreaterThan(0)
  }
}
