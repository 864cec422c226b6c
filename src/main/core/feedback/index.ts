import { ANNUAL_GRADES } from '@shared/annual'
import type { AnnualPersonView } from '@shared/annual'
import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import { CHANNELS } from '@shared/guideline/model'
import type { IsoDate } from '@shared/org'
import {
  FORM_STATUS_LABELS,
  SIGNATURE_MAX_BYTES,
  type FormContent,
  type FormListRow,
  type FormSignatureView,
  type FormStatus,
  type FormView,
  type VerifyResult,
} from '@shared/feedback'
import type { FeedbackFormRow } from '../../db/schema'
import type { ReadableDB, Store } from '../../db/store'
import type { KeyFile } from '../keys/keyFile'
import { unlockFailure } from '../auth/unlockFailure'
import { canonicalJson, isPng, newVerificationCode, normaliseCode, sha256Hex } from './canonical'

/**
 * Signed feedback forms (《绩效反馈表》, RULES.md §7, issue 10): HR creates the year's forms from
 * the final results (one per graded person); the interviewer — the person's direct supervisor
 * unless HR reassigns — writes 优势, 不足, 改进方向 and the interview date and signs; then the person
 * signs, or refuses before a witness. Each signer re-enters their own password (counted toward the
 * lockout like a sign-in). Signing by the person, or a refusal, seals the form: the canonical
 * serialisation of everything on it, its SHA-256, the signers and times. A sealed form never
 * changes (here, and a trigger in the database); a correction is the next version, voiding the old.
 */

export interface FormSummary {
  id: number
  year: number
  version: number
  status: 'draft' | 'interviewerSigned' | 'sealed' | 'refused' | 'voided'
  grade: string
  verificationCode: string | null
  deliveredOn: IsoDate | null
}

type Row = FeedbackFormRow

const GRADED = new Set<string>(ANNUAL_GRADES)

function formRow(db: ReadableDB, formId: number): Row {
  const row = db.first(db.qb.selectFrom('feedback_forms').selectAll().where('id', '=', formId))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '反馈表 feedback form', id: formId })
  return row
}

/** The person's current (latest, not voided) form of the year. */
function currentRow(db: ReadableDB, year: number, personId: number): Row | undefined {
  return db.first(
    db.qb.selectFrom('feedback_forms').selectAll().where('year', '=', year).where('person_id', '=', personId).where('status', '<>', 'voided').orderBy('version', 'desc').limit(1),
  )
}

function stateError(row: Row, action: { zh: string; en: string }): KaoheError {
  return new KaoheError('FEEDBACK_FORM_STATE', { formId: row.id, version: row.version, status: FORM_STATUS_LABELS[row.status].zh, statusEn: FORM_STATUS_LABELS[row.status].en, action: action.zh, actionEn: action.en })
}

function deliveredOf(row: Pick<Row, 'status' | 'person_signed_at' | 'refused_at'>): IsoDate | null {
  if (row.status === 'sealed' && row.person_signed_at) return localDate(new Date(row.person_signed_at))
  if (row.status === 'refused' && row.refused_at) return localDate(new Date(row.refused_at))
  return null
}

// ---- the interfaces other pieces call (interfaces.md) -------------------------------------------

/** The day the person's current form of the year was delivered: they signed it, or refused before a witness. */
export function deliveredOn(db: ReadableDB, year: number, personId: number): IsoDate | null {
  const row = currentRow(db, year, personId)
  return row ? deliveredOf(row) : null
}

/** Every version of every form of the person, newest year and version first. */
export function formsOf(db: ReadableDB, personId: number): FormSummary[] {
  return db
    .all(db.qb.selectFrom('feedback_forms').selectAll().where('person_id', '=', personId).orderBy('year', 'desc').orderBy('version', 'desc'))
    .map((r) => ({ id: r.id, year: r.year, version: r.version, status: r.status, grade: r.grade, verificationCode: r.verification_code, deliveredOn: deliveredOf(r) }))
}

/**
 * Voids the person's current form of the year (kept, verifiable as superseded) and creates the next
 * version as a draft from the grade now in annual_grades — after an appeal changed it, say. The same
 * interviewer keeps the form.
 */
