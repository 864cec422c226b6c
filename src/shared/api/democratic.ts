import { z } from 'zod'
import { method } from './method'
import { fileContent, id, year } from './schemas'
import { BALLOT_LEVELS } from '../annual'
import { DIMENSIONS } from '../guideline/model'
import type * as D from '../democratic'
import { MAX_CODES_PER_BATCH } from '../democratic'

/** A code as typed at the kiosk: spaces and hyphens are folded away in main. */
const ballotCode = z.string().trim().min(1).max(40)
const count = z.number().int().min(0).max(MAX_CODES_PER_BATCH)
const cells = z
  .array(z.object({ personId: id, dimension: z.enum(DIMENSIONS), level: z.enum(BALLOT_LEVELS) }).strict())
  .max(100_000)

/**
 * 民主测评 (democratic evaluation, RULES.md §6): the democratic slice of the API contract. HR runs
 * the round (open, codes, tallies, close); a voter at the kiosk enters a code and casts one ballot;
 * the aggregate shows counts per level only, for people with at least minBallots ballots. How to add
 * a method: docs/architecture.md, “Adding an API method”.
 */
export const democraticMethods = {
  'democratic.round': method<D.DemocraticRoundView>()({ input: z.object({ year }).strict(), permission: 'democratic.manage', kind: 'read' }),
  'democratic.open': method<D.DemocraticRoundView>()({ input: z.object({ year }).strict(), permission: 'democratic.manage', kind: 'write' }),
  'democratic.close': method<D.DemocraticRoundView>()({ input: z.object({ year }).strict(), permission: 'democratic.manage', kind: 'write' }),
  'democratic.codes': method<D.BallotCodesIssued>()({
    input: z.object({ year, colleagues: count, representatives: count }).strict(),
    permission: 'democratic.manage',
    kind: 'write',
  }),
  'democratic.importTallies': method<D.TallyImportReport>()({
    input: z.object({ year, file: fileContent, dryRun: z.boolean().default(false) }).strict(),
    permission: 'democratic.manage',
    kind: 'write',
  }),
  'democratic.aggregate': method<D.DemocraticAggregate>()({ input: z.object({ year }).strict(), permission: 'democratic.results', kind: 'read' }),
  'democratic.kioskStart': method<D.BallotKioskStarted>()({ input: z.object({ year }).strict(), permission: 'democratic.kiosk', kind: 'write' }),
  'democratic.ballotBegin': method<D.BallotStart>()({
    input: z.object({ code: ballotCode }).strict(),
    permission: 'democratic.kiosk',
    kind: 'read',
    kioskAllowed: true,
  }),
  'democratic.ballotSubmit': method<null>()({
    input: z.object({ code: ballotCode, cells }).strict(),
    permission: 'democratic.kiosk',
    kind: 'write',
    kioskAllowed: true,
  }),
}
