/**
 * bench/annual: the annual computation (年度总评, RULES.md §6) for a unit of 500 and of 20,000 people
 * with full records — leadership sheets from three members, paper ballot tallies, four quarterly
 * ratings, attendance, commitment tasks, training exams, risk points, satisfaction responses —
 * read from an encrypted database the app's way (core/annual/assemble.ts: one query per kind of
 * record, then the metric rules and the exact engine), against a same-run baseline: one hand-written
 * SQL aggregate per channel score (leadership sheet means, democratic points, quarterly means) over
 * everyone. Prints JSON with both times and their ratio per size.
 *
 *   npm run bench -- annual
 *   BENCH_SIZES=500,2000 npm run bench -- annual
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Store } from '../src/main/db/store'
import { defaultGuideline } from '../src/main/core/guideline/defaults'
import { assembleYear } from '../src/main/core/annual/assemble'
import { computeAnnual } from '../src/main/core/annual/engine'

const SIZES = (process.env.BENCH_SIZES ?? '500,20000').split(',').map(Number)
const YEAR = 2026
const LEVELS = ['优秀', '称职', '基本称职', '不称职'] as const
const DIMS = ['de', 'neng', 'qin', 'ji', 'lian'] as const
const CATS = ['general', 'enforcement', 'technical'] as const

let seed = 11
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
const pad = (n: number) => String(n).padStart(2, '0')
const day = () => `${YEAR}-${pad(int(1, 12))}-${pad(int(1, 28))}`

function fill(store: Store, people: number): Record<string, number> {
  const db = store.raw
  const now = new Date().toISOString()
  const g = defaultGuideline(YEAR)
  const rows: Record<string, number> = { people, sheets: 0, scores: 0, tallies: 0, quarterly: 0, attendance: 0, tasks: 0, ledger: 0, survey: 0 }
  db.transaction(() => {
    const dep = db.prepare('INSERT INTO departments (name, code, sort_order) VALUES (?, ?, ?)')
    for (let d = 1; d <= 20; d++) dep.run(`科室${d}`, pad(d), d)
    const person = db.prepare("INSERT INTO people (staff_no, name, department_id, post, category, rank, supervisor_id, risk_post, status, joined_on, left_on) VALUES (?, ?, ?, '科员', ?, '一级科员', NULL, 0, 'active', '2015-01-01', NULL)")
    const period = db.prepare("INSERT INTO person_periods (person_id, valid_from, valid_to, department_id, post, category, rank, supervisor_id, risk_post, status, reason, recorded_by, recorded_at) VALUES (?, '2015-01-01', NULL, ?, '科员', ?, '一级科员', NULL, 0, 'active', '建档', NULL, ?)")
    const group = db.prepare("INSERT INTO org_groups (person_id, role, valid_from, valid_to) VALUES (?, ?, '2020-01-01', NULL)")
    const sheet = db.prepare("INSERT INTO leadership_sheets (year, rater_id, person_id, status, source, saved_at, saved_by, submitted_at) VALUES (?, ?, ?, 'submitted', 'import', ?, NULL, ?)")
    const score = db.prepare('INSERT INTO leadership_scores (sheet_id, indicator_id, score_hundredths) VALUES (?, ?, ?)')
    const tally = db.prepare('INSERT INTO ballot_tallies (year, person_id, dimension, category, level, count) VALUES (?, ?, ?, ?, ?, ?)')
    const rating = db.prepare('INSERT INTO quarterly_ratings (person_id, year, quarter, supervisor_id, performance, potential, fail_mark, rated_at, rated_by) VALUES (?, ?, ?, ?, ?, ?, 0, ?, NULL)')
    const att = db.prepare("INSERT OR IGNORE INTO attendance_records (person_id, day, status, hours, source_file, imported_at, imported_by) VALUES (?, ?, ?, NULL, 'bench.xlsx', ?, NULL)")
    const letter = db.prepare("INSERT INTO commitment_letters (person_id, year, version, state, created_at, created_by, updated_at, reviewed_at, publicity_start, publicity_end, effective_on) VALUES (?, ?, 1, 'approved', ?, NULL, ?, ?, '2026-01-20', '2026-01-27', '2026-01-28')")
    const task = db.prepare("INSERT INTO commitment_tasks (letter_id, task_key, sort_order, title, target, unit, deadline, goal, completed_on, withdrawn) VALUES (?, ?, ?, '完成抽查', 100, '户', ?, '市场秩序', ?, 0)")
    const ledger = db.prepare("INSERT INTO ledger_entries (person_id, day, kind, text, task_ref, progress, source, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, 'manual', NULL, ?)")
    const resp = db.prepare("INSERT INTO survey_responses (person_id, day, level, channel, response_key, source, source_file, recorded_at) VALUES (?, ?, ?, '窗口', ?, 'import', 'bench.xlsx', ?)")
    const SURVEY = ['verySatisfied', 'satisfied', 'fairlySatisfied', 'dissatisfied', 'veryDissatisfied']
    const ids: number[] = []
    const cats: (typeof CATS)[number][] = []
    for (let i = 1; i <= people; i++) {
      const cat = CATS[i % 3]!
      const dept = 1 + (i % 20)
      const id = Number(person.run(`B${String(i).padStart(6, '0')}`, `人员${i}`, dept, cat).lastInsertRowid)
      period.run(id, dept, cat, now)
      ids.push(id)
      cats.push(cat)
    }
    const members = ids.slice(0, 3)
    members.forEach((m, i) => group.run(m, i === 0 ? 'head' : 'member'))
    db.prepare("INSERT INTO ballot_tally_sheets (year, category, valid_sheets, source_file, imported_by, imported_at) VALUES (?, 'colleague', 14, 'bench.xlsx', NULL, ?)").run(YEAR, now)
    db.prepare("INSERT INTO ballot_tally_sheets (year, category, valid_sheets, source_file, imported_by, imported_at) VALUES (?, 'representative', 6, 'bench.xlsx', NULL, ?)").run(YEAR, now)
    let key = 0
    ids.forEach((id, n) => {
      const base = int(60, 98)
      const rated = Object.values(g.categories[cats[n]!].dimensions).flatMap((d) => d.indicators.filter((x) => x.source === 'rated').map((x) => x.id))
      for (const m of members) {
        if (m === id) continue
        const s = Number(sheet.run(YEAR, m, id, now, now).lastInsertRowid)
        rows.sheets!++
        for (const ind of rated) {
          score.run(s, ind, Math.min(10000, Math.max(0, (base + int(-4, 4)) * 100)))
          rows.scores!++
        }
      }
      for (const d of DIMS) {
        // 20 sheets per person in two levels and two categories: the kind of counts a paper tally gives.
        const top = int(0, 14)
        tally.run(YEAR, id, d, 'colleague', LEVELS[0], top)
        tally.run(YEAR, id, d, 'colleague', LEVELS[1], 14 - top)
        tally.run(YEAR, id, d, 'representative', LEVELS[int(0, 2)], 6)
        rows.tallies! += 3
      }
      for (let q = 1; q <= 4; q++, rows.quarterly!++) rating.run(id, YEAR, q, members[0] === id ? members[1] : members[0], base + int(-3, 3), int(50, 95), now)
      for (let k = int(0, 6); k > 0; k--) rows.attendance! += att.run(id, day(), ['late', 'early', 'absent', 'leave'][int(0, 3)], now).changes
      const letterId = Number(letter.run(id, YEAR, now, now, now).lastInsertRowid)
      for (let t = 1, nt = int(2, 4); t <= nt; t++, rows.tasks!++) {
        const deadline = `${YEAR}-${pad(int(3, 12))}-20`
        task.run(letterId, `T${t}`, t, deadline, rand() < 0.85 ? deadline.replace(/-20$/, `-${pad(int(5, 28))}`) : null)
      }
      for (let k = int(1, 3); k > 0; k--, rows.ledger!++) ledger.run(id, day(), 'trainingExam', '参加培训考试', null, int(60, 100), now)
      for (let k = int(0, 2); k > 0; k--) {
        ledger.run(id, day(), 'riskFound', '发现风险点1处', `R${k}`, null, now)
        rows.ledger!++
        if (rand() < 0.7) {
          ledger.run(id, day(), 'riskRectified', '风险点整改完毕', `R${k}`, null, now)
          rows.ledger!++
        }
      }
      for (let k = int(3, 15); k > 0; k--, rows.survey!++) resp.run(id, day(), SURVEY[Math.min(4, Math.floor(rand() * rand() * 5))], `K${++key}`, now)
    })
  })()
  return rows
}

/** The three channel scores as one hand-written SQL aggregate each, over everyone (no N/A rules, no vetoes). */
function baseline(store: Store): { people: number } {
  const db = store.raw
  const leadership = db
    .prepare(
      `SELECT s.person_id, AVG(c.score_hundredths) / 100.0 AS score FROM leadership_sheets s JOIN leadership_scores c ON c.sheet_id = s.id
        WHERE s.year = ? AND s.status = 'submitted' GROUP BY s.person_id`,
    )
    .all(YEAR)
  const democratic = db
    .prepare(
      `SELECT person_id, SUM(count * CASE level WHEN '优秀' THEN 100 WHEN '称职' THEN 80 WHEN '基本称职' THEN 60 ELSE 40 END) * 1.0 / SUM(count) AS score
         FROM ballot_tallies WHERE year = ? GROUP BY person_id`,
    )
    .all(YEAR)
  const quarterly = db.prepare('SELECT person_id, AVG(performance) AS score FROM quarterly_ratings WHERE year = ? GROUP BY person_id').all(YEAR)
  return { people: Math.max(leadership.length, democratic.length, quarterly.length) }
}

