import type { Label } from './guideline/model'

/**
 * 台账 entry kinds, as the plan names them (seed plan §四.2, issue 4). The kind decides which
 * evaluation sheet indicator the entry is evidence for.
 */
export const LEDGER_KINDS = [
  'workRecord',
  'meetingMinutes',
  'systemData',
  'taskProgress',
  'outstanding',
  'mistake',
  'emergency',
  'volunteer',
  'shirking',
  'trainingExam',
  'riskFound',
  'riskRectified',
  'integrityTalk',
  'complaint',
] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]

export const LEDGER_KIND_LABELS: Record<LedgerKind, Label> = {
  workRecord: { zh: '工作记录', en: 'work record' },
  meetingMinutes: { zh: '会议纪要', en: 'meeting minutes' },
  systemData: { zh: '系统数据', en: 'system data' },
  taskProgress: { zh: '任务进展', en: 'task progress' },
  outstanding: { zh: '突出表现', en: 'outstanding performance' },
  mistake: { zh: '失误偏差', en: 'mistake or deviation' },
  emergency: { zh: '应急响应', en: 'emergency response' },
  volunteer: { zh: '志愿任务（抗疫、防汛等）', en: 'volunteer task (epidemic, flood …)' },
  shirking: { zh: '推诿扯皮', en: 'shirking' },
  trainingExam: { zh: '培训考试成绩', en: 'training exam score' },
  riskFound: { zh: '发现风险点', en: 'risk point found' },
  riskRectified: { zh: '风险点整改', en: 'risk point rectified' },
  integrityTalk: { zh: '廉政谈话', en: 'integrity talk' },
  complaint: { zh: '投诉', en: 'complaint' },
}

/** Attachment rules: what a ledger entry may carry (stored encrypted inside the database). */
export const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
}

/**
 * Attachment limits, shared so the renderer can refuse a file before sending it and main enforces
 * the same numbers. They protect the database file (attachments live inside it, encrypted with
 * it); they are not policy numbers of RULES.md.
 */
export const ATTACHMENT_LIMITS = {
  /** One attachment: a scanned page or a photo of a certificate fits comfortably. */
  eachMb: 5,
  /** All attachments of one entry together. */
  totalMb: 20,
  /** Files on one entry (the contract's array bound). */
  maxFiles: 10,
} as const
