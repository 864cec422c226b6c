import { z } from 'zod'
import { method } from './method'
import { none, password, id, year } from './schemas'
import type * as T from './types'
import type * as K from '../kiosk'
import { KIOSK_CHANNELS, KIOSK_LEVELS } from '../kiosk'

/**
 * The on-site kiosk survey (现场评价): the kiosk slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const kioskMethods = {
  /** 服务评价 per official for HR, kiosk bursts flagged. */
  'survey.summary': method<K.SurveyOfficialSummary[]>()({ input: z.object({ year }).strict(), permission: 'ledger.import', kind: 'read' }),
  'kiosk.start': method<K.KioskStarted>()({
    input: z.object({ departmentId: id.optional() }).strict(),
    permission: 'kiosk.run',
    kind: 'write',
  }),
  'kiosk.officials': method<K.KioskOfficials>()({ input: none, permission: 'kiosk.run', kind: 'read', kioskAllowed: true }),
  'kiosk.rate': method<null>()({
    input: z.object({ personId: id, level: z.enum(KIOSK_LEVELS), channel: z.enum(KIOSK_CHANNELS).default('onsite') }).strict(),
    permission: 'kiosk.run',
    kind: 'write',
    kioskAllowed: true,
  }),
  'kiosk.exit': method<T.SessionInfo>()({ input: z.object({ password }).strict(), permission: 'kiosk.run', kind: 'write', kioskAllowed: true }),
}
