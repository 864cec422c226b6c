import { homeTasks, homeTimeline } from '../../core/home'
import type { HandlersFor } from '../router'

/** 首页待办: each role's pending tasks, counted in core/home (later capabilities add their kinds there). */
export const homeHandlers: HandlersFor<'home'> = {
  'home.tasks': ({ session, now }) =>
    homeTasks({
      store: session.store,
      actor: session.actor,
      hasT3Key: session.t3Key !== null,
      lockedUntil: (username, at) => session.keyFile.lockedUntil(username, at),
      now,
    }),

  'home.timeline': ({ session, now }) => homeTimeline(session.store, now),
}
