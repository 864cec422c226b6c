import type { Channel, Dimension } from './guideline/model'
import type { IsoDate } from './org'

/**
 * Signed feedback forms (《绩效反馈表》, issue 10): shared words and the shapes the screens and
 * commands see. Pure data for main and the renderer alike.
 */
export const FORM_STATUSES = ['draft', 'interviewerSigned', 'sealed', 'refused', 'voided'] as const
export type FormStatus = (typeof FORM_STATUSES)[number]

export const FORM_STATUS_LABELS: Record<FormStatus, { zh: string; en: string }> = {
  draft: { zh: '待面谈签字', en: 'awaiting the interview' },
  interviewerSigned: { zh: '待本人签字', en: 'awaiting the person’s signature' },
  sealed: { zh: '已签署', en: 'signed and sealed' },
  refused: { zh: '拒签（有见证人）', en: 'refused (witnessed)' },
  voided: { zh: '已作废', en: 'voided' },
}

/** The largest handwritten signature accepted (a PNG drawn on the canvas). */
export const SIGNATURE_MAX_BYTES = 256 * 1024

/** What the form states about the person's result, frozen when the form is created. */
export interface FormContent {
  unit: { name: string; code: string }
  year: number
  person: { id: number; staffNo: string; name: string; department: string | null; post: string }
  grade: string
  T: number | null
  channels: Record<Channel, { weight: number; score: number | null }>
  dimensions: { dimension: Dimension; leadership: number | null; democratic: number | null }[]
  /** Where the 计算明细 is: the year's proposal and the hash of its inputs. */
  explanation: { ref: string; inputsSha256: string; lines: number }
}

export interface FormSignatureView {
  personId: number
  name: string
  username: string | null
  at: string
  /** The drawn signature, base64 PNG, when one was drawn. */
  png: string | null
}

export interface FormView {
  id: number
  year: number
  version: number
  status: FormStatus
  grade: string
  content: FormContent
  interviewer: { personId: number; name: string; staffNo: string }
  text: { strengths: string; weaknesses: string; improvements: string; interviewOn: IsoDate | null }
  interviewerSignature: FormSignatureView | null
  personSignature: FormSignatureView | null
  refusal: { note: string; at: string; witness: { personId: number; name: string } } | null
  seal: { sha256: string; at: string } | null
  verificationCode: string
  voided: { at: string; reason: string | null; supersededByVersion: number | null } | null
  /** What the viewer may do with it now. */
  can: { edit: boolean; signAsInterviewer: boolean; signAsPerson: boolean; refuse: boolean; reassign: boolean; reissue: boolean }
}

export interface FormListRow {
  id: number
  year: number
  version: number
  personId: number
  staffNo: string
  name: string
  department: string | null
  grade: string
  status: FormStatus
  interviewer: { personId: number; name: string }
  deliveredOn: IsoDate | null
  verificationCode: string
}

export type VerifyState = 'current' | 'superseded' | 'voided' | 'unsealed' | 'tampered' | 'unknown'

export interface VerifyResult {
  code: string
  state: VerifyState
  /** For a known code: which form. */
  formId: number | null
  year: number | null
  version: number | null
  personName: string | null
  supersededByVersion: number | null
  /** What does not match, when tampered: names the form and the check that failed. */
  problems: { zh: string; en: string }[]
  /** The sealed content, to compare with the paper. */
  form: FormView | null
}
