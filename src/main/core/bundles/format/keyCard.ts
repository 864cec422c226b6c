import { createHash } from 'node:crypto'
import { z } from 'zod'
import { bech32 } from '@scure/base'
import { OFFICE_KINDS, type OfficeRef } from '../../../../shared/bundles'
import { KaoheError } from '../../../../shared/errors'
import { keyIdOf, publicKeyOf, signDetached, verifyDetached } from './ed25519'
import { canonicalJson } from './manifest'

/**
 * A key card (密钥卡): an office's public keys, self-signed, exchanged once on paper-checked trust —
 * the receiving office compares the fingerprint read out by phone or on the registration form.
 */
export const KEYCARD_FORMAT = 'kaohe-keycard/1'
const MAX_CARD_BYTES = 16 * 1024

export interface KeyCard {
  format: typeof KEYCARD_FORMAT
  office: OfficeRef
  keyId: string
  signingPublicKey: string
  encryptionRecipient: string
  createdAt: string
  previous: { keyId: string; signingPublicKey: string } | null
  revokes: string | null
  signatures: { self: string; previous: string | null }
}

const keyId = z.string().regex(/^[0-9a-f]{16}$/)
const pubKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/)
const schema = z.strictObject({
  format: z.literal(KEYCARD_FORMAT),
  office: z.strictObject({
    uid: z.string().min(1).max(100),
    code: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    kind: z.enum(OFFICE_KINDS),
  }),
  keyId,
  signingPublicKey: pubKey,
  encryptionRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  createdAt: z.iso.datetime({ offset: true }),
  previous: z.strictObject({ keyId, signingPublicKey: pubKey }).nullable(),
  revokes: keyId.nullable(),
  signatures: z.strictObject({ self: z.string().max(200), previous: z.string().max(200).nullable() }),
})

/** What both signatures cover: every field but the signatures, canonical JSON. */
export function cardSigningBytes(card: Omit<KeyCard, 'signatures'> & { signatures?: unknown }): Uint8Array {
  const { signatures: _omit, ...rest } = card
  void _omit
  return new TextEncoder().encode(canonicalJson(rest))
}

export function makeKeyCard(
  fields: Omit<KeyCard, 'format' | 'keyId' | 'signatures'>,
  secret: Uint8Array,
  previousSecret?: Uint8Array,
): { card: KeyCard; bytes: Uint8Array } {
  if (publicKeyOf(secret) !== fields.signingPublicKey) throw new Error('key card: the secret is not the signing key’s')
  if ((fields.previous === null) !== (previousSecret === undefined)) throw new Error('key card: a previous key needs its secret, and only then')
  if (fields.previous && previousSecret && publicKeyOf(previousSecret) !== fields.previous.signingPublicKey) throw new Error('key card: the previous secret is not the previous key’s')
  const unsigned = { format: KEYCARD_FORMAT, ...fields, keyId: keyIdOf(fields.signingPublicKey) } as Omit<KeyCard, 'signatures'>
  const toSign = cardSigningBytes(unsigned)
  const card: KeyCard = {
    ...unsigned,
    signatures: { self: signDetached(secret, toSign), previous: previousSecret ? signDetached(previousSecret, toSign) : null },
  }
  return { card, bytes: new TextEncoder().encode(JSON.stringify(card, null, 2) + '\n') }
}

function invalid(reason: string, reasonEn: string): never {
  throw new KaoheError('KEYCARD_INVALID', { reason, reasonEn })
}

export function readKeyCard(bytes: Uint8Array): KeyCard {
  if (bytes.length > MAX_CARD_BYTES) invalid(`文件超过 ${MAX_CARD_BYTES} 字节`, `the file is over ${MAX_CARD_BYTES} bytes`)
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    invalid('不是有效的 JSON 文件', 'not a valid JSON file')
  }
  const r = schema.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]!
    const at = issue.path.join('.') || '(root)'
    invalid(`字段 ${at} 无效`, `field ${at} is invalid: ${issue.message}`)
  }
  const card = r.data as KeyCard
  try {
    const { prefix, words } = bech32.decode(card.encryptionRecipient as `${string}1${string}`, 1000)
    if (prefix !== 'age' || bech32.fromWords(words).length !== 32) throw new Error('length')
  } catch {
    invalid('加密公钥格式不正确', 'the encryption recipient is malformed')
  }
  if (keyIdOf(card.signingPublicKey) !== card.keyId) invalid('密钥编号与签名公钥不符', 'the key id does not match the signing key')
  const signed = cardSigningBytes(card)
  if (!verifyDetached(card.signingPublicKey, signed, card.signatures.self)) invalid('密钥卡的自签名无效', 'the card’s own signature does not verify')
  if (card.previous) {
    if (keyIdOf(card.previous.signingPublicKey) !== card.previous.keyId) invalid('前一密钥编号与其公钥不符', 'the previous key id does not match its key')
    if (card.previous.keyId === card.keyId) invalid('前一密钥与本密钥相同', 'the previous key is the card’s own key')
    if (!card.signatures.previous || !verifyDetached(card.previous.signingPublicKey, signed, card.signatures.previous)) {
      invalid(`缺少前一密钥 ${card.previous.keyId} 的有效签名`, `no valid signature by the previous key ${card.previous.keyId}`)
    }
  } else if (card.signatures.previous !== null) {
    invalid('有前一密钥签名却没有前一密钥', 'a previous-key signature without a previous key')
  }
  return card
}

/** 12 groups of 5 digits (5 bytes big-endian each, mod 100000), like backup/signingKey fingerprintOf. */
export function cardFingerprint(card: Pick<KeyCard, 'office' | 'signingPublicKey' | 'encryptionRecipient'>): string {
  const h = createHash('sha512').update([KEYCARD_FORMAT, card.office.uid, card.signingPublicKey, card.encryptionRecipient].join('|')).digest()
  const groups: string[] = []
  for (let i = 0; i < 12; i++) groups.push(String(h.readUIntBE(i * 5, 5) % 100_000).padStart(5, '0'))
  return groups.join(' ')
}

export function sameFingerprint(a: string, b: string): boolean {
  const da = a.replace(/\D/g, '')
  return da.length === 60 && da === b.replace(/\D/g, '')
}
