import { CliError, command, EXIT } from '../command'
import { writeFileExport, yearOf } from '../support'

const YEAR = { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } as const

/** 《公务员年度考核登记表》 from the command line: print one person's form, or everyone's (HR). */
export const REGISTER_COMMANDS = [
  command({
    path: ['register', 'print'],
    summary: {
      zh: '打印公务员年度考核登记表（A4 PDF）：--staff-no 一人，不给则全部人员一份 PDF（人事科）；--json 输出文件路径与页数',
      en: 'print the annual assessment register form (A4 PDF): one person with --staff-no, otherwise everyone in one PDF (HR); --json prints the path and page count',
    },
    options: {
      year: YEAR,
      'staff-no': { type: 'string', value: 'N', zh: '只打印此工号人员', en: 'only this staff number' },
      out: { type: 'string', value: 'FILE.pdf', zh: '写到此文件（默认当前目录，按年度与工号命名）', en: 'write here (default: the current folder, named by year and staff number)' },
      force: { type: 'boolean', zh: '覆盖已有文件', en: 'replace an existing file' },
    },
    async run({ opts, login, call, print, app }) {
      const year = yearOf(opts.year)
      await login()
      let r
      const staffNo = opts['staff-no']
      if (staffNo !== undefined) {
        const row = (await call('register.list', { year })).rows.find((x) => x.staffNo === staffNo)
        if (!row) throw new CliError({ code: 'NOT_FOUND', params: { what: `${year} 年度登记表人员 register form person`, id: staffNo } })
        r = await call('register.print', { year, personId: row.personId })
      } else {
        r = await call('register.printAll', { year })
      }
      const written = writeFileExport(opts.out ?? r.fileName, r, app, opts.force)
      print({ year, file: written.file, bytes: written.bytes, pages: r.pages, people: r.people }, () =>
        `${year} 年度公务员年度考核登记表 / register forms: ${r.people} 人 people, ${r.pages} 页 pages → ${written.file}`,
      )
      return EXIT.ok
    },
  }),
]
