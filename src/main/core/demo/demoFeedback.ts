import { localDate } from '@shared/dates'
import type { Store } from '../../db/store'
import type { AuditRecord } from '../audit/chain'
import { generateForms, refuseForm, saveText, signForm, type SealInfo } from '../feedback'
import { prng } from './random'

/**
 * The demo's 2025 《绩效反馈表》 story (issue 10): HR created the forms the day after the 2025
 * publicity ended; most were discussed, signed by the interviewer and then by the person between
 * late February and March 2026; one person refused before a witness; a few are still unsigned —
 * among them the staff account's own (0402), left for the walk-through. The demo builder signs
 * without passwords (nobody's password is typed while the unit is built).
 *
 * Each seal's hash belongs in the audit chain, as the router puts it there for a real signature:
 * pass the builder's `audit` and the entries are appended; without it the seals are returned for the
 * caller to record.
 */
const YEAR = 2025
const UNSIGNED = new Set(['0402', '0205', '0503'])
const INTERVIEWER_ONLY = new Set(['0404'])

const TEXT: Record<string, { strengths: string; weaknesses: string; improvements: string }> = {
  优秀: { strengths: '业务精通，全年任务完成质量高，主动承担急难任务，群众满意度高。', weaknesses: '对科室新同志的传帮带还可以更系统。', improvements: '2026 年牵头一项业务培训，总结推广执法办案经验。' },
  称职: { strengths: '工作认真负责，能按时完成岗位任务，遵守纪律。', weaknesses: '工作主动性和创新意识有待加强，个别任务完成偏晚。', improvements: '按季度制定工作计划，每月与主管领导沟通一次进度。' },
  基本称职: { strengths: '能完成日常基本工作，态度端正。', weaknesses: '两项重点任务未按期完成，文书质量不稳定。', improvements: '按整改计划逐月改进，参加法规与文书培训，每月汇报整改进展。' },
  不称职: { strengths: '对问题有一定认识。', weaknesses: '多项任务未完成，责任心不强，受到组织处理。', improvements: '落实整改要求，明确岗位职责清单，由主管领导每周跟进。' },
}

export function demoFeedback(store: Store, opts: { now: Date; audit?: { append(r: AuditRecord): unknown } }): { forms: number; seals: SealInfo[] } {
  const round = store.first(store.qb.selectFrom('annual_rounds').select(['publicity_until']).where('year', '=', YEAR))
  if (!round?.publicity_until) return { forms: 0, seals: [] }
  const created = new Date(`${round.publicity_until}T09:00:00`)
  created.setDate(created.getDate() + 1)
  if (created > opts.now) return { forms: 0, seals: [] }
  const userOf = (personId: number) => store.first(store.qb.selectFrom('users').select(['id', 'username']).where('person_id', '=', personId))
  const hr = store.first(store.qb.selectFrom('users').select(['id', 'person_id']).where('username', '=', 'hr'))
  if (!hr) return { forms: 0, seals: [] }
  const report = generateForms(store, YEAR, { userId: hr.id, personId: hr.person_id }, created)
  const forms = store.all(
    store.qb
      .selectFrom('feedback_forms as f')
      .innerJoin('people as p', 'p.id', 'f.person_id')
      .select(['f.id', 'f.person_id', 'f.interviewer_id', 'f.grade', 'p.staff_no'])
      .where('f.year', '=', YEAR)
      .where('f.status', '=', 'draft')
      .orderBy('p.staff_no'),
  )
  const random = prng(2025)
  const seals: SealInfo[] = []
  const account = (personId: number) => {
    const u = userOf(personId)
    return { userId: u?.id ?? null, username: u?.username ?? `demo-${personId}`, personId }
  }
  // The refusal: the first 基本称职 or 不称职 form whose person is not the walk-through's.
  const refusal = forms.find((f) => (f.grade === '基本称职' || f.grade === '不称职') && !UNSIGNED.has(f.staff_no))
  const witness = store.first(store.qb.selectFrom('people').select('id').where('staff_no', '=', '0201'))?.id ?? null
  for (const f of forms) {
    if (UNSIGNED.has(f.staff_no)) continue
    const day = new Date(created)
    day.setDate(day.getDate() + 5 + Math.floor(random() * 28))
    day.setHours(9 + Math.floor(random() * 7), Math.floor(random() * 60), 0, 0)
    const text = TEXT[f.grade] ?? TEXT['称职']!
    saveText(store, f.id, { ...text, interviewOn: localDate(day) }, f.interviewer_id, localDate(day))
    signForm(store, { formId: f.id, as: 'interviewer' }, account(f.interviewer_id), f.interviewer_id, day)
    if (INTERVIEWER_ONLY.has(f.staff_no)) continue
    const later = new Date(day.getTime() + 20 * 60_000)
    let seal: SealInfo
    if (f === refusal && witness !== null && witness !== f.person_id && witness !== f.interviewer_id) {
      seal = refuseForm(store, { formId: f.id, note: '本人对年度等次有异议，拒绝在反馈表上签字，已告知可依规申请复核。' }, account(witness), f.interviewer_id, later).seal
    } else {
      const signed = signForm(store, { formId: f.id, as: 'person' }, account(f.person_id), f.person_id, later)
      if (!signed.seal) continue
      seal = signed.seal
    }
    seals.push(seal)
    opts.audit?.append({ at: later.toISOString(), actorId: null, actor: null, action: 'feedback.sign', target: `feedback:${seal.formId}`, outcome: 'ok', detail: { formId: seal.formId, version: seal.version, sha256: seal.sha256, demo: true } })
  }
  return { forms: report.created, seals }
}
