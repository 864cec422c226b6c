import { beforeAll, describe, expect, test } from 'vitest'
import { randomBytes } from 'node:crypto'
import { PACKAGE_CHECKS, type PackageCheck } from '../../../../src/shared/bundles'
import { errorTextBoth } from '../../../../src/shared/errors'
import { decryptWith, encryptTo } from '../../../../src/main/core/bundles/format/age'
import { rejection } from '../../../../src/main/core/bundles/format/checks'
import { signDetached } from '../../../../src/main/core/bundles/format/ed25519'
import { canonicalJson, type Manifest } from '../../../../src/main/core/bundles/format/manifest'
import { openPackage, type OpenContext, type OpenOutcome } from '../../../../src/main/core/bundles/format/open'
import { sealPackage } from '../../../../src/main/core/bundles/format/seal'
import { readZip, writeZip } from '../../../../src/main/core/bundles/format/zip'
import { contextFor, sealInput, TEST_LIMITS, testOffice, world, type TestOffice, type World } from '../../../support/packageFuzz'
import { zip } from '../../../support/zip'

const te = new TextEncoder()
let w: World
let up: Awaited<ReturnType<typeof sealPackage>> // a valid results package, unit → superior

beforeAll(async () => {
  w = world()
  up = await sealPackage(sealInput(w.unit, w.superior))
})

function failsAt(out: OpenOutcome, check: PackageCheck, text?: string): void {
  if (out.ok) throw new Error(`expected failure at '${check}', but the package was accepted`)
  expect(out.failed.check).toBe(check)
  // Every check before the failed one passed, in PACKAGE_CHECKS order; the last one is the failure.
  expect(out.checks.map((c) => c.check)).toEqual(PACKAGE_CHECKS.slice(0, PACKAGE_CHECKS.indexOf(check) + 1))
  expect(out.checks.slice(0, -1).every((c) => c.ok)).toBe(true)
  expect(out.checks.at(-1)).toMatchObject({ ok: false, check })
  if (text) expect(`${out.failed.zh} / ${out.failed.en}`).toContain(text)
}

const superiorCtx = (state?: Parameters<typeof contextFor>[2]): OpenContext => contextFor(w, w.superior, state)

/** The inner files of a package, as the recipient (or an attacker who is the recipient) sees them. */
async function inner(bytes: Uint8Array, to: TestOffice): Promise<Map<string, Uint8Array>> {
  return readZip(await decryptWith([to.age.identity], bytes), TEST_LIMITS)
}

/** Anyone can encrypt to a recipient: re-zip whatever files and re-encrypt them to `to`. */
async function reseal(files: Map<string, Uint8Array>, to: TestOffice): Promise<Uint8Array> {
  return encryptTo(to.age.recipient, writeZip(files))
}

/** A package with a hand-made manifest (any fields), signed by `signer`'s real key. */
async function signedRaw(manifest: Record<string, unknown>, files: Map<string, Uint8Array>, signer: TestOffice, to: TestOffice): Promise<Uint8Array> {
  const mBytes = te.encode(canonicalJson(manifest))
  const all = new Map(files)
  all.set('manifest.json', mBytes)
  all.set('manifest.sig', te.encode(JSON.stringify({ alg: 'ed25519', keyId: signer.signing.keyId, signature: signDetached(signer.signing.secret, mBytes) })))
  return reseal(all, to)
}

async function manifestOf(bytes: Uint8Array, to: TestOffice): Promise<Manifest> {
  return JSON.parse(new TextDecoder().decode((await inner(bytes, to)).get('manifest.json'))) as Manifest
}

describe('seal → open', () => {
  test('a valid package passes every check up to entries, in order, and gives back its files', async () => {
    const out = await openPackage(up.bytes, superiorCtx())
    if (!out.ok) throw new Error(out.failed.en)
    expect(out.checks.map((c) => c.check)).toEqual(PACKAGE_CHECKS.slice(0, PACKAGE_CHECKS.indexOf('entries') + 1))
    expect(out.checks.every((c) => c.ok && c.zh.length > 0 && c.en.length > 0)).toBe(true)
    expect(out.opened.manifestSha256).toBe(up.manifestSha256)
    expect(out.opened.alreadyImported).toBe(false)
    expect([...out.opened.files.keys()]).toEqual(['data/results.json'])
    expect(out.opened.manifest).toEqual(up.manifest)
  })

  test('downward kinds from the superior and receipts either way are accepted', async () => {
    for (const kind of ['policy', 'guideline', 'quota', 'calendar', 'receipt'] as const) {
      const p = await sealPackage(sealInput(w.superior, w.unit, { kind }))
      expect((await openPackage(p.bytes, contextFor(w, w.unit))).ok).toBe(true)
    }
    const r = await sealPackage(sealInput(w.unit, w.superior, { kind: 'receipt' }))
    expect((await openPackage(r.bytes, superiorCtx())).ok).toBe(true)
  })

  test('the refusal error names the check in both languages', async () => {
    const out = await openPackage(new Uint8Array(0), superiorCtx())
    if (out.ok) throw new Error('accepted')
    const e = rejection(out.failed, out.checks)
    expect(e.code).toBe('PACKAGE_REJECTED')
    expect(errorTextBoth(e.toApiError())).toBe('上报/下发包未通过“文件大小”检查：文件为空 / The package failed the size check: the file is empty')
  })
})

