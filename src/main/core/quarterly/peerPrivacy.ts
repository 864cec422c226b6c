import type { QuarterlyStatusRow } from '@shared/quarterly'

/**
 * 互评 stays anonymous (RULES.md §9: nobody sees others' ratings individually): a peer mean is
 * shown only once at least the policy's minimum number of peers (quarterly.minPeerRaters) have
 * rated; below it, one or two ratings could be read straight back from the mean. The person's own
 * view also loses the score, which with the supervisor's performance rating beside it would give
 * the peer mean back (score = (100 − p)% × performance + p% × mean). The grade stays: its band
 * says far less.
 */
export function withholdFewPeers<R extends QuarterlyStatusRow>(row: R, minPeerRaters: number, viewerPersonId: number | null): R {
  if (row.peersRated === 0 || row.peersRated >= minPeerRaters) return row
  return {
    ...row,
    peerMean: null,
    scoreBasis: row.scoreBasis && { ...row.scoreBasis, peerMean: null },
    score: viewerPersonId === row.personId ? null : row.score,
    flags: [...row.flags, 'PEER_MEAN_HIDDEN'],
  }
}
