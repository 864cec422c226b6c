import { resolve } from 'node:path'
import type { ArchiveView } from '@shared/archive'
import { KaoheError } from '@shared/errors'
import { CHANNELS, DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'
import { checkExportTarget, unitsOf } from '../../core/unit/exportTarget'
import { CliError, command, EXIT } from '../command'
import { table, writeFileExport } from '../support'

function num(x: number | null | undefined): string {
  return x === null || x === undefined ? '-' : x.toFixed(2)
}

const REASON = { belowMean: '低于单位均值 / below the unit mean', belowFloor: '低于下限 / below the floor' } as const

/** The archive as text: the person, every year, the dimension profile, needs and the other sections' counts. */
function archiveText(v: ArchiveView): string {
  const p = v.person
  const head = `成长档案 / growth archive: ${p.name}（${p.staffNo}） ${p.department ?? ''} ${p.post}\n`
  const years = table(
    ['年度', '来源', '等次', 'T', '领导评价', '民主测评', '平时考核', '名次'],
    v.years.map((y) => [String(y.year), y.source === 'kaohe' ? '本系统' : '往年登记', y.grade, num(y.T), ...CHANNELS.map((c) => num(y.channels?.[c])), y.rank === null ? '-' : String(y.rank)]),
  )
  const dims = table(
    ['年度', ...DIMENSIONS.map((d) => DIMENSION_LABELS[d].zh)],
    v.years.filter((y) => y.source === 'kaohe').map((y) => [String(y.year), ...y.dimensions.map((d) => num(d.score))]),
  )
  const needs = v.needs.length
    ? v.needs.map((n) => `  ${n.year} ${n.label.zh} ${num(n.score)}（均值 / mean ${num(n.unitMean)}，${REASON[n.reason]}）→ ${n.suggestion}`).join('\n')
    : '  （无 / none）'
  const counts = `反馈表 / forms ${v.forms.length}；申诉 / appeals ${v.appeals.length}；跟踪事项 / follow-ups ${v.followups.length}；培训安排 / enrolments ${v.enrolments.length}（--json 列出全部 / --json lists them）`
  return `${head}\n${years}\n维度得分 / dimension scores\n${dims}\n培训需求 / training needs\n${needs}\n${counts}`
}

async function personOf(call: (m: 'archive.people', i: Record<string, never>) => Promise<{ personId: number; staffNo: string }[]>, staffNo: string): Promise<number> {
  const p = (await call('archive.people', {})).find((x) => x.staffNo === staffNo)
  if (!p) throw new CliError({ code: 'NOT_FOUND', params: { what: '可查看档案的人员（工号） person whose archive you may see (staff number)', id: staffNo } })
  return p.personId
}

/** 成长档案 (RULES.md §8): show and print a person's archive. */
export const ARCHIVE_COMMANDS = [
  command({
    path: ['archive', 'show'],
    summary: {
      zh: '查看个人成长档案：历年等次、T、各渠道与维度得分、培训需求、反馈表、申诉与跟踪事项（本人、上级主管、人事科、领导小组）',
      en: 'show a growth archive: every year’s grade, T, channel and dimension scores, training needs, forms, appeals and follow-ups (the person, their supervisor chain, HR, leadership group)',
    },
    args: ['STAFF_NO'],
    options: {},
    async run({ args, login, call, print }) {
      await login()
      const view = await call('archive.show', { personId: await personOf(call, args.STAFF_NO) })
      print(view, () => archiveText(view))
      return EXIT.ok
    },
  }),
  command({
    path: ['archive', 'print'],
    summary: {
      zh: '把个人成长档案输出为 A4 PDF（含 T 与各维度趋势图）；已有文件只在加 --force 时替换',
      en: 'write a growth archive as an A4 PDF (with the T and dimension trend chart); over an existing file only with --force',
    },
    args: ['STAFF_NO'],
    options: {
      out: { type: 'string', value: 'FILE.pdf', zh: 'PDF 写到此文件（默认：当前文件夹，以工号与姓名命名）', en: 'write the PDF here (default: the current folder, named by staff number and name)' },
      force: { type: 'boolean', zh: '替换已有文件', en: 'replace an existing file' },
    },
    async run({ args, opts, app, login, call, print }) {
      if (opts.out) {
        try {
          checkExportTarget(resolve(opts.out), unitsOf(app.state), opts.force)
        } catch (e) {
          if (e instanceof KaoheError) throw new CliError(e.toApiError())
          throw e
        }
      }
      await login()
      const r = await call('archive.print', { personId: await personOf(call, args.STAFF_NO) })
      const written = writeFileExport(opts.out ?? r.fileName, r, app, opts.force)
      print({ fileName: r.fileName, ...written }, () => `已输出成长档案 / archive written: ${written.file} (${written.bytes} bytes)`)
      return EXIT.ok
    },
  }),
]
