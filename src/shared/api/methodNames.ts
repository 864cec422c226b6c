// Generated from the slices (src/shared/api/<capability>.ts) by test/docs/methodNames.doc.test.ts:
// do not edit. After adding a method to a slice: KAOHE_UPDATE_DOCS=1 npx vitest run test/docs

/**
 * The contract's method names, without zod, so the sandboxed preload can be built from them alone.
 * `contract.ts` checks at compile time, and test/docs/methodNames.doc.test.ts at run time, that this
 * list and the slices' methods are the same.
 */
export const METHOD_NAMES = [
  // setup
  'setup.status',
  'setup.initialize',
  'setup.openDemo',
  // auth
  'auth.session',
  'auth.login',
  'auth.recover',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
  // users
  'users.list',
  'users.add',
  'users.setDisabled',
  'users.unlock',
  'users.resetPassword',
  'users.resetRequests',
  'users.requestReset',
  'users.decideReset',
  // tierKeys
  'tierKeys.recoverT3',
  // roles
  'roles.list',
  'roles.grant',
  'roles.revoke',
  // audit
  'audit.list',
  'audit.verify',
  'audit.export',
  // backup
  'backup.create',
  'backup.verify',
  'backup.restore',
  'backup.signingKey',
  // home
  'home.tasks',
  'home.timeline',
  // org
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
  // calendar
  'calendar.years',
  'calendar.year',
  'calendar.addWorkingDays',
  'calendar.import',
  // policy
  'policy.get',
  'policy.import',
  'policy.decide',
  // guideline
  'guideline.get',
  'guideline.version',
  'guideline.validate',
  'guideline.saveDraft',
  'guideline.startRevision',
  'guideline.discardDraft',
  'guideline.publish',
  // ledger
  'ledger.list',
  'ledger.add',
  'ledger.void',
  'ledger.attachment',
  'ledger.export',
  // records
  'attendance.preview',
  'attendance.import',
  'survey.preview',
  'survey.import',
  'records.template',
  'records.columns',
  // talks
  'talks.list',
  'talks.record',
  // commitments
  'commitments.get',
  'commitments.list',
  'commitments.saveDraft',
  'commitments.submit',
  'commitments.review',
  'commitments.complete',
  'commitments.requestRevision',
  'commitments.decideRevision',
  // quarterly
  'quarterly.status',
  'quarterly.get',
  'quarterly.submitSummary',
  'quarterly.rate',
  'quarterly.assignPeers',
  'quarterly.autoAssignPeers',
  'quarterly.reopen',
  'quarterly.amend',
  'quarterly.myPeerAssignments',
  'quarterly.peerRate',
  'quarterly.nineBox',
  'quarterly.followups.list',
  'quarterly.followups.update',
  // kiosk
  'survey.summary',
  'kiosk.start',
  'kiosk.officials',
  'kiosk.rate',
  'kiosk.exit',
  // democratic
  'democratic.round',
  'democratic.open',
  'democratic.close',
  'democratic.codes',
  'democratic.importTallies',
  'democratic.aggregate',
  'democratic.kioskStart',
  'democratic.ballotBegin',
  'democratic.ballotSubmit',
  // leadership
  'leadership.mySheets',
  'leadership.sheet',
  'leadership.saveSheet',
  'leadership.progress',
  'leadership.open',
  'leadership.relatives',
  'leadership.declareRelative',
  'leadership.removeRelative',
  'leadership.previewScores',
  'leadership.importScores',
  // integrity
  'integrity.reviews',
  'integrity.recordReview',
  'integrity.outcomes',
  'integrity.sanctions',
  'integrity.addSanction',
  'integrity.endSanction',
  'integrity.openInvestigation',
  'integrity.closeInvestigation',
  'leads.lodge',
  'leads.lodgeAtKiosk',
  'leads.list',
  'leads.update',
  // annual
  'annual.round',
  'annual.explain',
  'annual.inputs',
  'annual.propose',
  'annual.decide',
  'annual.confirm',
  'annual.publish',
  'annual.recordApproval',
  'annual.recordPriorGrade',
  'annual.addRectificationPlan',
  'annual.published',
  'annual.object',
  'annual.mine',
] as const

export type MethodNameList = (typeof METHOD_NAMES)[number]

/** The single IPC channel every call travels on. */
export const IPC_CHANNEL = 'kaohe:call'
