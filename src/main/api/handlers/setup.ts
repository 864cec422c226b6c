import { unitExists } from '../../core/unit/location'
import { createUnit } from '../../core/unit/setup'
import { buildDemoUnit, DEMO_LOGINS } from '../../core/demo/demoUnit'
import { KeyFile } from '../../core/keys/keyFile'
import { passwordRule } from '../../core/auth/passwords'
import type { HandlersFor } from '../router'

export const setupHandlers: HandlersFor<'setup'> = {
  'setup.status': ({ state }) => {
    const loc = state.location()
    const initialized = unitExists(loc)
    const demo = initialized && KeyFile.load(loc.keyPath).demo
    return { initialized, demo, demoLogins: demo ? DEMO_LOGINS : [], passwordRule: passwordRule(state.policy.security) }
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
