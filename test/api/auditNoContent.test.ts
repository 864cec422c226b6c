import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract, METHOD_NAMES, type InputOf, type MethodName } from '../../src/shared/api/contract'
import type { FileContent } from '../../src/shared/api/types'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 defect 11: audit entries hold ids, kinds, counts and hashes, never content (DESIGN.md §4).
 * Every write method that takes text is called with unique marker strings in each free-text field
 * (and inside the files it reads), through the real router on a real encrypted unit; then the whole
 * audit_log table — every column of every row, refusals and failures included — must hold none of
 * them. A new write method with a text field fails the first test until it is covered here.
 */

/**
 * String fields that are not free text an auditor must not read: credentials (never noted, and
 * they must pass the password rule), account names and staff numbers (the ids entries are made
 * of), department codes, dates, months and task keys (formats, not prose), key fingerprints, and
 * the administrators' own folder and file paths for backups and audit exports.
 */
const NOT_FREE_TEXT = new Set([
  'password',
  'oldPassword',
  'newPassword',
  'recoveryCode',
  'username',
  'staffNo',
  'code',
  'unitCode',
  'day',
  'from',
  'to',
  'month',
  'heldOn',
  'joinedOn',
  'leftOn',
  'effectiveOn',
  'effectiveFrom',
  'effectiveTo',
  'decidedOn',
  'openedOn',
  'closedOn',
  'deadline',
  'completedOn',
  'taskKey',
  'key',
  'folder',
  'file',
  'fingerprint',
  // 文号: the higher-level office's document number, an identifier the approval is recorded by.
  'document',
  'startOn',
  // training.attend's attendees by staff number (identifiers, like 'staffNo').
  'staffNos',
])
/** Write methods with free text that no signed-in insider's call reaches the audit log through. */
const NOT_COVERED: Partial<Record<MethodName, string>> = {
  'setup.initialize': 'creates the unit itself (no one is signed in, the unit name is the unit’s T0 identity)',
  'annual.decide': 'needs a proposal, which needs every participant’s leadership sheets, reviews and ballots; test/api/annual.test.ts checks its reasons stay out of the audit log on the demo unit',
  'annual.object': 'needs results in publicity (a whole confirmed round); test/api/annual.test.ts checks its text stays out of the audit log on the demo unit',
  'register.saveCommittee': 'needs a confirmed annual grade (a whole confirmed round); test/api/register.test.ts checks its text stays out of the audit log on the demo unit',
  'leads.lodgeAtKiosk': 'needs kiosk mode, which this walk’s sign-ins cannot leave; test/api/integrity.test.ts checks its text stays out of the audit log',
  // Issue 10: they need a final year (forms, appeals, follow-ups, training needs).
  'feedback.reissue': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'feedback.saveText': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'feedback.sign': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'feedback.refuse': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'archive.setSuggestion': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'outcomes.completeFollowup': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'outcomes.addTalent': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'outcomes.removeTalent': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'training.addSession': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'training.cancelEnrolment': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'appeals.file': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'appeals.answer': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'appeals.recordRoute': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  'appeals.decideRoute': 'walked on the demo unit by test/api/auditNoContentResults.test.ts',
  // Issue 11: they need two registered offices.
  'keycards.import': 'walked between a real superior and unit by test/api/packagesDownward.test.ts',
  'keycards.rotate': 'walked between a real superior and unit by test/api/packagesDownward.test.ts',
  'keycards.revokeOwn': 'walked between a real superior and unit by test/api/packagesDownward.test.ts',
  'keycards.revokePeer': 'walked between a real superior and unit by test/api/packagesDownward.test.ts',
  'bundles.exportDownward': 'walked between a real superior and unit by test/api/packagesDownward.test.ts',
  'bundles.import': 'walked between a real superior and unit by test/api/packagesDownward.test.ts',
}

/** The dotted paths of the string fields of a zod schema (the leaf names are what NOT_FREE_TEXT holds). */
function textFields(schema: z.ZodType, path = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def
  const inner = (s: unknown, p = path) => textFields(s as z.ZodType, p)
  switch (def.type) {
    case 'string':
    case 'unknown':
      return [path]
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => inner(v, path ? `${path}.${k}` : k))
    case 'array':
      return inner(def.element, `${path}[]`)
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType)
    case 'pipe':
      return inner(def.in)
    case 'union':
      return (def.options as unknown[]).flatMap((o) => inner(o))
    default:
      return []
  }
}
const leaf = (path: string) => path.replace(/\[\]/g, '').split('.').pop()!

