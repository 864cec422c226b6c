import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scryptSync,
} from 'node:crypto'

/**
 * The few cryptographic building blocks the key slots and tier keys use. All of them are in
 * BoringSSL too, so Electron's Node computes the same bytes (known-answer tests guard this).
 */

export interface ScryptParams {
  log2N: number
  r: number
  p: number
}

export function deriveKey(password: string, salt: Buffer, params: ScryptParams): Buffer {
  const N = 2 ** params.log2N
  return scryptSync(password.normalize('NFC'), salt, 32, {
    N,
    r: params.r,
    p: params.p,
    // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below N = 2^17.
    maxmem: 256 * N * params.r,
  })
}

export interface Sealed {
  nonce: string
  data: string
}

/** AES-256-GCM; `aad` binds the ciphertext to its context (a slot id, a tier) so it cannot be moved. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
  return { nonce: nonce.toString('base64'), data: body.toString('base64') }
}

/** Returns null when the key is wrong or the data was altered (GCM tag mismatch). */
export function unseal(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  const body = Buffer.from(sealed.data, 'base64')
  if (body.length < 16) return null
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(body.subarray(body.length - 16))
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()])
  } catch {
    return null
  }
}

export interface KeyPair {
  publicKey: string
  privateKey: string
}

/** An X25519 key pair as raw 32-byte keys in base64 (DER prefixes stripped). */
export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519')
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64'),
  }
}

const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex')
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex')

function publicKeyObject(raw: string) {
  return createPublicKey({
    key: Buffer.concat([SPKI_X25519, Buffer.from(raw, 'base64')]),
    format: 'der',
    type: 'spki',
  })
}
function privateKeyObject(raw: string) {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_X25519, Buffer.from(raw, 'base64')]),
    format: 'der',
    type: 'pkcs8',
  })
}

/**
 * Seals a secret to a recipient's X25519 public key (ephemeral-static ECDH, HKDF-SHA256, AES-GCM),
 * so anyone may grant it, but only the holder of the private key can open it.
 */
export function sealTo(recipientPublicKey: string, secret: Buffer, context: string): string {
  const eph = newKeyPair()
  const shared = diffieHellman({
    privateKey: privateKeyObject(eph.privateKey),
    publicKey: publicKeyObject(recipientPublicKey),
  })
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `kaohe-seal|${context}`, 32))
  const body = seal(key, secret, `${context}|${recipientPublicKey}`)
  return JSON.stringify({ epk: eph.publicKey, ...body })
}

export function openSealed(privateKey: string, publicKey: string, box: string, context: string): Buffer | null {
  let parsed: { epk: string; nonce: string; data: string }
  try {
    parsed = JSON.parse(box) as { epk: string; nonce: string; data: string }
  } catch {
    return null
  }
  const shared = diffieHellman({
    privateKey: privateKeyObject(privateKey),
    publicKey: publicKeyObject(parsed.epk),
  })
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `kaohe-seal|${context}`, 32))
  return unseal(key, parsed, `${context}|${publicKey}`)
}

export { randomBytes }
