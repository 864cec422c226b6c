import { officeKind } from '../../core/bundles/officeKeys'
import { unitExists } from '../../core/unit/location'
import { createUnit } from '../../core/unit/setup'
import { buildDemoUnit, DEMO_LOGINS } from '../../core/demo/demoUnit'
import { DEMO_SUPERIOR_LOGINS } from '../../core/demo/demoSuperior'
import { KeyFile } from '../../core/keys/keyFile'
import { passwordRule } from '../../core/auth/passwords'
import type { HandlersFor } from '../router'

export const setupHandlers: HandlersFor<'setup'> = {
  'setup.status': ({ state }) => {
    const loc = state.location()
    const initialized = unitExists(loc)
    const keyFile = initialized ? KeyFile.load(loc.keyPath) : null
    const demo = keyFile?.demo ?? false
    // Signed in, the database says what the office is; before, the key file's hint (the database is encrypted).
    const kind = state.session ? officeKind(state.session.store) : (keyFile?.officeHint ?? 'unit')
    const demoLogins = !demo ? [] : kind === 'superior' ? DEMO_SUPERIOR_LOGINS : DEMO_LOGINS
    return { initialized, demo, demoLogins, passwordRule: passwordRule(state.policy.security), officeKind: kind }
  },

  'setup.initialize': ({ state, now }, input) => {
    const created = createUnit(state.realLocation(), input, { policy: state.policy, demo: false, now })
    created.store.close()
    created.dbKey.fill(0)
    return { recoveryCode: created.recoveryCode }
  },

  'setup.openDemo': ({ state, now }) => {
    const loc = state.demoLocation()
    if (loc && !unitExists(loc)) buildDemoUnit(loc, { policy: state.policy, now })
    return { logins: DEMO_LOGINS }
  },
}