function best<T>(fn: () => T, runs: number): { ms: number; out: T } {
  let min = Infinity
  let out: T | undefined
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    out = fn()
    min = Math.min(min, performance.now() - t)
  }
  return { ms: min, out: out as T }
}

const r2 = (x: number) => Math.round(x * 100) / 100
const results = []
for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-annual-'))
  try {
    const store = Store.open(join(dir, 'annual.kaohe'), randomBytes(32))
    const t0 = performance.now()
    const rows = fill(store, size)
    const fillMs = performance.now() - t0
    const runs = size > 5000 ? 1 : 3
    const readMs = best(() => assembleYear(store, YEAR, `${YEAR + 1}-01-20`), runs)
    const engine = best(() => computeAnnual(readMs.out.inputs), runs)
    const base = best(() => baseline(store), runs)
    store.close()
    const app = readMs.ms + engine.ms
    results.push({
      people: size,
      rows,
      fillMs: r2(fillMs),
      appWay: { ms: r2(app), readMs: r2(readMs.ms), engineMs: r2(engine.ms), N: engine.out.N, K: engine.out.K, blockers: engine.out.blockers.length },
      sqlAggregate: { ms: r2(base.ms), people: base.out.people },
      ratio: r2(app / base.ms),
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
console.log(
  JSON.stringify(
    {
      bench: 'annual',
      results,
      note: 'best of 3 (1 at 20,000); appWay = the unit’s inputs read the app’s way (one query per kind of record, metric rules) + the exact engine (RULES.md §6); sqlAggregate = one GROUP BY per channel score; ratio = appWay / sqlAggregate',
    },
    null,
    2,
  ),
)
