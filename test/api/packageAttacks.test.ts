import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import type { Store } from '../../src/main/db/store'
import { newAgeIdentity, recipientOf } from '../../src/main/core/bundles/format/age'
import { keyIdOf, newSigningKey } from '../../src/main/core/bundles/format/ed25519'
import { sealPackage, type SealInput } from '../../src/main/core/bundles/format/seal'
import { exportResultsPackage, importPackage } from '../../src/main/core/bundles/exchange'
import { buildResultsPayload } from '../../src/main/core/bundles/payloads'
import { ownOfficeRef as selfRef, type OfficeSecret } from '../../src/main/core/bundles/officeKeys'
import { FAST_POLICY, client } from '../support/tempUnit'
import type { PackageCheck } from '@shared/bundles'

/**
 * The attacks of issue 11 item 6 that need a database: each is refused with its check named, and
 * every table of the receiving database is unchanged (every row of every table hashed before and
 * after). A real unit and a real superior, registered with each other by rows.
 */
const NOW = new Date('2026-12-02T09:00:00')
const dirs: string[] = []
let unit: Store
let sup: Store
type Keys = OfficeSecret & { signingPublic: string; recipient: string }
let ku: Keys
let ks: Keys

function keysFor(store: Store): Keys {
  const s = newSigningKey()
  const a = newAgeIdentity()
  const keyId = keyIdOf(s.publicKey)
  store.run(store.qb.insertInto('office_keys').values({ key_id: keyId, signing_public: s.publicKey, encryption_recipient: a.recipient, card: '{}', created_at: NOW.toISOString(), retired_at: null, revoked_at: null, reason: null }))
  return { keyId, signingSecret: s.secret, identity: a.identity, status: 'current', signingPublic: s.publicKey, recipient: recipientOf(a.identity) }
}

function register(at: Store, other: Store, k: Keys): void {
  const o = selfRef(other)
  at.run(at.qb.insertInto('offices').values({ uid: o.uid, code: o.code, name: o.name, kind: o.kind, registered_at: NOW.toISOString(), registered_by: null }))
  at.run(at.qb.insertInto('office_peer_keys').values({ key_id: k.keyId, office_uid: o.uid, signing_public: k.signingPublic, encryption_recipient: k.recipient, fingerprint: 'x', card: '{}', status: 'active', imported_at: NOW.toISOString(), imported_by: null, status_at: null, reason: null }))
}

async function demoStore(prefix: string): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  const c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => NOW }), dir)
  await c.login('hr', 'Kaohe@2026')
  return c.app.state.session!.store
}

/** Every row of every table, hashed: the receiving database before and after an attack. */
function everything(store: Store): string {
  const names = store.all(store.qb.selectFrom('sqlite_schema' as never).select('name' as never).where('type' as never, '=', 'table' as never).orderBy('name' as never)) as { name: string }[]
  const h = createHash('sha256')
  for (const { name } of names) h.update(name).update(JSON.stringify(store.all(store.qb.selectFrom(name as never).selectAll())))
  return h.digest('hex')
}

let payload: Uint8Array
function base(over: Partial<SealInput['manifest']> = {}): SealInput['manifest'] {
  const u = selfRef(unit)
  const s = selfRef(sup)
  return {
    packageId: randomBytes(16).toString('hex'),
    kind: 'results',
    createdAt: NOW.toISOString(),
    sender: { ...u, keyId: ku.keyId },
    recipient: { ...s, keyId: ks.keyId },
    period: '2025',
    sequence: 100,
    previousSha256: null,
    auditHead: null,
    ...over,
  }
}
async function seal(manifest: SealInput['manifest'], opts: { files?: Map<string, Uint8Array>; signing?: { keyId: string; secret: Uint8Array }; recipient?: string } = {}) {
  return sealPackage({ manifest, files: opts.files ?? new Map([['data/results.json', payload]]), signing: opts.signing ?? { keyId: ku.keyId, secret: ku.signingSecret }, recipient: opts.recipient ?? ks.recipient })
}

async function refused(file: Uint8Array, check: PackageCheck): Promise<void> {
  const before = everything(sup)
  await expect(importPackage(sup, [ks], file, { actorId: null, now: NOW })).rejects.toMatchObject({ code: 'PACKAGE_REJECTED', params: { check } })
  await expect(importPackage(sup, [ks], file, { actorId: null, now: NOW, dryRun: true })).resolves.toMatchObject({ ok: false, failed: check })
  expect(everything(sup)).toBe(before)
}

