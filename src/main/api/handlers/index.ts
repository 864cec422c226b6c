import type { Handlers } from '../router'
import { auditHandlers } from './audit'
import { authHandlers, recoverHandler } from './auth'
import { backupHandlers } from './backup'
import { homeHandlers } from './home'
import { orgHandlers } from './org'
import { calendarHandlers } from './calendar'
import { commitmentHandlers } from './commitments'
import { policyHandlers } from './policy'
import { guidelineHandlers } from './guideline'
import { kioskHandlers } from './kiosk'
import { ledgerHandlers } from './ledger'
import { quarterlyHandlers } from './quarterly'
import { recordHandlers } from './records'
import { roleHandlers } from './roles'
import { setupHandlers } from './setup'
import { userHandlers } from './users'
import { tierKeyHandlers } from './tierKeys'

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...recoverHandler,
  ...userHandlers,
  ...tierKeyHandlers,
  ...roleHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...homeHandlers,
  ...orgHandlers,
  ...calendarHandlers,
  ...policyHandlers,
  ...guidelineHandlers,
  // ── commitments ──
  ...commitmentHandlers,
  // ── end commitments ──
  // ── quarterly ──
  ...quarterlyHandlers,
  // ── end quarterly ──
  // ── kiosk ──
  ...kioskHandlers,
  // ── end kiosk ──
  ...ledgerHandlers,
  ...recordHandlers,
}
