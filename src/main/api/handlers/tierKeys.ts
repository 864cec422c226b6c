import { KaoheError } from '@shared/errors'
import { recoverT3 } from '../../core/access/tierKeys'
import type { HandlersFor } from '../router'

export const tierKeyHandlers: HandlersFor<'tierKeys'> = {
  /**
   * The discipline office's recovery code (shown once when the T3 key was made) re-grants the key
   * to this discipline account when no other holder is there to hand it over.
   */
  'tierKeys.recoverT3': ({ session, now, note }, { recoveryCode }) => {
    const got = recoverT3(session.store, { userId: session.user.id, ...session.keys }, recoveryCode, now)
    if (!got) throw new KaoheError('T3_KEY_RECOVERY_INVALID')
    session.t3Key?.fill(0)
    session.t3Key = got.key
    note('T3', { to: [session.user.id, ...got.handedTo] })
    return null
  },
}
