import { z } from 'zod'
import { method } from './method'
import { id, year, isoDate } from './schemas'
import type { CommitmentRecord, CommitmentSummary } from '../commitments'

const taskKey = z.string().trim().regex(/^[A-Za-z0-9-]{1,16}$/, 'letters, digits and - only (16 at most)')
const taskFields = {
  title: z.string().trim().min(1).max(200),
  target: z.number().nonnegative().max(1e9),
  unit: z.string().trim().min(1).max(20),
  deadline: isoDate,
  goal: z.string().trim().min(1).max(200),
}
const commitmentTask = z.object({ key: taskKey.optional(), ...taskFields }).strict()
const revisionChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('revise'), taskKey, ...z.object(taskFields).partial().shape }).strict(),
  z.object({ op: z.literal('withdraw'), taskKey }).strict(),
  z.object({ op: z.literal('add'), ...taskFields }).strict(),
])

/**
 * Commitment letters (承诺书): the commitments slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const commitmentsMethods = {
  'commitments.get': method<CommitmentRecord>()({
    input: z.object({ personId: id, year }).strict(),
    permission: 'commitments.read',
    kind: 'read',
    subject: 'personId',
  }),
  'commitments.list': method<CommitmentSummary[]>()({
    input: z.object({ year }).strict(),
    permission: 'commitments.read',
    kind: 'read',
    subject: { scope: 'list' },
  }),
  'commitments.saveDraft': method<CommitmentRecord>()({
    input: z.object({ personId: id, year, tasks: z.array(commitmentTask).max(50) }).strict(),
    permission: 'commitments.write',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.submit': method<CommitmentRecord>()({
    input: z.object({ personId: id, year }).strict(),
    permission: 'commitments.write',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.review': method<CommitmentRecord>()({
    input: z.object({ personId: id, year, decision: z.enum(['approve', 'return']), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'commitments.review',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.complete': method<CommitmentRecord>()({
    input: z.object({ personId: id, year, taskKey, completedOn: isoDate.nullable() }).strict(),
    permission: 'commitments.review',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.requestRevision': method<CommitmentRecord>()({
    input: z
      .object({ personId: id, year, changes: z.array(revisionChange).min(1).max(50), reason: z.string().trim().min(2).max(500) })
      .strict(),
    permission: 'commitments.write',
    kind: 'write',
    subject: 'personId',
  }),
  'commitments.decideRevision': method<CommitmentRecord>()({
    input: z.object({ requestId: id, approve: z.boolean(), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'commitments.decideRevision',
    kind: 'write',
  }),
}
