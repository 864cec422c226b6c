import { APPEAL_GRADES, ROUTE_LABELS, type AppealGrade, type AppealView, type AppealWindow } from '@shared/appeals'
import { command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { table, yearOf } from '../support'

const STATUS: Record<AppealView['status'], string> = { pending: '待答复', upheld: '已支持', refused: '已驳回', withdrawn: '已撤回' }

function gradeOf(text: string): AppealGrade {
  const g = APPEAL_GRADES.find((x) => x === text)
  if (!g) throw new UsageError(`--grade 须为 / must be one of: ${APPEAL_GRADES.join(' ')}`)
  return g
}

function idOf(text: string | undefined): number {
  const id = Number(text)
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`编号无效 / invalid id: ${text ?? ''}`)
  return id
}

function warningLines(ws: readonly { zh: string; en: string }[]): string {
  return ws.map((w) => `! ${w.zh} / ${w.en}\n`).join('')
}

function appealText(a: AppealView): string {
  return (
    `申诉 ${a.id}：${a.name}（${a.staffNo}）${a.year} 年度 ${ROUTE_LABELS[a.route].zh} / appeal ${a.id}: ${ROUTE_LABELS[a.route].en}\n` +
    `送达 / delivered ${a.deliveredOn}；提出 / filed ${a.filedOn}（期限 / window until ${a.windowUntil}）；答复期限 / answer due ${a.dueOn}${a.overdue ? '（已逾期 / OVERDUE）' : ''}\n` +
    warningLines(a.warnings) +
    `等次 / grade ${a.gradeBefore}${a.gradeAsked ? ` → 申请 / asked ${a.gradeAsked}` : ''}；状态 / status ${STATUS[a.status]} ${a.status}\n` +
    (a.items.length ? `事项 / items: ${a.items.map((i) => i.label.zh).join('、')}\n` : '') +
    (a.recused.length ? `回避 / recused: ${a.recused.map((m) => `${m.name}（${m.reason.zh}）`).join('、')}\n` : '') +
    (a.body ? `受理机关 / body: ${a.body}；文书 / document: ${a.documentNo ?? ''}\n` : '') +
    (a.answeredOn ? `答复 / answered ${a.answeredOn}${a.gradeAfter ? `：等次改为 / grade now ${a.gradeAfter}` : ''}${a.answerReason ? `；${a.answerReason}` : ''}\n` : '')
  )
}

function windowText(w: AppealWindow): string {
  return (
    `${w.year} 年度申诉期 / appeal period: 等次 / grade ${w.grade ?? '-'}；送达 / delivered ${w.deliveredOn ?? '未送达 / not delivered'}\n` +
    (w.windowUntil ? `${w.windowWorkingDays} 个工作日，截至 ${w.windowUntil} / ${w.windowWorkingDays} working days, until ${w.windowUntil}\n` : '') +
    warningLines(w.warnings) +
    (w.open ? '可以提出申诉 / open\n' : `不能提出申诉 / closed: ${w.reason?.zh ?? ''} / ${w.reason?.en ?? ''}\n`) +
    `可选事项 / items: ${w.items.map((i) => `${i.key}（${i.label.zh}）`).join(' ')}\n`
  )
}

