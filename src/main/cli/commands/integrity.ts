import { LEAD_STATUSES, REVIEW_FINDINGS, type LeadStatus, type ReviewFinding } from '@shared/api/integrity'
import { command, EXIT, type Context, type Options } from '../command'
import { UsageError } from '../prompt'
import { table, yearOf } from '../support'

/** The person of a staff number, from the discipline office's own list (everyone in the unit). */
async function personOfStaffNo(call: Context<Options, readonly string[]>['call'], year: number, staffNo: string): Promise<number> {
  const rows = await call('integrity.reviews', { year })
  const p = rows.find((r) => r.staffNo === staffNo)
  if (!p) throw new UsageError(`找不到工号 / no such staff number: ${staffNo}`)
  return p.personId
}

const FINDING_ZH: Record<ReviewFinding, string> = { none: '无问题', minor: '一般问题', serious: '严重问题' }
const STATUS_ZH = { none: '未记录', pending: '进行中', completed: '已完成' } as const
const LEAD_ZH: Record<LeadStatus, string> = { received: '已受理', verifying: '核查中', concluded: '已办结' }

/** The discipline office's records: special integrity reviews, sanctions, leads (T3). */
export const INTEGRITY_COMMANDS = [
  command({
    path: ['review', 'record'],
    summary: { zh: '记录专项考察（状态、结论、纪检内容加密保存；纪检室）', en: 'record a special integrity review (status, outcome; details sealed T3; discipline office)' },
    options: {
      year: { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' },
      'staff-no': { type: 'string', value: 'N', required: true, zh: '工号', en: 'staff number' },
      status: { type: 'string', value: 'pending|completed', required: true, zh: '考察状态', en: 'review status' },
      finding: { type: 'string', value: 'none|minor|serious', zh: '结论（已完成时必填）', en: 'outcome (needed when completed)' },
      'minor-count': { type: 'string', value: 'K', zh: '一般问题数', en: 'number of minor findings' },
      details: { type: 'string', value: 'TEXT', zh: '考察详情（仅纪检室可见）', en: 'details (discipline office only)' },
    },
    async run({ opts, login, call, print }) {
      const year = yearOf(opts.year)
      const status = opts.status
      if (status !== 'pending' && status !== 'completed') throw new UsageError('--status pending|completed')
      const finding = opts.finding
      if (finding !== undefined && !(REVIEW_FINDINGS as readonly string[]).includes(finding)) throw new UsageError('--finding none|minor|serious')
      const minor = opts['minor-count'] === undefined ? undefined : Number(opts['minor-count'])
      if (minor !== undefined && (!Number.isInteger(minor) || minor < 0)) throw new UsageError('--minor-count K (0, 1, 2…)')
      await login()
      const personId = await personOfStaffNo(call, year, opts['staff-no'])
      const row = await call('integrity.recordReview', {
        year,
        personId,
        status,
        ...(finding !== undefined ? { finding: finding as ReviewFinding } : {}),
        ...(minor !== undefined ? { minorCount: minor } : {}),
        ...(opts.details !== undefined ? { details: opts.details } : {}),
      })
      print(row, () => `${row.name}（${row.staffNo}）专项考察 ${STATUS_ZH[row.status]}${row.finding ? `：${FINDING_ZH[row.finding]}${row.finding === 'minor' ? ` ${row.minorCount} 项` : ''}` : ''} / review ${row.status}${row.finding ? `: ${row.finding}` : ''}`)
      return EXIT.ok
    },
  }),
  command({
    path: ['review', 'list'],
    summary: { zh: '专项考察一览（风险岗位在前；纪检室可见详情）', en: 'special integrity reviews (risk posts first; details for the discipline office)' },
    options: { year: { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } },
    async run({ opts, login, call, print }) {
      const year = yearOf(opts.year)
      await login()
      const rows = await call('integrity.reviews', { year })
      print({ year, rows }, () =>
        table(
          ['staff', 'name', 'risk', 'status', 'finding', 'details'],
          rows.map((r) => [r.staffNo, r.name, r.riskPost ? '是' : '', STATUS_ZH[r.status], r.finding ? `${FINDING_ZH[r.finding]}${r.finding === 'minor' ? ` ${r.minorCount}` : ''}` : '', r.details ?? '']),
        ),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['sanction', 'add'],
    summary: { zh: '登记处分或组织处理（名称须在本年度政策的处分表中；纪检室）', en: 'record a sanction or organisational measure (a name from the policy’s table; discipline office)' },
    options: {
      'staff-no': { type: 'string', value: 'N', required: true, zh: '工号', en: 'staff number' },
      name: { type: 'string', value: 'NAME', required: true, zh: '处分名称，如 诫勉、记过', en: 'the sanction’s name, e.g. 诫勉, 记过' },
      'decided-on': { type: 'string', value: 'YYYY-MM-DD', required: true, zh: '决定日期', en: 'day decided' },
      'effective-from': { type: 'string', value: 'YYYY-MM-DD', zh: '生效日期（默认决定日期）', en: 'effective from (default: the day decided)' },
      'effective-to': { type: 'string', value: 'YYYY-MM-DD', zh: '失效日期', en: 'effective to' },
      'document-no': { type: 'string', value: 'TEXT', zh: '文号', en: 'document number' },
      details: { type: 'string', value: 'TEXT', zh: '详情（仅纪检室可见）', en: 'details (discipline office only)' },
    },
    async run({ opts, login, call, print }) {
      const decidedOn = opts['decided-on']
      await login()
      const personId = await personOfStaffNo(call, Number(decidedOn.slice(0, 4)) || new Date().getFullYear(), opts['staff-no'])
      const row = await call('integrity.addSanction', {
        personId,
        sanction: opts.name,
        decidedOn,
        ...(opts['effective-from'] !== undefined ? { effectiveFrom: opts['effective-from'] } : {}),
        ...(opts['effective-to'] !== undefined ? { effectiveTo: opts['effective-to'] } : {}),
        ...(opts['document-no'] !== undefined ? { documentNo: opts['document-no'] } : {}),
        ...(opts.details !== undefined ? { details: opts.details } : {}),
      })
      print(row, () => `已登记 / recorded: ${row.name}（${row.staffNo}）${row.sanction} ${row.decidedOn}（${row.effect ?? '—'}）`)
      return EXIT.ok
    },
  }),
  command({
    path: ['sanction', 'list'],
    summary: { zh: '处分与组织处理、立案审查一览（纪检室）', en: 'sanctions, organisational measures and investigations (discipline office)' },
    options: { year: { type: 'string', value: 'Y', zh: '只看该年度决定的', en: 'only those decided in this year' } },
    async run({ opts, login, call, print }) {
      const year = opts.year === undefined ? undefined : yearOf(opts.year)
      await login()
      const view = await call('integrity.sanctions', year === undefined ? {} : { year })
      print(view, () =>
        table(
          ['staff', 'name', 'sanction', 'effect', 'decided', 'from', 'to', 'doc'],
          view.sanctions.map((s) => [s.staffNo, s.name, s.sanction, s.effect ?? '', s.decidedOn, s.effectiveFrom, s.effectiveTo ?? '', s.documentNo]),
        ) +
          (view.investigations.length
            ? '\n' + table(['staff', 'name', 'opened', 'closed'], view.investigations.map((i) => [i.staffNo, i.name, i.openedOn, i.closedOn ?? '（审查中 open）']))
            : ''),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['lead', 'lodge'],
    summary: { zh: '提交举报线索（署名或 --anonymous 匿名；只有纪检室可见）', en: 'lodge a whistle-blowing lead (signed, or --anonymous; only the discipline office sees it)' },
    options: {
      text: { type: 'string', value: 'TEXT', required: true, zh: '线索内容', en: 'what is reported' },
      anonymous: { type: 'boolean', zh: '匿名提交', en: 'lodge anonymously' },
      'named-person-id': { type: 'string', value: 'ID', zh: '被反映人的人员编号（可选）', en: 'id of the person named (optional)' },
    },
    async run({ opts, login, call, print }) {
      const named = opts['named-person-id'] === undefined ? undefined : Number(opts['named-person-id'])
      if (named !== undefined && (!Number.isInteger(named) || named < 1)) throw new UsageError('--named-person-id ID')
      await login()
      const r = await call('leads.lodge', { text: opts.text, ...(opts.anonymous ? { anonymous: true } : {}), ...(named !== undefined ? { namedPersonId: named } : {}) })
      print(r, () => `已提交，编号 ${r.id}（${r.lodgedOn}）/ lodged as #${r.id}`)
      return EXIT.ok
    },
  }),
  command({
    path: ['lead', 'list'],
    summary: { zh: '举报线索一览（纪检室；不含反映本人的线索）', en: 'whistle-blowing leads (discipline office; never those naming oneself)' },
    options: { status: { type: 'string', value: 'received|verifying|concluded', zh: '只看该状态', en: 'only this status' } },
    async run({ opts, login, call, print }) {
      const status = opts.status
      if (status !== undefined && !(LEAD_STATUSES as readonly string[]).includes(status)) throw new UsageError('--status received|verifying|concluded')
      await login()
      const rows = await call('leads.list', status === undefined ? {} : { status: status as LeadStatus })
      print(rows, () =>
        table(
          ['id', 'lodged', 'channel', 'status', 'named', 'reporter', 'text'],
          rows.map((l) => [String(l.id), l.lodgedOn, l.channel, LEAD_ZH[l.status], l.namedPerson?.name ?? '', l.reporter ?? '匿名', l.text]),
        ),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['lead', 'conclude'],
    summary: { zh: '办结举报线索并记录核查结论（纪检室）', en: 'conclude a lead with its finding (discipline office)' },
    options: {
      id: { type: 'string', value: 'ID', required: true, zh: '线索编号', en: 'lead id' },
      conclusion: { type: 'string', value: 'TEXT', required: true, zh: '核查结论', en: 'conclusion' },
    },
    async run({ opts, login, call, print }) {
      const id = Number(opts.id)
      if (!Number.isInteger(id) || id < 1) throw new UsageError('--id ID')
      await login()
      const r = await call('leads.update', { id, status: 'concluded', conclusion: opts.conclusion })
      print(r, () => `线索 #${r.id} 已办结 / lead #${r.id} concluded`)
      return EXIT.ok
    },
  }),
]
