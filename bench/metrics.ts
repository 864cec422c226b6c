/**
 * bench/metrics: the five metric rules of RULES.md §4 (attendance, task completion, training exam,
 * risk rectification, satisfaction) for 500 people over a full year, read from an encrypted
 * database the app's way (core/annual/yearMetrics.ts: one query per kind of record for the whole
 * unit, then the pure rule functions per person), against a same-run baseline: one hand-written SQL
 * aggregate per metric over all people. Prints JSON with both times and their ratio. (It was 22.9×
 * when the app read each person's records with their own queries.)
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Store } from '../src/main/db/store'
import { defaultGuideline } from '../src/main/core/guideline/defaults'
import { participants } from '../src/main/core/annual/assemble'
import { yearMetrics } from '../src/main/core/annual/yearMetrics'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 500)
const YEAR = 2026

let seed = 7
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296)
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
const pad = (n: number) => String(n).padStart(2, '0')
const day = () => `${YEAR}-${pad(int(1, 12))}-${pad(int(1, 28))}`
const LEVELS = ['verySatisfied', 'satisfied', 'fairlySatisfied', 'dissatisfied', 'veryDissatisfied']

function fill(store: Store): { rows: Record<string, number> } {
  const db = store.raw
  const now = new Date().toISOString()
  const rows = { attendance: 0, tasks: 0, exams: 0, risks: 0, survey: 0 }
  db.transaction(() => {
    const dep = db.prepare("INSERT INTO departments (name, code, sort_order) VALUES (?, ?, ?)")
    for (let d = 1; d <= 20; d++) dep.run(`科室${d}`, pad(d), d)
    const person = db.prepare(
      "INSERT INTO people (staff_no, name, department_id, post, category, rank, supervisor_id, risk_post, status, joined_on, left_on) VALUES (?, ?, ?, '执法队员', 'enforcement', '一级科员', NULL, ?, 'active', '2015-01-01', NULL)",
    )
    const period = db.prepare(
      "INSERT INTO person_periods (person_id, valid_from, valid_to, department_id, post, category, rank, supervisor_id, risk_post, status, reason, recorded_by, recorded_at) VALUES (?, '2015-01-01', NULL, ?, '执法队员', 'enforcement', '一级科员', NULL, ?, 'active', '建档', NULL, ?)",
    )
    const att = db.prepare("INSERT OR IGNORE INTO attendance_records (person_id, day, status, hours, source_file, imported_at, imported_by) VALUES (?, ?, ?, ?, 'bench.xlsx', ?, NULL)")
    const letter = db.prepare(
      "INSERT INTO commitment_letters (person_id, year, version, state, created_at, created_by, updated_at, reviewed_at, publicity_start, publicity_end, effective_on) VALUES (?, ?, 1, 'approved', ?, NULL, ?, ?, '2026-01-20', '2026-01-27', '2026-01-28')",
    )
    const task = db.prepare(
      "INSERT INTO commitment_tasks (letter_id, task_key, sort_order, title, target, unit, deadline, goal, completed_on, withdrawn) VALUES (?, ?, ?, '完成抽查', 100, '户', ?, '市场秩序', ?, 0)",
    )
    const ledger = db.prepare("INSERT INTO ledger_entries (person_id, day, kind, text, task_ref, progress, source, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, 'manual', NULL, ?)")
    const resp = db.prepare("INSERT INTO survey_responses (person_id, day, level, channel, response_key, source, source_file, recorded_at) VALUES (?, ?, ?, '窗口', ?, 'import', 'bench.xlsx', ?)")
    let key = 0
    for (let i = 1; i <= PEOPLE; i++) {
      const id = Number(person.run(`B${String(i).padStart(4, '0')}`, `人员${i}`, 1 + (i % 20), i % 3 === 0 ? 1 : 0).lastInsertRowid)
      period.run(id, 1 + (i % 20), i % 3 === 0 ? 1 : 0, now)
      for (let k = int(3, 25); k > 0; k--) rows.attendance += att.run(id, day(), ['late', 'early', 'absent', 'leave', 'overtime'][int(0, 4)], rand() < 0.2 ? int(1, 8) : null, now).changes
      const letterId = Number(letter.run(id, YEAR, now, now, now).lastInsertRowid)
      for (let t = 1, n = int(3, 5); t <= n; t++, rows.tasks++) {
        const deadline = `${YEAR}-${pad(int(3, 12))}-20`
        task.run(letterId, `T${t}`, t, deadline, rand() < 0.85 ? deadline.replace(/-20$/, `-${pad(int(5, 28))}`) : null)
      }
      for (let k = int(1, 4); k > 0; k--, rows.exams++) ledger.run(id, day(), 'trainingExam', '参加执法培训考试', null, int(60, 100), now)
      for (let k = int(0, 3); k > 0; k--) {
        ledger.run(id, day(), 'riskFound', '发现风险点1处', `R${k}`, null, now)
        rows.risks++
        if (rand() < 0.7) ledger.run(id, day(), 'riskRectified', '风险点整改完毕', `R${k}`, null, now)
      }
      for (let k = int(2, 30); k > 0; k--, rows.survey++) resp.run(id, day(), LEVELS[Math.min(4, Math.floor(rand() * rand() * 5))], `K${++key}`, now)
      // Everyday ledger noise, so the per-kind queries work against a realistic table.
      for (let k = 0; k < 40; k++) ledger.run(id, day(), 'workRecord', '完成日常检查', null, null, now)
    }
  })()
  return { rows }
}

const from = `${YEAR}-01-01`
const to = `${YEAR}-12-31`

/** The app's way: every participant's five computed indicators from one read of the year's records. */
function appWay(store: Store) {
  const g = defaultGuideline(YEAR)
  const indicators = Object.values(g.categories.enforcement.dimensions)
    .flatMap((d) => d.indicators)
    .filter((i) => i.source === 'survey' || (i.source === 'metric' && ['attendance', 'task_completion', 'training_exam', 'risk_rectification'].includes(i.rule.name)))
  const people = participants(store, YEAR)
  const metrics = yearMetrics(store, YEAR, () => ({ status: 'none' }))
  let sum = 0
  for (const p of people) for (const ind of indicators) sum += metrics.resultOf(p, ind as Exclude<typeof ind, { source: 'rated' }>).score ?? 0
  return { people: people.length, checksum: Math.round(sum * 100) / 100 }
}

