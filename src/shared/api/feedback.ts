import { z } from 'zod'
import type * as F from '../feedback'
import { SIGNATURE_MAX_BYTES } from '../feedback'
import { method } from './method'
import { id, isoDate, year } from './schemas'

const text = z.string().max(4000)
const password = z.string().min(1).max(256)
/** Base64 of a PNG under the cap (the core checks the magic). */
const png = z.string().max(Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')

/**
 * Signed feedback forms (《绩效反馈表》, issue 10): HR creates the year's forms from the final
 * results; the interviewer writes and signs, the person signs or refuses before a witness, each
 * with their own password; the seal is verified by its code. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const feedbackMethods = {
  'feedback.list': method<F.FormListRow[]>()({
    input: z.object({ year, personId: id.optional() }).strict(),
    permission: 'feedback.read',
    kind: 'read',
    subject: 'personId',
  }),
  'feedback.show': method<F.FormView>()({
    input: z.object({ formId: id }).strict(),
    permission: 'feedback.read',
    kind: 'read',
    subject: { scope: 'handler' },
  }),
  'feedback.print': method<{ fileName: string; contentBase64: string; verificationCode: string }>()({
    input: z.object({ formId: id }).strict(),
    permission: 'feedback.read',
    kind: 'read',
    subject: { scope: 'handler' },
  }),
  'feedback.verify': method<F.VerifyResult>()({
    input: z.object({ code: z.string().trim().min(4).max(40) }).strict(),
    permission: 'feedback.read',
    kind: 'read',
    subject: { scope: 'handler' },
  }),
  'feedback.generate': method<{ year: number; created: number; existing: number; withoutInterviewer: { personId: number; name: string }[] }>()({
    input: z.object({ year }).strict(),
    permission: 'feedback.manage',
    kind: 'write',
  }),
  'feedback.reassign': method<F.FormView>()({
    input: z.object({ formId: id, interviewerId: id }).strict(),
    permission: 'feedback.manage',
    kind: 'write',
  }),
  'feedback.reissue': method<{ formId: number; version: number }>()({
    input: z.object({ year, personId: id, reason: z.string().trim().min(1).max(2000) }).strict(),
    permission: 'feedback.manage',
    kind: 'write',
  }),
  'feedback.saveText': method<F.FormView>()({
    input: z.object({ formId: id, strengths: text, weaknesses: text, improvements: text, interviewOn: isoDate.nullable() }).strict(),
    permission: 'feedback.sign',
    kind: 'write',
  }),
  'feedback.sign': method<F.FormView>()({
    input: z
      .object({ formId: id, as: z.enum(['interviewer', 'person']), username: z.string().trim().min(1).max(64).optional(), password, signaturePng: png.optional() })
      .strict(),
    permission: 'feedback.sign',
    kind: 'write',
  }),
  'feedback.refuse': method<F.FormView>()({
    input: z.object({ formId: id, note: z.string().trim().min(1).max(2000), witnessUsername: z.string().trim().min(1).max(64), witnessPassword: password }).strict(),
    permission: 'feedback.sign',
    kind: 'write',
  }),
}
