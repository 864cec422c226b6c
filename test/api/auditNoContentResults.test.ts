import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import type { InputOf, MethodName, OutputOf } from '../../src/shared/api/contract'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/**
 * Issue 10's write methods that take free text (feedback forms, appeals, results application,
 * training, the archive's suggestion table) need a whole final year, so auditNoContent.test.ts
 * cannot reach them on its small unit: they are walked here, on the demo unit's final 2025 round,
 * through the real router. Every free-text field carries a unique marker; afterwards no column of
 * any audit_log row may hold one, and every method walked has its audit entry.
 */
const PASSWORD = 'Kaohe@2026'
const YEAR = 2025
let now = new Date('2026-12-02T09:00:00')
const TODAY = '2026-12-02'
const SIGNATURE = readFileSync(join(__dirname, '../fixtures/feedback/signature.png')).toString('base64')

/** The methods this file walks: the NOT_COVERED entries of auditNoContent.test.ts that point here, and NO_FREE_TEXT. */
const WALKED: MethodName[] = [
  'archive.setSuggestion',
  'training.addSession',
  'training.attend',
  'training.cancelEnrolment',
  'outcomes.completeFollowup',
  'outcomes.removeTalent',
  'outcomes.addTalent',
  'feedback.reissue',
  'feedback.saveText',
  'feedback.sign',
  'feedback.refuse',
  'appeals.file',
  'appeals.answer',
  'appeals.recordRoute',
  'appeals.decideRoute',
]

/** Walked too, though its only string field is staff numbers (identifiers, in auditNoContent's NOT_FREE_TEXT). */
const NO_FREE_TEXT: MethodName[] = ['training.attend']

let markerCount = 0
const markers: string[] = []
/** A string found nowhere else: ZQX + a counter + a fixed tail (Chinese, to catch re-encodings too). */
function marker(): string {
  const m = `ZQX${String(++markerCount).padStart(3, '0')}标记`
  markers.push(m)
  return m
}

let c: TestClient
const dir = mkdtempSync(join(tmpdir(), 'kaohe-audit-results-'))
beforeAll(() => {
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
}, 180_000)
afterAll(() => {
  c.app.state.session?.close()
  rmSync(dir, { recursive: true, force: true })
})

const store = () => c.app.state.session!.store
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
}
const personIdOf = (staffNo: string) => store().first(store().qb.selectFrom('people').select('id').where('staff_no', '=', staffNo))!.id
const failures: string[] = []
const done = new Set<MethodName>()
/** Markers a later call of the walk replaces in the unit's tables (checked in the call's answer instead). */
const overwritten = new Set<string>()

/** A walked call, signed in as `user`; a failure is collected (and the value is undefined). */
async function walk<M extends MethodName>(user: string, method: M, input: InputOf<M>): Promise<OutputOf<M> | undefined> {
  await as(user)
  const r = await c.app.call(method, input)
  if (!r.ok) {
    failures.push(`${method} as ${user}: ${JSON.stringify(r.error)}`)
    return undefined
  }
  done.add(method)
  return r.value as OutputOf<M>
}
/** A preparatory call (no free text of its own); it must succeed too. */
async function prep<M extends MethodName>(user: string, method: M, input: InputOf<M>): Promise<OutputOf<M> | undefined> {
  await as(user)
  const r = await c.app.call(method, input)
  if (!r.ok) failures.push(`(prep) ${method} as ${user}: ${JSON.stringify(r.error)}`)
  return r.ok ? (r.value as OutputOf<M>) : undefined
}

/** A fresh draft form for the person (a reissue), interviewed by `interviewer` (0401 unless that is the person), text written and signed. */
async function draftSigned(personId: number): Promise<{ formId: number } | undefined> {
  const re = await walk('hr', 'feedback.reissue', { year: YEAR, personId, reason: marker() })
  if (!re) return undefined
  const kezhang = personIdOf('0401')
  const form = await prep('hr', 'feedback.show', { formId: re.formId })
  if (!form) return undefined
  if (form.interviewer?.personId !== kezhang) await prep('hr', 'feedback.reassign', { formId: re.formId, interviewerId: kezhang })
  await walk('kezhang', 'feedback.saveText', { formId: re.formId, strengths: marker(), weaknesses: marker(), improvements: marker(), interviewOn: TODAY })
  await walk('kezhang', 'feedback.sign', { formId: re.formId, as: 'interviewer', password: PASSWORD, signaturePng: SIGNATURE })
  return { formId: re.formId }
}

