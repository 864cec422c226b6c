import template from '../../../../resources/guideline/default.json'
import type { AnnualGuideline } from '@shared/guideline/model'
import { parseGuideline } from './schema'

/**
 * The shipped default guideline (resources/guideline/default.json, RULES.md §4–§7 defaults) for
 * `year`. The file is a template without a year; it goes through the same strict parse as an
 * imported guideline, so a broken shipped file fails loudly here instead of scoring people wrongly.
 */
export function defaultGuideline(year: number): AnnualGuideline {
  const { $comment: _comment, ...body } = template
  const r = parseGuideline({ ...body, year })
  if (!r.ok) {
    throw new Error(`default guideline for ${year} is invalid: ${r.violations.map((v) => v.en).join('; ')}`)
  }
  return r.guideline
}
