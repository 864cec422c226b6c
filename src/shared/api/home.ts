import { method } from './method'
import { none } from './schemas'
import type * as T from './types'

/**
 * The home page’s to-do list: the home slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const homeMethods = {
  'home.tasks': method<T.HomeTask[]>()({ input: none, permission: 'self', kind: 'read' }),
  /** The year's cycle (RULES.md §1) with this year's quarter dates from the unit's calendar. */
  'home.timeline': method<T.HomeTimeline>()({ input: none, permission: 'self', kind: 'read' }),
}
