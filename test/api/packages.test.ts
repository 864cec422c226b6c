import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import type { Store } from '../../src/main/db/store'
import { newAgeIdentity, recipientOf } from '../../src/main/core/bundles/format/age'
import { keyIdOf, newSigningKey } from '../../src/main/core/bundles/format/ed25519'
import { openPackage } from '../../src/main/core/bundles/format/open'
import { exportDownward, exportResultsPackage, importPackage, listPackages, verifyPackage } from '../../src/main/core/bundles/exchange'
import { ownOfficeRef as selfRef, type OfficeSecret } from '../../src/main/core/bundles/officeKeys'
import { consolidated, receivedPayload } from '../../src/main/core/bundles/superior'
import { filingReportPdf, filingRosterWorkbook } from '../../src/main/core/bundles/filing'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'
import type { ImportResult } from '@shared/bundles'

/**
 * Packages end to end at the core (issue 11): a real demo unit with final 2025 results seals them
 * for a real superior (a second demo database turned into the higher-level office, the two
 * registered with each other by rows, as H2's key cards would write them); the superior verifies,
 * dry-runs, imports once (receipt) and again (nothing changes); the unit imports the receipt.
 */
const PASSWORD = 'Kaohe@2026'
const NOW = new Date('2026-12-02T09:00:00')
let unitC: TestClient
let supC: TestClient
const dirs: string[] = []
let unit: Store
let sup: Store
let unitSecret: OfficeSecret
let supSecret: OfficeSecret

function keysFor(store: Store): OfficeSecret & { signingPublic: string; recipient: string } {
  const s = newSigningKey()
  const a = newAgeIdentity()
  const keyId = keyIdOf(s.publicKey)
  store.run(store.qb.insertInto('office_keys').values({ key_id: keyId, signing_public: s.publicKey, encryption_recipient: a.recipient, card: '{}', created_at: NOW.toISOString(), retired_at: null, revoked_at: null, reason: null }))
  return { keyId, signingSecret: s.secret, identity: a.identity, status: 'current', signingPublic: s.publicKey, recipient: recipientOf(a.identity) }
}

function register(at: Store, other: Store, k: { keyId: string; signingPublic: string; recipient: string }): void {
  const o = selfRef(other)
  at.run(at.qb.insertInto('offices').values({ uid: o.uid, code: o.code, name: o.name, kind: o.kind, registered_at: NOW.toISOString(), registered_by: null }))
  at.run(at.qb.insertInto('office_peer_keys').values({ key_id: k.keyId, office_uid: o.uid, signing_public: k.signingPublic, encryption_recipient: k.recipient, fingerprint: 'x', card: '{}', status: 'active', imported_at: NOW.toISOString(), imported_by: null, status_at: null, reason: null }))
}

async function demo(prefix: string): Promise<TestClient> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  const c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => NOW }), dir)
  await c.login('hr', PASSWORD)
  return c
}

beforeAll(async () => {
  unitC = await demo('kaohe-pkg-unit-')
  supC = await demo('kaohe-pkg-sup-')
  unit = unitC.app.state.session!.store
  sup = supC.app.state.session!.store
  sup.run(sup.qb.updateTable('unit').set({ kind: 'superior', code: 'SUP01', name: '上级机关（测试）' }))
  const ku = keysFor(unit)
  const ks = keysFor(sup)
  unitSecret = ku
  supSecret = ks
  register(unit, sup, ks)
  register(sup, unit, ku)
}, 240_000)
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const tables = ['packages', 'package_files', 'superior_unit_years', 'superior_results', 'policies', 'guideline_templates', 'annual_approvals', 'calendar_years'] as const
function snapshot(store: Store): string {
  return createHash('sha256').update(JSON.stringify(tables.map((t) => store.all(store.qb.selectFrom(t).selectAll())))).digest('hex')
}

