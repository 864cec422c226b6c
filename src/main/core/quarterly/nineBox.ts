import type { Label, NineBoxCutoffs } from '@shared/guideline/model'
import { ScoringInputError } from '../metrics/errors'
import { hundredthsOf, scoreHundredthsOf } from '../metrics/exact'

export const NINE_BOX_BANDS = ['low', 'middle', 'high'] as const
export type NineBoxBand = (typeof NINE_BOX_BANDS)[number]

export const NINE_BOX_BAND_LABELS: Record<NineBoxBand, Label> = {
  low: { zh: '低', en: 'low' },
  middle: { zh: '中', en: 'middle' },
  high: { zh: '高', en: 'high' },
}

/** A cell of the performance × potential grid: rows are potential, columns performance. */
export interface NineBoxCell {
  row: NineBoxBand
  col: NineBoxBand
}

function band(value: number, middleMin: number, highMin: number): NineBoxBand {
  if (value < middleMin) return 'low'
  if (value < highMin) return 'middle'
  return 'high'
}

/**
 * Places a person on the 9-box (九宫格, RULES.md §5) from the supervisor's performance (业绩) and
 * potential (潜力) ratings: low < middleMin ≤ middle < highMin ≤ high, so a rating exactly at a
 * cut-off belongs to the band above it. Compared in hundredths, so 70 is exactly 70.
 */
export function nineBox(performance: number, potential: number, cutoffs: NineBoxCutoffs): NineBoxCell {
  const middleMin = hundredthsOf(cutoffs.middleMin, '九宫格“中”的分数线', '9-box middle cut-off')
  const highMin = hundredthsOf(cutoffs.highMin, '九宫格“高”的分数线', '9-box high cut-off')
  if (middleMin > highMin) {
    throw new ScoringInputError('九宫格“中”的分数线高于“高”的分数线', 'the 9-box middle cut-off is above the high cut-off')
  }
  const perf = scoreHundredthsOf(performance, '业绩评分', 'performance rating')
  const pot = scoreHundredthsOf(potential, '潜力评分', 'potential rating')
  return { row: band(pot, middleMin, highMin), col: band(perf, middleMin, highMin) }
}
