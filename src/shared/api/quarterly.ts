import { z } from 'zod'
import { method } from './method'
import { id, year, isoDate, quarter } from './schemas'
import type * as Q from '../quarterly'
import { FOLLOWUP_STATES } from '../quarterly'

/** A 0–100 rating with at most two decimals (scores are compared in hundredths). */
const rating = z
  .number()
  .min(0)
  .max(100)
  .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, 'at most two decimals')

/**
 * Quarterly evaluation (季度评估): the quarterly slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const quarterlyMethods = {
  'quarterly.status': method<Q.QuarterlyStatusRow[]>()({
    input: z.object({ year, quarter }).strict(),
    permission: 'quarterly.read',
    kind: 'read',
    subject: { scope: 'list' },
  }),
  'quarterly.get': method<Q.QuarterlyDetail>()({
    input: z.object({ personId: id, year, quarter }).strict(),
    permission: 'quarterly.read',
    kind: 'read',
    subject: 'personId',
  }),
  'quarterly.submitSummary': method<Q.QuarterlyDetail>()({
    // `draft`: saved apart for the person only; the submitted 小结 is unchanged.
    input: z.object({ personId: id, year, quarter, text: z.string().trim().min(1).max(8000), draft: z.boolean().optional() }).strict(),
    permission: 'quarterly.summary',
    kind: 'write',
    subject: 'personId',
  }),
  'quarterly.rate': method<Q.QuarterlyRateResult>()({
    input: z
      .object({
        personId: id,
        year,
        quarter,
        performance: rating,
        potential: rating,
        failMark: z.boolean().default(false),
        failReason: z.string().trim().max(1000).optional(),
        /** The supervisor's explicit confirmation to rate although the person has no 小结. */
        withoutSummary: z.boolean().optional(),
      })
      .strict(),
    permission: 'quarterly.rate',
    kind: 'write',
    subject: 'personId',
  }),
  'quarterly.assignPeers': method<Q.AssignPeersResult>()({
    input: z.object({ year, quarter, raterId: id, rateeIds: z.array(id).min(1).max(100) }).strict(),
    permission: 'quarterly.assignPeers',
    kind: 'write',
  }),
  // Peers for everyone of the department (or the unit) up to the policy's minimum, respecting the exclusions (core/quarterly/autoAssign.ts).
  'quarterly.autoAssignPeers': method<Q.AutoAssignPeersResult>()({
    input: z.object({ year, quarter, departmentId: id.optional() }).strict(),
    permission: 'quarterly.assignPeers',
    kind: 'write',
  }),
  'quarterly.reopen': method<Q.QuarterPhaseView>()({
    input: z.object({ year, quarter, reason: z.string().trim().min(1).max(1000) }).strict(),
    permission: 'quarterly.manage',
    kind: 'write',
  }),
  'quarterly.amend': method<Q.QuarterlyDetail>()({
    input: z
      .object({
        personId: id,
        year,
        quarter,
        performance: rating,
        potential: rating,
        failMark: z.boolean().default(false),
        failReason: z.string().trim().max(1000).optional(),
        reason: z.string().trim().min(1).max(1000),
      })
      .strict(),
    permission: 'quarterly.manage',
    kind: 'write',
  }),
  'quarterly.myPeerAssignments': method<Q.PeerAssignmentView[]>()({
    input: z.object({ year: year.optional(), quarter: quarter.optional() }).strict(),
    permission: 'quarterly.peerRate',
    kind: 'read',
  }),
  'quarterly.peerRate': method<Q.PeerAssignmentView>()({
    input: z.object({ assignmentId: id, score: rating }).strict(),
    permission: 'quarterly.peerRate',
    kind: 'write',
  }),
  'quarterly.nineBox': method<Q.NineBoxView>()({
    input: z.object({ year, quarter }).strict(),
    permission: 'quarterly.nineBox',
    kind: 'read',
    subject: { scope: 'list' },
  }),
  'quarterly.followups.list': method<Q.FollowupView[]>()({
    input: z.object({ state: z.enum(FOLLOWUP_STATES).optional() }).strict(),
    permission: 'quarterly.followups',
    kind: 'read',
  }),
  'quarterly.followups.update': method<Q.FollowupView>()({
    input: z
      .object({
        id,
        state: z.enum(FOLLOWUP_STATES).optional(),
        ownerId: id.nullable().optional(),
        deadline: isoDate.optional(),
        notes: z.string().trim().max(4000).optional(),
      })
      .strict(),
    permission: 'quarterly.followups',
    kind: 'write',
  }),
}