export function reissueForm(store: Store, input: { year: number; personId: number; reason: string }, actorId: number, now: Date): { formId: number; version: number } {
  const reason = input.reason.trim()
  if (!reason) throw new KaoheError('FEEDBACK_TEXT_REQUIRED', { field: '重新出具的理由', fieldEn: 'the reason for the new version' })
  const current = currentRow(store, input.year, input.personId)
  const latest = store.first(store.qb.selectFrom('feedback_forms').select(['version', 'interviewer_id']).where('year', '=', input.year).where('person_id', '=', input.personId).orderBy('version', 'desc').limit(1))
  const interviewer = current?.interviewer_id ?? latest?.interviewer_id ?? defaultInterviewer(store, input.personId)
  if (interviewer === null) throw new KaoheError('FEEDBACK_NO_INTERVIEWER', { personId: input.personId })
  const version = (latest?.version ?? 0) + 1
  const formId = insertForm(store, input.year, input.personId, version, interviewer, actorId, now)
  if (current) {
    store.run(
      store.qb.updateTable('feedback_forms').set({ status: 'voided', voided_at: now.toISOString(), void_reason: reason, superseded_by: formId }).where('id', '=', current.id),
    )
  }
  return { formId, version }
}

// ---- creating the year's forms -------------------------------------------------------------------

interface StoredProposal {
  people: AnnualPersonView[]
  explanations: Record<string, unknown[]>
}

/** The year's round is final: published and its publicity period over. */
function finalRound(db: ReadableDB, year: number, today: IsoDate) {
  const row = db.first(db.qb.selectFrom('annual_rounds').selectAll().where('year', '=', year))
  if (!row || row.stage !== 'publicity' || row.publicity_until === null || today <= row.publicity_until) {
    throw new KaoheError('FEEDBACK_NOT_FINAL', { year })
  }
  return row
}

function defaultInterviewer(db: ReadableDB, personId: number): number | null {
  return db.first(db.qb.selectFrom('people').select('supervisor_id').where('id', '=', personId))?.supervisor_id ?? null
}

function buildContent(db: ReadableDB, year: number, personId: number): { content: FormContent; grade: string } {
  const round = db.first(db.qb.selectFrom('annual_rounds').select(['result_json', 'inputs_sha256']).where('year', '=', year))
  const graded = db.first(db.qb.selectFrom('annual_grades').select(['grade', 't']).where('year', '=', year).where('person_id', '=', personId))
  if (!round || !graded || !GRADED.has(graded.grade)) throw new KaoheError('FEEDBACK_NO_GRADE', { year, personId })
  const stored = JSON.parse(round.result_json) as StoredProposal
  const me = stored.people.find((p) => p.personId === personId)
  const person = db.first(
    db.qb
      .selectFrom('people')
      .leftJoin('departments', 'departments.id', 'people.department_id')
      .select(['people.id', 'people.staff_no', 'people.name', 'people.post', 'departments.name as department'])
      .where('people.id', '=', personId),
  )
  if (!person) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: personId })
  const unit = db.first(db.qb.selectFrom('unit').select(['name', 'code'])) ?? { name: '', code: '' }
  const channels = Object.fromEntries(CHANNELS.map((c) => [c, { weight: me?.channels[c].weight ?? 0, score: me?.channels[c].score ?? null }])) as FormContent['channels']
  return {
    grade: graded.grade,
    content: {
      unit: { name: unit.name, code: unit.code },
      year,
      person: { id: person.id, staffNo: person.staff_no, name: person.name, department: person.department ?? null, post: person.post },
      grade: graded.grade,
      T: graded.t ?? me?.T ?? null,
      channels,
      dimensions: me?.dimensions ?? [],
      explanation: { ref: `${year} 年度考核计算明细（${person.staff_no}）`, inputsSha256: round.inputs_sha256, lines: me ? (stored.explanations[me.staffNo]?.length ?? 0) : 0 },
    },
  }
}

function insertForm(store: Store, year: number, personId: number, version: number, interviewerId: number, actorId: number | null, now: Date): number {
  const { content, grade } = buildContent(store, year, personId)
  return store.run(
    store.qb.insertInto('feedback_forms').values({
      year,
      person_id: personId,
      version,
      status: 'draft',
      grade,
      content_json: JSON.stringify(content),
      interviewer_id: interviewerId,
      verification_code: newVerificationCode(),
      created_by: actorId,
      created_at: now.toISOString(),
    }),
  ).lastInsertRowid
}

