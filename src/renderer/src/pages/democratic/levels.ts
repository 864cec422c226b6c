import type { BallotLevel } from '@shared/annual'

/** i18n keys of the four ballot levels (the levels themselves are Chinese words). */
export const LEVEL_KEY: Record<BallotLevel, 'excellent' | 'competent' | 'basic' | 'incompetent'> = {
  优秀: 'excellent',
  称职: 'competent',
  基本称职: 'basic',
  不称职: 'incompetent',
}
