import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PERMISSIONS } from '../../src/shared/access/permissions'
import { contract, METHOD_NAMES, type MethodName } from '../../src/shared/api/contract'
import { ADMIN_ROLES, type Role } from '../../src/shared/roles'
import type { ErrorCode } from '../../src/shared/errors'
import { handlers } from '../../src/main/api/handlers'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { readyUnit, tempDir, passwordOf, type ReadyUnit } from '../support/tempUnit'

/**
 * The whole contract, walked (DESIGN.md §3): every method has a schema, a permission and a
 * handler, and is exercised once by an actor who may call it and once by one who may not.
 * Public methods (set-up, sign-in) cannot be refused by role; their "denied" case is the state
 * that refuses them.
 */
interface Case {
  as: string | null
  /** Builds the input, setting up what it needs first (signed in as whoever that takes). */
  input?: (u: ReadyUnit) => unknown
  /** For allowed cases: 'ok' (default). For denied: the refusal expected. */
  expect?: 'ok' | ErrorCode
}

const backupOf = async (u: ReadyUnit) => {
  const parent = tempDir()
  await u.as('sysadmin')
  const info = await u.ok('backup.create', { folder: parent })
  return info.folder
}

const account = (username: string) => ({ username, displayName: username, password: 'Strong-Pass-1' })
const SETUP = { unitName: '另一个局', unitCode: 'X-2', sysadmin: account('s1'), secadmin: account('s2'), auditor: account('s3') }

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const ROSTER = { fileName: 'roster.csv', contentBase64: b64('工号,姓名,科室,岗位类别\n0101,张三,办公室,综合管理\n') }
const TABLE_2027 = {
  fileName: '2027.json',
  // A complete table: an import lacking the law's own holidays is refused (RULES.md §1).
  contentBase64: readFileSync(join(__dirname, '../fixtures/calendar/2027-fictional.json')).toString('base64'),
}
const POLICY_FILE = { fileName: 'policy.json', contentBase64: b64(JSON.stringify({ ...DEFAULT_POLICY, version: 'test-2026' })) }
const today = new Date().toISOString().slice(0, 10)
const PERSON = { staffNo: '0001', name: '李四', departmentId: null, category: 'general' as const, supervisorId: null, riskPost: false, status: 'active' as const, joinedOn: null, leftOn: null, effectiveOn: today }

async function personOf(u: ReadyUnit): Promise<number> {
  await u.as('hr1')
  return (await u.ok('org.people.save', PERSON)).id
}
async function pendingPolicy(u: ReadyUnit): Promise<number> {
  await u.as('hr1')
  return (await u.ok('policy.import', { year: 2026, file: POLICY_FILE })).id
}
async function draft(u: ReadyUnit): Promise<void> {
  await u.as('hr1')
  await u.ok('guideline.saveDraft', { year: 2026 })
}
async function published(u: ReadyUnit): Promise<void> {
  await draft(u)
  await u.as('head1')
  await u.ok('guideline.publish', { year: 2026 })
}
const ATTENDANCE = { fileName: 'kq.csv', contentBase64: b64('工号,日期,状态\n0001,2026-03-02,迟到\n') }
const SURVEY = { fileName: 'pj.csv', contentBase64: b64('评价编号,工号,日期,评价\nPJ1,0001,2026-03-02,满意\n') }
/** Last month (local time) and its first day: a talk that has surely taken place. */
const lastMonth = (() => {
  const d = new Date()
  d.setDate(1)
  d.setMonth(d.getMonth() - 1)
  const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
  return { month, heldOn: `${month}-01` }
})()
/** staff1 is linked to a supervisor with one direct report; returns that report's talk input. */
async function talkWithReport(u: ReadyUnit) {
  await u.as('hr1')
  const sup = await u.ok('org.people.save', { ...PERSON, staffNo: '0009', name: '王主管' })
  await u.ok('org.people.linkAccount', { personId: sup.id, userId: u.ids.staff1! })
  const report = await u.ok('org.people.save', { ...PERSON, staffNo: '0010', name: '赵下属', supervisorId: sup.id })
  return { personId: report.id, ...lastMonth, notes: '谈工作安排' }
}

/** none1 is linked to a supervisor with one direct report; returns a ledger entry input for that report. */
async function ledgerReport(u: ReadyUnit) {
  await u.as('hr1')
  const sup = await u.ok('org.people.save', { ...PERSON, staffNo: '0021', name: '钱主管' })
  await u.ok('org.people.linkAccount', { personId: sup.id, userId: u.ids.none1! })
  const report = await u.ok('org.people.save', { ...PERSON, staffNo: '0022', name: '孙下属', supervisorId: sup.id })
  return { personId: report.id, day: '2026-01-05', kind: 'workRecord' as const, text: '完成市场巡查' }
}
async function ledgerEntry(u: ReadyUnit, attachments: { fileName: string; contentBase64: string }[] = []) {
  const input = await ledgerReport(u)
  await u.as('none1')
  return u.ok('ledger.add', { ...input, attachments })
}
/** 承诺书: staff1 is 周下属, whose direct supervisor 吴主管 is none1; the letter taken to `stage`. */
const thisYear = new Date().getFullYear()
async function letterAt(u: ReadyUnit, stage: 'none' | 'draft' | 'submitted' | 'approved' | 'revisionRequested') {
  await u.as('hr1')
  const sup = await u.ok('org.people.save', { ...PERSON, staffNo: '0031', name: '吴主管' })
  await u.ok('org.people.linkAccount', { personId: sup.id, userId: u.ids.none1! })
  const report = await u.ok('org.people.save', { ...PERSON, staffNo: '0032', name: '周下属', supervisorId: sup.id })
  await u.ok('org.people.linkAccount', { personId: report.id, userId: u.ids.staff1! })
  const at = { personId: report.id, year: thisYear }
  const tasks = [{ title: '完成市场巡查', target: 100, unit: '户', deadline: `${thisYear}-12-31`, goal: '营商环境优化' }]
  if (stage === 'none') return { ...at, tasks, requestId: 0 }
  await u.as('staff1')
  await u.ok('commitments.saveDraft', { ...at, tasks })
  if (stage !== 'draft') await u.ok('commitments.submit', at)
  if (stage === 'approved' || stage === 'revisionRequested') {
    await u.as('none1')
    await u.ok('commitments.review', { ...at, decision: 'approve' })
  }
  let requestId = 0
  if (stage === 'revisionRequested') {
    await u.as('staff1')
    requestId = (await u.ok('commitments.requestRevision', { ...at, reason: '任务调整', changes: [{ op: 'withdraw', taskKey: 'T1' }] })).revisions[0]!.id
  }
  return { ...at, tasks, requestId }
}
const revisionOf = async (u: ReadyUnit) => ({ requestId: (await letterAt(u, 'revisionRequested')).requestId, approve: true })

