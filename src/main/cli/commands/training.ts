import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { RATER_REASON_LABELS, TRAINING_KINDS, TRAINING_KIND_LABELS, type TrainingKind, type TrainingSessionView } from '@shared/training'
import { CliError, command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { table, yearOf } from '../support'

const YEAR = { type: 'string', value: 'Y', zh: '年度（默认今年）', en: 'year (default: this year)' } as const
const MAX_LIST_BYTES = 1_000_000

function kindOf(text: string): TrainingKind {
  const k = TRAINING_KINDS.find((x) => x === text)
  if (!k) throw new UsageError(`--kind 须为 / must be one of: ${TRAINING_KINDS.map((x) => `${x}（${TRAINING_KIND_LABELS[x].zh}）`).join(' ')}`)
  return k
}

function sessionsText(sessions: TrainingSessionView[]): string {
  if (sessions.length === 0) return '本年度没有培训场次 / no sessions this year\n'
  return (
    table(
      ['编号', '日期', '类别', '名称', '学时', '授课人', '地点', '出席'],
      sessions.map((s) => [String(s.id), s.heldOn, TRAINING_KIND_LABELS[s.kind].zh, s.title, String(s.hours), s.trainer ?? '', s.location ?? '', String(s.attendees.length)]),
    ) + '\n'
  )
}

/** Staff numbers from a list file: one a line, or the first column of a CSV; a header line without digits is skipped. */
function staffNosOfFile(path: string): string[] {
  const file = resolve(path)
  if (!existsSync(file)) throw new CliError({ code: 'FILE_NOT_FOUND', params: { path: file } })
  const st = statSync(file)
  if (!st.isFile() || st.size > MAX_LIST_BYTES) throw new CliError({ code: 'INVALID_INPUT', params: { details: `${file}：不是普通文件或超过 ${MAX_LIST_BYTES} 字节 / not a regular file or larger than ${MAX_LIST_BYTES} bytes` } })
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => (l.split(/[,\t]/)[0] ?? '').trim().replace(/^"|"$/g, ''))
    .filter((s, i) => s !== '' && !(i === 0 && !/\d/.test(s)))
}

/** 培训辅导 (plan §六(四)): sessions, attendance and the report of raters without the assessor training. */
export const TRAINING_COMMANDS = [
  command({
    path: ['training', 'list'],
    summary: { zh: '本年度的培训场次与出席人数', en: 'the year’s training sessions and attendance counts' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const sessions = await call('training.sessions', { year: yearOf(opts.year) })
      print(sessions, () => sessionsText(sessions))
      return EXIT.ok
    },
  }),
  command({
    path: ['training', 'add'],
    summary: { zh: '安排培训场次（人事科）', en: 'schedule a training session (HR)' },
    options: {
      kind: { type: 'string', value: 'KIND', required: true, zh: `类别：${TRAINING_KINDS.join(' / ')}`, en: `kind: ${TRAINING_KINDS.join(' / ')}` },
      title: { type: 'string', value: 'TEXT', required: true, zh: '名称', en: 'title' },
      date: { type: 'string', value: 'YYYY-MM-DD', required: true, zh: '日期', en: 'date' },
      hours: { type: 'string', value: 'H', required: true, zh: '学时', en: 'hours' },
      trainer: { type: 'string', value: 'TEXT', zh: '授课人', en: 'trainer' },
      location: { type: 'string', value: 'TEXT', zh: '地点', en: 'location' },
      year: { type: 'string', value: 'Y', zh: '年度（默认取日期的年份）', en: 'year (default: the date’s)' },
    },
    notes: TRAINING_KINDS.map((k) => ({ zh: `${k}：${TRAINING_KIND_LABELS[k].zh}`, en: `${k}: ${TRAINING_KIND_LABELS[k].en}` })),
    async run({ opts, login, call, print }) {
      const hours = Number(opts.hours)
      if (!Number.isFinite(hours)) throw new UsageError(`--hours 须为数字 / must be a number: ${opts.hours}`)
      const year = opts.year !== undefined ? yearOf(opts.year) : yearOf(opts.date.slice(0, 4))
      await login()
      const s = await call('training.addSession', {
        year,
        kind: kindOf(opts.kind),
        title: opts.title,
        heldOn: opts.date,
        hours,
        ...(opts.trainer !== undefined ? { trainer: opts.trainer } : {}),
        ...(opts.location !== undefined ? { location: opts.location } : {}),
      })
      print(s, () => `已安排培训 ${s.id} / session ${s.id} scheduled\n` + sessionsText([s]))
      return EXIT.ok
    },
  }),
  command({
    path: ['training', 'attend'],
    summary: { zh: '登记出席：--staff-no 工号（逗号分隔）或 --file 名单文件（每行一个工号或 CSV 第一列）', en: 'record attendance: --staff-no N,N or --file FILE (one staff number a line, or a CSV’s first column)' },
    args: ['SESSION'],
    options: {
      'staff-no': { type: 'string', value: 'N,N', zh: '工号，逗号分隔', en: 'staff numbers, comma-separated' },
      file: { type: 'string', value: 'FILE', zh: '出席名单文件', en: 'attendance list file' },
    },
    async run({ opts, args, login, call, print }) {
      const sessionId = Number(args.SESSION)
      if (!Number.isInteger(sessionId) || sessionId <= 0) throw new UsageError(`培训编号无效 / invalid session id: ${args.SESSION}`)
      if ((opts['staff-no'] === undefined) === (opts.file === undefined)) throw new UsageError('training attend SESSION (--staff-no N,N | --file FILE) [--json]')
      const staffNos = opts.file !== undefined ? staffNosOfFile(opts.file) : (opts['staff-no'] ?? '').split(/[,，\s]+/).filter((s) => s !== '')
      await login()
      const r = await call('training.attend', { sessionId, staffNos })
      print(r, () => `“${r.session.title}”：新登记 ${r.added} 人，已登记 ${r.already} 人，完成报名 ${r.enrolmentsAttended} 项 / added ${r.added}, already recorded ${r.already}, enrolments attended ${r.enrolmentsAttended}\n`)
      return EXIT.ok
    },
  }),
  command({
    path: ['training', 'report'],
    summary: { zh: '未参加本年度考核者培训的评分人（主管领导、领导小组成员、评委）', en: 'raters who have not attended the year’s assessor training (supervisors, leadership group, sheet and peer raters)' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const r = await call('training.report', { year: yearOf(opts.year) })
      print(r, () => {
        const head = `${r.year} 年度考核者培训 ${r.assessorSessions} 场；评分人 ${r.raters.length} 人，未参加 ${r.missing.length} 人 / ${r.year}: ${r.assessorSessions} assessor sessions; ${r.raters.length} raters, ${r.missing.length} not attended\n`
        if (r.missing.length === 0) return head
        return head + table(['工号', '姓名', '科室', '评分身份'], r.missing.map((m) => [m.staffNo, m.name, m.department ?? '', m.reasons.map((x) => RATER_REASON_LABELS[x].zh).join('、')])) + '\n'
      })
      return EXIT.ok
    },
  }),
]