function baseline(store: Store) {
  const db = store.raw
  const q = [
    `SELECT person_id, MAX(0, 100 - 2 * SUM(status IN ('late','early')) - 10 * SUM(status = 'absent')) AS s FROM attendance_records WHERE day BETWEEN ? AND ? GROUP BY person_id`,
    `SELECT l.person_id, 100.0 * SUM(CASE WHEN t.completed_on IS NULL THEN 0 WHEN t.completed_on <= t.deadline THEN 1 ELSE 0.5 END) / COUNT(*) AS s
       FROM commitment_tasks t JOIN commitment_letters l ON l.id = t.letter_id WHERE l.year = 2026 AND l.state = 'approved' AND t.withdrawn = 0 AND t.deadline BETWEEN ? AND ? GROUP BY l.person_id`,
    `SELECT person_id, AVG(progress) AS s FROM ledger_entries WHERE kind = 'trainingExam' AND voided_at IS NULL AND day BETWEEN ? AND ? GROUP BY person_id`,
    `SELECT person_id, 100.0 * COUNT(DISTINCT CASE WHEN kind = 'riskRectified' THEN task_ref END) / COUNT(DISTINCT CASE WHEN kind = 'riskFound' THEN task_ref END) AS s
       FROM ledger_entries WHERE kind IN ('riskFound','riskRectified') AND voided_at IS NULL AND day BETWEEN ? AND ? GROUP BY person_id`,
    `SELECT person_id, AVG(CASE level WHEN 'verySatisfied' THEN 100 WHEN 'satisfied' THEN 90 WHEN 'fairlySatisfied' THEN 70 WHEN 'dissatisfied' THEN 40 ELSE 0 END) AS s FROM survey_responses WHERE day BETWEEN ? AND ? GROUP BY person_id`,
  ]
  let rows = 0
  for (const sql of q) rows += db.prepare(sql).all(from, to).length
  return { rows }
}

const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-'))
try {
  const store = Store.open(join(dir, 'metrics.kaohe'), randomBytes(32))
  const t0 = performance.now()
  const { rows } = fill(store)
  const fillMs = performance.now() - t0
  const best = (fn: () => unknown, runs: number) => {
    let min = Infinity
    let out: unknown
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      out = fn()
      min = Math.min(min, performance.now() - t)
    }
    return { ms: min, out }
  }
  const app = best(() => appWay(store), 3)
  const base = best(() => baseline(store), 3)
  store.close()
  const r2 = (x: number) => Math.round(x * 100) / 100
  console.log(
    JSON.stringify(
      {
        bench: 'metrics',
        people: PEOPLE,
        rows,
        fillMs: r2(fillMs),
        appWay: { ms: r2(app.ms), perPersonMs: r2(app.ms / PEOPLE), result: app.out },
        sqlAggregates: { ms: r2(base.ms), result: base.out },
        ratio: r2(app.ms / base.ms),
        note: 'best of 3; appWay = one read of the year’s records (core/annual/yearMetrics.ts) + the five rule functions per person (RULES.md §4); sqlAggregates = one GROUP BY per metric over everyone; ratio = appWay / sqlAggregates',
      },
      null,
      2,
    ),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
