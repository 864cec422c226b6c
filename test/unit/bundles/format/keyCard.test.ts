import { describe, expect, test } from 'vitest'
import { KaoheError } from '../../../../src/shared/errors'
import { fingerprintOf } from '../../../../src/main/core/backup/signingKey'
import { newAgeIdentity } from '../../../../src/main/core/bundles/format/age'
import { keyIdOf, newSigningKey, signDetached } from '../../../../src/main/core/bundles/format/ed25519'
import { cardFingerprint, cardSigningBytes, makeKeyCard, readKeyCard, sameFingerprint, type KeyCard } from '../../../../src/main/core/bundles/format/keyCard'

const office = { uid: 'f'.repeat(32), code: 'U1', name: '某某单位', kind: 'unit' as const }

function fields(signingPublicKey: string, previous: KeyCard['previous'] = null, revokes: string | null = null) {
  return { office, signingPublicKey, encryptionRecipient: newAgeIdentity().recipient, createdAt: '2026-12-02T10:00:00.000Z', previous, revokes }
}

function invalid(bytes: Uint8Array): string {
  try {
    readKeyCard(bytes)
  } catch (e) {
    expect(e).toBeInstanceOf(KaoheError)
    expect((e as KaoheError).code).toBe('KEYCARD_INVALID')
    return String((e as KaoheError).params.reasonEn)
  }
  throw new Error('the card was accepted')
}

const edit = (bytes: Uint8Array, f: (c: Record<string, unknown>) => void) => {
  const c = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  f(c)
  return new TextEncoder().encode(JSON.stringify(c))
}

describe('key cards', () => {
  test('a card reads back, self-signed; a rotation card carries both signatures', () => {
    const k1 = newSigningKey()
    const { card, bytes } = makeKeyCard(fields(k1.publicKey), k1.secret)
    expect(card.keyId).toBe(keyIdOf(k1.publicKey))
    expect(readKeyCard(bytes)).toEqual(card)
    const k2 = newSigningKey()
    const rot = makeKeyCard(fields(k2.publicKey, { keyId: card.keyId, signingPublicKey: k1.publicKey }, card.keyId), k2.secret, k1.secret)
    const back = readKeyCard(rot.bytes)
    expect(back.previous?.keyId).toBe(card.keyId)
    expect(back.revokes).toBe(card.keyId)
  })

  test('tampering, a wrong previous signature, unknown fields and oversize files are refused', () => {
    const k1 = newSigningKey()
    const { bytes } = makeKeyCard(fields(k1.publicKey), k1.secret)
    expect(invalid(edit(bytes, (c) => ((c.office as Record<string, unknown>).name = '别的单位')))).toContain('own signature')
    expect(invalid(edit(bytes, (c) => (c.encryptionRecipient = newAgeIdentity().recipient)))).toContain('own signature')
    expect(invalid(edit(bytes, (c) => (c.keyId = '0'.repeat(16))))).toContain('key id')
    expect(invalid(edit(bytes, (c) => (c.extra = 1)))).toContain('invalid')
    expect(invalid(edit(bytes, (c) => (c.format = 'kaohe-keycard/2')))).toContain('format')
    expect(invalid(new TextEncoder().encode('x'.repeat(17 * 1024)))).toContain('16384')
    expect(invalid(new TextEncoder().encode('{'))).toContain('JSON')
    // A rotation card whose "previous" signature is made by someone else's key.
    const k2 = newSigningKey()
    const mallory = newSigningKey()
    const rot = makeKeyCard(fields(k2.publicKey, { keyId: keyIdOf(k1.publicKey), signingPublicKey: k1.publicKey }), k2.secret, k1.secret)
    const forged = edit(rot.bytes, (c) => {
      ;(c.signatures as Record<string, unknown>).previous = signDetached(mallory.secret, cardSigningBytes(c as unknown as KeyCard))
    })
    expect(invalid(forged)).toContain('previous key')
  })

  test('fingerprints: 12 groups of 5 digits, read like backup fingerprintOf, compared on digits only', () => {
    const k = newSigningKey()
    const { card } = makeKeyCard(fields(k.publicKey), k.secret)
    const fp = cardFingerprint(card)
    expect(fp).toMatch(/^\d{5}( \d{5}){11}$/)
    expect(cardFingerprint({ ...card, encryptionRecipient: newAgeIdentity().recipient })).not.toBe(fp)
    expect(cardFingerprint({ ...card, office: { ...office, uid: 'e'.repeat(32) } })).not.toBe(fp)
    expect(sameFingerprint(fp, fp.replace(/ /g, '-'))).toBe(true)
    expect(sameFingerprint(fp, fp.replace(/ /g, ''))).toBe(true)
    expect(sameFingerprint(fp, fp.slice(0, -1) + ((Number(fp.at(-1)) + 1) % 10))).toBe(false)
    expect(sameFingerprint('', '')).toBe(false)
    // Same digit extraction as the backup key's fingerprint (its input differs: a raw key only).
    expect(fingerprintOf(k.publicKey)).toMatch(/^\d{5}( \d{5}){11}$/)
  })
})