let imported: { bytes: Uint8Array; packageId: string; sequence: number }
beforeAll(async () => {
  unit = await demoStore('kaohe-attack-unit-')
  sup = await demoStore('kaohe-attack-sup-')
  sup.run(sup.qb.updateTable('unit').set({ kind: 'superior', code: 'SUP01', name: '上级机关（测试）' }))
  ku = keysFor(unit)
  ks = keysFor(sup)
  register(unit, sup, ks)
  register(sup, unit, ku)
  payload = new TextEncoder().encode(JSON.stringify(buildResultsPayload(unit, 2025, selfRef(unit), '2026-12-02')))
  const e = await exportResultsPackage(unit, [ku], 2025, null, NOW)
  const bytes = new Uint8Array(Buffer.from(e.contentBase64, 'base64'))
  await importPackage(sup, [ks], bytes, { actorId: null, now: NOW })
  imported = { bytes, packageId: e.packageId, sequence: e.sequence }
}, 240_000)
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('attacks on an import, at the superior', { timeout: 60_000 }, () => {
  it('a flipped byte, a truncated file, appended bytes: decrypt', async () => {
    const e = await exportResultsPackage(unit, [ku], 2024, null, NOW)
    const good = new Uint8Array(Buffer.from(e.contentBase64, 'base64'))
    const flipped = good.slice()
    flipped[Math.floor(flipped.length / 2)]! ^= 0x40
    await refused(flipped, 'decrypt')
    await refused(good.slice(0, good.length - 17), 'decrypt')
    await refused(new Uint8Array([...good, 1, 2, 3]), 'decrypt')
  })

  it('sealed to another office’s key: decrypt; addressed to another office: recipient', async () => {
    await refused((await seal(base(), { recipient: newAgeIdentity().recipient })).bytes, 'decrypt')
    await refused((await seal(base({ recipient: { uid: randomBytes(16).toString('hex'), code: 'X', name: '别的机关', kind: 'superior', keyId: ks.keyId } }))).bytes, 'recipient')
  })

  it('an unknown signing key, and a revoked one: signature', async () => {
    const stranger = newSigningKey()
    const sk = keyIdOf(stranger.publicKey)
    await refused((await seal(base({ sender: { ...selfRef(unit), keyId: sk } }), { signing: { keyId: sk, secret: stranger.secret } })).bytes, 'signature')
    sup.run(sup.qb.updateTable('office_peer_keys').set({ status: 'revoked' }).where('key_id', '=', ku.keyId))
    try {
      await refused((await seal(base({ sequence: imported.sequence + 1 }))).bytes, 'signature')
    } finally {
      sup.run(sup.qb.updateTable('office_peer_keys').set({ status: 'active' }).where('key_id', '=', ku.keyId))
    }
  })

  it('a manifest claiming another office: sender', async () => {
    await refused((await seal(base({ sender: { uid: randomBytes(16).toString('hex'), code: 'FAKE', name: '冒名单位', kind: 'unit', keyId: ku.keyId } }))).bytes, 'sender')
  })

  it('a downward kind (policy) sent up by a unit: direction', async () => {
    await refused((await seal(base({ kind: 'policy', period: '2026' }), { files: new Map([['data/policy.json', new TextEncoder().encode('{}')]]) })).bytes, 'direction')
  })

  it('the same package id with other content: replay; an older sequence: sequence', async () => {
    await refused((await seal(base({ packageId: imported.packageId, sequence: imported.sequence }))).bytes, 'replay')
    await refused((await seal(base({ sequence: imported.sequence }))).bytes, 'sequence')
  })

  it('a payload that does not hold together: content', async () => {
    const p = JSON.parse(new TextDecoder().decode(payload)) as { counts: Record<string, number> }
    p.counts['优秀'] = (p.counts['优秀'] ?? 0) + 1
    const bad = new TextEncoder().encode(JSON.stringify(p))
    await refused((await seal(base({ sequence: imported.sequence + 5 }), { files: new Map([['data/results.json', bad]]) })).bytes, 'content')
    await refused((await seal(base({ sequence: imported.sequence + 5, period: '2024' }))).bytes, 'content')
  })

  it('the genuine package again changes nothing and returns the same receipt', async () => {
    const before = everything(sup)
    const r = await importPackage(sup, [ks], imported.bytes, { actorId: null, now: NOW })
    expect(r).toMatchObject({ alreadyImported: true })
    expect(everything(sup)).toBe(before)
  })
})