export interface GenerateReport {
  year: number
  created: number
  existing: number
  /** Graded people with no supervisor to interview them: HR assigns one (they get a form with HR's own person as interviewer when HR has one). */
  withoutInterviewer: { personId: number; name: string }[]
}

/** Creates the year's forms from the final results: one per graded person, idempotent; 不定等次 get none. */
export function generateForms(store: Store, year: number, actor: { userId: number; personId: number | null }, now: Date): GenerateReport {
  finalRound(store, year, localDate(now))
  const graded = store.all(
    store.qb
      .selectFrom('annual_grades')
      .innerJoin('people', 'people.id', 'annual_grades.person_id')
      .select(['annual_grades.person_id', 'annual_grades.grade', 'people.name', 'people.supervisor_id'])
      .where('annual_grades.year', '=', year)
      .orderBy('people.staff_no'),
  )
  const report: GenerateReport = { year, created: 0, existing: 0, withoutInterviewer: [] }
  for (const g of graded) {
    if (!GRADED.has(g.grade)) continue
    const has = store.first(store.qb.selectFrom('feedback_forms').select('id').where('year', '=', year).where('person_id', '=', g.person_id).limit(1))
    if (has) {
      report.existing++
      continue
    }
    const interviewer = g.supervisor_id ?? (actor.personId !== null && actor.personId !== g.person_id ? actor.personId : null)
    if (interviewer === null) {
      report.withoutInterviewer.push({ personId: g.person_id, name: g.name })
      continue
    }
    if (g.supervisor_id === null) report.withoutInterviewer.push({ personId: g.person_id, name: g.name })
    insertForm(store, year, g.person_id, 1, interviewer, actor.userId, now)
    report.created++
  }
  return report
}

// ---- the interviewer's part ----------------------------------------------------------------------

function requireInterviewer(row: Row, actorPersonId: number | null): void {
  if (actorPersonId === null || actorPersonId !== row.interviewer_id) throw new KaoheError('FEEDBACK_NOT_INTERVIEWER', { formId: row.id })
}

export interface FormText {
  strengths: string
  weaknesses: string
  improvements: string
  interviewOn: IsoDate | null
}

/** The interviewer writes 优势, 不足, 改进方向 and the interview date while the form is a draft. */
export function saveText(store: Store, formId: number, text: FormText, actorPersonId: number | null, today: IsoDate): void {
  const row = formRow(store, formId)
  requireInterviewer(row, actorPersonId)
  if (row.status !== 'draft') throw stateError(row, { zh: '修改面谈内容', en: 'change the interview text' })
  if (text.interviewOn !== null && text.interviewOn > today) throw new KaoheError('FEEDBACK_DATE_IN_FUTURE', { date: text.interviewOn })
  if (text.interviewOn !== null && Number(text.interviewOn.slice(0, 4)) < row.year) throw new KaoheError('FEEDBACK_DATE_BEFORE_YEAR', { date: text.interviewOn, year: row.year })
  store.run(
    store.qb
      .updateTable('feedback_forms')
      .set({ strengths: text.strengths.trim(), weaknesses: text.weaknesses.trim(), improvements: text.improvements.trim(), interview_on: text.interviewOn })
      .where('id', '=', formId),
  )
}

/** HR gives the form another interviewer (before the interviewer signed). */
export function reassignInterviewer(store: Store, formId: number, interviewerId: number): void {
  const row = formRow(store, formId)
  if (row.status !== 'draft') throw stateError(row, { zh: '更换面谈人', en: 'change the interviewer' })
  if (interviewerId === row.person_id) throw new KaoheError('FEEDBACK_INTERVIEWER_SELF', { formId })
  const p = store.first(store.qb.selectFrom('people').select(['id', 'status']).where('id', '=', interviewerId))
  if (!p) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: interviewerId })
  const account = store.first(store.qb.selectFrom('users').select('id').where('person_id', '=', interviewerId).where('disabled', '=', 0))
  if (!account) throw new KaoheError('FEEDBACK_NO_ACCOUNT', { personId: interviewerId })
  store.run(store.qb.updateTable('feedback_forms').set({ interviewer_id: interviewerId }).where('id', '=', formId))
}

