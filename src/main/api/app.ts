import type { Result } from '@shared/errors'
import { DEFAULT_POLICY, type Policy } from '../core/policy/defaults'
import { buildDemoUnit } from '../core/demo/demoUnit'
import {
  demoLocationInDataDir,
  locationInDataDir,
  locationOf,
  realLocationInDataDir,
  unitExists,
  type UnitLocation,
} from '../core/unit/location'
import { handlers } from './handlers'
import { Router, type AppState } from './router'

/**
 * One Kaohe instance per transport: the desktop window, the browser bridge, or a CLI process.
 * It holds where the unit is and the one signed-in session, and routes every call.
 */
export interface KaoheApp {
  /** One API call, from a transport that has already checked its sender. Never throws. */
  call(method: string, input: unknown): Promise<Result<unknown>>
  close(): void
  readonly state: AppState
}

export type KaoheAppOptions = (
  | {
      /** Folder that holds unit.kaohe (a real unit) and/or demo.kaohe (the demo unit). */
      dataDir: string
    }
  | {
      /** One database file (the CLI's --db); set-up and the demo both create it. */
      dbPath: string
    }
) & {
  /** Build the demo unit at start when the folder has no unit yet (`npm start` for newcomers). */
  demoIfEmpty?: boolean
  policy?: Policy
  clock?: () => Date
  onProgress?: (done: number, total: number) => void
  /** Where the router reports an internal error with its reference (default: the console); the CLI shows details only when asked. */
  log?: (msg: string, err: unknown) => void
}

export function createKaoheState(opts: KaoheAppOptions): AppState {
  const policy = opts.policy ?? DEFAULT_POLICY
  const clock = opts.clock ?? (() => new Date())
  let location: () => UnitLocation
  let realLocation: () => UnitLocation
  let demoLocation: () => UnitLocation | null
  if ('dataDir' in opts) {
    const dir = opts.dataDir
    location = () => locationInDataDir(dir)
    realLocation = () => realLocationInDataDir(dir)
    demoLocation = () => demoLocationInDataDir(dir)
  } else {
    const loc = locationOf(opts.dbPath)
    location = () => loc
    realLocation = () => loc
    demoLocation = () => loc
  }
  return { location, realLocation, demoLocation, session: null, policy, clock, onProgress: opts.onProgress }
}

export function createKaohe(opts: KaoheAppOptions): KaoheApp {
  const state = createKaoheState(opts)
  if (opts.demoIfEmpty && !unitExists(state.location())) {
    const demo = state.demoLocation()
    if (demo) buildDemoUnit(demo, { policy: state.policy, now: state.clock() })
  }
  const router = new Router(state, handlers, opts.log)
  return {
    state,
    call: (method, input) => router.call(method, input),
    close() {
      state.session?.close()
      state.session = null
    },
  }
}
