/**
 * bench/rosterImport: the whole import of a 5,000-person roster into the encrypted unit database,
 * as HR runs it (parse, preview, one transaction that creates departments, people, their history
 * and reporting lines, with the checks), against a same-run baseline: a bare prepared INSERT of the
 * same 5,000 people into the same kind of encrypted database. Prints JSON with both and the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Store } from '../src/main/db/store'
import { importRoster, previewRoster, readRoster } from '../src/main/core/org/rosterImport'

const PEOPLE = Number(process.env.BENCH_ROWS ?? 5000)
const departments = ['办公室', '综合科', '法规科', '执法大队', '财务科', '信息中心', '人事科', '监督科']
const categories = ['综合管理类', '行政执法类', '专业技术类']
const staffNo = (i: number) => String(i).padStart(5, '0')

function csv(): string {
  const lines = ['工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期']
  for (let i = 1; i <= PEOPLE; i++) {
    const sup = i === 1 ? '' : staffNo(Math.max(1, Math.floor(i / 8)))
    lines.push([staffNo(i), `人员${i}`, departments[i % departments.length], '科员', categories[i % categories.length], '一级科员', sup, i % 5 === 0 ? '是' : '否', '在职', `${2000 + (i % 25)}-0${1 + (i % 9)}-01`].join(','))
  }
  return lines.join('\r\n')
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-roster-'))
  try {
    const text = csv()
    const file = { fileName: 'roster.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') }

    const store = Store.open(join(dir, 'unit.kaohe'), randomBytes(32))
    let progressCalls = 0
    const t0 = performance.now()
    const parse = await readRoster(store, file, new Date(), () => progressCalls++)
    const t1 = performance.now()
    const preview = previewRoster(store, file.fileName, parse)
    const t2 = performance.now()
    const result = store.tx(() => importRoster(store, file.fileName, parse, { actorId: null, now: new Date(), today: '2026-11-24' }))
    const t3 = performance.now()
    const again = await readRoster(store, file, new Date())
    const unchanged = store.tx(() => importRoster(store, file.fileName, again, { actorId: null, now: new Date(), today: '2026-11-24' }))
    const t5 = performance.now()
    store.close()

    // Baseline: the least any import must do, the same rows through one prepared INSERT.
    const base = Store.open(join(dir, 'base.kaohe'), randomBytes(32))
    const insert = base.raw.prepare('INSERT INTO people (staff_no, name, department_id, post, category, rank, supervisor_id, risk_post, status, joined_on) VALUES (?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)')
    const b0 = performance.now()
    base.tx(() => {
      for (let i = 1; i <= PEOPLE; i++) insert.run(staffNo(i), `人员${i}`, '科员', 'general', '一级科员', i % 5 === 0 ? 1 : 0, 'active', '2000-01-01')
    })
    const b1 = performance.now()
    base.close()

    const ms = (x: number) => Math.round(x * 100) / 100
    const total = t3 - t0
    console.log(
      JSON.stringify(
        {
          bench: 'rosterImport',
          people: PEOPLE,
          created: result.created,
          parseMs: ms(t1 - t0),
          previewMs: ms(t2 - t1),
          previewCreates: preview.created,
          importMs: ms(t3 - t2),
          totalMs: ms(total),
          rowsPerSec: Math.round(PEOPLE / (total / 1000)),
          reimportUnchanged: unchanged.unchanged,
          reimportTotalMs: ms(t5 - t3),
          progressCalls,
          baselineInsertMs: ms(b1 - b0),
          ratio: ms(total / (b1 - b0)),
          note: 'encrypted database; ratio = whole import (parse + preview + import with history and checks) / bare prepared INSERT of the same rows, same run',
        },
        null,
        2,
      ),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