// ---- signing ----------------------------------------------------------------------------------------

export interface ConfirmedAccount {
  /** Null only for the demo builder's people who have no account. */
  userId: number | null
  username: string
  personId: number | null
}

/**
 * Checks an account's own password against its key slot, as a sign-in does: a wrong one is counted
 * toward the lockout at once (and audited at the next sign-in), and refused with the attempts left.
 */
export function confirmAccount(db: ReadableDB, keyFile: KeyFile, username: string, password: string, now: Date): ConfirmedAccount {
  const name = username.trim()
  const result = keyFile.unlockUser(name, password, now)
  if (!result.ok) throw unlockFailure(result.failure)
  const user = db.first(db.qb.selectFrom('users').select(['id', 'username', 'person_id', 'disabled']).where('id', '=', result.secret.userId ?? -1))
  if (!user || user.username.toLowerCase() !== name.toLowerCase()) throw new KaoheError('AUTH_FAILED', { remaining: 0 })
  if (user.disabled) throw new KaoheError('ACCOUNT_DISABLED')
  return { userId: user.id, username: user.username, personId: user.person_id }
}

function signatureBytes(base64: string | undefined): Buffer | null {
  if (base64 === undefined || base64 === '') return null
  const buf = Buffer.from(base64, 'base64')
  if (buf.length > SIGNATURE_MAX_BYTES) throw new KaoheError('FEEDBACK_SIGNATURE_INVALID', { reason: `超过 ${SIGNATURE_MAX_BYTES / 1024} KB`, reasonEn: `larger than ${SIGNATURE_MAX_BYTES / 1024} KB` })
  if (!isPng(buf)) throw new KaoheError('FEEDBACK_SIGNATURE_INVALID', { reason: '不是 PNG 图片', reasonEn: 'not a PNG image' })
  return buf
}

function personName(db: ReadableDB, personId: number): string {
  return db.first(db.qb.selectFrom('people').select('name').where('id', '=', personId))?.name ?? `#${personId}`
}

/** The session's person must be the interviewer or the form's person: nobody else signs anything. */
export function requireParty(row: Row, actorPersonId: number | null): void {
  if (actorPersonId === null || (actorPersonId !== row.interviewer_id && actorPersonId !== row.person_id)) {
    throw new KaoheError('FORBIDDEN', { method: 'feedback.sign' })
  }
}

export interface SealInfo {
  formId: number
  version: number
  sha256: string
}

/**
 * A signature: the interviewer's (the text complete) or the person's, the latter sealing the form.
 * `signer` is the account whose password was just confirmed.
 */
export function signForm(
  store: Store,
  input: { formId: number; as: 'interviewer' | 'person'; signaturePng?: string },
  signer: ConfirmedAccount,
  actorPersonId: number | null,
  now: Date,
): { status: FormStatus; seal: SealInfo | null } {
  const row = formRow(store, input.formId)
  requireParty(row, actorPersonId)
  const png = signatureBytes(input.signaturePng)
  if (input.as === 'interviewer') {
    if (row.status !== 'draft') throw stateError(row, { zh: '面谈人签字', en: 'sign as the interviewer' })
    if (signer.personId !== row.interviewer_id) throw new KaoheError('FEEDBACK_SIGNER_MISMATCH', { username: signer.username, name: personName(store, row.interviewer_id), role: '面谈人', roleEn: 'the interviewer' })
    const missing = ([
      ['优势', 'strengths', row.strengths],
      ['不足', 'weaknesses', row.weaknesses],
      ['改进方向', 'improvements', row.improvements],
      ['面谈日期', 'interview date', row.interview_on ?? ''],
    ] as [string, string, string][]).find(([, , v]) => !v.trim())
    if (missing) throw new KaoheError('FEEDBACK_TEXT_REQUIRED', { field: missing[0]!, fieldEn: missing[1]! })
    store.run(
      store.qb
        .updateTable('feedback_forms')
        .set({ status: 'interviewerSigned', interviewer_user_id: signer.userId, interviewer_signed_at: now.toISOString(), interviewer_signature: png })
        .where('id', '=', row.id),
    )
    return { status: 'interviewerSigned', seal: null }
  }
  if (row.status !== 'interviewerSigned') throw stateError(row, { zh: '本人签字', en: 'sign as the person' })
  if (signer.personId !== row.person_id) throw new KaoheError('FEEDBACK_SIGNER_MISMATCH', { username: signer.username, name: personName(store, row.person_id), role: '被考核人', roleEn: 'the person assessed' })
  store.run(store.qb.updateTable('feedback_forms').set({ person_user_id: signer.userId, person_signed_at: now.toISOString(), person_signature: png }).where('id', '=', row.id))
  return { status: 'sealed', seal: seal(store, row.id, 'sealed', now) }
}

