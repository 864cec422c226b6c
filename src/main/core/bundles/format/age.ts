import { Decrypter, Encrypter } from 'age-encryption'
import { x25519 } from '@noble/curves/ed25519.js'
import { bech32 } from '@scure/base'
import { randomBytes } from 'node:crypto'
import { PackageCheckError } from './checks'

/**
 * age v1 (age-encryption.org/v1), X25519 recipients only. Keys are made here rather than with
 * age-encryption's async generator because sign-in makes them inside a synchronous DB transaction.
 */
const SECRET_HRP = 'age-secret-key-'
const RECIPIENT_HRP = 'age'
const BECH32_LIMIT = 1000 // age's strings exceed BIP 173's 90-character limit

export function newAgeIdentity(): { identity: string; recipient: string } {
  const secret = new Uint8Array(randomBytes(32))
  const identity = bech32.encode(SECRET_HRP, bech32.toWords(secret), BECH32_LIMIT).toUpperCase()
  return { identity, recipient: recipientOf(identity) }
}

export function recipientOf(identity: string): string {
  const { prefix, words } = bech32.decode(identity.toLowerCase() as `${string}1${string}`, BECH32_LIMIT)
  if (prefix !== SECRET_HRP) throw new Error('not an age X25519 identity')
  const secret = bech32.fromWords(words)
  if (secret.length !== 32) throw new Error('age identity is not 32 bytes')
  return bech32.encode(RECIPIENT_HRP, bech32.toWords(x25519.getPublicKey(secret)), BECH32_LIMIT)
}

export async function encryptTo(recipient: string, plaintext: Uint8Array): Promise<Uint8Array> {
  if (!recipient.startsWith('age1')) throw new Error('not an age X25519 recipient')
  const e = new Encrypter()
  e.addRecipient(recipient)
  return e.encrypt(plaintext)
}

/** Any failure — header, no matching key, a chunk's tag, truncation, trailing bytes — is 'decrypt'. */
export async function decryptWith(identities: readonly string[], file: Uint8Array): Promise<Uint8Array> {
  if (identities.length === 0) {
    throw new PackageCheckError('decrypt', '本账户没有本机关的解密密钥', 'this account holds none of the office’s decryption keys')
  }
  const d = new Decrypter()
  for (const id of identities) d.addIdentity(id)
  try {
    return await d.decrypt(file, 'uint8array')
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    if (/no identity matched/i.test(why)) {
      throw new PackageCheckError('decrypt', '包不是加密给本机关现有密钥的', 'the package is not encrypted to any of this office’s keys')
    }
    throw new PackageCheckError('decrypt', `age 解密失败（文件损坏、被截断或被改动）：${why}`, `age decryption failed (damaged, truncated or altered): ${why}`)
  }
}
