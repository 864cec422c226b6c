import { KaoheError } from '@shared/errors'
import { replaceSlot } from '../../core/auth/accounts'
import { recoverAccount, signIn } from '../../core/auth/session'
import { unlockFailure } from '../../core/auth/unlockFailure'
import { grantT3 } from '../../core/access/tierKeys'
import { regrantSigningKey, signingPrivateKey } from '../../core/backup/signingKey'
import { officeSecrets, regrantOfficeKeys } from '../../core/bundles/officeKeys'
import type { HandlersFor } from '../router'

export const authHandlers: Omit<HandlersFor<'auth'>, 'auth.recover'> = {
  'auth.session': ({ state, now }) => {
    const s = state.session
    if (!s) return null
    if (!s.locked && s.isIdle(now)) s.locked = true
    return s.info()
  },

  'auth.login': ({ state, now }, { username, password }) => {
    // One person at a time at a workstation: a new sign-in ends the previous session.
    endSession(state)
    const session = signIn(state.location(), username, password, state.policy.security, now)
    state.session = session
    return session.info()
  },

  'auth.logout': ({ state }) => {
    const s = state.session
    if (s && s.store.raw.open) {
      s.store.tx(() => s.record({ action: 'auth.logout', outcome: 'ok' }))
      s.anchorAudit()
    }
    endSession(state)
    return null
  },

  'auth.lock': ({ session }) => {
    session.locked = true
    return null
  },

  /** Unlocking re-checks the password against the account's own slot. */
  'auth.unlock': ({ session, now, note }, { password }) => {
    // A wrong password is counted in the key file at once (locked read-modify-write).
    const result = session.keyFile.unlockUser(session.user.username, password, now)
    // Too many wrong passwords at the lock screen: the session ends like a locked-out sign-in.
    if (!result.ok) throw unlockFailure(result.failure)
    session.locked = false
    note(`user:${session.user.id}`)
    return session.info()
  },

  'auth.changePassword': ({ session, now, note }, { oldPassword, newPassword }) => {
    const check = session.keyFile.unlockUser(session.user.username, oldPassword, now)
    if (!check.ok) {
      throw new KaoheError('WRONG_PASSWORD', {}, [{ path: 'oldPassword', message: 'wrong password' }])
    }
    if (oldPassword === newPassword) {
      throw new KaoheError('PASSWORD_REUSED', {}, [{ path: 'newPassword', message: 'same as current' }])
    }
    const hadT3 = session.t3Key
    // Issue 7 (#6): the backup signing key is sealed to the old key pair; carry it to the new one.
    const signing = signingPrivateKey(session.store, { userId: session.user.id, ...session.keys })
    // Issue 11: the office package keys too.
    const office = officeSecrets(session.store, { userId: session.user.id, ...session.keys })
    session.keys = replaceSlot(session.store, session.keyFile, session.dbKey, session.user.id, newPassword, {
      policy: session.policy,
      mustChangePassword: false,
    })
    // The new key pair must hold the T3 key again; this session still has it in memory.
    if (hadT3) {
      grantT3(session.store, session.user.id, session.keys.publicKey, hadT3, now)
    }
    if (signing) {
      regrantSigningKey(session.store, session.user.id, session.keys.publicKey, signing, now)
      signing.fill(0)
    }
    if (office.length) {
      regrantOfficeKeys(session.store, session.user.id, office, session.keys.publicKey, now)
      for (const o of office) o.signingSecret.fill(0)
    }
    session.mustChangePassword = false
    note(`user:${session.user.id}`)
    return session.info()
  },
}

export function endSession(state: { session: { close(): void } | null }): void {
  state.session?.close()
  state.session = null
}

/**
 * The recovery code unwraps the database key; the account gets a new slot with the new password,
 * to be changed again at sign-in. Tier keys sealed to the old key pair are not recoverable this way.
 */
export const recoverHandler: Pick<HandlersFor<'auth'>, 'auth.recover'> = {
  'auth.recover': ({ state, now }, { username, recoveryCode, newPassword }) => {
    endSession(state)
    recoverAccount(state.location(), username, recoveryCode, newPassword, state.policy.security, now)
    return null
  },
}