describe('attacks (issue 11 item 6, format level)', () => {
  test('empty file and over the size cap → size', async () => {
    failsAt(await openPackage(new Uint8Array(0), superiorCtx()), 'size', 'empty')
    const ctx = { ...superiorCtx(), limits: { ...TEST_LIMITS, maxFileBytes: up.bytes.length - 1 } }
    failsAt(await openPackage(up.bytes, ctx), 'size', 'over the limit')
  })

  test('a flipped byte in the age header, in the payload, bytes appended → decrypt', async () => {
    const header = Buffer.from(up.bytes)
    header[40]! ^= 0x01
    failsAt(await openPackage(header, superiorCtx()), 'decrypt')
    const payload = Buffer.from(up.bytes)
    payload[payload.length - 20]! ^= 0x80
    failsAt(await openPackage(payload, superiorCtx()), 'decrypt')
    failsAt(await openPackage(Buffer.concat([up.bytes, Buffer.from([0])]), superiorCtx()), 'decrypt')
    failsAt(await openPackage(Buffer.concat([up.bytes, randomBytes(17)]), superiorCtx()), 'decrypt')
  })

  test('truncation at a 64 KiB chunk boundary and inside a chunk → decrypt', async () => {
    const big = new Map([['data/results.json', te.encode(JSON.stringify({ blob: randomBytes(150 * 1024).toString('base64') }))]])
    const p = await sealPackage(sealInput(w.unit, w.superior, {}, big))
    expect(p.bytes.length).toBeGreaterThan(2 * 64 * 1024)
    expect((await openPackage(p.bytes, superiorCtx())).ok).toBe(true)
    const body = Buffer.from(p.bytes).indexOf('\n', Buffer.from(p.bytes).indexOf('\n---')+1) + 1 // after the header's MAC line
    const firstChunk = body + 16 // the 16-byte stream nonce
    for (const cut of [firstChunk + 65536 + 16, firstChunk + 2 * (65536 + 16), firstChunk + 1000, firstChunk + 65536 + 16 + 5000, p.bytes.length - 1]) {
      failsAt(await openPackage(p.bytes.subarray(0, cut), superiorCtx()), 'decrypt')
    }
  })

  test('a package for another recipient → decrypt; addressed to another office but encrypted to us → recipient', async () => {
    const other = testOffice('superior', 'S2')
    const p = await sealPackage(sealInput(w.unit, other))
    failsAt(await openPackage(p.bytes, superiorCtx()), 'decrypt', 'not encrypted to')
    const redirected = await sealPackage({ ...sealInput(w.unit, other), recipient: w.superior.age.recipient })
    failsAt(await openPackage(redirected.bytes, superiorCtx()), 'recipient', other.ref.code)
    const oldKey = await sealPackage(sealInput(w.unit, w.superior, { recipient: { ...w.superior.ref, keyId: 'f'.repeat(16) } }))
    failsAt(await openPackage(oldKey.bytes, superiorCtx()), 'recipient', 'f'.repeat(16))
  })

  test('a flipped byte in the signature → signature', async () => {
    const files = await inner(up.bytes, w.superior)
    const sig = JSON.parse(new TextDecoder().decode(files.get('manifest.sig'))) as { signature: string }
    const raw = Buffer.from(sig.signature, 'base64')
    raw[10]! ^= 0x04
    files.set('manifest.sig', te.encode(JSON.stringify({ ...sig, signature: raw.toString('base64') })))
    failsAt(await openPackage(await reseal(files, w.superior), superiorCtx()), 'signature', 'does not verify')
  })

  test('a changed manifest, re-zipped and re-encrypted by the attacker, keeps the old signature → signature', async () => {
    const files = await inner(up.bytes, w.superior)
    const m = await manifestOf(up.bytes, w.superior)
    files.set('manifest.json', te.encode(canonicalJson({ ...m, period: '2025' })))
    failsAt(await openPackage(await reseal(files, w.superior), superiorCtx()), 'signature', 'does not verify')
    files.delete('manifest.sig')
    failsAt(await openPackage(await reseal(files, w.superior), superiorCtx()), 'signature', 'manifest.sig')
  })

  test('a changed data file (manifest and signature intact) → entries', async () => {
    const files = await inner(up.bytes, w.superior)
    files.set('data/results.json', te.encode(JSON.stringify({ year: 2026, people: [1, 2, 4] })))
    failsAt(await openPackage(await reseal(files, w.superior), superiorCtx()), 'entries', '清单中 data/results.json 的 SHA-256 与内容不符')
    const extra = await inner(up.bytes, w.superior)
    extra.set('data/extra.json', te.encode('{}'))
    failsAt(await openPackage(await reseal(extra, w.superior), superiorCtx()), 'entries', 'not in the manifest')
    const stray = await inner(up.bytes, w.superior)
    stray.set('readme.txt', te.encode('hi'))
    failsAt(await openPackage(await reseal(stray, w.superior), superiorCtx()), 'entries', 'readme.txt')
    const missing = await inner(up.bytes, w.superior)
    missing.delete('data/results.json')
    failsAt(await openPackage(await reseal(missing, w.superior), superiorCtx()), 'entries', 'not in the package')
  })

  test('unknown key, revoked key → signature; a rotated key is still accepted', async () => {
    const stranger = testOffice('unit', 'X9')
    const p = await sealPackage(sealInput(stranger, w.superior))
    failsAt(await openPackage(p.bytes, superiorCtx()), 'signature', stranger.signing.keyId)
    const peer = w.peers.get(w.unit.signing.keyId)!
    try {
      w.peers.set(w.unit.signing.keyId, { ...peer, status: 'revoked' })
      failsAt(await openPackage(up.bytes, superiorCtx()), 'signature', 'revoked')
      w.peers.set(w.unit.signing.keyId, { ...peer, status: 'rotated' })
      expect((await openPackage(up.bytes, superiorCtx())).ok).toBe(true)
    } finally {
      w.peers.set(w.unit.signing.keyId, peer)
    }
  })

  test('a registered unit signing a manifest that claims another office → sender', async () => {
    const u2 = testOffice('unit', 'U2')
    w.peers.set(u2.signing.keyId, { officeUid: u2.ref.uid, officeKind: 'unit', signingPublic: u2.signing.publicKey, status: 'active' })
    try {
      const forged = await sealPackage({ ...sealInput(w.unit, w.superior, { sender: { ...w.unit.ref, keyId: u2.signing.keyId } }), signing: u2.signing })
      failsAt(await openPackage(forged.bytes, superiorCtx()), 'sender', w.unit.ref.code)
      const mismatched = await sealPackage({ ...sealInput(w.unit, w.superior), signing: u2.signing })
      failsAt(await openPackage(mismatched.bytes, superiorCtx()), 'sender', u2.signing.keyId)
    } finally {
      w.peers.delete(u2.signing.keyId)
    }
  })

  test('wrong direction: results sent by a superior, policy sent by a unit, a lying sender kind → direction', async () => {
    const results = await sealPackage(sealInput(w.superior, w.unit, { kind: 'results' }))
    failsAt(await openPackage(results.bytes, contextFor(w, w.unit)), 'direction', "'results'")
    const policy = await sealPackage(sealInput(w.unit, w.superior, { kind: 'policy' }))
    failsAt(await openPackage(policy.bytes, superiorCtx()), 'direction', "'policy'")
    const lying = await sealPackage(sealInput(w.unit, w.superior, { sender: { ...w.unit.ref, kind: 'superior', keyId: w.unit.signing.keyId } }))
    failsAt(await openPackage(lying.bytes, superiorCtx()), 'direction', 'registered as a unit')
  })

  test('same package id with different content → replay; same content → alreadyImported', async () => {
    const known = new Map([[up.manifest.packageId, 'b'.repeat(64)]])
    failsAt(await openPackage(up.bytes, superiorCtx({ known })), 'replay', up.manifest.packageId)
    const again = await openPackage(up.bytes, superiorCtx({ known: new Map([[up.manifest.packageId, up.manifestSha256]]), lastSequence: 7 }))
    if (!again.ok) throw new Error(again.failed.en)
    expect(again.opened.alreadyImported).toBe(true)
  })

  test('sequence backwards or repeated → sequence; a fork (previousSha256 wrong) → sequence; a gap passes, named', async () => {
    const p3 = await sealPackage(sealInput(w.unit, w.superior, { sequence: 3, previousSha256: 'c'.repeat(64) }))
    failsAt(await openPackage(p3.bytes, superiorCtx({ lastSequence: 5, lastManifestSha256: 'c'.repeat(64) })), 'sequence', 'not above 5')
    failsAt(await openPackage(p3.bytes, superiorCtx({ lastSequence: 3, lastManifestSha256: 'c'.repeat(64) })), 'sequence', 'not above 3')
    failsAt(await openPackage(p3.bytes, superiorCtx({ lastSequence: 2, lastManifestSha256: 'd'.repeat(64) })), 'sequence', 'fork')
    expect((await openPackage(p3.bytes, superiorCtx({ lastSequence: 2, lastManifestSha256: 'c'.repeat(64) }))).ok).toBe(true)
    const p1 = await sealPackage(sealInput(w.unit, w.superior, { previousSha256: 'c'.repeat(64) }))
    failsAt(await openPackage(p1.bytes, superiorCtx()), 'sequence', 'fork') // the first on a channel names none
    const first = await openPackage(up.bytes, superiorCtx({ lastSequence: 0 }))
    expect(first.ok).toBe(true)
    const p9 = await sealPackage(sealInput(w.unit, w.superior, { sequence: 9, previousSha256: 'e'.repeat(64) }))
    const gap = await openPackage(p9.bytes, superiorCtx({ lastSequence: 5, lastManifestSha256: 'c'.repeat(64) }))
    if (!gap.ok) throw new Error(gap.failed.en)
    expect(gap.checks.find((c) => c.check === 'sequence')!.en).toContain('3 earlier package(s) (6–8)')
  })

  test('unknown format version, a non-empty critical, an unknown extra field, non-canonical JSON → manifest', async () => {
    const m = await manifestOf(up.bytes, w.superior)
    const data = new Map([...(await inner(up.bytes, w.superior))].filter(([k]) => k.startsWith('data/')))
    failsAt(await openPackage(await signedRaw({ ...m, format: 'kaohe-package/2' }, data, w.unit, w.superior), superiorCtx()), 'manifest', 'kaohe-package/2')
    failsAt(await openPackage(await signedRaw({ ...m, critical: ['x-delta'] }, data, w.unit, w.superior), superiorCtx()), 'manifest', 'x-delta')
    failsAt(await openPackage(await signedRaw({ ...m, note: 'hi' }, data, w.unit, w.superior), superiorCtx()), 'manifest', 'note')
    failsAt(await openPackage(await signedRaw({ ...m, sequence: 0 }, data, w.unit, w.superior), superiorCtx()), 'manifest', 'sequence')
    const files = await inner(up.bytes, w.superior)
    files.set('manifest.json', te.encode(JSON.stringify(m, null, 1)))
    failsAt(await openPackage(await reseal(files, w.superior), superiorCtx()), 'manifest', 'canonical')
    files.delete('manifest.json')
    failsAt(await openPackage(await reseal(files, w.superior), superiorCtx()), 'manifest', 'no manifest.json')
  })

  test('hostile zips inside a correctly encrypted file → zip', async () => {
    const many = zip(Array.from({ length: TEST_LIMITS.maxZipEntries + 1 }, (_, i) => ({ name: `data/${i}.json`, data: Buffer.from('{}') })))
    failsAt(await openPackage(await encryptTo(w.superior.age.recipient, many), superiorCtx()), 'zip', 'over the limit')
    for (const name of ['../x', '/abs', 'a\\b', 'a\0b']) {
      const bad = zip([{ name, data: Buffer.from('{}') }])
      failsAt(await openPackage(await encryptTo(w.superior.age.recipient, bad), superiorCtx()), 'zip', JSON.stringify(name))
    }
    const dup = zip([{ name: 'manifest.json', data: Buffer.from('{}') }, { name: 'MANIFEST.json', data: Buffer.from('{}') }])
    failsAt(await openPackage(await encryptTo(w.superior.age.recipient, dup), superiorCtx()), 'zip', 'differ only in case')
    failsAt(await openPackage(await encryptTo(w.superior.age.recipient, te.encode('not a zip at all')), superiorCtx()), 'zip')
  })

  test('an unexpected exception inside a check fails that check instead of throwing', async () => {
    const ctx: OpenContext = { ...superiorCtx(), peerKey: () => { throw new Error('db gone') } }
    failsAt(await openPackage(up.bytes, ctx), 'signature', 'db gone')
  })
})

describe('sealPackage', () => {
  test('refuses to seal a manifest its own reader would refuse', async () => {
    await expect(sealPackage(sealInput(w.unit, w.superior, { period: '26' }))).rejects.toThrow(/period/)
  })
})
