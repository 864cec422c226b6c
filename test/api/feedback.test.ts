import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliveredOn, formsOf, reissueForm } from '../../src/main/core/feedback'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { DEMO_PASSWORD, finalDemoWorld, type FeedbackWorld } from '../support/feedbackWorld'
import { tempDir } from '../support/tempUnit'

/**
 * 绩效反馈表 through the router on the demo unit with its 2026 round final: HR creates the forms;
 * the interviewer (科长) writes and signs with their own password; the person signs on the
 * interviewer's workstation; the seal goes into the audit chain; a changed byte fails verification
 * naming the form; a correction supersedes; a refusal before a witness counts as delivery.
 */
const SIGNATURE = readFileSync(join(__dirname, '../fixtures/feedback/signature.png')).toString('base64')
const TEXT = { strengths: '业务熟练，执法文书规范', weaknesses: '对新法规学习不够及时', improvements: '每季度参加一次法规培训', interviewOn: '2027-02-01' }

let w: FeedbackWorld
const store = () => w.c.app.state.session!.store
const personIdOf = (staffNo: string) => store().first(store().qb.selectFrom('people').select('id').where('staff_no', '=', staffNo))!.id

beforeAll(async () => {
  w = await finalDemoWorld()
}, 180_000)
afterAll(() => {
  w.c.app.state.session?.close()
  rmSync(w.dir, { recursive: true, force: true })
})

