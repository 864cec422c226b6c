import { createContext, useContext } from 'react'

/** Lets any page tell the app to re-read the session (after NOT_AUTHENTICATED, a restore, …). */
export interface SessionEvents {
  sessionMayHaveChanged: () => void
}

export const SessionEventsContext = createContext<SessionEvents>({ sessionMayHaveChanged: () => {} })

export function useSessionEvents(): SessionEvents {
  return useContext(SessionEventsContext)
}