describe('results package, unit → superior', () => {
  let file: Uint8Array
  it('exports the final 2025 results and refuses the open 2026 round, naming the stage', { timeout: 60_000 }, async () => {
    const e = await exportResultsPackage(unit, [unitSecret], 2025, null, NOW)
    expect(e.sequence).toBe(1)
    expect(e.kind).toBe('results')
    file = new Uint8Array(Buffer.from(e.contentBase64, 'base64'))
    await expect(exportResultsPackage(unit, [unitSecret], 2026, null, NOW)).rejects.toMatchObject({ code: 'PACKAGE_RESULTS_NOT_FINAL' })
    expect(listPackages(unit, { unacknowledged: true }).map((p) => p.packageId)).toEqual([e.packageId])
  })

  it('carries no ledger text, change reason or appeal text (every byte of every entry scanned)', { timeout: 60_000 }, async () => {
    const o = await openPackage(file, {
      limits: FAST_POLICY.imports,
      self: { uid: selfRef(sup).uid, kind: 'superior', keyIds: [supSecret.keyId] },
      identities: [supSecret.identity],
      peerKey: () => ({ officeUid: selfRef(unit).uid, officeKind: 'unit', signingPublic: (unitSecret as unknown as { signingPublic: string }).signingPublic, status: 'active' }),
      channel: () => ({ lastSequence: 0, lastManifestSha256: null }),
      known: () => null,
    })
    expect(o.ok).toBe(true)
    if (!o.ok) return
    const all = [...o.opened.files.values()].map((b) => Buffer.from(b).toString('utf8')).join('\n')
    const secrets = [
      ...unit.all(unit.qb.selectFrom('ledger_entries').select('text').where('voided_at', 'is', null).limit(200)).map((r) => r.text),
      ...unit.all(unit.qb.selectFrom('appeals').select('text')).map((r) => r.text),
      ...unit.all(unit.qb.selectFrom('annual_grades').select('reason').where('reason', 'is not', null)).map((r) => r.reason!),
    ].filter((t) => t.length >= 6)
    expect(secrets.length).toBeGreaterThan(10)
    for (const t of secrets) expect(all.includes(t), t).toBe(false)
    expect(all).toContain('"staffNo"')
  })

  it('verifies, dry-runs without writing, imports once with a receipt, and again changes nothing', { timeout: 60_000 }, async () => {
    const v = await verifyPackage(sup, [supSecret], file)
    expect(v.failed).toBeNull()
    expect(v.checks.map((c) => c.check).at(-1)).toBe('content')
    const before = snapshot(sup)
    const preview = await importPackage(sup, [supSecret], file, { actorId: null, now: NOW, dryRun: true })
    expect('changes' in preview && preview.changes.length).toBe(1)
    expect(snapshot(sup)).toBe(before)
    const r = (await importPackage(sup, [supSecret], file, { actorId: null, now: NOW })) as ImportResult
    expect(r.alreadyImported).toBe(false)
    expect(r.receipt).not.toBeNull()
    const p = receivedPayload(sup, selfRef(unit).uid, 2025)!
    expect(p.N).toBeGreaterThan(40)
    const view = consolidated(sup, 2025)
    expect(view.units).toHaveLength(1)
    expect(view.units[0]!.overQuota).toBe(false)
    expect(view.rows).toHaveLength(p.N)
    const after = snapshot(sup)
    const again = (await importPackage(sup, [supSecret], file, { actorId: null, now: new Date('2026-12-03T09:00:00') })) as ImportResult
    expect(again.alreadyImported).toBe(true)
    expect(again.receipt?.contentBase64).toBe(r.receipt!.contentBase64)
    expect(snapshot(sup)).toBe(after)

    // The receipt goes back: the unit's out package is acknowledged.
    const receipt = new Uint8Array(Buffer.from(r.receipt!.contentBase64, 'base64'))
    const rr = (await importPackage(unit, [unitSecret], receipt, { actorId: null, now: NOW })) as ImportResult
    expect(rr.kind).toBe('receipt')
    expect(listPackages(unit, { unacknowledged: true })).toHaveLength(0)

    // The same documents at both ends.
    const pdf = await filingReportPdf(p)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const xlsx = await filingRosterWorkbook(p, NOW)
    expect(xlsx.subarray(0, 2).toString()).toBe('PK')
  })

  it('refuses a flipped byte and a package for the other office, writing nothing', { timeout: 60_000 }, async () => {
    const e = await exportResultsPackage(unit, [unitSecret], 2024, null, NOW)
    const good = new Uint8Array(Buffer.from(e.contentBase64, 'base64'))
    const flipped = good.slice()
    flipped[flipped.length - 40]! ^= 0x01
    const before = snapshot(sup)
    await expect(importPackage(sup, [supSecret], flipped, { actorId: null, now: NOW })).rejects.toMatchObject({ code: 'PACKAGE_REJECTED', params: { check: 'decrypt' } })
    // At the unit itself (its own results): not addressed to it, so it cannot even decrypt it.
    const unitBefore = snapshot(unit)
    await expect(importPackage(unit, [unitSecret], good, { actorId: null, now: NOW })).rejects.toMatchObject({ code: 'PACKAGE_REJECTED' })
    expect(snapshot(unit)).toBe(unitBefore)
    expect(snapshot(sup)).toBe(before)
    const r = (await importPackage(sup, [supSecret], good, { actorId: null, now: NOW })) as ImportResult
    expect(r.alreadyImported).toBe(false)
    expect(consolidated(sup, 2024).units).toHaveLength(1)
  })

  it('a quota approval comes down and is recorded; one for a final year is refused with the stage named', { timeout: 60_000 }, async () => {
    const unitUid = selfRef(unit).uid
    const e = await exportDownward(sup, [supSecret], { officeUid: unitUid, kind: 'quota', year: 2026, quota: { document: '上级批复〔2026〕7号', count: 12 } }, null, NOW)
    const r = (await importPackage(unit, [unitSecret], new Uint8Array(Buffer.from(e.contentBase64, 'base64')), { actorId: 1, now: NOW })) as ImportResult
    expect(r.kind).toBe('quota')
    expect(unit.first(unit.qb.selectFrom('annual_approvals').selectAll().where('year', '=', 2026))).toMatchObject({ document: '上级批复〔2026〕7号', approved_count: 12 })
    const late = await exportDownward(sup, [supSecret], { officeUid: unitUid, kind: 'quota', year: 2025, quota: { document: '迟到的批复', rate: 30 } }, null, NOW)
    const before = snapshot(unit)
    const err = await importPackage(unit, [unitSecret], new Uint8Array(Buffer.from(late.contentBase64, 'base64')), { actorId: 1, now: NOW }).catch((x: unknown) => x)
    expect(err).toMatchObject({ code: 'PACKAGE_REJECTED', params: { check: 'content' } })
    expect(String((err as { params: { reason: string } }).params.reason)).toContain('已确定')
    expect(snapshot(unit)).toBe(before)
    // The superior cannot send results down, and a unit cannot send quota up.
    await expect(exportResultsPackage(sup, [supSecret], 2025, null, NOW)).rejects.toMatchObject({ code: 'PACKAGE_WRONG_OFFICE' })
    await expect(exportDownward(unit, [unitSecret], { officeUid: selfRef(sup).uid, kind: 'quota', year: 2026, quota: { document: 'x', count: 1 } }, null, NOW)).rejects.toMatchObject({ code: 'PACKAGE_WRONG_OFFICE' })
  })
})
