import { z } from 'zod'
import type * as O from '../outcomes'
import { FOLLOWUP_KINDS } from '../outcomes'
import type { FileContent } from './types'
import { method } from './method'
import { id, isoDate, year } from './schemas'

/** Money in integer fen: up to a hundred million yuan. */
const fen = z.number().int().min(0).max(10_000_000_000)
const reason = z.string().trim().min(1).max(2000)

/**
 * Results application (结果应用, RULES.md §8, issue 10): the bonus table (base × coefficient per
 * grade, against the budget, Excel export), the follow-ups created from the final grades with
 * their owners and completion, the commendation list, the talent pool and the flags. How to add a
 * method: docs/architecture.md, “Adding an API method”.
 */
export const outcomesMethods = {
  'outcomes.bonus': method<O.BonusTable>()({
    input: z.object({ year }).strict(),
    permission: 'outcomes.read',
    kind: 'read',
  }),
  'outcomes.setBonus': method<O.BonusTable>()({
    input: z.object({ year, baseFen: fen, budgetFen: fen }).strict(),
    permission: 'outcomes.manage',
    kind: 'write',
  }),
  'outcomes.exportBonus': method<FileContent & { rows: number; totalFen: number }>()({
    input: z.object({ year }).strict(),
    permission: 'outcomes.read',
    kind: 'read',
  }),
  'outcomes.generate': method<O.GenerateResult>()({
    input: z.object({ year }).strict(),
    permission: 'outcomes.manage',
    kind: 'write',
  }),
  'outcomes.followups': method<O.FollowUpView[]>()({
    input: z.object({ year: year.optional(), kind: z.enum(FOLLOWUP_KINDS).optional(), overdue: z.boolean().optional() }).strict(),
    permission: 'outcomes.followups',
    kind: 'read',
  }),
  'outcomes.completeFollowup': method<O.FollowUpView>()({
    input: z.object({ id, note: reason, doneOn: isoDate.optional() }).strict(),
    permission: 'outcomes.followups',
    kind: 'write',
  }),
  'outcomes.lists': method<O.OutcomeLists>()({
    input: z.object({ year }).strict(),
    permission: 'outcomes.read',
    kind: 'read',
  }),
  'outcomes.addTalent': method<O.OutcomeLists>()({
    input: z.object({ year, personId: id, reason }).strict(),
    permission: 'outcomes.manage',
    kind: 'write',
  }),
  'outcomes.removeTalent': method<O.OutcomeLists>()({
    input: z.object({ entryId: id, reason }).strict(),
    permission: 'outcomes.manage',
    kind: 'write',
  }),
}
