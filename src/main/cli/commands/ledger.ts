import { PERMISSIONS } from '@shared/access/permissions'
import { LEDGER_KINDS, LEDGER_KIND_LABELS } from '@shared/ledger'
import type { Role } from '@shared/roles'
import { command, EXIT, type Text } from '../command'
import { UsageError } from '../prompt'
import { ledgerKind, personByStaffNo, table, writeFileExport } from '../support'

const KIND_NOTE: Text = {
  zh: `KIND: ${LEDGER_KINDS.map((k) => `${k}(${LEDGER_KIND_LABELS[k].zh})`).join(' ')}（或中文名）`,
  en: 'KIND: the key or the Chinese name',
}

/** The filters ledger list and ledger export share. */
const FILTERS = {
  person: { type: 'string', value: 'STAFFNO', zh: '某人的台账（工号）', en: 'one person’s entries (staff number)' },
  kind: { type: 'string', value: 'KIND', zh: '台账类别', en: 'entry kind' },
  from: { type: 'string', value: 'YYYY-MM-DD', zh: '起始日期', en: 'from this day' },
  to: { type: 'string', value: 'YYYY-MM-DD', zh: '截止日期', en: 'up to this day' },
  text: { type: 'string', value: '文字', zh: '包含此文字', en: 'containing this text' },
} as const

/** Without org.read (staff) a staff number cannot be looked up; their list holds only their own anyway. */
function canLookUp(roles: readonly Role[]): boolean {
  return (PERMISSIONS['org.read'].allow as readonly Role[]).some((r) => roles.includes(r))
}

/** The supervisor's ledger (台账). */
export const LEDGER_COMMANDS = [
  command({
    path: ['ledger', 'add'],
    summary: { zh: '为直接下属记台账（主管）', en: 'add a ledger entry for a direct report (supervisor)' },
    options: {
      person: { type: 'string', value: 'STAFFNO', required: true, zh: '工号', en: 'staff number' },
      date: { type: 'string', value: 'YYYY-MM-DD', required: true, zh: '日期', en: 'day' },
      kind: { type: 'string', value: 'KIND', required: true, zh: '台账类别', en: 'entry kind' },
      text: { type: 'string', value: 'TEXT', required: true, zh: '内容', en: 'text' },
    },
    notes: [KIND_NOTE],
    async run({ opts, login, call, print }) {
      const k = ledgerKind(opts.kind)
      await login()
      const personId = await personByStaffNo(call, opts.person)
      const e = await call('ledger.add', { personId, day: opts.date, kind: k, text: opts.text })
      print(e, () => `已记入台账 / ledger entry added: #${e.id} ${e.day} ${e.staffNo} ${e.personName} [${LEDGER_KIND_LABELS[e.kind].zh}] ${e.text}`)
      return EXIT.ok
    },
  }),
  command({
    path: ['ledger', 'list'],
    summary: {
      zh: '查看台账（本人、上级主管、人事科、领导小组；普通人员只能看到本人的）',
      en: 'list ledger entries (yours, your reports’, or everyone’s for HR and the leadership group)',
    },
    options: { ...FILTERS, limit: { type: 'string', value: 'N', zh: '最多条数 1–500（默认 50）', en: 'at most N entries, 1–500 (default 50)' } },
    notes: [KIND_NOTE],
    async run({ opts, login, call, print }) {
      const limit = opts.limit === undefined ? 50 : Number(opts.limit)
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit 1–500')
      const kinds = opts.kind === undefined ? undefined : [ledgerKind(opts.kind)]
      const session = await login()
      const lookUp = canLookUp(session.roles)
      const personId = opts.person && lookUp ? await personByStaffNo(call, opts.person) : undefined
      const page = await call('ledger.list', {
        ...(personId !== undefined ? { personId } : {}),
        ...(kinds ? { kinds } : {}),
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.text ? { text: opts.text } : {}),
        limit,
      })
      const entries = opts.person && !lookUp ? page.entries.filter((e) => e.staffNo === opts.person) : page.entries
      print({ entries, next: page.next }, () =>
        entries.length
          ? table(
              ['id', 'date', 'staff', 'name', 'kind', 'text'],
              entries.map((e) => [String(e.id), e.day, e.staffNo, e.personName, LEDGER_KIND_LABELS[e.kind].zh, `${e.voided ? '（已作废 voided）' : ''}${e.text.replace(/\s+/g, ' ').slice(0, 60)}`]),
            )
          : '没有符合条件的台账 / no ledger entries match',
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['ledger', 'export'],
    summary: { zh: '导出台账为 .xlsx（范围同 ledger list）', en: 'export the ledger as .xlsx (scoped like ledger list)' },
    options: {
      ...FILTERS,
      out: { type: 'string', value: 'FILE', zh: '写到此文件', en: 'write to this file' },
      force: { type: 'boolean', zh: '替换已有文件', en: 'replace an existing file' },
    },
    notes: [KIND_NOTE],
    async run({ opts, login, call, print, app }) {
      const session = await login()
      const personId = opts.person && canLookUp(session.roles) ? await personByStaffNo(call, opts.person) : undefined
      const t = await call('ledger.export', {
        ...(personId !== undefined ? { personId } : {}),
        ...(opts.kind ? { kinds: [ledgerKind(opts.kind)] } : {}),
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.text ? { text: opts.text } : {}),
        includeVoided: false,
      })
      const { file: out, bytes } = writeFileExport(opts.out ?? t.fileName, t, app, opts.force)
      print({ file: out, bytes }, () => `已导出台账 / ledger exported: ${out} (${bytes} bytes)`)
      return EXIT.ok
    },
  }),
]
