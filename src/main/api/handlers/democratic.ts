import type { IssuedCode } from '@shared/democratic'
import { KaoheError } from '@shared/errors'
import { textDigest } from '../../core/audit/digest'
import type { Session } from '../../core/auth/session'
import { beginBallot, castBallot, democraticAggregate } from '../../core/democratic/ballots'
import { ballotCodeKey, freshCodes, storeCodes } from '../../core/democratic/codes'
import { closeRound, openRound, requireOpenRound, roundView } from '../../core/democratic/round'
import { slipsPdf } from '../../core/democratic/slips'
import { importTallies, readTallies } from '../../core/democratic/tallies'
import { prepared, type HandlersFor } from '../router'

/**
 * 民主测评 (issue 9 item 1): HR runs the year's round; the ballot kiosk takes one ballot per code.
 * Thin: the rules live in core/democratic. Audit entries of the kiosk say "one ballot, category" and
 * nothing else — never the code, its hash or the ballot's id (core/democratic/ballots.ts).
 */

/** The ballot kiosk's year; a survey kiosk or none is refused. */
function ballotYearOf(session: Session): number {
  if (!session.kiosk) throw new KaoheError('BALLOT_KIOSK_NOT_ACTIVE')
  if (session.kiosk.ballotYear === undefined) throw new KaoheError('KIOSK_MODE')
  return session.kiosk.ballotYear
}

export const democraticHandlers: HandlersFor<'democratic'> = {
  'democratic.round': ({ session }, { year }) => roundView(session.store, year),

  'democratic.open': ({ session, now, note }, { year }) => {
    openRound(session.store, year, { actorId: session.user.id, now })
    note(`democratic:${year}`)
    return roundView(session.store, year)
  },

  'democratic.close': ({ session, now, note }, { year }) => {
    closeRound(session.store, year, { actorId: session.user.id, now })
    note(`democratic:${year}`)
    return roundView(session.store, year)
  },

  'democratic.codes': prepared({
    // The codes and their slips are made before the transaction (the PDF is written asynchronously);
    // only their hashes are stored, in it.
    prepare: async ({ session }, { year, colleagues, representatives }) => {
      requireOpenRound(session.store, year)
      if (colleagues + representatives === 0) throw new KaoheError('BALLOT_CODES_NONE')
      const codes: IssuedCode[] = freshCodes({ colleague: colleagues, representative: representatives })
      const unitName = session.store.first(session.store.qb.selectFrom('unit').select('name'))?.name ?? ''
      const pdf = await slipsPdf(unitName, year, codes)
      return { codes, pdf }
    },
    run: ({ session, now, note }, { year, colleagues, representatives }, { codes, pdf }) => {
      note(`democratic:${year}`, { colleagues, representatives })
      const batch = storeCodes(session.store, ballotCodeKey(session.dbKey), year, codes, { actorId: session.user.id, now })
      note(`democratic:${year}`, { batch, colleagues, representatives })
      return { year, batch, codes, pdf: { fileName: `民主测评票码-${year}-第${batch}批.pdf`, contentBase64: pdf.toString('base64') } }
    },
  }),

  'democratic.importTallies': prepared({
    prepare: ({ session, state, now }, { file }) => readTallies(session.store, file, now, state.onProgress),
    run: ({ session, now, note }, { year, file, dryRun }, read) => {
      note(`democratic:${year}`, { fileName: textDigest(file.fileName), rows: read.parse.totalRows, sha256: read.sha256, dryRun })
      const report = importTallies(session.store, year, file.fileName, read, { dryRun, actorId: session.user.id, now })
      note(`democratic:${year}`, { fileName: textDigest(file.fileName), rows: report.rows, cells: report.cells, sha256: read.sha256, dryRun, written: report.written })
      return report
    },
  }),

  'democratic.aggregate': ({ session }, { year }) => democraticAggregate(session.store, year),

  'democratic.kioskStart': ({ session, now, note }, { year }) => {
    requireOpenRound(session.store, year)
    const startedAt = now.toISOString()
    session.kiosk = { userId: session.user.id, startedAt, departmentId: null, ballotYear: year }
    note(`democratic:${year}`)
    return { year, startedAt }
  },

  'democratic.ballotBegin': ({ session }, { code }) => beginBallot(session.store, ballotCodeKey(session.dbKey), ballotYearOf(session), code),

  'democratic.ballotSubmit': ({ session, note }, { code, cells }) => {
    const year = ballotYearOf(session)
    const { category } = castBallot(session.store, ballotCodeKey(session.dbKey), year, code, cells)
    // One ballot of this category: no code, no hash, no ballot id, no content.
    note(null, { ballots: 1, category })
    return null
  },
}
