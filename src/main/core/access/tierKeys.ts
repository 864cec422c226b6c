import type { Role, Tier } from '@shared/roles'
import type { Store } from '../../db/store'
import { createHmac } from 'node:crypto'
import { deriveKey, openSealed, randomBytes, seal, sealTo, unseal, type ScryptParams, type Sealed } from '../keys/primitives'

/**
 * The T3 tier key (纪检 data, RULES.md §9). T3 fields are encrypted with it on top of the database
 * encryption, and it is sealed only to discipline-office accounts' public keys, so holding the
 * database key (any password, or the recovery code) does not reveal them.
 *
 * Granting: the security administrator gives a person the discipline role, but cannot hand over a
 * key they do not hold. The key is made once in the unit's life, at the first sign-in of a
 * discipline account (`tier_keys` remembers that it was), together with a discipline-office
 * recovery code shown once to that office. Every later holder receives it at the next sign-in of
 * any account that already holds it (handover), or with that recovery code. It is never made
 * again: once T3 data may exist, a new key would leave it unreadable forever — so a reset of the
 * only holder's password leaves the office waiting for the recovery code, not with a fresh key.
 */
const TIER = 'T3'
const CHECK_CONTEXT = 'kaohe-tier-check|T3'

export interface TierKeyHolder {
  userId: number
  privateKey: string
  publicKey: string
}

/**
 * At a discipline account's sign-in: obtain the T3 key (making it only if the unit never had one)
 * and hand it to those waiting. `recoveryCode` is set when this sign-in made the office's code.
 */
export function t3KeyAtSignIn(
  store: Store,
  holder: TierKeyHolder,
  now: Date,
  kdf: ScryptParams = DEFAULT_KDF,
): { key: Buffer | null; handedTo: number[]; recoveryCode: string | null } {
  const own = store.first(
    store.qb
      .selectFrom('tier_key_grants')
      .select('sealed')
      .where('user_id', '=', holder.userId)
      .where('tier', '=', TIER),
  )
  let key: Buffer | null = null
  let recoveryCode: string | null = null
  const record = tierRecord(store)
  if (own) {
    key = openSealed(holder.privateKey, holder.publicKey, own.sealed, TIER)
    if (key && record && record.check_value && record.check_value !== checkValue(key)) key = null
    // A unit from before the record (or its recovery box) existed gets both now, once.
    if (key && (!record || !record.recovery)) recoveryCode = writeRecord(store, key, now, kdf, !record)
  } else if (!record && !anyGrant(store)) {
    key = randomBytes(32)
    grantT3(store, holder.userId, holder.publicKey, key, now)
    recoveryCode = writeRecord(store, key, now, kdf, true)
  }
  if (!key) return { key: null, handedTo: [], recoveryCode: null }
  return { key, handedTo: handOver(store, key, now), recoveryCode }
}

/** A discipline account without the key takes it with the office's recovery code. */
export function recoverT3(store: Store, holder: TierKeyHolder, code: string, now: Date): { key: Buffer; handedTo: number[] } | null {
  const record = tierRecord(store)
  if (!record?.recovery) return null
  const box = JSON.parse(record.recovery) as Sealed & { salt: string; kdf: ScryptParams }
  const wrap = deriveKey(normalizeCode(code), Buffer.from(box.salt, 'base64'), box.kdf)
  const key = unseal(wrap, box, `${CHECK_CONTEXT}|recovery`)
  if (!key || (record.check_value && record.check_value !== checkValue(key))) return null
  store.run(store.qb.deleteFrom('tier_key_grants').where('user_id', '=', holder.userId).where('tier', '=', TIER))
  grantT3(store, holder.userId, holder.publicKey, key, now)
  return { key, handedTo: handOver(store, key, now) }
}

/** Whether the unit ever had a T3 key (then T3 data may exist and no new key is ever made). */
export function t3KeyExists(store: Store): boolean {
  return !!tierRecord(store) || anyGrant(store)
}

const DEFAULT_KDF: ScryptParams = { log2N: 17, r: 8, p: 1 }
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ' // Crockford base32, as the unit's recovery code

function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '')
}

function checkValue(key: Buffer): string {
  return createHmac('sha256', key).update(CHECK_CONTEXT).digest('base64')
}

function tierRecord(store: Store) {
  return store.first(store.qb.selectFrom('tier_keys').selectAll().where('tier', '=', TIER))
}

/** Records the key's check value and a box that the new recovery code opens; returns the code. */
function writeRecord(store: Store, key: Buffer, now: Date, kdf: ScryptParams, insert: boolean): string {
  const code = Array.from(randomBytes(25), (b) => CODE_ALPHABET[b % 32]).join('')
  const salt = randomBytes(16)
  const box = { ...seal(deriveKey(code, salt, kdf), key, `${CHECK_CONTEXT}|recovery`), salt: salt.toString('base64'), kdf }
  const values = { check_value: checkValue(key), recovery: JSON.stringify(box) }
  if (insert) store.run(store.qb.insertInto('tier_keys').values({ tier: TIER, created_at: now.toISOString(), ...values }))
  else store.run(store.qb.updateTable('tier_keys').set(values).where('tier', '=', TIER))
  return code.match(/.{5}/g)!.join('-')
}

function handOver(store: Store, key: Buffer, now: Date): number[] {
  const handedTo: number[] = []
  for (const waiting of awaitingHandover(store)) {
    grantT3(store, waiting.id, waiting.public_key, key, now)
    handedTo.push(waiting.id)
  }
  return handedTo
}

/** Discipline accounts that do not hold the T3 key yet. */
export function awaitingHandover(store: Store): { id: number; public_key: string }[] {
  return awaitingGrant(store, 'discipline', TIER)
}

/**
 * Enabled accounts holding `role` that have no grant of `tier` yet: whom a holder's sign-in hands
 * the key to (the T3 key to discipline accounts, the backup signing key to system administrators).
 */
export function awaitingGrant(store: Store, role: Role, tier: Tier | 'SIGN'): { id: number; public_key: string }[] {
  return store.all(
    store.qb
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.public_key'])
      .where('user_roles.role', '=', role)
      .where('users.disabled', '=', 0)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('tier_key_grants')
              .select('tier_key_grants.user_id')
              .whereRef('tier_key_grants.user_id', '=', 'users.id')
              .where('tier_key_grants.tier', '=', tier),
          ),
        ),
      ),
  )
}

/** When the discipline role is revoked the grant goes with it. */
export function revokeT3(store: Store, userId: number): void {
  store.run(store.qb.deleteFrom('tier_key_grants').where('user_id', '=', userId).where('tier', '=', TIER))
}

function anyGrant(store: Store): boolean {
  return !!store.first(store.qb.selectFrom('tier_key_grants').select('user_id').where('tier', '=', TIER).limit(1))
}

export function grantT3(store: Store, userId: number, publicKey: string, key: Buffer, now: Date): void {
  store.run(
    store.qb
      .insertInto('tier_key_grants')
      .values({ user_id: userId, tier: TIER, sealed: sealTo(publicKey, key, TIER), granted_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'tier']).doNothing()),
  )
}

/** Encrypts one T3 field; `field` (e.g. 'review:12:details') binds the value to where it is stored. */
export function sealT3(key: Buffer, text: string, field: string): string {
  return JSON.stringify(seal(key, Buffer.from(text, 'utf8'), `T3|${field}`))
}

export function openT3(key: Buffer, stored: string, field: string): string | null {
  const plain = unseal(key, JSON.parse(stored) as Sealed, `T3|${field}`)
  return plain ? plain.toString('utf8') : null
}
