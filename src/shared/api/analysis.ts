import { z } from 'zod'
import type { AnalysisView } from '../analysis'
import { method } from './method'
import { year } from './schemas'
import type { FileContent } from './types'

/**
 * 团队分析 and 考核者偏差 (RULES.md §8, issue 10 item 5): per department and post, the weak spots, each
 * rater's bias and 轮流坐庄, for HR and the leadership group (T2, audited). How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const analysisMethods = {
  'analysis.team': method<AnalysisView>()({
    input: z.object({ year }).strict(),
    permission: 'analysis.read',
    kind: 'read',
  }),
  'analysis.export': method<FileContent>()({
    input: z.object({ year }).strict(),
    permission: 'analysis.read',
    kind: 'read',
  }),
}
