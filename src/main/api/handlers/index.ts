import type { Capability } from '@shared/api/contract'
import type { Handlers, HandlersFor } from '../router'
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
import { democraticHandlers } from './democratic'
import { leadershipHandlers } from './leadership'
import { integrityHandlers } from './integrity'
import { annualHandlers } from './annual'
import { analysisHandlers } from './analysis'
import { feedbackHandlers } from './feedback'
import { registerHandlers } from './register'
import { archiveHandlers } from './archive'
import { outcomesHandlers } from './outcomes'
import { trainingHandlers } from './training'
import { appealsHandlers } from './appeals'
import { bundlesHandlers } from './bundles'
import { keycardsHandlers } from './keycards'

/**
 * Each capability's handlers, as its slice declares them: the type makes a missing handler, or
 * one for a method another slice declares, a compile error (test/api/contractSlices.test.ts checks
 * the same at run time).
 */
export const HANDLERS_BY_CAPABILITY: { readonly [C in Capability]: HandlersFor<C> } = {
  setup: setupHandlers,
  auth: { ...authHandlers, ...recoverHandler },
  users: userHandlers,
  tierKeys: tierKeyHandlers,
  roles: roleHandlers,
  audit: auditHandlers,
  backup: backupHandlers,
  home: homeHandlers,
  org: orgHandlers,
  calendar: calendarHandlers,
  policy: policyHandlers,
  guideline: guidelineHandlers,
  ledger: ledgerHandlers,
  records: recordHandlers,
  talks: recordHandlers,
  commitments: commitmentHandlers,
  quarterly: quarterlyHandlers,
  kiosk: kioskHandlers,
  democratic: democraticHandlers,
  leadership: leadershipHandlers,
  integrity: integrityHandlers,
  annual: annualHandlers,
  feedback: feedbackHandlers,
  register: registerHandlers,
  analysis: analysisHandlers,
  archive: archiveHandlers,
  outcomes: outcomesHandlers,
  training: trainingHandlers,
  appeals: appealsHandlers,
  bundles: bundlesHandlers,
  keycards: keycardsHandlers,
}

/** Every contract method's handler. */
export const handlers: Handlers = Object.assign({}, ...Object.values(HANDLERS_BY_CAPABILITY))