/** 季度评估: Q1 of this year has always begun. */
const QY = { year: Number(today.slice(0, 4)), quarter: 1 as const }
/** Today's quarter: begun and never closed, so summaries and peer work save in it. */
const NOWQ = { year: QY.year, quarter: (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4 }
/** Quarters of earlier years are always closed (core/quarterly/phases.ts): HR reopens one so a supervisor can rate in it. */
async function reopened<Q extends { year: number; quarter: 1 | 2 | 3 | 4 }>(u: ReadyUnit, q: Q): Promise<Q> {
  await u.as('hr1')
  await u.ok('quarterly.reopen', { ...q, reason: '补评' })
  return q
}
const LAST_Q4 = { year: QY.year - 2, quarter: 4 as const }
const LAST_Q1 = { year: QY.year - 1, quarter: 1 as const }
/** staff1's own person, for their summary and sheet. */
async function staffSelf(u: ReadyUnit) {
  await u.as('hr1')
  const me = await u.ok('org.people.save', { ...PERSON, staffNo: '0031', name: '周本人' })
  await u.ok('org.people.linkAccount', { personId: me.id, userId: u.ids.staff1! })
  return me.id
}
/** Two people of one department; staff1 is the first (the rater). */
async function peers(u: ReadyUnit) {
  const rater = await staffSelf(u)
  await u.as('hr1')
  const dept = await u.ok('org.departments.save', { name: '综合科', code: '31' })
  await u.ok('org.people.save', { ...PERSON, id: rater, staffNo: '0031', name: '周本人', departmentId: dept.id })
  const ratee = await u.ok('org.people.save', { ...PERSON, staffNo: '0032', name: '吴同事', departmentId: dept.id })
  return { ...NOWQ, raterId: rater, rateeIds: [ratee.id] }
}
async function peerAssignment(u: ReadyUnit) {
  const input = await peers(u)
  await u.as('hr1')
  const r = await u.ok('quarterly.assignPeers', input)
  return { assignmentId: r.assignments[0]!.id, score: 80 }
}
/** none1 rates a direct report 不达标 in Q4 of last year and Q1 of this year: two follow-ups open. */
async function followup(u: ReadyUnit) {
  const { personId } = await ledgerReport(u)
  await u.as('none1')
  await reopened(u, LAST_Q4)
  await reopened(u, LAST_Q1)
  await u.as('none1')
  await u.ok('quarterly.rate', { personId, ...LAST_Q4, performance: 50, potential: 50, withoutSummary: true })
  await u.ok('quarterly.rate', { personId, ...LAST_Q1, performance: 50, potential: 50, withoutSummary: true })
  await u.as('head1')
  return { id: (await u.ok('quarterly.followups.list', {}))[0]!.id, state: 'done' as const }
}
/** Brief C: an evaluation score sheet with only its header (no rows), and two people for a relative pair. */
const SCORE_FILE = { fileName: 'pf.csv', contentBase64: b64('工号,姓名,评分人,政治立场\n') }
async function twoPeople(u: ReadyUnit) {
  await u.as('hr1')
  const a = await u.ok('org.people.save', { ...PERSON, staffNo: '0041', name: '甲' })
  const b = await u.ok('org.people.save', { ...PERSON, staffNo: '0042', name: '乙' })
  return { personA: a.id, personB: b.id, relation: '配偶' }
}
/** Brief B: the 2026 round of 民主测评 opened by HR, and a tally sheet with its header only. */
async function openRound2026(u: ReadyUnit) {
  await u.as('hr1')
  await u.ok('democratic.open', { year: 2026 })
  return { year: 2026, colleagues: 1, representatives: 1 }
}
const TALLY_FILE = { fileName: 'tally.csv', contentBase64: b64('工号,维度,类别,优秀,称职,基本称职,不称职,有效票数\n') }
const NOT_A_CARD = { fileName: 'card.json', contentBase64: Buffer.from('{}').toString('base64') }
const NOT_A_PACKAGE = { fileName: 'x.kaohe', contentBase64: Buffer.from('not a package').toString('base64') }

const CASES: Record<MethodName, { allowed: Case; denied: Case }> = {
  'setup.status': { allowed: { as: null }, denied: { as: null, input: () => ({ extra: 1 }), expect: 'INVALID_INPUT' } },
  // A unit exists already in every fixture, so set-up is refused whoever asks; tests/api/setup covers a first run.
  'setup.initialize': {
    allowed: { as: null, input: () => SETUP, expect: 'ALREADY_INITIALIZED' },
    denied: { as: 'sysadmin', input: () => SETUP, expect: 'ALREADY_INITIALIZED' },
  },
  'setup.openDemo': { allowed: { as: null }, denied: { as: null, input: () => ({ demo: true }), expect: 'INVALID_INPUT' } },
  'auth.session': { allowed: { as: 'staff1' }, denied: { as: null, input: () => 'x', expect: 'INVALID_INPUT' } },
  'auth.login': {
    allowed: { as: null, input: () => ({ username: 'staff1', password: passwordOf('staff1') }) },
    denied: { as: null, input: () => ({ username: 'staff1', password: 'Wrong-Pass-1' }), expect: 'AUTH_FAILED' },
  },
  'auth.recover': {
    allowed: { as: null, input: (u) => ({ username: 'sysadmin', recoveryCode: u.recoveryCode, newPassword: 'Recovered-2026' }) },
    denied: { as: null, input: () => ({ username: 'sysadmin', recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', newPassword: 'Recovered-2026' }), expect: 'RECOVERY_CODE_INVALID' },
  },
  'auth.logout': { allowed: { as: 'staff1' }, denied: { as: null, input: () => ({ all: true }), expect: 'INVALID_INPUT' } },
  'auth.lock': { allowed: { as: 'staff1' }, denied: { as: null, expect: 'NOT_AUTHENTICATED' } },
  'auth.unlock': { allowed: { as: 'staff1', input: () => ({ password: passwordOf('staff1') }) }, denied: { as: null, input: () => ({ password: 'x' }), expect: 'NOT_AUTHENTICATED' } },
  'auth.changePassword': {
    allowed: { as: 'staff1', input: () => ({ oldPassword: passwordOf('staff1'), newPassword: 'Another-Pass-3' }) },
    denied: { as: null, input: () => ({ oldPassword: 'a', newPassword: 'b' }), expect: 'NOT_AUTHENTICATED' },
  },
  'users.list': { allowed: { as: 'sysadmin' }, denied: { as: 'hr1' } },
  'users.add': {
    allowed: { as: 'sysadmin', input: () => ({ username: 'new1', displayName: '新人', password: 'New-Person-1' }) },
    denied: { as: 'secadmin', input: () => ({ username: 'new1', displayName: '新人', password: 'New-Person-1' }) },
  },
  'users.setDisabled': {
    allowed: { as: 'sysadmin', input: (u) => ({ userId: u.ids.staff1, disabled: true }) },
    denied: { as: 'auditor', input: (u) => ({ userId: u.ids.staff1, disabled: true }) },
  },
  'users.unlock': {
    allowed: { as: 'sysadmin', input: (u) => ({ userId: u.ids.staff1 }) },
    denied: { as: 'secadmin', input: (u) => ({ userId: u.ids.staff1 }) },
  },
  // One step only for an account without content roles (issue 7 #9); staff1's takes two administrators.
  'users.resetPassword': {
    allowed: { as: 'sysadmin', input: (u) => ({ userId: u.ids.none1, password: 'Reset-Pass-1' }) },
    denied: { as: 'staff1', input: (u) => ({ userId: u.ids.hr1, password: 'Reset-Pass-1' }) },
  },
  'users.resetRequests': { allowed: { as: 'secadmin' }, denied: { as: 'hr1' } },
  'users.requestReset': {
    allowed: { as: 'sysadmin', input: (u) => ({ userId: u.ids.staff1 }) },
    denied: { as: 'auditor', input: (u) => ({ userId: u.ids.staff1 }) },
  },
  'users.decideReset': {
    allowed: {
      as: 'secadmin',
      input: async (u) => {
        await u.as('sysadmin')
        return { requestId: (await u.ok('users.requestReset', { userId: u.ids.staff1! })).id, approve: true }
      },
    },
    denied: { as: 'staff1', input: () => ({ requestId: 1, approve: true }) },
  },
  'tierKeys.recoverT3': {
    allowed: { as: 'disc1', input: () => ({ recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }), expect: 'T3_KEY_RECOVERY_INVALID' },
    denied: { as: 'hr1', input: () => ({ recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }) },
  },
  'roles.list': { allowed: { as: 'secadmin' }, denied: { as: 'sysadmin' } },
  'roles.grant': {
    allowed: { as: 'secadmin', input: (u) => ({ userId: u.ids.none1, role: 'supervisor' }) },
    denied: { as: 'hr1', input: (u) => ({ userId: u.ids.hr1, role: 'leaderHead' }) },
  },
  'roles.revoke': {
    allowed: { as: 'secadmin', input: (u) => ({ userId: u.ids.hr1, role: 'hr' }) },
    denied: { as: 'sysadmin', input: (u) => ({ userId: u.ids.hr1, role: 'hr' }) },
  },
  'audit.list': { allowed: { as: 'auditor', input: () => ({ limit: 10 }) }, denied: { as: 'disc1', input: () => ({ limit: 10 }) } },
  'audit.verify': { allowed: { as: 'auditor' }, denied: { as: 'secadmin' } },
  'audit.export': {
    allowed: { as: 'auditor', input: () => ({ file: join(tempDir(), 'audit.jsonl') }) },
    denied: { as: 'sysadmin', input: () => ({ file: join(tempDir(), 'audit.jsonl') }) },
  },
  'backup.create': {
    allowed: { as: 'sysadmin', input: () => ({ folder: tempDir() }) },
    denied: { as: 'auditor', input: () => ({ folder: tempDir() }) },
  },
  'backup.verify': { allowed: { as: 'sysadmin', input: () => ({ folder: '' }) }, denied: { as: 'hr1', input: () => ({ folder: '/tmp' }) } },
  'backup.restore': {
    allowed: { as: 'sysadmin', input: () => ({ folder: '', password: passwordOf('sysadmin') }) },
    denied: { as: 'secadmin', input: () => ({ folder: '/tmp', password: 'x' }) },
  },
  'backup.signingKey': { allowed: { as: 'sysadmin' }, denied: { as: 'secadmin' } },
  'home.tasks': { allowed: { as: 'hr1' }, denied: { as: null, expect: 'NOT_AUTHENTICATED' } },
  'home.timeline': { allowed: { as: 'staff1' }, denied: { as: null, expect: 'NOT_AUTHENTICATED' } },

  'org.departments.list': { allowed: { as: 'hr1' }, denied: { as: 'sysadmin' } },
  'org.departments.save': {
    allowed: { as: 'hr1', input: () => ({ name: '新设科', code: '99' }) },
    denied: { as: 'head1', input: () => ({ name: '新设科', code: '99' }) },
  },
  'org.people.list': { allowed: { as: 'hr1' }, denied: { as: 'auditor' } },
  'org.people.get': { allowed: { as: 'head1', input: async (u) => ({ id: await personOf(u) }) }, denied: { as: 'staff1', input: async (u) => ({ id: await personOf(u) }) } },
  'org.people.save': { allowed: { as: 'hr1', input: () => PERSON }, denied: { as: 'staff1', input: () => PERSON } },
  'org.people.linkAccount': {
    allowed: { as: 'hr1', input: async (u) => ({ personId: await personOf(u), userId: u.ids.staff1 }) },
    denied: { as: 'sysadmin', input: async (u) => ({ personId: await personOf(u), userId: u.ids.staff1 }) },
  },
  'org.accounts.list': { allowed: { as: 'hr1' }, denied: { as: 'secadmin' } },
  'org.leadership.get': { allowed: { as: 'disc1' }, denied: { as: 'staff1' } },
  'org.leadership.set': {
    allowed: { as: 'hr1', input: async (u) => ({ headId: await personOf(u), memberIds: [], disciplineIds: [], effectiveOn: today }) },
    denied: { as: 'head1', input: () => ({ headId: null, memberIds: [], disciplineIds: [], effectiveOn: today }) },
  },
  'org.roster.template': { allowed: { as: 'hr1', input: () => ({ format: 'csv' }) }, denied: { as: 'staff1', input: () => ({ format: 'csv' }) } },
  'org.roster.preview': { allowed: { as: 'hr1', input: () => ROSTER }, denied: { as: 'head1', input: () => ROSTER } },
  'org.roster.import': { allowed: { as: 'hr1', input: () => ROSTER }, denied: { as: 'auditor', input: () => ROSTER } },
  'calendar.years': { allowed: { as: 'staff1' }, denied: { as: null, expect: 'NOT_AUTHENTICATED' } },
  'calendar.year': { allowed: { as: 'staff1', input: () => ({ year: 2026 }) }, denied: { as: null, input: () => ({ year: 2026 }), expect: 'NOT_AUTHENTICATED' } },
  'calendar.addWorkingDays': {
    allowed: { as: 'staff1', input: () => ({ from: '2026-09-30', days: 5 }) },
    denied: { as: null, input: () => ({ from: '2026-09-30', days: 5 }), expect: 'NOT_AUTHENTICATED' },
  },
  'calendar.import': { allowed: { as: 'hr1', input: () => TABLE_2027 }, denied: { as: 'staff1', input: () => TABLE_2027 } },
  'policy.get': { allowed: { as: 'head1', input: () => ({ year: 2026 }) }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'policy.import': { allowed: { as: 'hr1', input: () => ({ year: 2026, file: POLICY_FILE }) }, denied: { as: 'head1', input: () => ({ year: 2026, file: POLICY_FILE }) } },
  'policy.decide': {
    allowed: { as: 'head1', input: async (u) => ({ id: await pendingPolicy(u), approve: true }) },
    denied: { as: 'hr1', input: async (u) => ({ id: await pendingPolicy(u), approve: true }) },
  },
  'guideline.get': { allowed: { as: 'staff1', input: () => ({ year: 2026 }) }, denied: { as: 'sysadmin', input: () => ({ year: 2026 }) } },
  'guideline.version': {
    allowed: { as: 'staff1', input: async (u) => (await published(u), { year: 2026, version: 1 }) },
    denied: { as: 'auditor', input: async (u) => (await published(u), { year: 2026, version: 1 }) },
  },
  'guideline.validate': { allowed: { as: 'hr1', input: () => ({ guideline: {} }) }, denied: { as: 'staff1', input: () => ({ guideline: {} }) } },
  'guideline.saveDraft': { allowed: { as: 'hr1', input: () => ({ year: 2026 }) }, denied: { as: 'head1', input: () => ({ year: 2026 }) } },
  'guideline.startRevision': {
    allowed: { as: 'hr1', input: async (u) => (await published(u), { year: 2026, reason: '上级部署调整' }) },
    denied: { as: 'staff1', input: () => ({ year: 2026, reason: '上级部署调整' }) },
  },
  'guideline.discardDraft': { allowed: { as: 'hr1', input: async (u) => (await draft(u), { year: 2026 }) }, denied: { as: 'head1', input: () => ({ year: 2026 }) } },
  'guideline.publish': { allowed: { as: 'head1', input: async (u) => (await draft(u), { year: 2026 }) }, denied: { as: 'hr1', input: async (u) => (await draft(u), { year: 2026 }) } },
  'ledger.list': { allowed: { as: 'hr1' }, denied: { as: 'sysadmin' } },
  'ledger.add': { allowed: { as: 'none1', input: ledgerReport }, denied: { as: 'staff1', input: ledgerReport } },
  'ledger.void': {
    allowed: { as: 'none1', input: async (u) => ({ entryId: (await ledgerEntry(u)).id, reason: '录入错误' }) },
    denied: { as: 'hr1', input: async (u) => ({ entryId: (await ledgerEntry(u)).id, reason: '录入错误' }) },
  },
  'ledger.attachment': {
    allowed: { as: 'hr1', input: async (u) => ({ attachmentId: (await ledgerEntry(u, [{ fileName: 'a.txt', contentBase64: b64('记录') }])).attachments[0]!.id }) },
    denied: { as: 'sysadmin', input: async (u) => ({ attachmentId: (await ledgerEntry(u, [{ fileName: 'a.txt', contentBase64: b64('记录') }])).attachments[0]!.id }) },
  },
  'ledger.export': { allowed: { as: 'hr1' }, denied: { as: 'auditor' } },
  'attendance.preview': { allowed: { as: 'hr1', input: () => ATTENDANCE }, denied: { as: 'head1', input: () => ATTENDANCE } },
  'attendance.import': { allowed: { as: 'hr1', input: async (u) => (await personOf(u), ATTENDANCE) }, denied: { as: 'staff1', input: () => ATTENDANCE } },
  'survey.preview': { allowed: { as: 'hr1', input: () => SURVEY }, denied: { as: 'disc1', input: () => SURVEY } },
  'survey.import': { allowed: { as: 'hr1', input: async (u) => (await personOf(u), SURVEY) }, denied: { as: 'head1', input: () => SURVEY } },
  'records.template': { allowed: { as: 'hr1', input: () => ({ kind: 'attendance', format: 'csv' }) }, denied: { as: 'staff1', input: () => ({ kind: 'survey' }) } },
  'records.columns': { allowed: { as: 'hr1', input: () => ({ kind: 'survey' }) }, denied: { as: 'head1', input: () => ({ kind: 'attendance' }) } },
  'survey.summary': { allowed: { as: 'hr1', input: () => ({ year: 2026 }) }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'talks.list': { allowed: { as: 'hr1', input: () => ({ month: '2026-03' }) }, denied: { as: 'none1', input: () => ({ month: '2026-03' }) } },
  'talks.record': { allowed: { as: 'staff1', input: talkWithReport }, denied: { as: 'hr1', input: talkWithReport } },
  'quarterly.status': { allowed: { as: 'hr1', input: () => QY }, denied: { as: 'sysadmin', input: () => QY } },
  'quarterly.get': {
    allowed: { as: 'staff1', input: async (u) => ({ personId: await staffSelf(u), ...QY }) },
    denied: { as: 'none1', input: async (u) => ({ personId: await staffSelf(u), ...QY }) },
  },
  'quarterly.submitSummary': {
    allowed: { as: 'staff1', input: async (u) => ({ personId: await staffSelf(u), ...NOWQ, text: '本季度工作小结' }) },
    denied: { as: 'hr1', input: async (u) => ({ personId: await staffSelf(u), ...QY, text: '本季度工作小结' }) },
  },
  'quarterly.rate': {
    allowed: {
      as: 'none1',
      input: async (u) => ({ personId: (await ledgerReport(u)).personId, ...(await reopened(u, LAST_Q1)), performance: 85, potential: 80, withoutSummary: true }),
    },
    denied: { as: 'staff1', input: async (u) => ({ personId: (await ledgerReport(u)).personId, ...QY, performance: 85, potential: 80 }) },
  },
  'quarterly.assignPeers': { allowed: { as: 'hr1', input: peers }, denied: { as: 'head1', input: peers } },
  'quarterly.autoAssignPeers': { allowed: { as: 'hr1', input: async (u) => (await peers(u), NOWQ) }, denied: { as: 'head1', input: () => NOWQ } },
  'quarterly.reopen': { allowed: { as: 'hr1', input: () => ({ ...LAST_Q1, reason: '补评' }) }, denied: { as: 'staff1', input: () => ({ ...LAST_Q1, reason: '补评' }) } },
  'quarterly.amend': {
    // Authorised, then refused by the rule: nobody rated the person in that quarter.
    allowed: { as: 'hr1', input: async (u) => ({ personId: await personOf(u), ...LAST_Q1, performance: 80, potential: 80, reason: '更正' }), expect: 'QUARTERLY_AMEND_NO_RATING' },
    denied: { as: 'head1', input: async (u) => ({ personId: await personOf(u), ...LAST_Q1, performance: 80, potential: 80, reason: '更正' }) },
  },
  'quarterly.myPeerAssignments': { allowed: { as: 'staff1' }, denied: { as: 'sysadmin' } },
  'quarterly.peerRate': { allowed: { as: 'staff1', input: peerAssignment }, denied: { as: 'hr1', input: peerAssignment } },
  'quarterly.nineBox': { allowed: { as: 'head1', input: () => QY }, denied: { as: 'auditor', input: () => QY } },
  'quarterly.followups.list': { allowed: { as: 'head1' }, denied: { as: 'hr1' } },
  'quarterly.followups.update': { allowed: { as: 'head1', input: followup }, denied: { as: 'hr1', input: followup } },
  'commitments.get': {
    allowed: { as: 'none1', input: async (u) => ({ personId: (await letterAt(u, 'draft')).personId, year: thisYear }) },
    denied: { as: 'disc1', input: async (u) => ({ personId: (await letterAt(u, 'draft')).personId, year: thisYear }) },
  },
  'commitments.list': { allowed: { as: 'hr1', input: () => ({ year: thisYear }) }, denied: { as: 'auditor', input: () => ({ year: thisYear }) } },
  'commitments.saveDraft': {
    allowed: { as: 'staff1', input: async (u) => { const { requestId: _r, ...l } = await letterAt(u, 'none'); return l } },
    denied: { as: 'none1', input: async (u) => { const { requestId: _r, ...l } = await letterAt(u, 'none'); return l } },
  },
  'commitments.submit': {
    allowed: { as: 'staff1', input: async (u) => ({ personId: (await letterAt(u, 'draft')).personId, year: thisYear }) },
    denied: { as: 'hr1', input: async (u) => ({ personId: (await letterAt(u, 'draft')).personId, year: thisYear }) },
  },
  'commitments.review': {
    allowed: { as: 'none1', input: async (u) => ({ personId: (await letterAt(u, 'submitted')).personId, year: thisYear, decision: 'approve' }) },
    denied: { as: 'staff1', input: async (u) => ({ personId: (await letterAt(u, 'submitted')).personId, year: thisYear, decision: 'approve' }) },
  },
  'commitments.complete': {
    allowed: { as: 'none1', input: async (u) => ({ personId: (await letterAt(u, 'approved')).personId, year: thisYear, taskKey: 'T1', completedOn: today }) },
    denied: { as: 'hr1', input: async (u) => ({ personId: (await letterAt(u, 'approved')).personId, year: thisYear, taskKey: 'T1', completedOn: today }) },
  },
  'commitments.requestRevision': {
    allowed: {
      as: 'staff1',
      input: async (u) => ({ personId: (await letterAt(u, 'approved')).personId, year: thisYear, reason: '任务调整', changes: [{ op: 'withdraw', taskKey: 'T1' }] }),
    },
    denied: {
      as: 'none1',
      input: async (u) => ({ personId: (await letterAt(u, 'approved')).personId, year: thisYear, reason: '任务调整', changes: [{ op: 'withdraw', taskKey: 'T1' }] }),
    },
  },
  'commitments.decideRevision': { allowed: { as: 'head1', input: revisionOf }, denied: { as: 'none1', input: revisionOf } },
  // Kiosk mode lives in the session: a fresh sign-in is not in it, so the allowed calls pass the
  // router's permission check and reach the handler's own refusal.
  'kiosk.start': { allowed: { as: 'hr1' }, denied: { as: 'staff1' } },
  'kiosk.officials': { allowed: { as: 'hr1', expect: 'KIOSK_NOT_ACTIVE' }, denied: { as: 'head1' } },
  'kiosk.rate': {
    allowed: { as: 'hr1', input: async (u) => ({ personId: await personOf(u), level: 'satisfied' }), expect: 'KIOSK_NOT_ACTIVE' },
    denied: { as: 'staff1', input: async (u) => ({ personId: await personOf(u), level: 'satisfied' }) },
  },
  'kiosk.exit': { allowed: { as: 'hr1', input: () => ({ password: passwordOf('hr1') }), expect: 'KIOSK_NOT_ACTIVE' }, denied: { as: 'disc1', input: () => ({ password: 'x' }) } },
  'leadership.mySheets': { allowed: { as: 'head1', input: () => ({ year: 2026 }), expect: 'LEADERSHIP_NOT_MEMBER' }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'leadership.sheet': { allowed: { as: 'head1', input: () => ({ year: 2026, personId: 1 }), expect: 'LEADERSHIP_NOT_MEMBER' }, denied: { as: 'hr1', input: () => ({ year: 2026, personId: 1 }) } },
  'leadership.saveSheet': {
    allowed: { as: 'head1', input: () => ({ year: 2026, personId: 1, scores: {} }), expect: 'LEADERSHIP_NOT_MEMBER' },
    denied: { as: 'hr1', input: () => ({ year: 2026, personId: 1, scores: {} }) },
  },
  'leadership.progress': { allowed: { as: 'hr1', input: () => ({ year: 2026 }) }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'leadership.open': { allowed: { as: 'hr1', input: async (u) => (await published(u), { year: 2026 }) }, denied: { as: 'head1', input: () => ({ year: 2026 }) } },
  'leadership.relatives': { allowed: { as: 'hr1' }, denied: { as: 'head1' } },
  'leadership.declareRelative': { allowed: { as: 'hr1', input: twoPeople }, denied: { as: 'staff1', input: twoPeople } },
  'leadership.removeRelative': { allowed: { as: 'hr1', input: () => ({ id: 999 }), expect: 'NOT_FOUND' }, denied: { as: 'staff1', input: () => ({ id: 999 }) } },
  'leadership.previewScores': {
    allowed: { as: 'hr1', input: async (u) => (await published(u), { year: 2026, file: SCORE_FILE }) },
    denied: { as: 'head1', input: () => ({ year: 2026, file: SCORE_FILE }) },
  },
  'leadership.importScores': {
    allowed: { as: 'hr1', input: async (u) => (await published(u), { year: 2026, file: SCORE_FILE }), expect: 'LEADERSHIP_IMPORT_INVALID' },
    denied: { as: 'head1', input: () => ({ year: 2026, file: SCORE_FILE }) },
  },
  'integrity.reviews': { allowed: { as: 'disc1', input: () => ({ year: 2026 }) }, denied: { as: 'hr1', input: () => ({ year: 2026 }) } },
  'integrity.recordReview': {
    allowed: { as: 'disc1', input: async (u) => ({ year: 2026, personId: await personOf(u), status: 'completed', finding: 'none', details: '无问题' }) },
    denied: { as: 'hr1', input: async (u) => ({ year: 2026, personId: await personOf(u), status: 'pending' }) },
  },
  'integrity.outcomes': { allowed: { as: 'hr1', input: () => ({ year: 2026 }) }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'integrity.sanctions': { allowed: { as: 'disc1', input: () => ({ year: 2026 }) }, denied: { as: 'head1', input: () => ({ year: 2026 }) } },
  'integrity.addSanction': {
    allowed: { as: 'disc1', input: async (u) => ({ personId: await personOf(u), sanction: '诫勉', decidedOn: '2026-05-01' }) },
    denied: { as: 'hr1', input: async (u) => ({ personId: await personOf(u), sanction: '诫勉', decidedOn: '2026-05-01' }) },
  },
  'integrity.endSanction': { allowed: { as: 'disc1', input: () => ({ id: 999, effectiveTo: '2026-12-31' }), expect: 'NOT_FOUND' }, denied: { as: 'hr1', input: () => ({ id: 999, effectiveTo: '2026-12-31' }) } },
  'integrity.openInvestigation': {
    allowed: { as: 'disc1', input: async (u) => ({ personId: await personOf(u), openedOn: '2026-06-01' }) },
    denied: { as: 'head1', input: async (u) => ({ personId: await personOf(u), openedOn: '2026-06-01' }) },
  },
  'integrity.closeInvestigation': { allowed: { as: 'disc1', input: () => ({ id: 999, closedOn: '2026-12-31' }), expect: 'NOT_FOUND' }, denied: { as: 'hr1', input: () => ({ id: 999, closedOn: '2026-12-31' }) } },
  'leads.lodge': { allowed: { as: 'staff1', input: () => ({ text: '反映某窗口吃拿卡要', anonymous: true }) }, denied: { as: null, input: () => ({ text: 'x' }), expect: 'NOT_AUTHENTICATED' } },
  'leads.lodgeAtKiosk': { allowed: { as: 'hr1', input: () => ({ text: '反映问题' }), expect: 'KIOSK_NOT_ACTIVE' }, denied: { as: null, input: () => ({ text: 'x' }), expect: 'NOT_AUTHENTICATED' } },
  'leads.list': { allowed: { as: 'disc1' }, denied: { as: 'hr1' } },
  'leads.update': { allowed: { as: 'disc1', input: () => ({ id: 999, status: 'verifying' }), expect: 'NOT_FOUND' }, denied: { as: 'hr1', input: () => ({ id: 999, status: 'verifying' }) } },
  'democratic.round': { allowed: { as: 'hr1', input: () => ({ year: 2026 }) }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'democratic.open': { allowed: { as: 'hr1', input: () => ({ year: 2026 }) }, denied: { as: 'head1', input: () => ({ year: 2026 }) } },
  'democratic.close': { allowed: { as: 'hr1', input: () => ({ year: 2026 }), expect: 'DEMOCRATIC_ROUND_NOT_OPEN' }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'democratic.codes': { allowed: { as: 'hr1', input: openRound2026 }, denied: { as: 'head1', input: openRound2026 } },
  'democratic.importTallies': {
    allowed: { as: 'hr1', input: () => ({ year: 2026, file: TALLY_FILE, dryRun: true }) },
    denied: { as: 'head1', input: () => ({ year: 2026, file: TALLY_FILE, dryRun: true }) },
  },
  'democratic.aggregate': { allowed: { as: 'head1', input: () => ({ year: 2026 }) }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  'democratic.kioskStart': { allowed: { as: 'hr1', input: () => ({ year: 2026 }), expect: 'DEMOCRATIC_ROUND_NOT_OPEN' }, denied: { as: 'staff1', input: () => ({ year: 2026 }) } },
  // A fresh sign-in is not in the ballot kiosk: the allowed calls reach the handler's own refusal.
  'democratic.ballotBegin': { allowed: { as: 'hr1', input: () => ({ code: 'AAAA-AAAA-AAAA' }), expect: 'BALLOT_KIOSK_NOT_ACTIVE' }, denied: { as: 'staff1', input: () => ({ code: 'AAAA-AAAA-AAAA' }) } },
  'democratic.ballotSubmit': {
    allowed: { as: 'hr1', input: () => ({ code: 'AAAA-AAAA-AAAA', cells: [] }), expect: 'BALLOT_KIOSK_NOT_ACTIVE' },
    denied: { as: 'staff1', input: () => ({ code: 'AAAA-AAAA-AAAA', cells: [] }) },
  },
  'annual.round': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'annual.explain': {
    allowed: { as: 'head1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
  },
  'annual.inputs': { allowed: { as: 'head1', input: () => ({ year: 2030 }) }, denied: { as: 'disc1', input: () => ({ year: 2030 }) } },
  'annual.propose': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'head1', input: () => ({ year: 2030 }) } },
  'annual.decide': {
    // Authorised, then refused by the rule: nothing is proposed for the year.
    allowed: { as: 'head1', input: async (u) => ({ year: 2030, changes: [{ personId: await personOf(u), grade: '称职' }] }), expect: 'ANNUAL_STAGE' },
    denied: { as: 'hr1', input: async (u) => ({ year: 2030, changes: [{ personId: await personOf(u), grade: '称职' }] }) },
  },
  'annual.confirm': { allowed: { as: 'head1', input: () => ({ year: 2030 }), expect: 'ANNUAL_STAGE' }, denied: { as: 'hr1', input: () => ({ year: 2030 }) } },
  'annual.publish': { allowed: { as: 'hr1', input: () => ({ year: 2030 }), expect: 'ANNUAL_STAGE' }, denied: { as: 'head1', input: () => ({ year: 2030 }) } },
  'annual.recordApproval': {
    allowed: { as: 'hr1', input: () => ({ year: 2030, document: '某组干〔2031〕1号', count: 2 }) },
    denied: { as: 'staff1', input: () => ({ year: 2030, document: '某组干〔2031〕1号', count: 2 }) },
  },
  'annual.recordPriorGrade': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2029, personId: await personOf(u), grade: '称职' }) },
    denied: { as: 'disc1', input: async (u) => ({ year: 2029, personId: await personOf(u), grade: '称职' }) },
  },
  'annual.addRectificationPlan': {
    allowed: { as: 'hr1', input: async (u) => ({ personId: await personOf(u), startsOn: '2030-03-01', endsOn: '2030-05-31', reason: '基本称职整改' }) },
    denied: { as: 'head1', input: async (u) => ({ personId: await personOf(u), startsOn: '2030-03-01', endsOn: '2030-05-31', reason: '基本称职整改' }) },
  },
  'annual.published': { allowed: { as: 'staff1', input: () => ({ year: 2030 }) }, denied: { as: null, input: () => ({ year: 2030 }), expect: 'NOT_AUTHENTICATED' } },
  'annual.object': {
    // Authorised, then refused by the rule: no results are in publicity.
    allowed: { as: 'staff1', input: () => ({ year: 2030, text: '公示异议' }), expect: 'ANNUAL_STAGE' },
    denied: { as: null, input: () => ({ year: 2030, text: '公示异议' }), expect: 'NOT_AUTHENTICATED' },
  },
  'annual.mine': { allowed: { as: 'staff1', input: () => ({ year: 2030 }) }, denied: { as: null, input: () => ({ year: 2030 }), expect: 'NOT_AUTHENTICATED' } },
  // Feedback forms (issue 10): no round is final in this unit, so the allowed calls meet the rules' refusals.
  'feedback.list': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'feedback.show': { allowed: { as: 'hr1', input: () => ({ formId: 999_999 }), expect: 'NOT_FOUND' }, denied: { as: 'staff1', input: () => ({ formId: 1 }) } },
  'feedback.print': { allowed: { as: 'hr1', input: () => ({ formId: 999_999 }), expect: 'NOT_FOUND' }, denied: { as: 'staff1', input: () => ({ formId: 1 }) } },
  'feedback.verify': { allowed: { as: 'head1', input: () => ({ code: 'ABCD-EFGH-JKMN' }) }, denied: { as: 'staff1', input: () => ({ code: 'ABCD-EFGH-JKMN' }) } },
  'feedback.generate': { allowed: { as: 'hr1', input: () => ({ year: 2030 }), expect: 'FEEDBACK_NOT_FINAL' }, denied: { as: 'head1', input: () => ({ year: 2030 }) } },
  'feedback.reassign': { allowed: { as: 'hr1', input: () => ({ formId: 999_999, interviewerId: 1 }), expect: 'NOT_FOUND' }, denied: { as: 'staff1', input: () => ({ formId: 1, interviewerId: 1 }) } },
  'feedback.reissue': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), reason: '申诉后更正' }), expect: 'FEEDBACK_NO_INTERVIEWER' },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u), reason: '申诉后更正' }) },
  },
  'feedback.saveText': {
    allowed: { as: 'staff1', input: () => ({ formId: 999_999, strengths: 'a', weaknesses: 'b', improvements: 'c', interviewOn: null }), expect: 'NOT_FOUND' },
    denied: { as: null, input: () => ({ formId: 1, strengths: 'a', weaknesses: 'b', improvements: 'c', interviewOn: null }), expect: 'NOT_AUTHENTICATED' },
  },
  'feedback.sign': {
    allowed: { as: 'staff1', input: () => ({ formId: 999_999, as: 'person', password: 'x' }), expect: 'NOT_FOUND' },
    denied: { as: null, input: () => ({ formId: 1, as: 'person', password: 'x' }), expect: 'NOT_AUTHENTICATED' },
  },
  'feedback.refuse': {
    allowed: { as: 'staff1', input: () => ({ formId: 999_999, note: '拒签', witnessUsername: 'hr1', witnessPassword: 'x' }), expect: 'NOT_FOUND' },
    denied: { as: null, input: () => ({ formId: 1, note: '拒签', witnessUsername: 'hr1', witnessPassword: 'x' }), expect: 'NOT_AUTHENTICATED' },
  },
  // 登记表 (issue 10, 1b): each part only by its role.
  'register.get': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
  },
  'register.mine': { allowed: { as: 'staff1', input: () => ({ year: 2030 }) }, denied: { as: null, input: () => ({ year: 2030 }), expect: 'NOT_AUTHENTICATED' } },
  'register.list': { allowed: { as: 'head1', input: () => ({ year: 2030 }) }, denied: { as: 'disc1', input: () => ({ year: 2030 }) } },
  'register.saveOwn': {
    allowed: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await staffSelf(u), part: 'summary', text: '年度工作总结草稿' }) },
    denied: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), part: 'summary', text: '代写' }) },
  },
  'register.saveSupervisor': {
    // Authorised, then refused by the rule: the person has not submitted their summary.
    allowed: { as: 'none1', input: async (u) => ({ year: 2030, personId: (await ledgerReport(u)).personId, text: '工作认真' }), expect: 'REGISTER_NOT_YET' },
    denied: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), text: '工作认真' }) },
  },
  'register.saveHead': {
    allowed: { as: 'head1', input: async (u) => ({ year: 2030, personId: await personOf(u), text: '同意' }) },
    denied: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), text: '同意' }) },
  },
  'register.saveCommittee': {
    // Authorised, then refused by the rule: no grade is confirmed for 2030.
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), text: '同意' }), expect: 'REGISTER_NOT_YET' },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u), text: '同意' }) },
  },
  'register.saveHr': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), part: 'training', text: '参加初任培训 5 天' }) },
    denied: { as: 'head1', input: async (u) => ({ year: 2030, personId: await personOf(u), part: 'training', text: '参加初任培训 5 天' }) },
  },
  'register.print': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
  },
  'register.printAll': {
    allowed: { as: 'hr1', input: async (u) => ({ year: (await personOf(u)) && 2030 }) },
    denied: { as: 'head1', input: () => ({ year: 2030 }) },
  },
  'analysis.team': { allowed: { as: 'head1', input: () => ({ year: 2030 }), expect: 'ANALYSIS_NO_ROUND' }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'analysis.export': { allowed: { as: 'hr1', input: () => ({ year: 2030 }), expect: 'ANALYSIS_NO_ROUND' }, denied: { as: 'disc1', input: () => ({ year: 2030 }) } },
  // 成长档案 (issue 10, item 4): the person, their supervisor chain, HR and the leadership group.
  'archive.people': { allowed: { as: 'hr1', input: () => ({}) }, denied: { as: 'sysadmin', input: () => ({}) } },
  'archive.show': {
    allowed: { as: 'staff1', input: async (u) => ({ personId: await staffSelf(u) }) },
    denied: { as: 'none1', input: async (u) => ({ personId: await staffSelf(u) }) },
  },
  'archive.print': {
    allowed: { as: 'hr1', input: async (u) => ({ personId: await personOf(u) }) },
    denied: { as: 'staff1', input: async (u) => ({ personId: await personOf(u) }) },
  },
  'archive.suggestions': { allowed: { as: 'hr1', input: () => ({}) }, denied: { as: 'staff1', input: () => ({}) } },
  'archive.setSuggestion': {
    allowed: { as: 'hr1', input: () => ({ key: 'innovation', suggestion: '赴先进地区跟班学习' }) },
    denied: { as: 'head1', input: () => ({ key: 'innovation', suggestion: '赴先进地区跟班学习' }) },
  },
  // 结果应用 (issue 10, item 3): T2, HR and the leadership group; follow-ups by their owners.
  'outcomes.bonus': { allowed: { as: 'head1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'outcomes.setBonus': {
    allowed: { as: 'hr1', input: () => ({ year: 2030, baseFen: 1_000_000, budgetFen: 5_000_000 }) },
    denied: { as: 'head1', input: () => ({ year: 2030, baseFen: 1_000_000, budgetFen: 5_000_000 }) },
  },
  'outcomes.exportBonus': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  // Authorised, then refused by the rule: 2030 has no final results.
  'outcomes.generate': { allowed: { as: 'hr1', input: () => ({ year: 2030 }), expect: 'OUTCOMES_NOT_FINAL' }, denied: { as: 'head1', input: () => ({ year: 2030 }) } },
  'outcomes.followups': { allowed: { as: 'staff1', input: () => ({}) }, denied: { as: null, input: () => ({}), expect: 'NOT_AUTHENTICATED' } },
  'outcomes.completeFollowup': {
    allowed: { as: 'staff1', input: () => ({ id: 999_999, note: '已完成' }), expect: 'NOT_FOUND' },
    denied: { as: null, input: () => ({ id: 999_999, note: '已完成' }), expect: 'NOT_AUTHENTICATED' },
  },
  'outcomes.lists': { allowed: { as: 'head1', input: () => ({ year: 2030 }) }, denied: { as: 'disc1', input: () => ({ year: 2030 }) } },
  'outcomes.addTalent': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), reason: '业务骨干' }) },
    denied: { as: 'head1', input: async (u) => ({ year: 2030, personId: await personOf(u), reason: '业务骨干' }) },
  },
  'outcomes.removeTalent': {
    allowed: { as: 'hr1', input: () => ({ entryId: 999_999, reason: '调离' }), expect: 'NOT_FOUND' },
    denied: { as: 'staff1', input: () => ({ entryId: 999_999, reason: '调离' }) },
  },
  // 培训辅导 (issue 10, item 6): HR manages; HR and the leadership group read; the reminder is one's own.
  'training.sessions': { allowed: { as: 'head1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'training.addSession': {
    allowed: { as: 'hr1', input: () => ({ year: 2030, kind: 'assessor', title: '考核标准解读与沟通技巧', heldOn: '2030-02-20', hours: 3 }) },
    denied: { as: 'head1', input: () => ({ year: 2030, kind: 'assessor', title: '考核标准解读与沟通技巧', heldOn: '2030-02-20', hours: 3 }) },
  },
  'training.attend': {
    allowed: { as: 'hr1', input: () => ({ sessionId: 999_999, staffNos: ['0001'] }), expect: 'NOT_FOUND' },
    denied: { as: 'staff1', input: () => ({ sessionId: 999_999, staffNos: ['0001'] }) },
  },
  'training.report': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'training.myReminder': { allowed: { as: 'staff1', input: () => ({ year: 2030 }) }, denied: { as: null, input: () => ({ year: 2030 }), expect: 'NOT_AUTHENTICATED' } },
  'training.needs': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'head1', input: () => ({ year: 2030 }) } },
  'training.enrolments': { allowed: { as: 'head1', input: () => ({ year: 2030 }) }, denied: { as: 'disc1', input: () => ({ year: 2030 }) } },
  'training.enrol': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), key: 'ability' }), expect: 'TRAINING_NEED_UNKNOWN' },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u), key: 'ability' }) },
  },
  'training.linkEnrolment': {
    allowed: { as: 'hr1', input: () => ({ id: 999_999, sessionId: 999_999 }), expect: 'NOT_FOUND' },
    denied: { as: 'head1', input: () => ({ id: 999_999, sessionId: 999_999 }) },
  },
  'training.cancelEnrolment': {
    allowed: { as: 'hr1', input: () => ({ id: 999_999, reason: '调离' }), expect: 'NOT_FOUND' },
    denied: { as: 'staff1', input: () => ({ id: 999_999, reason: '调离' }) },
  },
  'appeals.window': {
    allowed: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await staffSelf(u) }) },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
  },
  'appeals.list': {
    allowed: { as: 'hr1', input: () => ({ year: 2030 }) },
    denied: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await personOf(u) }) },
  },
  'appeals.show': { allowed: { as: 'hr1', input: () => ({ appealId: 999_999 }), expect: 'NOT_FOUND' }, denied: { as: 'staff1', input: () => ({ appealId: 999_999 }) } },
  'appeals.file': {
    allowed: { as: 'staff1', input: async (u) => ({ year: 2030, personId: await staffSelf(u), items: ['channel:leadership'], gradeAsked: '优秀', text: '申诉理由' }), expect: 'APPEAL_NOT_DELIVERED' },
    denied: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), items: ['channel:leadership'], gradeAsked: '优秀', text: '申诉理由' }) },
  },
  'appeals.withdraw': { allowed: { as: 'staff1', input: async (u) => (await staffSelf(u), { appealId: 999_999 }), expect: 'NOT_FOUND' }, denied: { as: null, input: () => ({ appealId: 999_999 }), expect: 'NOT_AUTHENTICATED' } },
  'appeals.answer': {
    allowed: { as: 'head1', input: () => ({ appealId: 999_999, decision: 'refused', reason: '理由' }), expect: 'NOT_FOUND' },
    denied: { as: 'hr1', input: () => ({ appealId: 999_999, decision: 'refused', reason: '理由' }) },
  },
  'appeals.recordRoute': {
    allowed: { as: 'hr1', input: async (u) => ({ year: 2030, personId: await personOf(u), route: 'review', filedOn: today, body: '本机关', documentNo: '复字1号' }), expect: 'APPEAL_ROUTE_INVALID' },
    denied: { as: 'head1', input: async (u) => ({ year: 2030, personId: await personOf(u), route: 'review', filedOn: today, body: '本机关', documentNo: '复字1号' }) },
  },
  'appeals.extendRoute': { allowed: { as: 'hr1', input: () => ({ appealId: 999_999 }), expect: 'NOT_FOUND' }, denied: { as: 'head1', input: () => ({ appealId: 999_999 }) } },
  'appeals.decideRoute': {
    allowed: { as: 'hr1', input: () => ({ appealId: 999_999, decision: 'refused', reason: '理由', decidedOn: today }), expect: 'NOT_FOUND' },
    denied: { as: 'head1', input: () => ({ appealId: 999_999, decision: 'refused', reason: '理由', decidedOn: today }) },
  },
  // Sealed packages (issue 11): at a fresh unit with no registered superior, each allowed call reaches its rule.
  'bundles.exportResults': { allowed: { as: 'hr1', input: () => ({ year: 2030 }), expect: 'PACKAGE_NO_PEER' }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'bundles.exportDownward': {
    allowed: { as: 'hr1', input: () => ({ officeUid: '0'.repeat(32), kind: 'quota', year: 2030, quota: { document: '文号', count: 1 } }), expect: 'PACKAGE_WRONG_OFFICE' },
    denied: { as: 'staff1', input: () => ({ officeUid: '0'.repeat(32), kind: 'quota', year: 2030, quota: { document: '文号', count: 1 } }) },
  },
  'bundles.exportReceipt': { allowed: { as: 'hr1', input: () => ({ packageId: 'a'.repeat(32) }), expect: 'PACKAGE_NOT_FOUND' }, denied: { as: 'staff1', input: () => ({ packageId: 'a'.repeat(32) }) } },
  'bundles.resend': { allowed: { as: 'hr1', input: () => ({ packageId: 'a'.repeat(32) }), expect: 'PACKAGE_NOT_FOUND' }, denied: { as: 'staff1', input: () => ({ packageId: 'a'.repeat(32) }) } },
  'bundles.verify': { allowed: { as: 'hr1', input: () => ({ file: NOT_A_PACKAGE }) }, denied: { as: 'staff1', input: () => ({ file: NOT_A_PACKAGE }) } },
  'bundles.preview': { allowed: { as: 'hr1', input: () => ({ file: NOT_A_PACKAGE }) }, denied: { as: 'staff1', input: () => ({ file: NOT_A_PACKAGE }) } },
  'bundles.import': { allowed: { as: 'hr1', input: () => ({ file: NOT_A_PACKAGE }), expect: 'PACKAGE_REJECTED' }, denied: { as: 'staff1', input: () => ({ file: NOT_A_PACKAGE }) } },
  'bundles.list': { allowed: { as: 'hr1' }, denied: { as: 'staff1' } },
  'keycards.own': { allowed: { as: 'hr1' }, denied: { as: 'staff1' } },
  'keycards.exportCard': { allowed: { as: 'hr1' }, denied: { as: 'staff1' } },
  'keycards.registrationForm': { allowed: { as: 'hr1' }, denied: { as: 'staff1' } },
  'keycards.inspect': { allowed: { as: 'hr1', input: () => ({ file: NOT_A_CARD }), expect: 'KEYCARD_INVALID' }, denied: { as: 'staff1', input: () => ({ file: NOT_A_CARD }) } },
  'keycards.import': {
    allowed: { as: 'hr1', input: () => ({ file: NOT_A_CARD, fingerprint: '12345' }), expect: 'KEYCARD_INVALID' },
    denied: { as: 'staff1', input: () => ({ file: NOT_A_CARD, fingerprint: '12345' }) },
  },
  'keycards.offices': { allowed: { as: 'hr1' }, denied: { as: 'staff1' } },
  'keycards.rotate': { allowed: { as: 'hr1', input: () => ({ reason: '年度更换' }) }, denied: { as: 'staff1', input: () => ({ reason: '年度更换' }) } },
  'keycards.revokeOwn': { allowed: { as: 'hr1', input: () => ({ reason: '测试' }) }, denied: { as: 'head1', input: () => ({ reason: '测试' }) } },
  'keycards.revokePeer': {
    allowed: { as: 'hr1', input: () => ({ officeUid: 'a'.repeat(32), keyId: 'b'.repeat(16), reason: '测试' }), expect: 'KEYCARD_NOT_FOUND' },
    denied: { as: 'staff1', input: () => ({ officeUid: 'a'.repeat(32), keyId: 'b'.repeat(16), reason: '测试' }) },
  },
  'bundles.consolidated': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'bundles.exportConsolidated': { allowed: { as: 'hr1', input: () => ({ year: 2030 }) }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'bundles.filingReport': { allowed: { as: 'hr1', input: () => ({ year: 2030 }), expect: 'PACKAGE_RESULTS_NOT_FINAL' }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
  'bundles.filingRoster': { allowed: { as: 'hr1', input: () => ({ year: 2030 }), expect: 'PACKAGE_RESULTS_NOT_FINAL' }, denied: { as: 'staff1', input: () => ({ year: 2030 }) } },
}

describe('the contract', () => {
  it('lists every method once, each with a schema, a known permission and a handler', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort())
    // The walk's cases are the slices' methods, no more and no fewer (test/api/contractSlices.test.ts checks the rest).
    expect(Object.keys(CASES).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) {
      const def = contract[name]
      expect(def.input, name).toBeInstanceOf(z.ZodType)
      expect(Object.keys(PERMISSIONS), name).toContain(def.permission)
      expect(['read', 'write'], name).toContain(def.kind)
      const h = handlers[name] as unknown
      expect(typeof h === 'function' || (typeof h === 'object' && h !== null && 'prepare' in h && 'run' in h), name).toBe(true)
      expect(CASES[name], `${name} has access cases`).toBeDefined()
    }
  })

  it('gives administrators no permission that reaches assessment content (T1–T3)', () => {
    for (const [perm, rule] of Object.entries(PERMISSIONS)) {
      if (rule.tier === 'T0' || !Array.isArray(rule.allow)) continue
      for (const admin of ADMIN_ROLES) expect(rule.allow as readonly Role[], perm).not.toContain(admin)
    }
  })
})

describe.each(METHOD_NAMES.map((m) => [m]))('%s', (method) => {
  const c = CASES[method]

  it('is allowed for the right actor', async () => {
    const u = await readyUnit()
    let input = await c.allowed.input?.(u)
    if (method === 'backup.verify' || method === 'backup.restore') input = { ...(input as object), folder: await backupOf(u) }
    await u.as(c.allowed.as)
    const r = await u.app.call(method, input ?? {})
    const want = c.allowed.expect ?? 'ok'
    if (want === 'ok') expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    else expect(r).toMatchObject({ ok: false, error: { code: want } })
  })

  it('is refused for the wrong actor, at the router, and audited', async () => {
    const u = await readyUnit()
    const input = (await c.denied.input?.(u)) ?? {}
    await u.as(c.denied.as)
    const r = await u.app.call(method, input)
    const want = c.denied.expect ?? 'FORBIDDEN'
    expect(r).toMatchObject({ ok: false, error: { code: want } })
    if (want === 'FORBIDDEN') {
      await u.as('auditor')
      const log = await u.ok('audit.list', { action: method, outcome: 'denied', limit: 5 })
      expect(log.entries[0]).toMatchObject({ actor: c.denied.as, action: method, outcome: 'denied' })
    }
  })
})