function freeTextWriteMethods(): MethodName[] {
  return METHOD_NAMES.filter((m) => {
    if (contract[m].kind !== 'write') return false
    return textFields(contract[m].input).some((p) => !NOT_FREE_TEXT.has(leaf(p)) && leaf(p) !== 'contentBase64')
  })
}

const NOW = new Date('2026-04-10T12:00:00Z')
/** The clock the unit reads; moved on only for the amendment of a closed quarter, the last call. */
let now = NOW
let markerCount = 0
const markers: string[] = []
/** A string found nowhere else: ZQX + a counter + a fixed tail (Chinese, to catch re-encodings too). */
function marker(): string {
  const m = `ZQX${String(++markerCount).padStart(3, '0')}标记`
  markers.push(m)
  return m
}
const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })

const ROSTER_HEAD = '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n'
const ROSTER = [
  '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
  '0102,孙丽,办公室,科员,综合管理,二级科员,0101,否,在职,2020-08-01',
  '0103,钱伟,办公室,科员,综合管理,二级科员,0101,否,在职,2018-08-01',
  '0104,王芳,办公室,副主任,综合管理,一级科员,0101,否,在职,2019-07-01',
].join('\n')

type Call = { as: string; method: MethodName; input: (u: Team) => unknown | Promise<unknown> }
interface Team extends ReadyUnit {
  p: Record<'李明' | '孙丽' | '钱伟' | '王芳', number>
}

async function team(): Promise<Team> {
  now = NOW
  const u = await readyUnit({ clock: () => now })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER_HEAD + ROSTER + '\n'))
  const p = Object.fromEntries((await u.ok('org.people.list', {})).map((x) => [x.name, x.id])) as Team['p']
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.none1! })
  await u.ok('org.people.linkAccount', { personId: p.孙丽, userId: u.ids.staff1! })
  await u.ok('org.people.linkAccount', { personId: p.王芳, userId: u.ids.head1! })
  await u.as('secadmin')
  await u.ok('roles.grant', { userId: u.ids.none1!, role: 'supervisor' })
  return Object.assign(u, { p })
}

const task = () => ({ title: marker(), target: 10, unit: marker(), deadline: '2026-12-31', goal: marker() })
const calendarTable = () => {
  const shipped = JSON.parse(readFileSync(join(__dirname, '../../resources/calendar/2026.json'), 'utf8')) as Record<string, unknown>
  return csv(`${marker()}.json`, JSON.stringify({ ...shipped, source: marker() }))
}