/** The person will not sign: the interviewer records it with a note and a witness who confirms with their own password. */
export function refuseForm(store: Store, input: { formId: number; note: string }, witness: ConfirmedAccount, actorPersonId: number | null, now: Date): { status: FormStatus; seal: SealInfo } {
  const row = formRow(store, input.formId)
  requireInterviewer(row, actorPersonId)
  if (row.status !== 'interviewerSigned') throw stateError(row, { zh: '记录拒签', en: 'record a refusal' })
  const note = input.note.trim()
  if (!note) throw new KaoheError('FEEDBACK_TEXT_REQUIRED', { field: '拒签情况说明', fieldEn: 'the note on the refusal' })
  if (witness.personId === null || witness.personId === row.person_id || witness.personId === row.interviewer_id) {
    throw new KaoheError('FEEDBACK_WITNESS_INVALID', { username: witness.username })
  }
  store.run(
    store.qb
      .updateTable('feedback_forms')
      .set({ witness_person_id: witness.personId, witness_user_id: witness.userId, refusal_note: note, refused_at: now.toISOString() })
      .where('id', '=', row.id),
  )
  return { status: 'refused', seal: seal(store, row.id, 'refused', now) }
}

// ---- the seal ---------------------------------------------------------------------------------------

function usernameOf(db: ReadableDB, userId: number | null): string | null {
  if (userId === null) return null
  return db.first(db.qb.selectFrom('users').select('username').where('id', '=', userId))?.username ?? null
}

/** Everything the seal covers, built from the row's columns (so any changed byte changes it). */
function sealedObject(db: ReadableDB, r: Row): Record<string, unknown> {
  const sig = (png: Buffer | null) => (png ? sha256Hex(png) : null)
  return {
    formId: r.id,
    year: r.year,
    personId: r.person_id,
    version: r.version,
    grade: r.grade,
    content: JSON.parse(r.content_json) as unknown,
    interviewerId: r.interviewer_id,
    text: { strengths: r.strengths, weaknesses: r.weaknesses, improvements: r.improvements, interviewOn: r.interview_on },
    interviewerSignature: { userId: r.interviewer_user_id, username: usernameOf(db, r.interviewer_user_id), at: r.interviewer_signed_at, pngSha256: sig(r.interviewer_signature) },
    personSignature: r.person_signed_at ? { userId: r.person_user_id, username: usernameOf(db, r.person_user_id), at: r.person_signed_at, pngSha256: sig(r.person_signature) } : null,
    refusal: r.refused_at ? { witnessPersonId: r.witness_person_id, witnessUserId: r.witness_user_id, note: r.refusal_note, at: r.refused_at } : null,
    verificationCode: r.verification_code,
    sealedAt: r.sealed_at,
  }
}

function seal(store: Store, formId: number, status: 'sealed' | 'refused', now: Date): SealInfo {
  const row = { ...formRow(store, formId), sealed_at: now.toISOString() }
  const json = canonicalJson(sealedObject(store, row))
  const sha256 = sha256Hex(json)
  store.run(store.qb.updateTable('feedback_forms').set({ status, sealed_json: json, sha256, sealed_at: row.sealed_at }).where('id', '=', formId))
  return { formId, version: row.version, sha256 }
}

// ---- reading ------------------------------------------------------------------------------------------

export interface Viewer {
  personId: number | null
  isHr: boolean
}

function signatureView(db: ReadableDB, personId: number, userId: number | null, at: string | null, png: Buffer | null): FormSignatureView | null {
  if (!at) return null
  return { personId, name: personName(db, personId), username: usernameOf(db, userId), at, png: png ? png.toString('base64') : null }
}

