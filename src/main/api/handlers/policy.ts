import { decidePolicy, policyInForce, policyView, proposePolicy } from '../../core/policy/inForce'
import type { HandlersFor } from '../router'
import { textDigest } from '../../core/audit/digest'

export const policyHandlers: HandlersFor<'policy'> = {
  'policy.get': ({ session }, { year }) => policyView(session.store, year),

  'policy.import': ({ session, now, note }, { year, file }) => {
    const pending = proposePolicy(session.store, year, file, session.user.id, now)
    note(`policy:${pending.id}`, { year, version: pending.version, fileName: textDigest(file.fileName), changes: pending.changes })
    return pending
  },

  'policy.decide': ({ session, now, note }, { id, approve, reason }) => {
    const year = decidePolicy(session.store, id, approve, reason, session.user.id, now)
    if (approve && year === now.getFullYear()) {
      // Lockout works before the database opens, so its numbers go to the key file too; the other
      // security rules apply from each account's next sign-in. The change waits for this call's
      // commit (the router writes it with the audit anchor); a rollback drops it.
      const { maxFailedLogins, lockoutMinutes } = policyInForce(session.store, year).policy.security
      session.keyFile.setLockoutPolicy({ maxFailedLogins, lockoutMinutes })
    }
    note(`policy:${id}`, { year, approve, reason: textDigest(reason) })
    return policyView(session.store, year)
  },
}
