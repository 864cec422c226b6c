import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { ANNUAL_GRADES, ANNUAL_STAGE_LABELS, type AnnualGrade, type AnnualRoundView } from '@shared/annual'
import { CHANNELS } from '@shared/guideline/model'
import { computeAnnual } from '../../core/annual/engine'
import { MAX_INPUTS_FILE_BYTES, inputsFromJson, parseInputsFile, toExpectedFormat } from '../../core/annual/inputsFile'
import { CliError, command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { table, writeFileExport, yearOf } from '../support'

const YEAR = { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } as const

function num(x: number | null): string {
  return x === null ? '-' : x.toFixed(2)
}

/** The round as a table: rank, person, channels, T, proposed and decided grade, vetoes. */
function roundText(v: AnnualRoundView): string {
  const head =
    `${v.year} 年度总评：${ANNUAL_STAGE_LABELS[v.stage].zh} / ${v.year} annual round: ${ANNUAL_STAGE_LABELS[v.stage].en}\n` +
    `参评人数 N = ${v.N}；${v.quota.zh}；拟定优秀 ${v.excellentCount} 人\n` +
    (v.boundaryTie
      ? v.people.some((p) => p.grade === 'TIE')
        ? `名额线上并列，待领导小组决定 / tie at the quota line, for the leadership group: ${v.boundaryTie.map((t) => `${t.name}（${t.staffNo}）`).join('、')}\n`
        : `名额线上的并列已由领导小组决定 / the tie at the quota line was decided by the leadership group: ${v.boundaryTie.map((t) => `${t.name}（${t.staffNo}）`).join('、')}\n`
      : '') +
    (v.inputsChanged ? '拟定后考核记录有变动，请重新拟定 / records changed since the proposal: propose again\n' : '') +
    (v.publicity ? `公示 ${v.publicity.from} 至 ${v.publicity.until} / publicity ${v.publicity.from} – ${v.publicity.until}\n` : '') +
    blockerLines(v.blockers)
  const rows = [...v.people]
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (b.T ?? -1) - (a.T ?? -1) || a.staffNo.localeCompare(b.staffNo))
    .map((p) => [
      p.rank === null ? '' : String(p.rank),
      p.staffNo,
      p.name,
      ...CHANNELS.map((c) => num(p.channels[c].score)),
      num(p.T),
      p.proposed === 'TIE' ? '并列' : p.proposed,
      p.grade === p.proposed ? '' : p.grade === 'TIE' ? '并列' : p.grade,
      [...p.reasons.map((r) => r.veto), ...(p.note ? [p.note.zh] : [])].join(' '),
    ])
  return head + table(['名次', '工号', '姓名', '领导评价', '民主测评', '平时考核', 'T', '拟定', '调整为', '说明'], rows)
}

/** What blocks grading, the first ten in full and a count of the rest. */
function blockerLines(blockers: readonly { zh: string; en: string }[]): string {
  const shown = blockers.slice(0, 10).map((b) => `! ${b.zh} / ${b.en}\n`).join('')
  const rest = blockers.length - 10
  return shown + (rest > 0 ? `! ……另有 ${rest} 项（--json 列出全部） / … ${rest} more (--json lists all)\n` : '')
}

function gradeOf(text: string): AnnualGrade {
  const g = ANNUAL_GRADES.find((x) => x === text)
  if (!g) throw new UsageError(`--grade 须为 / must be one of: ${ANNUAL_GRADES.join(' ')}`)
  return g
}

