/**
 * bench/roster: how long reading a 5,000-person roster takes. Generates the .xlsx in memory, times
 * parseRoster on it and, as the same-run baseline, ExcelJS's bare workbook load of the same bytes
 * (the floor any .xlsx import pays); prints JSON with both and their ratio. A 5,000-row CSV is
 * timed too, since that path is all ours.
 */
import ExcelJS from 'exceljs'
import { parseRoster } from '../src/main/core/org/roster'

const PEOPLE = Number(process.env.BENCH_ROWS ?? 5000)
const RUNS = 5

const departments = ['办公室', '综合科', '法规科', '执法大队', '财务科', '信息中心', '人事科', '监督科']
const categories = ['综合管理类', '行政执法类', '专业技术类']
const ranks = ['一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员', '一级科员']
const staffNo = (i: number) => String(i).padStart(5, '0')
const person = (i: number) => [
  staffNo(i),
  `人员${i}`,
  departments[i % departments.length],
  '科员',
  categories[i % categories.length],
  ranks[i % ranks.length],
  i === 1 ? null : staffNo(Math.max(1, Math.floor(i / 8))),
  i % 5 === 0 ? '是' : '否',
  i % 50 === 0 ? '试用期' : '在职',
]
const HEADERS = ['工号', '姓名', '科室', '岗位', '岗位类别', '职级', '直接主管工号', '风险岗位', '在职状态', '入职日期']

async function makeXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow(['XX局花名册'])
  ws.mergeCells('A1:J1')
  ws.addRow(HEADERS)
  for (let i = 1; i <= PEOPLE; i++) ws.addRow([...person(i), new Date(Date.UTC(2000 + (i % 25), i % 12, 1 + (i % 28)))])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

function makeCsv(): Uint8Array {
  const lines = [HEADERS.join(',')]
  for (let i = 1; i <= PEOPLE; i++) lines.push([...person(i), `${2000 + (i % 25)}/${1 + (i % 12)}/${1 + (i % 28)}`].map((v) => v ?? '').join(','))
  return new TextEncoder().encode(lines.join('\r\n'))
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn() // warm-up
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}

async function main() {
  const xlsx = await makeXlsx()
  const csv = makeCsv()
  let rows = 0
  let progressCalls = 0
  const parseMs = await median(async () => {
    progressCalls = 0
    const r = await parseRoster(xlsx, 'bench.xlsx', { onProgress: () => progressCalls++ })
    if (!r.importable) throw new Error(`bench roster has errors: ${JSON.stringify(r.errors.slice(0, 3))}`)
    rows = r.rows.length
  })
  const baselineLoadMs = await median(async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(xlsx) as unknown as Parameters<typeof wb.xlsx.load>[0])
  })
  const csvParseMs = await median(async () => {
    const r = await parseRoster(csv, 'bench.csv')
    if (!r.importable) throw new Error('bench CSV has errors')
  })
  const r2 = (x: number) => Math.round(x * 100) / 100
  console.log(
    JSON.stringify(
      {
        bench: 'roster',
        rows,
        xlsxBytes: xlsx.byteLength,
        parseMs: r2(parseMs),
        rowsPerSec: Math.round(rows / (parseMs / 1000)),
        baselineLoadMs: r2(baselineLoadMs),
        ratio: r2(parseMs / baselineLoadMs),
        progressCalls,
        csv: { parseMs: r2(csvParseMs), rowsPerSec: Math.round(rows / (csvParseMs / 1000)) },
        note: `median of ${RUNS} runs after a warm-up; ratio = parseRoster / bare ExcelJS load of the same bytes, same run; higher is slower`,
      },
      null,
      2,
    ),
  )
}

void main()
