import fc from 'fast-check'
import { randomBytes } from 'node:crypto'
import { encryptTo, newAgeIdentity } from '../../src/main/core/bundles/format/age'
import { keyIdOf, newSigningKey } from '../../src/main/core/bundles/format/ed25519'
import { sealPackage, type SealInput } from '../../src/main/core/bundles/format/seal'
import type { OpenContext, PeerKey } from '../../src/main/core/bundles/format/open'
import type { ZipLimits } from '../../src/main/core/bundles/format/zip'
import type { OfficeKind, OfficeRef, PackageKind } from '../../src/shared/bundles'

/**
 * Two offices with real keys — a unit and its superior — and the helpers the package-format
 * attack tests and the bench share: a valid package between them, and seeded random mutations.
 */
export interface TestOffice {
  ref: OfficeRef
  signing: { keyId: string; secret: Uint8Array; publicKey: string }
  age: { identity: string; recipient: string }
}

export function testOffice(kind: OfficeKind, code: string): TestOffice {
  const s = newSigningKey()
  return {
    ref: { uid: randomBytes(16).toString('hex'), code, name: kind === 'unit' ? `单位${code}` : `上级${code}`, kind },
    signing: { keyId: keyIdOf(s.publicKey), secret: s.secret, publicKey: s.publicKey },
    age: newAgeIdentity(),
  }
}

export const TEST_LIMITS: ZipLimits = {
  maxFileBytes: 8 * 1024 * 1024,
  maxZipEntries: 20,
  maxEntryUncompressedBytes: 4 * 1024 * 1024,
  maxTotalUncompressedBytes: 8 * 1024 * 1024,
  maxCompressionRatio: 100,
}

export interface World {
  unit: TestOffice
  superior: TestOffice
  peers: Map<string, PeerKey>
}

export function world(): World {
  const unit = testOffice('unit', 'U1')
  const superior = testOffice('superior', 'S1')
  const peers = new Map<string, PeerKey>()
  for (const o of [unit, superior]) peers.set(o.signing.keyId, { officeUid: o.ref.uid, officeKind: o.ref.kind, signingPublic: o.signing.publicKey, status: 'active' })
  return { unit, superior, peers }
}

/** What `receiver` knows when opening: every key in w.peers, and the channel/known state given. */
export function contextFor(
  w: World,
  receiver: TestOffice,
  state: { lastSequence?: number; lastManifestSha256?: string | null; known?: Map<string, string> } = {},
): OpenContext {
  return {
    limits: TEST_LIMITS,
    self: { uid: receiver.ref.uid, kind: receiver.ref.kind, keyIds: [receiver.signing.keyId] },
    identities: [receiver.age.identity],
    peerKey: (id) => w.peers.get(id) ?? null,
    channel: () => ({ lastSequence: state.lastSequence ?? 0, lastManifestSha256: state.lastManifestSha256 ?? null }),
    known: (id) => {
      const sha = state.known?.get(id)
      return sha ? { manifestSha256: sha } : null
    },
  }
}

export function sealInput(from: TestOffice, to: TestOffice, over: Partial<SealInput['manifest']> = {}, files?: Map<string, Uint8Array>): SealInput {
  const kind: PackageKind = from.ref.kind === 'unit' ? 'results' : 'policy'
  return {
    manifest: {
      packageId: randomBytes(16).toString('hex'),
      kind,
      createdAt: '2026-12-02T10:00:00.000Z',
      sender: { ...from.ref, keyId: from.signing.keyId },
      recipient: { ...to.ref, keyId: to.signing.keyId },
      period: '2026',
      sequence: 1,
      previousSha256: null,
      auditHead: 'a'.repeat(64),
      ...over,
    },
    files: files ?? new Map([[`data/${kind}.json`, new TextEncoder().encode(JSON.stringify({ year: 2026, people: [1, 2, 3] }))]]),
    signing: { keyId: from.signing.keyId, secret: from.signing.secret },
    recipient: to.age.recipient,
  }
}

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; len: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; from: number; len: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 40 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 0.9999, noNaN: true }) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), from: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 500 }) }),
) as fc.Arbitrary<Mutation>

function apply(base: Uint8Array, donor: Uint8Array, m: Mutation): Uint8Array {
  const pos = (x: number, len: number) => Math.min(len, Math.floor(x * len))
  const b = Buffer.from(base)
  switch (m.op) {
    case 'flip': {
      const out = Buffer.from(b)
      const i = Math.min(out.length - 1, pos(m.at, out.length))
      out[i]! ^= 1 << m.bit
      return out
    }
    case 'insert': {
      const i = pos(m.at, b.length)
      return Buffer.concat([b.subarray(0, i), Buffer.from(m.bytes), b.subarray(i)])
    }
    case 'delete': {
      const i = Math.min(b.length - 1, pos(m.at, b.length))
      return Buffer.concat([b.subarray(0, i), b.subarray(i + m.len)])
    }
    case 'truncate':
      return b.subarray(0, pos(m.at, b.length))
    case 'splice': {
      // Part of another valid package dropped in: a mix-and-match of two real files.
      const i = pos(m.at, b.length)
      const f = pos(m.from, donor.length)
      const piece = Buffer.from(donor).subarray(f, f + m.len)
      return Buffer.concat([b.subarray(0, i), piece, b.subarray(i + piece.length)])
    }
  }
}

export interface FuzzCase {
  label: string
  file: Uint8Array
}

/**
 * n seeded mutations of valid packages, unit → superior: half at the age layer (the file's bytes),
 * half at the zip layer (the inner zip mutated, then re-encrypted to the superior — anyone can
 * encrypt to a recipient, so these reach the zip, manifest and signature checks).
 * Mutations that happen to leave the bytes unchanged are dropped; the caller opens each with
 * contextFor(w, w.superior) and expects ok:false.
 */
export async function fuzzCases(w: World, n: number, seed: number): Promise<FuzzCase[]> {
  const a = await sealPackage(sealInput(w.unit, w.superior))
  // The donor is valid but not for the superior (it goes the other way), so no splice can make a
  // package the superior must accept.
  const b = await sealPackage(sealInput(w.superior, w.unit))
  const { Decrypter } = await import('age-encryption')
  const d = new Decrypter()
  d.addIdentity(w.superior.age.identity)
  const zipA = await d.decrypt(a.bytes)
  const du = new Decrypter()
  du.addIdentity(w.unit.age.identity)
  const zipB = await du.decrypt(b.bytes)
  const plan = fc.sample(fc.tuple(fc.boolean(), mutation), { numRuns: n, seed })
  const out: FuzzCase[] = []
  for (const [zipLayer, m] of plan) {
    if (zipLayer) {
      const mutated = apply(zipA, zipB, m)
      if (Buffer.compare(Buffer.from(mutated), Buffer.from(zipA)) === 0) continue
      out.push({ label: `zip ${JSON.stringify(m)}`, file: await encryptTo(w.superior.age.recipient, mutated) })
    } else {
      const mutated = apply(a.bytes, b.bytes, m)
      if (Buffer.compare(Buffer.from(mutated), Buffer.from(a.bytes)) === 0) continue
      out.push({ label: `age ${JSON.stringify(m)}`, file: mutated })
    }
  }
  return out
}
