import { KaoheError } from '@shared/errors'
import type { OfficeKind, OfficeRef, OwnKeyView, OwnOfficeView } from '@shared/bundles'
import type { ReadableDB, Store } from '../../db/store'
import { openSealed, sealTo } from '../keys/primitives'
import type { TierKeyHolder } from '../access/tierKeys'
import { newAgeIdentity } from './format/age'
import { keyIdOf, newSigningKey, publicKeyOf } from './format/ed25519'
import { cardFingerprint, makeKeyCard, type KeyCard } from './format/keyCard'

/**
 * This office's own package keys (DESIGN.md §5, issue 11): an Ed25519 key that signs the packages
 * it sends and an age X25519 identity that opens the packages sent to it. The public halves and
 * the self-signed key card are in `office_keys`; the private halves only sealed to each personnel
 * (hr) account's own key pair, in tier_key_grants as `OFFICE:<key id>`.
 *
 * Why sealed per account: every staff password (and the recovery code) unwraps the database key.
 * If the private keys were merely in the database, any staff account — or anyone holding a copy
 * of the database key — could forge a results package to the superior or read what it sent.
 * Sealed to hr key pairs, only those who handle packages can sign or open them.
 *
 * Made at the first sign-in of an hr account (older units the same way, at first use), handed to
 * the other hr accounts at a holder's sign-in, like the backup signing key (core/backup/signingKey).
 * Rotation keeps the old key as retired (it still opens packages addressed to it); revocation marks
 * it revoked (it is no longer used at all).
 */

export interface OfficeSecret {
  keyId: string
  signingSecret: Uint8Array
  identity: string
  status: 'current' | 'retired' | 'revoked'
}

const ROLE = 'hr'
const tierOf = (keyId: string): `OFFICE:${string}` => `OFFICE:${keyId}`

interface SecretPayload {
  signing: string
  identity: string
}

export function officeKind(db: ReadableDB): OfficeKind {
  return ownOfficeRef(db).kind
}

export function ownOfficeRef(db: ReadableDB): OfficeRef {
  const u = db.first(db.qb.selectFrom('unit').select(['uid', 'code', 'name', 'kind']))
  if (!u?.uid) throw new Error('the unit row is missing')
  return { uid: u.uid, code: u.code, name: u.name, kind: u.kind }
}

function statusOf(r: { retired_at: string | null; revoked_at: string | null }): OwnKeyView['status'] {
  return r.revoked_at ? 'revoked' : r.retired_at ? 'retired' : 'current'
}

export function currentOwnKey(db: ReadableDB): { keyId: string; signingPublic: string; encryptionRecipient: string } | null {
  const r = db.first(
    db.qb
      .selectFrom('office_keys')
      .select(['key_id', 'signing_public', 'encryption_recipient'])
      .where('retired_at', 'is', null)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1),
  )
  return r ? { keyId: r.key_id, signingPublic: r.signing_public, encryptionRecipient: r.encryption_recipient } : null
}

/** Own key ids that still open packages (current and retired). */
export function ownKeyIds(db: ReadableDB): string[] {
  return db.all(db.qb.selectFrom('office_keys').select('key_id').where('revoked_at', 'is', null)).map((r) => r.key_id)
}

/** The current key card (bytes as stored), or null before the keys exist. */
export function currentCard(db: ReadableDB): { card: KeyCard; bytes: Uint8Array } | null {
  const cur = currentOwnKey(db)
  if (!cur) return null
  const r = db.first(db.qb.selectFrom('office_keys').select('card').where('key_id', '=', cur.keyId))
  if (!r) return null
  return { card: JSON.parse(r.card) as KeyCard, bytes: new TextEncoder().encode(r.card) }
}