export function formView(db: ReadableDB, formId: number, viewer: Viewer): FormView {
  return viewOf(db, formRow(db, formId), viewer)
}

function viewOf(db: ReadableDB, r: Row, viewer: Viewer): FormView {
  const interviewer = db.first(db.qb.selectFrom('people').select(['id', 'name', 'staff_no']).where('id', '=', r.interviewer_id))
  const successor = r.superseded_by === null ? null : db.first(db.qb.selectFrom('feedback_forms').select('version').where('id', '=', r.superseded_by))
  const isInterviewer = viewer.personId !== null && viewer.personId === r.interviewer_id
  const isPerson = viewer.personId !== null && viewer.personId === r.person_id
  return {
    id: r.id,
    year: r.year,
    version: r.version,
    status: r.status,
    grade: r.grade,
    content: JSON.parse(r.content_json) as FormContent,
    interviewer: { personId: r.interviewer_id, name: interviewer?.name ?? '', staffNo: interviewer?.staff_no ?? '' },
    text: { strengths: r.strengths, weaknesses: r.weaknesses, improvements: r.improvements, interviewOn: r.interview_on },
    interviewerSignature: signatureView(db, r.interviewer_id, r.interviewer_user_id, r.interviewer_signed_at, r.interviewer_signature),
    personSignature: signatureView(db, r.person_id, r.person_user_id, r.person_signed_at, r.person_signature),
    refusal: r.refused_at && r.witness_person_id !== null ? { note: r.refusal_note ?? '', at: r.refused_at, witness: { personId: r.witness_person_id, name: personName(db, r.witness_person_id) } } : null,
    seal: r.sha256 && r.sealed_at ? { sha256: r.sha256, at: r.sealed_at } : null,
    verificationCode: r.verification_code,
    voided: r.voided_at ? { at: r.voided_at, reason: r.void_reason, supersededByVersion: successor?.version ?? null } : null,
    can: {
      edit: isInterviewer && r.status === 'draft',
      signAsInterviewer: isInterviewer && r.status === 'draft',
      signAsPerson: (isPerson || isInterviewer) && r.status === 'interviewerSigned',
      refuse: isInterviewer && r.status === 'interviewerSigned',
      reassign: viewer.isHr && r.status === 'draft',
      reissue: viewer.isHr && r.status !== 'voided',
    },
  }
}

/** The year's forms (every version), narrowed to `people` unless 'all'. */
export function listForms(db: ReadableDB, year: number, people: 'all' | number[], extra: { interviewerId?: number | null } = {}): FormListRow[] {
  const rows = db.all(
    db.qb
      .selectFrom('feedback_forms as f')
      .innerJoin('people as p', 'p.id', 'f.person_id')
      .innerJoin('people as i', 'i.id', 'f.interviewer_id')
      .leftJoin('departments as d', 'd.id', 'p.department_id')
      .select([
        'f.id',
        'f.year',
        'f.version',
        'f.person_id',
        'f.grade',
        'f.status',
        'f.person_signed_at',
        'f.refused_at',
        'f.verification_code',
        'f.interviewer_id',
        'p.staff_no',
        'p.name',
        'd.name as department',
        'i.name as interviewer_name',
      ])
      .where('f.year', '=', year)
      .orderBy('p.staff_no')
      .orderBy('f.version'),
  )
  const allowed = people === 'all' ? null : new Set(people)
  return rows
    .filter((r) => allowed === null || allowed.has(r.person_id) || (extra.interviewerId != null && r.interviewer_id === extra.interviewerId))
    .map((r) => ({
      id: r.id,
      year: r.year,
      version: r.version,
      personId: r.person_id,
      staffNo: r.staff_no,
      name: r.name,
      department: r.department ?? null,
      grade: r.grade,
      status: r.status,
      interviewer: { personId: r.interviewer_id, name: r.interviewer_name },
      deliveredOn: deliveredOf(r),
      verificationCode: r.verification_code,
    }))
}

/** The person the form is about (for the access check of a call naming only the form). */
export function formPerson(db: ReadableDB, formId: number): { personId: number; interviewerId: number } {
  const r = formRow(db, formId)
  return { personId: r.person_id, interviewerId: r.interviewer_id }
}