describe('audit entries hold no content (issue 10, demo unit, 2025 final)', () => {
  it('walks every free-text write method of the results and keeps every marker out of the audit log', { timeout: 180_000 }, async () => {
    // The archive's training-suggestion table.
    await walk('hr', 'archive.setSuggestion', { key: 'innovation', suggestion: marker() })

    // Training: a held session, attendance by staff number, an enrolment from a 2025 need cancelled.
    const session = await walk('hr', 'training.addSession', { year: 2026, kind: 'workshop', title: marker(), heldOn: '2026-12-01', hours: 2, trainer: marker(), location: marker() })
    if (session) await walk('hr', 'training.attend', { sessionId: session.id, staffNos: ['0401'] })
    const need = ((await prep('hr', 'training.needs', { year: YEAR })) ?? []).find((n) => n.enrolmentId === null)
    if (!need) failures.push('no 2025 training need without an enrolment')
    else {
      const e = await prep('hr', 'training.enrol', { year: YEAR, personId: need.personId, key: need.key })
      if (e) await walk('hr', 'training.cancelEnrolment', { id: e.id, reason: marker() })
    }

    // Results application: a follow-up completed by its owner (the head), the talent pool kept with reasons.
    await prep('hr', 'outcomes.generate', { year: YEAR })
    const talk = ((await prep('head', 'outcomes.followups', { year: YEAR })) ?? []).find((f) => f.status !== 'done' && f.mayComplete)
    if (!talk) failures.push('no open 2025 follow-up the head may complete')
    else await walk('head', 'outcomes.completeFollowup', { id: talk.id, note: marker() })
    const entry = (await prep('hr', 'outcomes.lists', { year: YEAR }))?.talentPool.find((e) => e.removedAt === null)
    if (!entry) failures.push('no 2025 talent-pool entry')
    else {
      const why = marker()
      const removed = await walk('hr', 'outcomes.removeTalent', { entryId: entry.id, reason: why })
      // Re-adding the person replaces the removal's reason in the table: check it was stored now.
      if (removed && removed.talentPool.find((e) => e.id === entry.id)?.removedReason !== why) failures.push('outcomes.removeTalent did not keep its reason')
      overwritten.add(why)
      await walk('hr', 'outcomes.addTalent', { year: YEAR, personId: entry.personId, reason: marker() })
    }

    // An appeal: a demo account's person below 优秀 in 2025 (not kezhang, the interviewer) gets a new
    // form delivered today (both signatures) and appeals it; a group member not recused answers.
    const appellant = store()
      .all(
        store()
          .qb.selectFrom('users as u')
          .innerJoin('people as p', 'p.id', 'u.person_id')
          .innerJoin('annual_grades as g', (j) => j.onRef('g.person_id', '=', 'p.id').on('g.year', '=', YEAR))
          .select(['u.username', 'p.id as personId', 'p.staff_no', 'g.grade'])
          .where('g.grade', 'in', ['称职', '基本称职'])
          .where('p.staff_no', '!=', '0401')
          .orderBy('p.staff_no'),
      )
      .find((x) => ['head', 'leader', 'jijian', 'hr', 'staff'].includes(x.username))
    if (!appellant) failures.push('no demo account whose person is 称职 or 基本称职 in 2025')
    else {
      const form = await draftSigned(appellant.personId)
      if (form) await walk('kezhang', 'feedback.sign', { formId: form.formId, as: 'person', username: appellant.username, password: PASSWORD })
      const appeal = await walk(appellant.username, 'appeals.file', {
        year: YEAR,
        personId: appellant.personId,
        items: ['channel:quarterly'],
        gradeAsked: appellant.grade === '基本称职' ? '称职' : '优秀',
        text: marker(),
      })
      if (appeal) {
        const recused = new Set(appeal.recused.map((m) => m.personId))
        const answerer = ['head', 'leader', 'jijian'].find((u) => {
          const pid = store().first(store().qb.selectFrom('users').select('person_id').where('username', '=', u))?.person_id
          return pid != null && !recused.has(pid)
        })
        if (!answerer) failures.push('every group account is recused')
        else await walk(answerer, 'appeals.answer', { appealId: appeal.id, decision: 'refused', reason: marker() })
      }
    }

    // The statutory routes of 2025's 不称职 person: a form refused before a witness today, then HR's review route, decided.
    const unfit = store().first(store().qb.selectFrom('annual_grades').select('person_id').where('year', '=', YEAR).where('grade', '=', '不称职'))?.person_id
    if (unfit === undefined) failures.push('no 不称职 person in 2025')
    else {
      const form = await draftSigned(unfit)
      if (form) await walk('kezhang', 'feedback.refuse', { formId: form.formId, note: marker(), witnessUsername: 'hr', witnessPassword: PASSWORD })
      // The 文号 is the route's identifier, which the handler notes (like 'document' in auditNoContent's NOT_FREE_TEXT): no marker.
      const route = { year: YEAR, personId: unfit, route: 'review' as const, filedOn: TODAY, body: marker(), documentNo: '复核〔2026〕1号', text: marker() }
      const review = await walk('hr', 'appeals.recordRoute', route)
      now = new Date('2026-12-03T10:00:00')
      if (review) await walk('hr', 'appeals.decideRoute', { appealId: review.id, decision: 'refused', reason: marker(), decidedOn: '2026-12-03' })
    }

    // Each call did its work: a refused call would prove nothing about what its success records.
    expect(failures).toEqual([])
    expect([...done].sort()).toEqual([...WALKED].sort())

    const rows = store().raw.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[]
    for (const m of WALKED) expect(rows.filter((r) => r.action === m && r.outcome === 'ok').length, m).toBeGreaterThan(0)
    const whole = JSON.stringify(rows)
    expect(markers.length).toBeGreaterThan(20)
    // The markers did reach the unit (the walk stored its text): the audit log is all that must lack them.
    const tables = store().raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit_log'").all() as { name: string }[]
    const stored = tables.map((t) => JSON.stringify(store().raw.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n')
    expect(markers.filter((m) => !stored.includes(m) && !overwritten.has(m))).toEqual([])
    expect(markers.filter((m) => whole.includes(m) || whole.includes(JSON.stringify(m).slice(1, -1)))).toEqual([])
    // The stem alone, in case a field was cut short or re-encoded; nor the drawn signature.
    expect(whole).not.toContain('ZQX')
    expect(whole).not.toContain(SIGNATURE.slice(0, 200))
  })

  it('walks exactly the methods auditNoContent.test.ts sends here', () => {
    const source = readFileSync(join(__dirname, 'auditNoContent.test.ts'), 'utf8')
    const pointing = [...source.matchAll(/'([A-Za-z.]+)':\s*'walked on the demo unit by test\/api\/auditNoContentResults\.test\.ts'/g)].map((m) => m[1]!)
    expect(pointing.sort()).toEqual(WALKED.filter((m) => !NO_FREE_TEXT.includes(m)).sort())
  })
})
