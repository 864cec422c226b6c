import type { AuditProblem } from '@shared/api/types'
import type { Store } from '../../db/store'
import type { KeyFile, StoredAuditBreak } from '../keys/keyFile'
import { AuditLog, sealState, shortHash, stateMacValid } from './chain'

/**
 * The check at every open (sign-in, recovery, each `kaohe` command), before anything is written:
 * the head anchored in the key file must still be in the database with the same keyed hash.
 *
 * What happens when it is not (a cut tail, a rehashed or renumbered chain, an anchor changed or
 * removed outside the app): the open still succeeds — the audit administrator must be able to sign
 * in and investigate — but
 * 1. an `audit.anchorMismatch` entry is appended first, naming the problem, the anchored
 *    seq/hash and the head found (ids and short hashes only);
 * 2. the problem is recorded in the key file's MACed audit state (`breaks`), and stays there: every
 *    later `audit verify` reports it (`truncated` at the place the chain was cut, from the stored
 *    anchor), however the chain goes on. The anchor then follows the new head, so the breaks are
 *    the one record of what was found; nothing re-anchors silently over a mismatch.
 *
 * A unit made by the previous version (key file format 1: keyless chain, plain anchor) is checked
 * against its plain anchor and fully verified once, then keyed from its next entry on; an
 * `audit.chainKeyed` entry records where. Entries before stay verifiable as the keyless chain they
 * are; the first keyed entry fixes their head hash, so they cannot be rewritten afterwards either.
 */
export interface AuditOpenFinding {
  problem: AuditProblem
  anchorSeq: number | null
  anchorHash: string | null
  headSeq: number
  headHash: string | null
}

/** Call inside the opener's first transaction, before its own entries. Returns what was found. */
export function checkAuditAtOpen(store: Store, keyFile: KeyFile, audit: AuditLog, now: Date): AuditOpenFinding | null {
  const key = audit.macKey
  const head = audit.head()
  const state = keyFile.auditState
  const found = (problem: AuditProblem, anchor: { seq: number; hash: string } | null): AuditOpenFinding => ({
    problem,
    anchorSeq: anchor?.seq ?? null,
    anchorHash: anchor?.hash ?? null,
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? null,
  })
  let finding: AuditOpenFinding | null = null
  let upgradeFrom: number | null = null

  if (state) {
    if (!stateMacValid(key, state)) finding = found('anchorInvalid', state.anchor ?? null)
    else if (state.anchor) {
      const row = audit.row(state.anchor.seq)
      if (!row) finding = found('truncated', state.anchor)
      else if (row.hash !== state.anchor.hash || !audit.hashOk(row, state.keyedFrom)) finding = found('edited', state.anchor)
    }
    if (!finding && head) {
      const last = audit.row(head.seq)
      if (last && !audit.hashOk(last, stateMacValid(key, state) ? state.keyedFrom : 1)) finding = found('edited', state.anchor ?? null)
    }
  } else {
    const legacy = keyFile.legacyAuditAnchor
    const keyedFrom = audit.legacyKeyedFrom()
    const upgradedBefore = store.raw.prepare(`SELECT 1 FROM audit_log WHERE action = 'audit.chainKeyed' LIMIT 1`).get()
    if (head && (keyedFrom === 1 || upgradedBefore)) {
      // A chain keyed by this version whose key-file state is gone: removed outside the app.
      finding = found('anchorInvalid', legacy)
    } else {
      const report = audit.verify(null, { legacyAnchor: legacy })
      if (report.firstBad) finding = found(report.firstBad.problem, legacy)
    }
    upgradeFrom = keyedFrom
  }

  if (finding) {
    audit.append({
      actorId: null,
      actor: null,
      action: 'audit.anchorMismatch',
      target: 'audit',
      outcome: 'failed',
      at: now.toISOString(),
      detail: {
        problem: finding.problem,
        anchorSeq: finding.anchorSeq,
        anchorHash: finding.anchorHash ? shortHash(finding.anchorHash) : null,
        headSeq: finding.headSeq,
        headHash: finding.headHash ? shortHash(finding.headHash) : null,
      },
    })
  }
  if (upgradeFrom !== null) {
    const legacyHead = head
    audit.append({
      actorId: null,
      actor: null,
      action: 'audit.chainKeyed',
      target: 'audit',
      outcome: 'ok',
      at: now.toISOString(),
      detail: { keyedFrom: upgradeFrom, legacyEntries: upgradeFrom - 1, legacyHead: legacyHead ? shortHash(legacyHead.hash) : null },
    })
  }
  if (!finding && upgradeFrom === null) return null

  const record: StoredAuditBreak | null = finding ? { foundAt: now.toISOString(), ...finding } : null
  const keyedFrom = upgradeFrom
  keyFile.updateAudit((cur) => {
    const trusted = cur && stateMacValid(key, cur) ? cur : null
    if (!record && trusted) return trusted // upgraded by another process meanwhile
    return sealState(key, {
      keyedFrom: trusted?.keyedFrom ?? keyedFrom ?? audit.legacyKeyedFrom(),
      // The next anchoring (after this transaction) moves it to the head.
      anchor: record ? null : (trusted?.anchor ?? null),
      breaks: [...(trusted?.breaks ?? []), ...(record ? [record] : [])],
    })
  })
  return finding
}