/** In order: each call may rely on the ones before it (a letter submitted before it is reviewed). */
const CALLS: Call[] = [
  { as: 'sysadmin', method: 'users.add', input: () => ({ username: 'marked1', displayName: marker(), password: 'Marked-First-1' }) },
  { as: 'hr1', method: 'org.departments.save', input: () => ({ name: marker(), code: '77' }) },
  {
    as: 'hr1',
    method: 'org.people.save',
    input: () => ({ staffNo: '0199', name: marker(), departmentId: null, post: marker(), category: 'general', rank: marker(), supervisorId: null, riskPost: false, status: 'active', joinedOn: null, leftOn: null, effectiveOn: '2026-04-10' }),
  },
  { as: 'hr1', method: 'org.roster.import', input: () => csv(`${marker()}.csv`, `${ROSTER_HEAD}${ROSTER}\n0105,${marker()},${marker()},${marker()},综合管理,${marker()},0101,否,在职,2021-01-01\n`) },
  // 登记表 (issue 10, 1b): the person's summary, the supervisor's comment, the head's opinion, HR's part.
  { as: 'staff1', method: 'register.saveOwn', input: (u) => ({ year: 2026, personId: u.p.孙丽, part: 'summary', text: marker(), submit: true }) },
  { as: 'none1', method: 'register.saveSupervisor', input: (u) => ({ year: 2026, personId: u.p.孙丽, text: marker(), suggestedGrade: '称职', submit: true }) },
  { as: 'head1', method: 'register.saveHead', input: (u) => ({ year: 2026, personId: u.p.孙丽, text: marker() }) },
  { as: 'hr1', method: 'register.saveHr', input: (u) => ({ year: 2026, personId: u.p.孙丽, part: 'training', text: marker() }) },
  { as: 'hr1', method: 'calendar.import', input: calendarTable },
  { as: 'hr1', method: 'policy.import', input: () => ({ year: 2026, file: csv(`${marker()}.json`, JSON.stringify({ ...DEFAULT_POLICY, version: 'marked-2026' })) }) },
  { as: 'head1', method: 'policy.decide', input: async (u) => ({ id: (await u.ok('policy.get', { year: 2026 })).pending!.id, approve: false, reason: marker() }) },
  { as: 'hr1', method: 'guideline.saveDraft', input: () => ({ year: 2026, reason: marker() }) },
  { as: 'head1', method: 'guideline.publish', input: () => ({ year: 2026 }) },
  { as: 'hr1', method: 'guideline.startRevision', input: () => ({ year: 2026, reason: marker() }) },
  { as: 'hr1', method: 'attendance.import', input: () => csv(`${marker()}.csv`, '工号,日期,状态\n0102,2026-03-02,迟到\n') },
  { as: 'hr1', method: 'survey.import', input: () => csv(`${marker()}.csv`, '评价编号,工号,日期,评价\nPJ1,0102,2026-03-02,满意\n') },
  { as: 'hr1', method: 'democratic.importTallies', input: () => ({ year: 2026, dryRun: true, file: csv(`${marker()}.csv`, '工号,维度,类别,优秀,称职,基本称职,不称职,有效票数\n0102,德,同事,1,0,0,0,3\n') }) },
  {
    as: 'none1',
    method: 'ledger.add',
    input: (u) => ({ personId: u.p.孙丽, day: '2026-04-01', kind: 'workRecord', text: marker(), taskRef: marker(), attachments: [csv(`${marker()}.txt`, `${marker()}\n`)] }),
  },
  { as: 'none1', method: 'ledger.void', input: async (u) => ({ entryId: (await u.ok('ledger.list', { personId: u.p.孙丽 })).entries[0]!.id, reason: marker() }) },
  { as: 'none1', method: 'ledger.export', input: (u) => ({ personId: u.p.孙丽, text: marker(), includeVoided: true }) },
  { as: 'none1', method: 'talks.record', input: (u) => ({ personId: u.p.孙丽, month: '2026-03', heldOn: '2026-03-20', notes: marker() }) },
  { as: 'staff1', method: 'commitments.saveDraft', input: (u) => ({ personId: u.p.孙丽, year: 2026, tasks: [task(), task()] }) },
  { as: 'staff1', method: 'commitments.submit', input: (u) => ({ personId: u.p.孙丽, year: 2026 }) },
  { as: 'none1', method: 'commitments.review', input: (u) => ({ personId: u.p.孙丽, year: 2026, decision: 'return', reason: marker() }) },
  { as: 'staff1', method: 'commitments.submit', input: (u) => ({ personId: u.p.孙丽, year: 2026 }) },
  { as: 'none1', method: 'commitments.review', input: (u) => ({ personId: u.p.孙丽, year: 2026, decision: 'approve', reason: marker() }) },
  {
    as: 'staff1',
    method: 'commitments.requestRevision',
    input: (u) => ({ personId: u.p.孙丽, year: 2026, reason: marker(), changes: [{ op: 'revise', taskKey: 'T1', title: marker(), goal: marker() }, { op: 'add', ...task() }] }),
  },
  {
    as: 'head1',
    method: 'commitments.decideRevision',
    input: async (u) => ({ requestId: (await u.ok('commitments.get', { personId: u.p.孙丽, year: 2026 })).revisions[0]!.id, approve: false, reason: marker() }),
  },
  { as: 'none1', method: 'commitments.complete', input: (u) => ({ personId: u.p.孙丽, year: 2026, taskKey: 'T1', completedOn: '2026-04-09' }) },
  { as: 'staff1', method: 'quarterly.submitSummary', input: (u) => ({ personId: u.p.孙丽, year: 2026, quarter: 1, text: marker() }) },
  // Q4 2025 closed in January (core/quarterly/phases.ts): HR reopens it so it can be rated.
  { as: 'hr1', method: 'annual.addRectificationPlan', input: (u) => ({ personId: u.p.孙丽, startsOn: '2026-03-01', endsOn: '2026-05-31', reason: marker() }) },
  { as: 'hr1', method: 'quarterly.reopen', input: () => ({ year: 2025, quarter: 4, reason: marker() }) },
  {
    as: 'none1',
    method: 'quarterly.rate',
    input: (u) => ({ personId: u.p.孙丽, year: 2025, quarter: 4, performance: 50, potential: 50, failMark: true, failReason: marker(), withoutSummary: true }),
  },
  { as: 'none1', method: 'quarterly.rate', input: (u) => ({ personId: u.p.孙丽, year: 2026, quarter: 1, performance: 50, potential: 50, failMark: true, failReason: marker() }) },
  { as: 'head1', method: 'quarterly.followups.update', input: async (u) => ({ id: (await u.ok('quarterly.followups.list', {}))[0]!.id, notes: marker() }) },
  // Brief C: evaluation sheets and the discipline office's records.
  { as: 'hr1', method: 'org.leadership.set', input: (u) => ({ headId: u.p.王芳, memberIds: [u.p.王芳], disciplineIds: [], effectiveOn: '2026-01-01' }) },
  { as: 'hr1', method: 'leadership.declareRelative', input: (u) => ({ personA: u.p.孙丽, personB: u.p.钱伟, relation: marker() }) },
  {
    as: 'hr1',
    method: 'leadership.importScores',
    input: () => ({ year: 2026, file: csv(`${marker()}.csv`, '工号,评分人,政治立场,职业道德,政策解读与文稿,创新攻坚,担当作为,特色贡献\n0102,0104,90,88,85,80,86,75\n') }),
  },
  { as: 'disc1', method: 'integrity.recordReview', input: (u) => ({ year: 2026, personId: u.p.孙丽, status: 'completed', finding: 'none', details: marker() }) },
  { as: 'disc1', method: 'integrity.addSanction', input: (u) => ({ personId: u.p.孙丽, sanction: '诫勉', decidedOn: '2026-04-01', documentNo: marker(), details: marker() }) },
  { as: 'disc1', method: 'integrity.openInvestigation', input: (u) => ({ personId: u.p.钱伟, openedOn: '2026-04-01', details: marker() }) },
  { as: 'staff1', method: 'leads.lodge', input: (u) => ({ text: marker(), namedPersonId: u.p.钱伟 }) },
  { as: 'disc1', method: 'leads.update', input: async (u) => ({ id: (await u.ok('leads.list', {}))[0]!.id, status: 'concluded', conclusion: marker() }) },
  // Last: the clock moves on until Q1 2026 has closed, and HR records a correction of its rating.
  {
    as: 'hr1',
    method: 'quarterly.amend',
    input: async (u) => {
      now = new Date('2026-05-11T12:00:00Z')
      await u.as('hr1')
      return { personId: u.p.孙丽, year: 2026, quarter: 1, performance: 55, potential: 50, failMark: true, failReason: marker(), reason: marker() }
    },
  },
]

