import { localDate } from '@shared/dates'
import { teamAnalysis } from '../../core/analysis'
import { analysisWorkbook } from '../../core/analysis/exportXlsx'
import { prepared, type HandlersFor } from '../router'

/**
 * 团队分析 (RULES.md §8). Thin: the rules are core/analysis's. The audit entry names the year and
 * counts only, never a score or a rater's result.
 */
export const analysisHandlers: HandlersFor<'analysis'> = {
  'analysis.team': ({ session, now, note }, { year }) => {
    const v = teamAnalysis(session.store, year, localDate(now))
    note(`analysis:${year}`, { raters: v.bias.length, rotation: v.rotation.length })
    return v
  },

  'analysis.export': prepared({
    prepare: ({ session, now }, { year }) => analysisWorkbook(session.store.readOnly(() => teamAnalysis(session.store, year, localDate(now))), now),
    run: ({ note }, { year }, file) => {
      note(`analysis:${year}`, { file: file.fileName })
      return file
    },
  }),
}