describe('feedback forms (demo unit, 2026 final)', () => {
  it('are created once per graded person, signed by interviewer and person, sealed, verified, corrected', { timeout: 120_000 }, async () => {
    const { c, as } = w
    w.setNow(new Date('2027-02-01T10:00:00'))
    await as('hr')
    const first = await c.ok('feedback.generate', { year: 2026 })
    expect(first.created).toBeGreaterThan(40)
    const again = await c.ok('feedback.generate', { year: 2026 })
    expect(again).toMatchObject({ created: 0, existing: first.created })
    const all = await c.ok('feedback.list', { year: 2026 })
    expect(all).toHaveLength(first.created)
    const ungraded = store().all(store().qb.selectFrom('annual_grades').select('person_id').where('year', '=', 2026).where('grade', '=', '不定等次'))
    for (const u of ungraded) expect(all.some((f) => f.personId === u.person_id)).toBe(false)

    const staffId = personIdOf('0402')
    const form = all.find((f) => f.personId === staffId)!
    expect(form).toMatchObject({ status: 'draft', version: 1, interviewer: { personId: personIdOf('0401') }, deliveredOn: null })

    // The person cannot write the interviewer's part, nor sign before the interviewer.
    await as('staff')
    expect((await c.err('feedback.saveText', { formId: form.id, ...TEXT })).code).toBe('FEEDBACK_NOT_INTERVIEWER')
    expect((await c.err('feedback.sign', { formId: form.id, as: 'person', password: DEMO_PASSWORD })).code).toBe('FEEDBACK_FORM_STATE')

    await as('kezhang')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'feedback.toSignAsInterviewer')).toMatchObject({ route: 'feedback' })
    expect((await c.err('feedback.sign', { formId: form.id, as: 'interviewer', password: DEMO_PASSWORD })).code).toBe('FEEDBACK_TEXT_REQUIRED')
    expect((await c.err('feedback.saveText', { formId: form.id, ...TEXT, interviewOn: '2099-01-01' })).code).toBe('FEEDBACK_DATE_IN_FUTURE')
    await c.ok('feedback.saveText', { formId: form.id, ...TEXT })

    // A wrong password refuses with the attempts left, counted toward the lockout like a sign-in.
    const max = DEFAULT_POLICY.security.maxFailedLogins
    expect(await c.err('feedback.sign', { formId: form.id, as: 'interviewer', password: 'wrong-password' })).toMatchObject({ code: 'AUTH_FAILED', params: { remaining: max - 1 } })
    await c.app.call('auth.logout', {})
    expect(await c.app.call('auth.login', { username: 'kezhang', password: 'wrong-again' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', params: { remaining: max - 2 } } })
    await as('kezhang')
    expect((await c.err('feedback.sign', { formId: form.id, as: 'interviewer', signaturePng: Buffer.from('GIF89a not a png at all, really').toString('base64'), password: DEMO_PASSWORD })).code).toBe('FEEDBACK_SIGNATURE_INVALID')
    // Another account's password is not the interviewer's signature.
    expect((await c.err('feedback.sign', { formId: form.id, as: 'interviewer', username: 'staff', password: DEMO_PASSWORD })).code).toBe('FEEDBACK_SIGNER_MISMATCH')
    const signed = await c.ok('feedback.sign', { formId: form.id, as: 'interviewer', password: DEMO_PASSWORD, signaturePng: SIGNATURE })
    expect(signed.status).toBe('interviewerSigned')
    expect(signed.interviewerSignature).toMatchObject({ name: expect.any(String), png: SIGNATURE })
    // The person signs on the interviewer's workstation with their own user name and password.
    expect((await c.err('feedback.sign', { formId: form.id, as: 'person', username: 'staff', password: 'nope-nope' })).code).toBe('AUTH_FAILED')
    const sealed = await c.ok('feedback.sign', { formId: form.id, as: 'person', username: 'staff', password: DEMO_PASSWORD })
    expect(sealed.status).toBe('sealed')
    expect(sealed.seal!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(sealed.personSignature).toMatchObject({ username: 'staff' })
    // The seal's hash is in the audit chain; the interviewer's words are not.
    const entry = store().first(store().qb.selectFrom('audit_log').select(['detail']).where('action', '=', 'feedback.sign').where('target', '=', `feedback:${form.id}`).where('outcome', '=', 'ok').orderBy('seq', 'desc'))!
    expect(JSON.parse(entry.detail)).toMatchObject({ formId: form.id, version: 1, sha256: sealed.seal!.sha256 })
    expect(JSON.stringify(store().all(store().qb.selectFrom('audit_log').select('detail')))).not.toContain('执法文书')
    expect(deliveredOn(store(), 2026, staffId)).toBe('2027-02-01')

    // Sealed: no change through the app, nor through SQL (the trigger).
    expect((await c.err('feedback.saveText', { formId: form.id, ...TEXT, strengths: '改' })).code).toBe('FEEDBACK_FORM_STATE')
    expect(() => store().raw.prepare('UPDATE feedback_forms SET strengths = ? WHERE id = ?').run('改过', form.id)).toThrow(/sealed/)

    await as('hr')
    expect(await c.ok('feedback.verify', { code: sealed.verificationCode.toLowerCase().replace(/-/g, ' ') })).toMatchObject({ state: 'current', version: 1, problems: [] })
    expect(await c.ok('feedback.verify', { code: 'ZZZZ-ZZZZ-ZZZZ' })).toMatchObject({ state: 'unknown', form: null })

    // A correction: version 2 voids version 1; the old code says "superseded by version 2".
    const v2 = await c.ok('feedback.reissue', { year: 2026, personId: staffId, reason: '复核后更正' })
    expect(v2.version).toBe(2)
    expect(await c.ok('feedback.verify', { code: sealed.verificationCode })).toMatchObject({ state: 'superseded', supersededByVersion: 2, problems: [] })
    expect(formsOf(store(), staffId).filter((f) => f.year === 2026).map((f) => [f.version, f.status])).toEqual([
      [2, 'draft'],
      [1, 'voided'],
    ])
    expect(deliveredOn(store(), 2026, staffId)).toBeNull()
    const v2Code = (await c.ok('feedback.show', { formId: v2.formId })).verificationCode
    expect(await c.ok('feedback.verify', { code: v2Code })).toMatchObject({ state: 'unsealed' })

    // The voided version prints with 已作废; the PDF's Chinese is real text, with the code.
    const printed = await c.ok('feedback.print', { formId: form.id })
    const dir = tempDir()
    const file = join(dir, 'form.pdf')
    writeFileSync(file, Buffer.from(printed.contentBase64, 'base64'))
    const txt = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    expect(txt).toContain('绩效反馈表')
    expect(txt).toContain(sealed.content.person.name)
    expect(txt).toContain(sealed.verificationCode)
    expect(txt).toContain('已作废')
    expect(txt).toContain(sealed.seal!.sha256)
  })

  it('records a refusal before a witness, which counts as delivery; a changed byte fails verification naming the form', { timeout: 120_000 }, async () => {
    const { c, as } = w
    w.setNow(new Date('2027-02-03T15:00:00'))
    await as('kezhang')
    const mine = await c.ok('feedback.list', { year: 2026 })
    const other = mine.find((f) => f.status === 'draft' && f.staffNo !== '0402' && f.interviewer.personId === personIdOf('0401'))!
    expect(other).toBeDefined()
    await c.ok('feedback.saveText', { formId: other.id, ...TEXT })
    await c.ok('feedback.sign', { formId: other.id, as: 'interviewer', password: DEMO_PASSWORD })
    // The interviewer is no witness; a witness's wrong password is refused.
    expect((await c.err('feedback.refuse', { formId: other.id, note: '本人拒绝签字', witnessUsername: 'kezhang', witnessPassword: DEMO_PASSWORD })).code).toBe('FEEDBACK_WITNESS_INVALID')
    expect((await c.err('feedback.refuse', { formId: other.id, note: '本人拒绝签字', witnessUsername: 'hr', witnessPassword: 'bad-bad-bad' })).code).toBe('AUTH_FAILED')
    const refused = await c.ok('feedback.refuse', { formId: other.id, note: '本人对等次有异议，拒绝签字', witnessUsername: 'hr', witnessPassword: DEMO_PASSWORD })
    expect(refused).toMatchObject({ status: 'refused', refusal: { witness: { personId: personIdOf('0201') } } })
    expect(deliveredOn(store(), 2026, other.personId)).toBe('2027-02-03')

    await as('hr')
    expect(await c.ok('feedback.verify', { code: refused.verificationCode })).toMatchObject({ state: 'current' })
    // Someone with the database key drops the trigger and edits the row: verification names the form.
    const raw = store().raw
    raw.exec('DROP TRIGGER feedback_forms_sealed_immutable')
    raw.prepare('UPDATE feedback_forms SET refusal_note = ? WHERE id = ?').run('本人同意', other.id)
    const bad = await c.ok('feedback.verify', { code: refused.verificationCode })
    expect(bad.state).toBe('tampered')
    expect(bad.problems[0]!.zh).toContain(`编号 ${other.id}`)
    expect(bad.problems[0]!.zh).toContain(other.name)
    // …even when the content, the sealed copy and the hash column are rewritten together: the audit chain recorded the seal.
    const row = raw.prepare('SELECT sealed_json FROM feedback_forms WHERE id = ?').get(other.id) as { sealed_json: string }
    const forged = row.sealed_json.replace('本人对等次有异议，拒绝签字', '本人同意')
    const { createHash } = await import('node:crypto')
    raw.prepare('UPDATE feedback_forms SET sealed_json = ?, sha256 = ? WHERE id = ?').run(forged, createHash('sha256').update(forged).digest('hex'), other.id)
    const still = await c.ok('feedback.verify', { code: refused.verificationCode })
    expect(still.state).toBe('tampered')
    expect(still.problems.map((p) => p.en).join(' ')).toContain('audit log recorded')
    // A changed signature image byte is caught too.
    const sealedOne = (await c.ok('feedback.list', { year: 2026 })).find((f) => f.staffNo === '0402' && f.version === 1)!
    raw.prepare('UPDATE feedback_forms SET interviewer_signature = ? WHERE id = ?').run(Buffer.concat([Buffer.from(SIGNATURE, 'base64'), Buffer.from([0])]), sealedOne.id)
    expect((await c.ok('feedback.verify', { code: sealedOne.verificationCode })).state).toBe('tampered')
  })

  it('is read only by the person, their supervisor chain, HR and the leadership group', { timeout: 60_000 }, async () => {
    const { c, as } = w
    await as('hr')
    const forms = await c.ok('feedback.list', { year: 2026 })
    const kezhangForm = forms.find((f) => f.staffNo === '0401')!
    const colleague = forms.find((f) => f.staffNo === '0403')!
    await as('staff')
    // A colleague's and one's supervisor's forms are out of reach; one's own is there.
    expect((await c.err('feedback.show', { formId: kezhangForm.id })).code).toBe('FORBIDDEN')
    expect((await c.err('feedback.verify', { code: colleague.verificationCode })).code).toBe('FORBIDDEN')
    expect((await c.err('feedback.print', { formId: colleague.id })).code).toBe('FORBIDDEN')
    expect((await c.err('feedback.list', { year: 2026, personId: colleague.personId })).code).toBe('FORBIDDEN')
    const own = await c.ok('feedback.list', { year: 2026 })
    expect(new Set(own.map((f) => f.staffNo))).toEqual(new Set(['0402']))
    expect((await c.err('feedback.generate', { year: 2026 })).code).toBe('FORBIDDEN')
    // The supervisor chain: the director sees the 科长's form.
    await as('head')
    expect((await c.ok('feedback.show', { formId: kezhangForm.id })).content.person.staffNo).toBe('0401')
  })

  it('reissueForm (for appeals) creates the next version from the grade now recorded', { timeout: 60_000 }, async () => {
    const { as } = w
    await as('hr')
    const s = store()
    const pid = personIdOf('0403')
    const out = s.tx(() => reissueForm(s, { year: 2026, personId: pid, reason: '申诉后等次调整' }, 1, new Date('2027-03-01T09:00:00')))
    expect(out.version).toBe(2)
    expect(formsOf(s, pid)[0]).toMatchObject({ version: 2, status: 'draft', verificationCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/) })
  })

  it('HR reassigns the interviewer; the person may also sign in their own session', { timeout: 90_000 }, async () => {
    const { c, as } = w
    w.setNow(new Date('2027-02-05T10:00:00'))
    await as('hr')
    const forms = await c.ok('feedback.list', { year: 2026 })
    const sealed = forms.find((f) => f.status === 'voided')!
    expect((await c.err('feedback.reassign', { formId: sealed.id, interviewerId: personIdOf('0001') })).code).toBe('FEEDBACK_FORM_STATE')
    const draft = forms.find((f) => f.status === 'draft' && f.staffNo === '0402')!
    expect((await c.err('feedback.reassign', { formId: draft.id, interviewerId: personIdOf('0402') })).code).toBe('FEEDBACK_INTERVIEWER_SELF')
    // The deputy director (leader account, 0002) becomes the interviewer: the 科长 no longer writes it.
    const moved = await c.ok('feedback.reassign', { formId: draft.id, interviewerId: personIdOf('0002') })
    expect(moved.interviewer.personId).toBe(personIdOf('0002'))
    await as('kezhang')
    expect((await c.err('feedback.saveText', { formId: draft.id, ...TEXT })).code).toBe('FEEDBACK_NOT_INTERVIEWER')
    await as('leader')
    await c.ok('feedback.saveText', { formId: draft.id, ...TEXT })
    expect((await c.err('feedback.sign', { formId: draft.id, as: 'interviewer', username: 'kezhang', password: DEMO_PASSWORD })).code).toBe('FEEDBACK_SIGNER_MISMATCH')
    await c.ok('feedback.sign', { formId: draft.id, as: 'interviewer', password: DEMO_PASSWORD })
    await as('staff')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'feedback.toSign')).toMatchObject({ count: 1, route: 'feedback' })
    const mine = await c.ok('feedback.sign', { formId: draft.id, as: 'person', password: DEMO_PASSWORD, signaturePng: SIGNATURE })
    expect(mine).toMatchObject({ status: 'sealed', personSignature: { username: 'staff', png: SIGNATURE } })
    expect(deliveredOn(store(), 2026, personIdOf('0402'))).toBe('2027-02-05')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'feedback.toSign')).toBeUndefined()
  })
})
