/**
 * The contract's method names, without zod, so the sandboxed preload can be built from them alone.
 * `contract.ts` checks at compile time (and test/api/contract.test.ts at run time) that this list
 * and the contract's keys are the same.
 */
export const METHOD_NAMES = [
  'setup.status',
  'setup.initialize',
  'setup.openDemo',
  'auth.session',
  'auth.login',
  'auth.recover',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
  'users.list',
  'users.add',
  'users.setDisabled',
  'users.resetPassword',
  'roles.list',
  'roles.grant',
  'roles.revoke',
  'audit.list',
  'audit.verify',
  'audit.export',
  'backup.create',
  'backup.verify',
  'backup.restore',
  'home.tasks',
  'org.departments.list',
  'org.departments.save',
  'org.people.list',
  'org.people.get',
  'org.people.save',
  'org.people.linkAccount',
  'org.accounts.list',
  'org.leadership.get',
  'org.leadership.set',
  'org.roster.template',
  'org.roster.preview',
  'org.roster.import',
  'calendar.years',
  'calendar.year',
  'calendar.addWorkingDays',
  'calendar.import',
  'policy.get',
  'policy.import',
  'policy.decide',
  'guideline.get',
  'guideline.version',
  'guideline.validate',
  'guideline.saveDraft',
  'guideline.startRevision',
  'guideline.discardDraft',
  'guideline.publish',
  'ledger.list',
  'ledger.add',
  'ledger.void',
  'ledger.attachment',
  'ledger.export',
  'attendance.preview',
  'attendance.import',
  'survey.preview',
  'survey.import',
  'talks.list',
  'talks.record',
  // ── commitments ──
  // ── end commitments ──
  // ── quarterly ──
  // ── end quarterly ──
] as const

export type MethodNameList = (typeof METHOD_NAMES)[number]

/** The single IPC channel every call travels on. */
export const IPC_CHANNEL = 'kaohe:call'
