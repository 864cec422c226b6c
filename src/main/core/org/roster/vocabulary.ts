/**
 * The roster's own vocabulary: 岗位类别 and 在职状态 as written in Chinese rosters, and their labels.
 * The generic readers (text, staff numbers, yes/no, dates) are in core/imports/normalize.
 */
import type { RawCell } from '../../imports/cells'
import { codeKey, readCode } from '../../imports/normalize'
import type { EmploymentStatus, PostCategory } from './types'

const CATEGORY_WORDS: ReadonlyMap<string, PostCategory> = new Map<string, PostCategory>([
  ['综合管理', 'general'],
  ['综合管理类', 'general'],
  ['综合', 'general'],
  ['综合类', 'general'],
  ['general', 'general'],
  ['行政执法', 'enforcement'],
  ['行政执法类', 'enforcement'],
  ['执法', 'enforcement'],
  ['执法类', 'enforcement'],
  ['enforcement', 'enforcement'],
  ['专业技术', 'technical'],
  ['专业技术类', 'technical'],
  ['专技', 'technical'],
  ['专技类', 'technical'],
  ['technical', 'technical'],
])

/** 岗位类别; null for blank or unknown (the caller tells those apart). */
export function readCategory(cell: RawCell): PostCategory | null {
  return readCode(cell, CATEGORY_WORDS)
}

export const CATEGORY_LABEL: Readonly<Record<PostCategory, string>> = {
  general: '综合管理类',
  enforcement: '行政执法类',
  technical: '专业技术类',
}

const STATUS_WORDS: ReadonlyMap<string, EmploymentStatus> = new Map<string, EmploymentStatus>([
  ['在职', 'active'],
  ['在岗', 'active'],
  ['正常', 'active'],
  ['active', 'active'],
  ['试用期', 'probation'],
  ['试用', 'probation'],
  ['见习', 'probation'],
  ['新录用', 'probation'],
  ['probation', 'probation'],
  ['长期病假', 'longLeave'],
  ['长病假', 'longLeave'],
  ['病休', 'longLeave'],
  ['长期休假', 'longLeave'],
  ['longleave', 'longLeave'],
  ['调离', 'transferred'],
  ['调出', 'transferred'],
  ['transferred', 'transferred'],
  ['退休', 'retired'],
  ['retired', 'retired'],
  ['离职', 'left'],
  ['辞职', 'left'],
  ['辞退', 'left'],
  ['开除', 'left'],
  ['left', 'left'],
])

export const STATUS_LABEL: Readonly<Record<EmploymentStatus, string>> = {
  active: '在职',
  probation: '试用期',
  longLeave: '长期病假',
  transferred: '调离',
  retired: '退休',
  left: '离职',
}

const STATUS_EN: Readonly<Record<EmploymentStatus, string>> = {
  active: 'active',
  probation: 'probation',
  longLeave: 'long leave',
  transferred: 'transferred',
  retired: 'retired',
  left: 'left',
}

export function statusNamed(s: EmploymentStatus): { zh: string; en: string } {
  return { zh: STATUS_LABEL[s], en: STATUS_EN[s] }
}

/** 在职状态: blank is `active`; unknown is null. */
export function readStatus(cell: RawCell): EmploymentStatus | null {
  if (codeKey(cell) === '') return 'active'
  return readCode(cell, STATUS_WORDS)
}