export function ownOfficeView(store: Store, holder: TierKeyHolder): OwnOfficeView {
  const office = ownOfficeRef(store)
  const keys: OwnKeyView[] = store
    .all(store.qb.selectFrom('office_keys').selectAll().orderBy('created_at', 'desc'))
    .map((r) => ({
      keyId: r.key_id,
      fingerprint: cardFingerprint({ office, signingPublicKey: r.signing_public, encryptionRecipient: r.encryption_recipient }),
      createdAt: r.created_at,
      status: statusOf(r),
    }))
  const current = keys.find((k) => k.status === 'current') ?? null
  const holdsKeys = !!current && heldGrant(store, holder.userId, current.keyId) !== null
  return { office, current, keys, holdsKeys }
}

function heldGrant(store: Store, userId: number, keyId: string): string | null {
  return store.first(store.qb.selectFrom('tier_key_grants').select('sealed').where('user_id', '=', userId).where('tier', '=', tierOf(keyId)))?.sealed ?? null
}

function openGrant(holder: TierKeyHolder, keyId: string, sealed: string): SecretPayload | null {
  const plain = openSealed(holder.privateKey, holder.publicKey, sealed, tierOf(keyId))
  if (!plain) return null
  try {
    return JSON.parse(plain.toString('utf8')) as SecretPayload
  } finally {
    plain.fill(0)
  }
}

/** The private halves this account holds, the current key first; [] when it holds none. */
export function officeSecrets(store: Store, holder: TierKeyHolder): OfficeSecret[] {
  const keys = new Map(store.all(store.qb.selectFrom('office_keys').select(['key_id', 'retired_at', 'revoked_at'])).map((k) => [tierOf(k.key_id) as string, k]))
  const grants = store.all(store.qb.selectFrom('tier_key_grants').select(['tier', 'sealed']).where('user_id', '=', holder.userId).where('tier', 'like', 'OFFICE:%'))
  const rows = grants.flatMap((g) => {
    const k = keys.get(g.tier)
    return k ? [{ ...k, sealed: g.sealed }] : []
  })
  const out: OfficeSecret[] = []
  for (const r of rows) {
    const p = openGrant(holder, r.key_id, r.sealed)
    if (!p) continue
    out.push({ keyId: r.key_id, signingSecret: new Uint8Array(Buffer.from(p.signing, 'base64')), identity: p.identity, status: statusOf(r) })
  }
  const rank = { current: 0, retired: 1, revoked: 2 } as const
  return out.sort((a, b) => rank[a.status] - rank[b.status])
}

/** Enabled hr accounts (their public keys): whom new keys are sealed to. */
function hrAccounts(store: Store): { id: number; public_key: string }[] {
  return store.all(
    store.qb
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.public_key'])
      .where('user_roles.role', '=', ROLE)
      .where('users.disabled', '=', 0),
  )
}

function grant(store: Store, userId: number, publicKey: string, keyId: string, payload: SecretPayload, now: Date): void {
  const secret = Buffer.from(JSON.stringify(payload), 'utf8')
  const sealed = sealTo(publicKey, secret, tierOf(keyId))
  secret.fill(0)
  store.run(
    store.qb
      .insertInto('tier_key_grants')
      .values({ user_id: userId, tier: tierOf(keyId), sealed, granted_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'tier']).doUpdateSet({ sealed: (eb) => eb.ref('excluded.sealed'), granted_at: (eb) => eb.ref('excluded.granted_at') })),
  )
}

/**
 * Makes a new key pair and its card; `previous` (rotation/revocation) signs it too. The old key is
 * marked retired (or revoked) in the same transaction; the new private halves go to every hr account.
 */
