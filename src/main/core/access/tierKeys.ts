import type { Store } from '../../db/store'
import { openSealed, randomBytes, seal, sealTo, unseal, type Sealed } from '../keys/primitives'

/**
 * The T3 tier key (纪检 data, RULES.md §9). T3 fields are encrypted with it on top of the database
 * encryption, and it is sealed only to discipline-office accounts' public keys, so holding the
 * database key (any password, or the recovery code) does not reveal them.
 *
 * Granting: the security administrator gives a person the discipline role, but cannot hand over a
 * key they do not hold. The first discipline account creates the key at its first sign-in; every
 * later one receives it at the next sign-in of any account that already holds it (handover).
 */
const TIER = 'T3'

export interface TierKeyHolder {
  userId: number
  privateKey: string
  publicKey: string
}

/** At a discipline account's sign-in: obtain the T3 key (creating it if none exists) and hand it to those waiting. */
export function t3KeyAtSignIn(store: Store, holder: TierKeyHolder, now: Date): { key: Buffer | null; handedTo: number[] } {
  const own = store.first(
    store.qb
      .selectFrom('tier_key_grants')
      .select('sealed')
      .where('user_id', '=', holder.userId)
      .where('tier', '=', TIER),
  )
  let key: Buffer | null = null
  if (own) {
    key = openSealed(holder.privateKey, holder.publicKey, own.sealed, TIER)
  } else if (!anyGrant(store)) {
    key = randomBytes(32)
    grantT3(store, holder.userId, holder.publicKey, key, now)
  }
  if (!key) return { key: null, handedTo: [] }
  const handedTo: number[] = []
  for (const waiting of awaitingHandover(store)) {
    grantT3(store, waiting.id, waiting.public_key, key, now)
    handedTo.push(waiting.id)
  }
  return { key, handedTo }
}

/** Discipline accounts that do not hold the T3 key yet. */
export function awaitingHandover(store: Store): { id: number; public_key: string }[] {
  return store.all(
    store.qb
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.public_key'])
      .where('user_roles.role', '=', 'discipline')
      .where('users.disabled', '=', 0)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('tier_key_grants')
              .select('tier_key_grants.user_id')
              .whereRef('tier_key_grants.user_id', '=', 'users.id')
              .where('tier_key_grants.tier', '=', TIER),
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
