import { FOLLOWUP_KINDS, FOLLOWUP_KIND_LABELS, type FollowUpKind, type FollowUpStatus, type FollowUpView } from '@shared/outcomes'
import { command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { table, yearOf } from '../support'

const STATUS: Record<FollowUpStatus, string> = { open: '进行中', overdue: '已逾期', done: '已完成', cancelled: '已撤销' }

function listText(list: FollowUpView[]): string {
  if (list.length === 0) return '没有跟进事项 / no follow-ups\n'
  return table(
    ['编号', '年度', '工号', '姓名', '事项', '负责人', '期限', '状态', '完成情况'],
    list.map((f) => [String(f.id), String(f.year), f.staffNo, f.name, f.label.zh, f.ownerName ?? '', f.earliestOn ? `${f.earliestOn}～${f.dueOn}` : f.dueOn, `${STATUS[f.status]}${f.doneOn ? ` ${f.doneOn}` : ''}`, f.note ?? '']),
  )
}

function kindOf(text: string): FollowUpKind {
  const k = FOLLOWUP_KINDS.find((x) => x === text || FOLLOWUP_KIND_LABELS[x].zh === text)
  if (!k) throw new UsageError(`--kind 须为 / must be one of: ${FOLLOWUP_KINDS.map((x) => `${x}（${FOLLOWUP_KIND_LABELS[x].zh}）`).join(' ')}`)
  return k
}

/** 跟进事项 (RULES.md §8): created from the final grades; their owners complete them. */
export const FOLLOWUP_COMMANDS = [
  command({
    path: ['followup', 'generate'],
    summary: { zh: '按确定的等次生成跟进事项、表彰名单与人才库（可重复执行；人事科）', en: 'create the follow-ups, commendation list and talent pool from the final grades (repeatable; HR)' },
    options: { year: { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } },
    async run({ opts, login, call, print }) {
      await login()
      const r = await call('outcomes.generate', { year: yearOf(opts.year) })
      print(r, () => `${r.year} 年度：新建跟进事项 ${r.created} 项，已有 ${r.existing} 项，撤销 ${r.cancelled} 项；新列入名单 ${r.listed} 人；整改期 ${r.rectificationPlans} 个\n` + `created ${r.created}, existing ${r.existing}, cancelled ${r.cancelled}; ${r.listed} listed; ${r.rectificationPlans} rectification plans\n`)
      return EXIT.ok
    },
  }),
  command({
    path: ['followup', 'list'],
    summary: { zh: '跟进事项（人事科与领导小组见全部，其他人见本人负责的）', en: 'follow-ups (HR and the leadership group see all, others their own)' },
    options: {
      year: { type: 'string', value: 'Y', zh: '考核年度', en: 'assessment year' },
      kind: { type: 'string', value: 'KIND', zh: `事项：${FOLLOWUP_KINDS.join(' / ')}`, en: `kind: ${FOLLOWUP_KINDS.join(' / ')}` },
      overdue: { type: 'boolean', zh: '只列已逾期未完成的', en: 'only the overdue ones' },
    },
    async run({ opts, login, call, print }) {
      const input = { ...(opts.year !== undefined ? { year: yearOf(opts.year) } : {}), ...(opts.kind !== undefined ? { kind: kindOf(opts.kind) } : {}), ...(opts.overdue ? { overdue: true } : {}) }
      await login()
      const list = await call('outcomes.followups', input)
      print(list, () => listText(list))
      return EXIT.ok
    },
  }),
  command({
    path: ['followup', 'done'],
    summary: { zh: '负责人登记跟进事项已完成（须写明完成情况）', en: 'the owner marks a follow-up done (with a note)' },
    args: ['ID'],
    options: {
      note: { type: 'string', value: 'TEXT', required: true, zh: '完成情况', en: 'what was done' },
      on: { type: 'string', value: 'YYYY-MM-DD', zh: '完成日期（默认今天）', en: 'done on (default today)' },
    },
    async run({ opts, args, login, call, print }) {
      const id = Number(args.ID)
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`编号无效 / invalid id: ${args.ID}`)
      await login()
      const f = await call('outcomes.completeFollowup', { id, note: opts.note, ...(opts.on !== undefined ? { doneOn: opts.on } : {}) })
      print(f, () => `已完成 / done: ${f.id} ${f.name} ${f.label.zh}（${f.doneOn}）\n`)
      return EXIT.ok
    },
  }),
]
