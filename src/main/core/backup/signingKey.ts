import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import type { Store } from '../../db/store'
import { openSealed, sealTo } from '../keys/primitives'
import { awaitingGrant, type TierKeyHolder } from '../access/tierKeys'

/**
 * The unit's backup signing key (备份签名密钥), DESIGN.md §4. An Ed25519 key pair: the public key
 * is stored in the unit (and its fingerprint shown to note on paper); the private key is sealed
 * only to system administrators' X25519 keys, like the T3 key to discipline accounts. So the
 * database key — which any password or the recovery code unwraps — does not give it, and a backup
 * edited with any one ordinary password cannot be re-signed.
 *
 * Made at the first system-administrator sign-in (set-up is followed by one at once; older units
 * get it the same way), handed to every other system administrator at a holder's sign-in. If no
 * account holds it any more (the only holder's password was reset), a new one is made and the old
 * public key kept as retired: backups it signed still verify.
 */
const GRANT = 'SIGN' // tier_key_grants.tier of the sealed private key

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex')
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex')

export interface SigningKeyInfo {
  keyId: string
  publicKey: string
  fingerprint: string
  createdAt: string
  retired: boolean
}

/** 12 groups of 5 digits from SHA-512 of the raw public key, as the key cards of DESIGN.md §5. */
export function fingerprintOf(publicKey: string): string {
  const h = createHash('sha512').update(Buffer.from(publicKey, 'base64')).digest()
  const groups: string[] = []
  for (let i = 0; i < 12; i++) {
    const n = h.readUIntBE(i * 5, 5) % 100_000
    groups.push(String(n).padStart(5, '0'))
  }
  return groups.join(' ')
}

/** Digits only, so "12345 67890 …", "12345-67890…" and a typed run of digits compare alike. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/\D/g, '')
}

export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16)
}

export function signBytes(privateKey: Buffer, bytes: Buffer): string {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, privateKey]), format: 'der', type: 'pkcs8' })
  return sign(null, bytes, key).toString('base64')
}

export function verifyBytes(publicKey: string, bytes: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, Buffer.from(publicKey, 'base64')]), format: 'der', type: 'spki' })
    return verify(null, bytes, key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

/** The unit's signing keys, the current one first. */
export function signingKeys(store: Store): SigningKeyInfo[] {
  return store
    .all(store.qb.selectFrom('backup_signing_keys').selectAll().orderBy('created_at', 'desc'))
    .map((r) => ({
      keyId: r.key_id,
      publicKey: r.public_key,
      fingerprint: fingerprintOf(r.public_key),
      createdAt: r.created_at,
      retired: r.retired_at !== null,
    }))
    .sort((a, b) => Number(a.retired) - Number(b.retired))
}

export function currentSigningKey(store: Store): SigningKeyInfo | null {
  const k = signingKeys(store)[0]
  return k && !k.retired ? k : null
}

/** The private key, if this account holds it. */
export function signingPrivateKey(store: Store, holder: Omit<TierKeyHolder, 'userId'> & { userId: number }): Buffer | null {
  const own = store.first(
    store.qb.selectFrom('tier_key_grants').select('sealed').where('user_id', '=', holder.userId).where('tier', '=', GRANT),
  )
  return own ? openSealed(holder.privateKey, holder.publicKey, own.sealed, GRANT) : null
}

/**
 * At a system administrator's sign-in: make the key if the unit has none (or nobody holds it any
 * more), and hand it to the other system administrators who do not hold it yet.
 */
export function signingKeyAtSignIn(store: Store, holder: TierKeyHolder, now: Date): { created: SigningKeyInfo | null; handedTo: number[] } {
  let key = signingPrivateKey(store, holder)
  let created: SigningKeyInfo | null = null
  if (!key) {
    const anyHolder = store.first(store.qb.selectFrom('tier_key_grants').select('user_id').where('tier', '=', GRANT).limit(1))
    if (anyHolder && currentSigningKey(store)) return { created: null, handedTo: [] }
    const at = now.toISOString()
    store.run(store.qb.updateTable('backup_signing_keys').set({ retired_at: at }).where('retired_at', 'is', null))
    const pair = generateKeyPairSync('ed25519')
    const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')
    key = Buffer.from(pair.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32))
    store.run(store.qb.insertInto('backup_signing_keys').values({ key_id: keyIdOf(publicKey), public_key: publicKey, created_at: at, retired_at: null }))
    grant(store, holder.userId, holder.publicKey, key, now)
    created = currentSigningKey(store)
  }
  const handedTo: number[] = []
  for (const waiting of awaitingGrant(store, 'sysadmin', GRANT)) {
    grant(store, waiting.id, waiting.public_key, key, now)
    handedTo.push(waiting.id)
  }
  key.fill(0)
  return { created, handedTo }
}

/** After an account's key pair changed (own password change): seal the key to the new public key. */
export function regrantSigningKey(store: Store, userId: number, newPublicKey: string, key: Buffer, now: Date): void {
  grant(store, userId, newPublicKey, key, now)
}

/** When the sysadmin role is revoked the sealed private key goes with it. */
export function revokeSigningKey(store: Store, userId: number): void {
  store.run(store.qb.deleteFrom('tier_key_grants').where('user_id', '=', userId).where('tier', '=', GRANT))
}

function grant(store: Store, userId: number, publicKey: string, key: Buffer, now: Date): void {
  store.run(
    store.qb
      .insertInto('tier_key_grants')
      .values({ user_id: userId, tier: GRANT, sealed: sealTo(publicKey, key, GRANT), granted_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'tier']).doUpdateSet({ sealed: (eb) => eb.ref('excluded.sealed'), granted_at: (eb) => eb.ref('excluded.granted_at') })),
  )
}