function makeKeys(store: Store, now: Date, previous: OfficeSecret | null, revokes: { reason: string } | null, rotateReason: string | null): string {
  const at = now.toISOString()
  const office = ownOfficeRef(store)
  const signing = newSigningKey()
  const age = newAgeIdentity()
  const prevPublic = previous ? publicKeyOf(previous.signingSecret) : null
  const { bytes } = makeKeyCard(
    {
      office,
      signingPublicKey: signing.publicKey,
      encryptionRecipient: age.recipient,
      createdAt: at,
      previous: previous && prevPublic ? { keyId: previous.keyId, signingPublicKey: prevPublic } : null,
      revokes: previous && revokes ? previous.keyId : null,
    },
    signing.secret,
    previous?.signingSecret,
  )
  const keyId = keyIdOf(signing.publicKey)
  if (previous && revokes) {
    store.run(store.qb.updateTable('office_keys').set({ revoked_at: at, reason: revokes.reason }).where('key_id', '=', previous.keyId))
  }
  store.run(store.qb.updateTable('office_keys').set({ retired_at: at, reason: rotateReason }).where('retired_at', 'is', null).where('revoked_at', 'is', null))
  store.run(
    store.qb.insertInto('office_keys').values({
      key_id: keyId,
      signing_public: signing.publicKey,
      encryption_recipient: age.recipient,
      card: new TextDecoder().decode(bytes),
      created_at: at,
      retired_at: null,
      revoked_at: null,
      reason: null,
    }),
  )
  const payload = { signing: Buffer.from(signing.secret).toString('base64'), identity: age.identity }
  for (const a of hrAccounts(store)) grant(store, a.id, a.public_key, keyId, payload, now)
  signing.secret.fill(0)
  return keyId
}

/**
 * At an hr account's sign-in (in the login transaction): make the keys if the office has none (or
 * nobody holds the current one any more — it is retired, packages it opened stay readable by
 * nobody), and hand every key this account holds to the hr accounts that lack it.
 */
export function officeKeysAtSignIn(store: Store, holder: TierKeyHolder, now: Date): { created: string | null; handedTo: number[] } {
  let created: string | null = null
  const cur = currentOwnKey(store)
  if (!cur || !store.first(store.qb.selectFrom('tier_key_grants').select('user_id').where('tier', '=', tierOf(cur.keyId)).limit(1))) {
    created = makeKeys(store, now, null, null, cur ? 'no account held the key' : null)
  }
  const handed = new Set<number>()
  const accounts = hrAccounts(store)
  for (const s of officeSecrets(store, holder)) {
    if (s.status === 'revoked') continue
    const payload = { signing: Buffer.from(s.signingSecret).toString('base64'), identity: s.identity }
    for (const a of accounts) {
      if (a.id === holder.userId || heldGrant(store, a.id, s.keyId) !== null) continue
      grant(store, a.id, a.public_key, s.keyId, payload, now)
      handed.add(a.id)
    }
    s.signingSecret.fill(0)
  }
  return { created, handedTo: [...handed] }
}

/** After an account's key pair changed (own password change): the secrets, to seal again. */
export function regrantOfficeKeys(store: Store, userId: number, secrets: OfficeSecret[], newPublicKey: string, now: Date): void {
  for (const s of secrets) {
    grant(store, userId, newPublicKey, s.keyId, { signing: Buffer.from(s.signingSecret).toString('base64'), identity: s.identity }, now)
  }
}

/** When the hr role is revoked its sealed office keys go with it. */
export function revokeOfficeKeys(store: Store, userId: number): void {
  store.run(store.qb.deleteFrom('tier_key_grants').where('user_id', '=', userId).where('tier', 'like', 'OFFICE:%'))
}

/** New keys; the new card is signed by the current key and the new one. Returns the new key id. */
export function rotateOwn(store: Store, secrets: OfficeSecret[], reason: string, now: Date): string {
  return makeKeys(store, now, currentSecret(secrets), null, reason)
}

/** The current key is compromised or lost: new keys, a card that revokes the old one. */
export function revokeOwn(store: Store, secrets: OfficeSecret[], reason: string, now: Date): string {
  return makeKeys(store, now, currentSecret(secrets), { reason }, null)
}

function currentSecret(secrets: OfficeSecret[]): OfficeSecret {
  const s = secrets.find((x) => x.status === 'current')
  if (!s) throw new KaoheError('KEYCARD_NO_KEYS', { action: '更换密钥', actionEn: 'replace the keys' })
  return s
}