describe('audit entries hold no content', () => {
  it('covers every write method that takes free text', () => {
    const covered = new Set(CALLS.map((c) => c.method))
    const missing = freeTextWriteMethods().filter((m) => !covered.has(m) && !(m in NOT_COVERED))
    expect(missing).toEqual([])
  })

  it('keeps every marker submitted as a reason, comment, name, summary or file out of the whole audit log', { timeout: 120_000 }, async () => {
    const u = await team()
    const failures: string[] = []
    for (const c of CALLS) {
      await u.as(c.as)
      try {
        const input = (await c.input(u)) as InputOf<MethodName>
        const r = await u.app.call(c.method, input)
        if (!r.ok) failures.push(`${c.method}: ${JSON.stringify(r.error)}`)
      } catch (err) {
        failures.push(`${c.method}: ${String(err)}`)
      }
    }
    // Each call did its work: a refused call would prove nothing about what its success records.
    expect(failures).toEqual([])
    // Refused and failed calls are audited too, with what was noted before the failure: send some.
    await u.as('none1')
    await u.app.call('commitments.review', { personId: u.p.钱伟, year: 2026, decision: 'return', reason: marker() })
    await u.app.call('ledger.void', { entryId: 999_999, reason: marker() })
    await u.as('staff1')
    await u.app.call('ledger.add', { personId: u.p.钱伟, day: '2026-04-01', kind: 'workRecord', text: marker() })

    const store = u.app.state.session!.store
    const rows = store.raw.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[]
    expect(rows.length).toBeGreaterThan(CALLS.length)
    const whole = JSON.stringify(rows)
    expect(markers.length).toBeGreaterThan(40)
    expect(markers.filter((m) => whole.includes(m) || whole.includes(JSON.stringify(m).slice(1, -1)))).toEqual([])
    // The stem alone, in case a field was cut short or re-encoded.
    expect(whole).not.toContain('ZQX')
  })
})
