import { KaoheError } from '@shared/errors'
import type { Role } from '@shared/roles'
import type { UserRoles, UserSummary } from '@shared/api/types'
import type { Store } from '../../db/store'
import type { KeyFile } from '../keys/keyFile'
import { newKeyPair, type ScryptParams } from '../keys/primitives'
import type { SecurityPolicy } from '../policy/defaults'
import { checkPasswordStrength } from './passwords'

/** User accounts (用户账户): rows in the database, each with its key slot in the key file. */

export interface NewAccount {
  username: string
  displayName: string
  password: string
}

export function scryptParams(policy: SecurityPolicy): ScryptParams {
  return { log2N: policy.scryptLog2N, r: 8, p: 1 }
}

/**
 * Creates an account and its slot. The slot waits in the key file's queued changes: inside a
 * transaction `save()` defers, and the router writes it after the commit (a rollback drops it), so
 * the key file never holds a slot for an account the database does not have.
 */
export function createAccount(
  store: Store,
  keyFile: KeyFile,
  dbKey: Buffer,
  account: NewAccount,
  opts: { policy: SecurityPolicy; mustChangePassword: boolean; now: Date; saveKeyFile?: boolean },
): number {
  checkPasswordStrength(account.password, opts.policy)
  const taken = store.first(
    store.qb.selectFrom('users').select('id').where('username', '=', account.username),
  )
  if (taken || keyFile.hasUser(account.username)) {
    throw new KaoheError('USERNAME_TAKEN', { username: account.username }, [
      { path: 'username', message: 'taken' },
    ])
  }
  const keys = newKeyPair()
  const { lastInsertRowid: id } = store.run(
    store.qb.insertInto('users').values({
      username: account.username,
      display_name: account.displayName,
      disabled: 0,
      must_change_password: opts.mustChangePassword ? 1 : 0,
      public_key: keys.publicKey,
      person_id: null,
      created_at: opts.now.toISOString(),
    }),
  )
  keyFile.setUserSlot(
    account.username,
    account.password,
    { dbKey: dbKey.toString('hex'), userId: id, privateKey: keys.privateKey },
    scryptParams(opts.policy),
  )
  if (opts.saveKeyFile !== false) keyFile.save()
  return id
}

/**
 * Gives an account a new password by replacing its slot (a new key pair too: the old private key
 * is gone with the old password, so any tier key sealed to it is dropped and handed over again).
 * Like createAccount, the slot is written after the caller's transaction commits.
 */
export function replaceSlot(
  store: Store,
  keyFile: KeyFile,
  dbKey: Buffer,
  userId: number,
  password: string,
  opts: { policy: SecurityPolicy; mustChangePassword: boolean },
): { privateKey: string; publicKey: string } {
  checkPasswordStrength(password, opts.policy)
  const user = getUserRow(store, userId)
  const keys = newKeyPair()
  store.run(
    store.qb
      .updateTable('users')
      .set({ public_key: keys.publicKey, must_change_password: opts.mustChangePassword ? 1 : 0 })
      .where('id', '=', userId),
  )
  store.run(store.qb.deleteFrom('tier_key_grants').where('user_id', '=', userId))
  keyFile.setUserSlot(
    user.username,
    password,
    { dbKey: dbKey.toString('hex'), userId, privateKey: keys.privateKey },
    scryptParams(opts.policy),
  )
  keyFile.save()
  return keys
}

export function getUserRow(store: Store, userId: number) {
  const user = store.first(store.qb.selectFrom('users').selectAll().where('id', '=', userId))
  if (!user) throw new KaoheError('USER_NOT_FOUND', { user: String(userId) })
  return user
}

export function rolesOf(store: Store, userId: number): Role[] {
  return store
    .all(store.qb.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role'))
    .map((r) => r.role)
}

export function listUsers(store: Store, keyFile: KeyFile, now: Date): UserSummary[] {
  const roles = roleMap(store)
  return store.all(store.qb.selectFrom('users').selectAll().orderBy('id')).map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    roles: roles.get(u.id) ?? [],
    createdAt: u.created_at,
    lockedUntil: keyFile.lockedUntil(u.username, now),
  }))
}

export function listUserRoles(store: Store): UserRoles[] {
  const roles = roleMap(store)
  return store.all(store.qb.selectFrom('users').selectAll().orderBy('id')).map((u) => ({
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled === 1,
    roles: roles.get(u.id) ?? [],
  }))
}

export function userRoles(store: Store, userId: number): UserRoles {
  const u = getUserRow(store, userId)
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled === 1,
    roles: rolesOf(store, u.id),
  }
}

function roleMap(store: Store): Map<number, Role[]> {
  const map = new Map<number, Role[]>()
  for (const r of store.all(store.qb.selectFrom('user_roles').select(['user_id', 'role']).orderBy('role'))) {
    map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role])
  }
  return map
}

/** Active accounts holding a role: used to refuse removing the last administrator of a kind. */
export function activeHolders(store: Store, role: Role): number[] {
  return store
    .all(
      store.qb
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('users.id')
        .where('user_roles.role', '=', role)
        .where('users.disabled', '=', 0),
    )
    .map((r) => r.id)
}
