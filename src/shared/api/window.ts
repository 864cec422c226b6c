import type { InputOf, MethodName, OutputOf } from './contract'
import type { Result } from '../errors'

/** What the preload (or the browser bridge) puts on `window.api`: one function per method. */
export type KaoheWindowApi = {
  [M in MethodName]: (input?: InputOf<M>) => Promise<Result<OutputOf<M>>>
}