/** 申诉 (RULES.md §7): file, list, answer; the statutory routes of a 不称职 result. */
export const APPEAL_COMMANDS = [
  command({
    path: ['appeal', 'window'],
    summary: { zh: '本人的申诉期：送达日、截止日（含日历提示）与可申诉事项', en: 'one’s own appeal period: delivery, deadline (with any calendar warning) and the items' },
    options: { year: { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } },
    async run({ opts, login, call, print }) {
      await login()
      const w = await call('appeals.window', { year: yearOf(opts.year) })
      print(w, () => windowText(w))
      return EXIT.ok
    },
  }),
  command({
    path: ['appeal', 'file'],
    summary: { zh: '就本人年度考核结果提出申诉（申诉期内，书面）', en: 'appeal one’s own annual result (within the period, in writing)' },
    options: {
      year: { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' },
      items: { type: 'string', value: 'A,B', required: true, zh: '有异议的事项，逗号分隔（见 appeal window）', en: 'disputed items, comma-separated (see appeal window)' },
      grade: { type: 'string', value: 'G', required: true, zh: '申请的等次', en: 'grade asked for' },
      text: { type: 'string', value: 'TEXT', required: true, zh: '申诉理由', en: 'grounds' },
    },
    async run({ opts, login, call, print }) {
      const input = { year: yearOf(opts.year), items: opts.items.split(/[,，]/).map((s) => s.trim()).filter(Boolean), gradeAsked: gradeOf(opts.grade), text: opts.text }
      await login()
      const a = await call('appeals.file', input)
      print(a, () => appealText(a))
      return EXIT.ok
    },
  }),
  command({
    path: ['appeal', 'list'],
    summary: { zh: '申诉列表（人事科与领导小组见全部，本人见自己的），逾期标出', en: 'appeals (HR and the leadership group see all, a person their own), overdue marked' },
    options: { year: { type: 'string', value: 'Y', zh: '考核年度', en: 'assessment year' } },
    async run({ opts, login, call, print }) {
      await login()
      const list = await call('appeals.list', opts.year !== undefined ? { year: yearOf(opts.year) } : {})
      print(list, () =>
        list.length === 0
          ? '没有申诉 / no appeals\n'
          : table(
              ['编号', '年度', '类别', '工号', '姓名', '提出', '答复期限', '状态', '等次', '回避'],
              list.map((a) => [String(a.id), String(a.year), ROUTE_LABELS[a.route].zh, a.staffNo, a.name, a.filedOn, `${a.dueOn}${a.overdue ? ' 逾期' : ''}`, STATUS[a.status], a.gradeAfter ? `${a.gradeBefore}→${a.gradeAfter}` : a.gradeBefore, a.recused.map((m) => m.name).join('、')]),
            ) + list.flatMap((a) => a.warnings).filter((w, i, all) => all.findIndex((x) => x.zh === w.zh) === i).map((w) => `! ${w.zh} / ${w.en}\n`).join(''),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['appeal', 'answer'],
    summary: { zh: '领导小组答复申诉（回避成员不能答复；答复为最终结果）', en: 'the leadership group answers an appeal (recused members cannot; the answer is final)' },
    args: ['ID'],
    options: {
      decision: { type: 'string', value: 'upheld|refused', required: true, zh: '支持（upheld）或驳回（refused）', en: 'upheld or refused' },
      grade: { type: 'string', value: 'G', zh: '支持时的新等次', en: 'the new grade when upheld' },
      reason: { type: 'string', value: 'TEXT', required: true, zh: '答复理由', en: 'reasons' },
    },
    async run({ opts, args, login, call, print }) {
      if (opts.decision !== 'upheld' && opts.decision !== 'refused') throw new UsageError('--decision upheld|refused')
      const input = { appealId: idOf(args.ID), decision: opts.decision, reason: opts.reason, ...(opts.grade !== undefined ? { grade: gradeOf(opts.grade) } : {}) } as const
      await login()
      const a = await call('appeals.answer', input)
      print(a, () => appealText(a))
      return EXIT.ok
    },
  }),
  command({
    path: ['appeal', 'route'],
    summary: { zh: '登记不称职的法定复核（review）或申诉（statutory），显示其期限（人事科）', en: 'record a statutory review or appeal of a 不称职 result, with its deadlines (HR)' },
    options: {
      year: { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' },
      'staff-no': { type: 'string', value: 'N', required: true, zh: '工号', en: 'staff number' },
      kind: { type: 'string', value: 'review|statutory', required: true, zh: '复核或申诉', en: 'review or statutory appeal' },
      on: { type: 'string', value: 'YYYY-MM-DD', required: true, zh: '提出日期', en: 'filed on' },
      body: { type: 'string', value: 'TEXT', required: true, zh: '受理机关', en: 'the deciding body' },
      document: { type: 'string', value: 'NO', required: true, zh: '文书编号', en: 'document number' },
      'review-of': { type: 'string', value: 'ID', zh: '复核后申诉：复核的编号', en: 'appeal after review: the review’s id' },
    },
    async run({ opts, login, call, print }) {
      if (opts.kind !== 'review' && opts.kind !== 'statutory') throw new UsageError('--kind review|statutory')
      const year = yearOf(opts.year)
      await login()
      const person = (await call('org.people.list', { search: opts['staff-no'], includeGone: true })).find((p) => p.staffNo === opts['staff-no'])
      if (!person) throw new UsageError(`没有工号 ${opts['staff-no']} 的人员 / no person with staff number ${opts['staff-no']}`)
      const a = await call('appeals.recordRoute', {
        year,
        personId: person.id,
        route: opts.kind,
        filedOn: opts.on,
        body: opts.body,
        documentNo: opts.document,
        ...(opts['review-of'] !== undefined ? { reviewOf: idOf(opts['review-of']) } : {}),
      })
      print(a, () => appealText(a))
      return EXIT.ok
    },
  }),
]