/** 年度总评 (RULES.md §6): compute, inputs, propose, decide, confirm, publish. */
export const ANNUAL_COMMANDS = [
  command({
    path: ['annual', 'compute'],
    summary: {
      zh: '计算年度等次：--inputs 文件（不需数据库与登录）或 --year 本单位；输出格式同 docs/annual-inputs.md 的结果',
      en: 'compute the annual grades from --inputs FILE (no database, no sign-in) or from the unit for --year; prints the result format of docs/annual-inputs.md',
    },
    options: {
      inputs: { type: 'string', value: 'FILE', zh: '年度考核输入文件（kaohe annual inputs 导出的格式）', en: 'an annual inputs file (the format kaohe annual inputs writes)' },
      year: { type: 'string', value: 'Y', zh: '本单位的考核年度', en: 'the unit’s assessment year' },
    },
    async run({ opts, io, login, call, print }) {
      if ((opts.inputs === undefined) === (opts.year === undefined)) throw new UsageError('annual compute (--inputs FILE | --year Y) [--json]')
      let result
      if (opts.inputs !== undefined) {
        const file = resolve(opts.inputs)
        if (!existsSync(file)) throw new CliError({ code: 'FILE_NOT_FOUND', params: { path: file } })
        const size = statSync(file).size
        if (!statSync(file).isFile() || size > MAX_INPUTS_FILE_BYTES) {
          throw new CliError({ code: 'ANNUAL_INPUTS_INVALID', params: { where: file, reason: `不是普通文件或超过 ${MAX_INPUTS_FILE_BYTES} 字节（${size}）`, reasonEn: `not a regular file or larger than ${MAX_INPUTS_FILE_BYTES} bytes (${size})` } })
        }
        result = computeAnnual(parseInputsFile(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')))
      } else {
        const year = yearOf(opts.year)
        await login()
        if (!opts.json) io.err(`正在汇总 ${year} 年度的考核记录… / gathering the ${year} records…\n`)
        // The same function as --inputs: the unit's inputs, then the engine.
        result = computeAnnual(inputsFromJson(await call('annual.inputs', { year })))
      }
      const out = toExpectedFormat(result)
      print(out, () => {
        const people = result.people.map((p) => [p.id, ...CHANNELS.map((c) => num(p.channels[c].rounded)), num(p.T), p.grade, [...p.vetoes, ...(p.forced ? ['不称职（否决）'] : [])].join(' ')])
        return (
          `N = ${result.N}，K = ${result.K}（${result.quota.zh}）${result.boundaryTie ? `；名额线上并列：${result.boundaryTie.join('、')}` : ''}\n` +
          blockerLines(result.blockers) +
          table(['id', '领导评价', '民主测评', '平时考核', 'T', '等次', '否决'], people)
        )
      })
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'inputs'],
    summary: {
      zh: '导出本年度计算所用的全部输入（中性格式，可用 annual compute --inputs 复算）',
      en: 'export every input of the year’s computation (neutral format; recompute with annual compute --inputs)',
    },
    options: {
      year: YEAR,
      out: { type: 'string', value: 'FILE', zh: '写入文件（否则输出到屏幕）', en: 'write to a file (else print)' },
      force: { type: 'boolean', zh: '替换已有文件', en: 'replace an existing file' },
    },
    async run({ opts, io, app, login, call }) {
      const year = yearOf(opts.year)
      await login()
      const inputs = await call('annual.inputs', { year })
      const text = JSON.stringify(inputs, null, 1) + '\n'
      if (opts.out !== undefined) {
        const r = writeFileExport(opts.out, { contentBase64: Buffer.from(text, 'utf8').toString('base64') }, app, opts.force)
        io.out(opts.json ? JSON.stringify(r) + '\n' : `已写入 / written: ${r.file} (${r.bytes} bytes)\n`)
      } else io.out(text)
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'status'],
    summary: { zh: '年度总评：阶段、阻碍定等次的事项、排名与拟定等次', en: 'the annual round: stage, what blocks grading, ranking and proposed grades' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('annual.round', { year: yearOf(opts.year) })
      print(v, () => roundText(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'explain'],
    summary: { zh: '某人的计算明细', en: 'one person’s 计算明细' },
    options: { year: YEAR, 'staff-no': { type: 'string', value: 'N', required: true, zh: '工号', en: 'staff number' } },
    async run({ opts, login, call, print }) {
      const year = yearOf(opts.year)
      await login()
      const v = await call('annual.round', { year })
      const p = v.people.find((x) => x.staffNo === opts['staff-no'])
      if (!p) throw new CliError({ code: 'NOT_FOUND', params: { what: '参评人员 participant', id: opts['staff-no'] } })
      const e = await call('annual.explain', { year, personId: p.personId })
      print(e, () => e.lines.map((l) => `${l.zh}\n    ${l.en}`).join('\n') + '\n')
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'propose'],
    summary: { zh: '拟定年度等次（人事科；有阻碍事项时拒绝并逐项列出）', en: 'propose the year’s grades (HR; refused while anything blocks grading, each blocker listed)' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('annual.propose', { year: yearOf(opts.year) })
      print(v, () => roundText(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'decide'],
    summary: {
      zh: '领导小组调整某人的拟定等次或决定并列（须写明理由；优秀不超过名额 K）',
      en: 'the leadership group changes a proposed grade or decides a tie (reason required; 优秀 never above K)',
    },
    options: {
      year: YEAR,
      'staff-no': { type: 'string', value: 'N', required: true, zh: '工号', en: 'staff number' },
      grade: { type: 'string', value: 'G', required: true, zh: `等次：${ANNUAL_GRADES.join(' / ')}`, en: `grade: ${ANNUAL_GRADES.join(' / ')}` },
      reason: { type: 'string', value: 'TEXT', zh: '理由（与拟定不同时必填）', en: 'reason (required when it differs from the proposal)' },
    },
    async run({ opts, login, call, print }) {
      const year = yearOf(opts.year)
      await login()
      const round = await call('annual.round', { year })
      const p = round.people.find((x) => x.staffNo === opts['staff-no'])
      if (!p) throw new CliError({ code: 'NOT_FOUND', params: { what: '参评人员 participant', id: opts['staff-no'] } })
      const v = await call('annual.decide', { year, changes: [{ personId: p.personId, grade: gradeOf(opts.grade), ...(opts.reason !== undefined ? { reason: opts.reason } : {}) }] })
      print(v, () => roundText(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'confirm'],
    summary: { zh: '组长确认年度等次（并列须已决定，优秀不超过 K）', en: 'the head confirms the grades (no tie left, 优秀 within K)' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('annual.confirm', { year: yearOf(opts.year) })
      print(v, () => roundText(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'publish'],
    summary: { zh: '公示已确认的结果（公示期按工作日历计算，不少于政策的 P7）', en: 'publish confirmed results (the period counted on the working calendar, at least P7)' },
    options: { year: YEAR, from: { type: 'string', value: 'YYYY-MM-DD', zh: '公示起算日（默认今天）', en: 'publicity start (default today)' } },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('annual.publish', { year: yearOf(opts.year), ...(opts.from !== undefined ? { startOn: opts.from } : {}) })
      print(v, () => roundText(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['annual', 'approval'],
    summary: { zh: '登记上级批准的优秀名额（文号，批准人数或比例）', en: 'record the higher-level office’s approval of more 优秀 (document number, count or rate)' },
    options: {
      year: YEAR,
      document: { type: 'string', value: 'TEXT', required: true, zh: '批准文号', en: 'document number' },
      count: { type: 'string', value: 'N', zh: '批准人数', en: 'approved count' },
      rate: { type: 'string', value: 'PERCENT', zh: '批准比例（%）', en: 'approved rate (percent)' },
    },
    async run({ opts, login, call, print }) {
      if ((opts.count === undefined) === (opts.rate === undefined)) throw new UsageError('annual approval --year Y --document TEXT (--count N | --rate PERCENT)')
      await login()
      const v = await call('annual.recordApproval', {
        year: yearOf(opts.year),
        document: opts.document,
        ...(opts.count !== undefined ? { count: Number(opts.count) } : { rate: Number(opts.rate) }),
      })
      print(v, () => roundText(v))
      return EXIT.ok
    },
  }),
]
