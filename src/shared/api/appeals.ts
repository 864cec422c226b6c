import { z } from 'zod'
import type * as A from '../appeals'
import { APPEAL_GRADES, APPEAL_TEXT_MAX } from '../appeals'
import { method } from './method'
import { id, isoDate, year } from './schemas'

const text = z.string().trim().min(1).max(APPEAL_TEXT_MAX)
const item = z.string().trim().regex(/^(channel|dimension):[A-Za-z]+$/, 'channel:<name> or dimension:<name>')

/**
 * Appeals (申诉, RULES.md §7, issue 10): the person appeals within the window after the feedback
 * form's delivery; a non-recused member of the leadership group answers; HR records the statutory
 * routes of a 不称职 result. How to add a method: docs/architecture.md, “Adding an API method”.
 */
export const appealsMethods = {
  'appeals.window': method<A.AppealWindow>()({
    input: z.object({ year, personId: id.optional() }).strict(),
    permission: 'appeals.read',
    kind: 'read',
    subject: 'personId',
  }),
  'appeals.list': method<A.AppealView[]>()({
    input: z.object({ year: year.optional(), personId: id.optional() }).strict(),
    permission: 'appeals.read',
    kind: 'read',
    subject: 'personId',
  }),
  'appeals.show': method<A.AppealView>()({
    input: z.object({ appealId: id }).strict(),
    permission: 'appeals.read',
    kind: 'read',
    subject: { scope: 'handler' },
  }),
  'appeals.file': method<A.AppealView>()({
    input: z.object({ year, personId: id.optional(), items: z.array(item).min(1).max(20), gradeAsked: z.enum(APPEAL_GRADES), text }).strict(),
    permission: 'appeals.file',
    kind: 'write',
    subject: 'personId',
  }),
  'appeals.withdraw': method<A.AppealView>()({
    input: z.object({ appealId: id }).strict(),
    permission: 'appeals.file',
    kind: 'write',
    subject: { scope: 'handler' },
  }),
  'appeals.answer': method<A.AppealView>()({
    input: z.object({ appealId: id, decision: z.enum(['upheld', 'refused']), grade: z.enum(APPEAL_GRADES).optional(), reason: text }).strict(),
    permission: 'appeals.answer',
    kind: 'write',
  }),
  'appeals.recordRoute': method<A.AppealView>()({
    input: z
      .object({
        year,
        personId: id,
        route: z.enum(['review', 'statutory']),
        filedOn: isoDate,
        body: z.string().trim().min(1).max(200),
        documentNo: z.string().trim().min(1).max(100),
        text: z.string().trim().max(APPEAL_TEXT_MAX).optional(),
        reviewOf: id.optional(),
      })
      .strict(),
    permission: 'appeals.manage',
    kind: 'write',
  }),
  'appeals.extendRoute': method<A.AppealView>()({
    input: z.object({ appealId: id }).strict(),
    permission: 'appeals.manage',
    kind: 'write',
  }),
  'appeals.decideRoute': method<A.AppealView>()({
    input: z.object({ appealId: id, decision: z.enum(['upheld', 'refused']), grade: z.enum(APPEAL_GRADES).optional(), reason: text, decidedOn: isoDate }).strict(),
    permission: 'appeals.manage',
    kind: 'write',
  }),
} as const