/** Forms waiting for the viewer's signature: as interviewer (draft) or as the person (interviewer signed). */
export function formsToSign(db: ReadableDB, personId: number): { asInterviewer: number; asPerson: number } {
  const asInterviewer = db.all(db.qb.selectFrom('feedback_forms').select('id').where('interviewer_id', '=', personId).where('status', '=', 'draft')).length
  const asPerson = db.all(db.qb.selectFrom('feedback_forms').select('id').where('person_id', '=', personId).where('status', '=', 'interviewerSigned')).length
  return { asInterviewer, asPerson }
}

// ---- verification -------------------------------------------------------------------------------------

/** What the audit chain says about a form's seal: the sha256 its entry recorded, and whether the entry's MAC holds. */
export type SealAudit = (formId: number) => { sha256: string; macOk: boolean; seq: number }[]

/** The form a code names, with what verification found (tampering named), or 'unknown'. */
export function findByCode(db: ReadableDB, code: string): Row | undefined {
  return db.first(db.qb.selectFrom('feedback_forms').selectAll().where('verification_code', '=', normaliseCode(code)))
}

export function verifyForm(db: ReadableDB, code: string, row: Row | undefined, audit: SealAudit, viewer: Viewer): VerifyResult {
  const normalised = normaliseCode(code)
  if (!row) return { code: normalised, state: 'unknown', formId: null, year: null, version: null, personName: null, supersededByVersion: null, problems: [], form: null }
  const name = personName(db, row.person_id)
  const label = { zh: `${name} ${row.year} 年度反馈表第 ${row.version} 版（编号 ${row.id}）`, en: `the ${row.year} feedback form of ${name}, version ${row.version} (no. ${row.id})` }
  const problems: { zh: string; en: string }[] = []
  const successor = row.superseded_by === null ? null : db.first(db.qb.selectFrom('feedback_forms').select('version').where('id', '=', row.superseded_by))
  const base = { code: normalised, formId: row.id, year: row.year, version: row.version, personName: name, supersededByVersion: successor?.version ?? null }
  if (!row.sha256 || !row.sealed_json) {
    if (row.status === 'sealed' || row.status === 'refused') problems.push({ zh: `${label.zh}：状态为已签署，但没有封存摘要`, en: `${label.en}: marked signed but has no seal` })
    const state = problems.length ? 'tampered' : row.status === 'voided' ? 'voided' : 'unsealed'
    return { ...base, state, problems, form: viewOf(db, row, viewer) }
  }
  const recomputed = sha256Hex(canonicalJson(sealedObject(db, row)))
  if (recomputed !== row.sha256) problems.push({ zh: `${label.zh}：内容与封存时的摘要不符（内容、签名或摘要被改动）`, en: `${label.en}: its content does not match the seal's hash (content, signatures or hash changed)` })
  if (sha256Hex(row.sealed_json) !== row.sha256) problems.push({ zh: `${label.zh}：封存的内容与摘要不符`, en: `${label.en}: the sealed content does not match its hash` })
  const entries = audit(row.id)
  const good = entries.filter((e) => e.macOk)
  if (entries.some((e) => !e.macOk)) problems.push({ zh: `${label.zh}：审计日志中封存记录（第 ${entries.find((e) => !e.macOk)!.seq} 条）被改动`, en: `${label.en}: the audit entry of its seal (#${entries.find((e) => !e.macOk)!.seq}) was altered` })
  if (!good.length) problems.push({ zh: `${label.zh}：审计日志中没有封存记录`, en: `${label.en}: the audit log has no entry of its seal` })
  else if (!good.some((e) => e.sha256 === row.sha256 && e.sha256 === recomputed)) problems.push({ zh: `${label.zh}：摘要与审计日志中记录的封存摘要不符`, en: `${label.en}: its hash differs from the one the audit log recorded at sealing` })
  if (problems.length) return { ...base, state: 'tampered', problems, form: viewOf(db, row, viewer) }
  const state = row.status === 'voided' ? (successor ? 'superseded' : 'voided') : 'current'
  return { ...base, state, problems, form: viewOf(db, row, viewer) }
}
