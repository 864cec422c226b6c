import { z } from 'zod'
import type * as A from '../annual'
import { ANNUAL_GRADES } from '../annual'
import { method } from './method'
import { id, isoDate, year } from './schemas'

/** The neutral inputs file (docs/annual-inputs.md) as the API returns it: plain JSON. */
export type AnnualInputsJson = Record<string, unknown>

/**
 * Annual evaluation (年度总评, RULES.md §6): the year's computation and proposal, the leadership
 * group's decisions, the head's confirmation, results publicity and what each person sees. How to
 * add a method: docs/architecture.md, “Adding an API method”.
 */
export const annualMethods = {
  'annual.round': method<A.AnnualRoundView>()({
    input: z.object({ year }).strict(),
    permission: 'annual.review',
    kind: 'read',
  }),
  'annual.explain': method<A.AnnualExplanation>()({
    input: z.object({ year, personId: id }).strict(),
    permission: 'annual.review',
    kind: 'read',
  }),
  'annual.inputs': method<AnnualInputsJson>()({
    input: z.object({ year }).strict(),
    permission: 'annual.review',
    kind: 'read',
  }),
  'annual.propose': method<A.AnnualRoundView>()({
    input: z.object({ year }).strict(),
    permission: 'annual.manage',
    kind: 'write',
  }),
  'annual.decide': method<A.AnnualRoundView>()({
    input: z
      .object({
        year,
        changes: z
          .array(z.object({ personId: id, grade: z.enum(ANNUAL_GRADES), reason: z.string().trim().max(2000).optional() }).strict())
          .min(1)
          .max(5000),
      })
      .strict(),
    permission: 'annual.decide',
    kind: 'write',
  }),
  'annual.confirm': method<A.AnnualRoundView>()({
    input: z.object({ year }).strict(),
    permission: 'annual.confirm',
    kind: 'write',
  }),
  'annual.publish': method<A.AnnualRoundView>()({
    input: z.object({ year, startOn: isoDate.optional() }).strict(),
    permission: 'annual.manage',
    kind: 'write',
  }),
  'annual.recordApproval': method<A.AnnualRoundView>()({
    input: z
      .object({ year, document: z.string().trim().min(1).max(100), count: z.number().int().min(0).max(100000).optional(), rate: z.number().min(0).max(100).optional() })
      .strict()
      .refine((a) => (a.count === undefined) !== (a.rate === undefined), { message: '须且只须给出批准人数或批准比例之一 / give exactly one of count or rate', path: ['count'] }),
    permission: 'annual.manage',
    kind: 'write',
  }),
  'annual.recordPriorGrade': method<{ ok: true }>()({
    input: z.object({ year, personId: id, grade: z.enum([...ANNUAL_GRADES, '不定等次']) }).strict(),
    permission: 'annual.manage',
    kind: 'write',
  }),
  'annual.addRectificationPlan': method<{ id: number }>()({
    input: z.object({ personId: id, startsOn: isoDate, endsOn: isoDate, reason: z.string().trim().min(1).max(2000) }).strict(),
    permission: 'annual.manage',
    kind: 'write',
  }),
  'annual.published': method<A.AnnualPublishedView>()({
    input: z.object({ year }).strict(),
    permission: 'self',
    kind: 'read',
  }),
  'annual.object': method<{ id: number; lodgedOn: string }>()({
    // 公示异议: during the results publicity, to the discipline office (a lead on its objection channel).
    input: z.object({ year, personId: id.optional(), text: z.string().trim().min(1).max(8000), anonymous: z.boolean().optional() }).strict(),
    permission: 'integrity.lodge',
    kind: 'write',
  }),
  'annual.mine': method<A.AnnualOwnResult>()({
    input: z.object({ year }).strict(),
    permission: 'self',
    kind: 'read',
  }),
} as const
