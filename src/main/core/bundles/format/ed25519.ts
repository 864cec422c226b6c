import { ed25519 } from '@noble/curves/ed25519.js'
import { createHash, randomBytes } from 'node:crypto'

/** Ed25519 signing keys of an office (noble: the same code runs in Electron's Node and in tests). */
export function newSigningKey(): { secret: Uint8Array; publicKey: string } {
  const secret = new Uint8Array(randomBytes(32))
  return { secret, publicKey: publicKeyOf(secret) }
}

export function publicKeyOf(secret: Uint8Array): string {
  return Buffer.from(ed25519.getPublicKey(secret)).toString('base64')
}

export function signDetached(secret: Uint8Array, bytes: Uint8Array): string {
  return Buffer.from(ed25519.sign(bytes, secret)).toString('base64')
}

export function verifyDetached(publicKey: string, bytes: Uint8Array, signature: string): boolean {
  try {
    const pub = Buffer.from(publicKey, 'base64')
    const sig = Buffer.from(signature, 'base64')
    if (pub.length !== 32 || sig.length !== 64) return false
    // Node's base64 decoder ignores stray trailing bits; only the one canonical spelling counts.
    if (sig.toString('base64') !== signature) return false
    return ed25519.verify(new Uint8Array(sig), bytes, new Uint8Array(pub), { zip215: false })
  } catch {
    return false
  }
}

/** Same derivation as core/backup/signingKey keyIdOf: sha256 of the raw key, 16 hex digits. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16)
}
