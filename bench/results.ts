/**
 * bench/results: issue 10's reports on a final year (RULES.md §8) for a unit of 500 and of 20,000
 * people — team analysis and rater bias (core/analysis), the bonus table (core/outcomes, behind
 * outcomes.bonus) and the training needs (core/archive/trainingNeeds) — read from an encrypted
 * database filled with raw INSERTs: departments, people and their periods, a leadership group of
 * three, their submitted leadership sheets on everyone, four quarterly ratings each, and a FINAL
 * 2026 annual round (publicity past) with its stored proposal and annual_grades. Each report is timed
 * against a same-run hand-written SQL baseline of its core aggregate. Prints one JSON document.
 *
 *   npm run bench -- results
 *   BENCH_SIZES=200,2000 npm run bench -- results
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnnualPersonView } from '../src/shared/annual'
import { DIMENSIONS, type Dimension } from '../src/shared/guideline/model'
import { Store } from '../src/main/db/store'
import { defaultGuideline } from '../src/main/core/guideline/defaults'
import { policyInForce } from '../src/main/core/policy/inForce'
import { teamAnalysis } from '../src/main/core/analysis'
import { bonusTable } from '../src/main/core/outcomes'
import { indicatorNames, trainingNeeds } from '../src/main/core/archive/trainingNeeds'

const SIZES = (process.env.BENCH_SIZES ?? '500,20000').split(',').map(Number)
const YEAR = 2026
const TODAY = '2027-03-01'
const BASE_FEN = 1_200_000
const CATS = ['general', 'enforcement', 'technical'] as const

let seed = 23
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
const r2 = (x: number) => Math.round(x * 100) / 100
const pad = (n: number) => String(n).padStart(2, '0')

function fill(store: Store, people: number): Record<string, number> {
  const db = store.raw
  const now = new Date().toISOString()
  const g = defaultGuideline(YEAR)
  const rows: Record<string, number> = { people, sheets: 0, scores: 0, quarterly: 0, grades: 0 }
  db.transaction(() => {
    const dep = db.prepare('INSERT INTO departments (name, code, sort_order) VALUES (?, ?, ?)')
    for (let d = 1; d <= 20; d++) dep.run(`科室${d}`, pad(d), d)
    const person = db.prepare("INSERT INTO people (staff_no, name, department_id, post, category, rank, supervisor_id, risk_post, status, joined_on, left_on) VALUES (?, ?, ?, ?, ?, '一级科员', NULL, 0, 'active', '2015-01-01', NULL)")
    const period = db.prepare("INSERT INTO person_periods (person_id, valid_from, valid_to, department_id, post, category, rank, supervisor_id, risk_post, status, reason, recorded_by, recorded_at) VALUES (?, '2015-01-01', NULL, ?, ?, ?, '一级科员', NULL, 0, 'active', '建档', NULL, ?)")
    const group = db.prepare("INSERT INTO org_groups (person_id, role, valid_from, valid_to) VALUES (?, ?, '2020-01-01', NULL)")
    const sheet = db.prepare("INSERT INTO leadership_sheets (year, rater_id, person_id, status, source, saved_at, saved_by, submitted_at) VALUES (?, ?, ?, 'submitted', 'import', ?, NULL, ?)")
    const score = db.prepare('INSERT INTO leadership_scores (sheet_id, indicator_id, score_hundredths) VALUES (?, ?, ?)')
    const rating = db.prepare('INSERT INTO quarterly_ratings (person_id, year, quarter, supervisor_id, performance, potential, fail_mark, rated_at, rated_by) VALUES (?, ?, ?, ?, ?, ?, 0, ?, NULL)')
    const grade = db.prepare('INSERT INTO annual_grades (year, person_id, proposed, grade, t, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)')
    const POSTS = ['科员', '执法员', '窗口', '内勤', '技术']
    const who: { id: number; staffNo: string; name: string; dept: number; cat: (typeof CATS)[number] }[] = []
    for (let i = 1; i <= people; i++) {
      const cat = CATS[i % 3]!
      const dept = 1 + (i % 20)
      const post = POSTS[i % POSTS.length]!
      const staffNo = `B${String(i).padStart(6, '0')}`
      const id = Number(person.run(staffNo, `人员${i}`, dept, post, cat).lastInsertRowid)
      period.run(id, dept, post, cat, now)
      who.push({ id, staffNo, name: `人员${i}`, dept, cat })
    }
    const members = who.slice(0, 3).map((w) => w.id)
    members.forEach((m, i) => group.run(m, i === 0 ? 'head' : 'member'))
    const views: AnnualPersonView[] = who.map((w) => {
      // Each rater has a slant: one lenient, one strict, one in the middle (what the bias report finds).
      const base = int(66, 97)
      const dims = new Map<Dimension, { sum: number; n: number }>()
      for (const [r, m] of members.entries()) {
        if (m === w.id) continue
        const s = Number(sheet.run(YEAR, m, w.id, now, now).lastInsertRowid)
        rows.sheets!++
        for (const d of DIMENSIONS) {
          for (const ind of g.categories[w.cat].dimensions[d].indicators) {
            if (ind.source !== 'rated') continue
            const h = Math.min(10000, Math.max(0, (base + [3, -3, 0][r]! + int(-5, 5)) * 100))
            score.run(s, ind.id, h)
            rows.scores!++
            const a = dims.get(d) ?? { sum: 0, n: 0 }
            a.sum += h
            a.n += 1
            dims.set(d, a)
          }
        }
      }
      const perf = [1, 2, 3, 4].map(() => base + int(-4, 4))
      for (const [q, p] of perf.entries()) {
        rating.run(w.id, YEAR, q + 1, members[0] === w.id ? members[1] : members[0], Math.min(100, p), int(50, 95), now)
        rows.quarterly!++
      }
      const L = r2(base + int(-3, 3) / 2)
      const D = r2(base + int(-6, 6))
      const Q = r2(perf.reduce((s, p) => s + Math.min(100, p), 0) / 4)
      const T = r2(0.4 * L + 0.3 * D + 0.3 * Q)
      return {
        personId: w.id,
        staffNo: w.staffNo,
        name: w.name,
        department: `科室${w.dept}`,
        category: w.cat,
        status: 'graded',
        note: null,
        channels: {
          leadership: { weight: 0.4, effectiveWeight: 0.4, score: L },
          democratic: { weight: 0.3, effectiveWeight: 0.3, score: D },
          quarterly: { weight: 0.3, effectiveWeight: 0.3, score: Q },
        },
        T,
        eligible: true,
        forced: false,
        vetoes: [],
        reasons: [],
        flags: [],
        rank: null,
        proposed: '称职',
        grade: '称职',
        changeReason: null,
        dimensions: DIMENSIONS.map((d) => {
          const a = dims.get(d)
          return { dimension: d, leadership: a ? r2(a.sum / a.n / 100) : null, democratic: r2(Math.min(100, D + int(-8, 8))) }
        }),
      }
    })
    // Grades by rank of T: 15% 优秀, 7% 基本称职, 3% 不称职, the rest 称职.
    const ranked = [...views].sort((a, b) => b.T! - a.T! || a.personId - b.personId)
    ranked.forEach((v, i) => {
      const share = i / ranked.length
      const gr = share < 0.15 ? '优秀' : share >= 0.97 ? '不称职' : share >= 0.9 ? '基本称职' : '称职'
      v.rank = i + 1
      v.proposed = gr
      v.grade = gr
      grade.run(YEAR, v.personId, gr, gr, v.T)
      rows.grades!++
    })
    const k = Math.floor(views.length * 0.15)
    const resultJson = JSON.stringify({ people: views, quota: { zh: `优秀名额 ${k} 名`, en: `${k} excellent places` }, blockers: [], explanations: {} })
    db.prepare(
      "INSERT INTO annual_rounds (year, stage, inputs_sha256, n, k, boundary_tie, result_json, guideline_version, proposed_by, proposed_at, confirmed_by, confirmed_at, publicity_from, publicity_until, published_by, published_at) VALUES (?, 'publicity', ?, ?, ?, NULL, ?, NULL, NULL, ?, NULL, ?, '2027-02-01', '2027-02-10', NULL, ?)",
    ).run(YEAR, '0'.repeat(64), views.length, k, resultJson, now, now, now)
    db.prepare('INSERT INTO bonus_settings (year, base_fen, budget_fen, set_by, set_at) VALUES (?, ?, ?, NULL, ?)').run(YEAR, BASE_FEN, BASE_FEN * people, now)
  })()
  return rows
}

/** Mean T per department (annual_grades ⋈ people) and per-rater mean and variance of the sheet means. */
function analysisSql(store: Store): { departments: number; raters: number } {
  const db = store.raw
  const departments = db
    .prepare('SELECT p.department_id, AVG(g.t) AS mean_t, COUNT(*) AS n FROM annual_grades g JOIN people p ON p.id = g.person_id WHERE g.year = ? GROUP BY p.department_id')
    .all(YEAR)
  const raters = db
    .prepare(
      `SELECT rater_id, AVG(x) AS mean, AVG(x * x) - AVG(x) * AVG(x) AS variance, COUNT(*) AS people FROM (
         SELECT s.rater_id, AVG(c.score_hundredths) / 100.0 AS x FROM leadership_sheets s JOIN leadership_scores c ON c.sheet_id = s.id
          WHERE s.year = ? AND s.status = 'submitted' GROUP BY s.id) GROUP BY rater_id`,
    )
    .all(YEAR)
  return { departments: departments.length, raters: raters.length }
}

/** SUM(base × coefficient) per grade, the coefficients the policy's (bound as parameters; integer percents, as the app rounds them). */
function bonusSql(store: Store, pct: Record<string, number>): { totalFen: number } {
  const rows = store.raw
    .prepare(
      `SELECT g.grade, COUNT(*) AS n, SUM((b.base_fen * CASE g.grade WHEN '优秀' THEN CAST(? AS INTEGER) WHEN '称职' THEN CAST(? AS INTEGER) WHEN '基本称职' THEN CAST(? AS INTEGER) WHEN '不称职' THEN CAST(? AS INTEGER) END + 50) / 100) AS fen
         FROM annual_grades g JOIN bonus_settings b ON b.year = g.year WHERE g.year = ? GROUP BY g.grade`,
    )
    .all(pct['优秀'], pct['称职'], pct['基本称职'], pct['不称职'], YEAR) as { fen: number }[]
  return { totalFen: rows.reduce((s, r) => s + r.fen, 0) }
}

/** Per-dimension unit mean of the leadership scores and the (person, dimension) rows below it by the gap or the floor. */
function trainingSql(store: Store, dimOf: string, gap: number, floor: number): { needs: number } {
  const row = store.raw
    .prepare(
      `WITH dims AS (SELECT key AS indicator_id, value AS dimension FROM json_each(?)),
            pd AS (SELECT s.person_id, d.dimension, AVG(c.score_hundredths) / 100.0 AS x
                     FROM leadership_sheets s JOIN leadership_scores c ON c.sheet_id = s.id JOIN dims d ON d.indicator_id = c.indicator_id
                    WHERE s.year = ? AND s.status = 'submitted' GROUP BY s.person_id, d.dimension),
            unit AS (SELECT dimension, AVG(x) AS m FROM pd GROUP BY dimension)
       SELECT COUNT(*) AS n FROM pd JOIN unit u ON u.dimension = pd.dimension WHERE u.m - pd.x >= ? OR pd.x < ?`,
    )
    .get(dimOf, YEAR, gap, floor) as { n: number }
  return { needs: row.n }
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

const sizes = []
for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-results-'))
  try {
    const store = Store.open(join(dir, 'results.kaohe'), randomBytes(32))
    const t0 = performance.now()
    const rows = fill(store, size)
    const fillMs = performance.now() - t0
    const policy = policyInForce(store, YEAR).policy.results
    const pct = { 优秀: policy.bonusPercentExcellent, 称职: policy.bonusPercentCompetent, 基本称职: policy.bonusPercentBasic, 不称职: policy.bonusPercentIncompetent }
    const dimOf = JSON.stringify(Object.fromEntries([...indicatorNames(defaultGuideline(YEAR))].map(([id, n]) => [id, n.dimension])))
    const runs = 3
    const analysis = best(() => teamAnalysis(store, YEAR, TODAY), runs)
    const analysisSqlRun = best(() => analysisSql(store), runs)
    const bonus = best(() => bonusTable(store, YEAR, TODAY), runs)
    const bonusSqlRun = best(() => bonusSql(store, pct), runs)
    const training = best(() => trainingNeeds(store, YEAR), runs)
    const trainingSqlRun = best(() => trainingSql(store, dimOf, policy.trainingNeedGapPoints, policy.trainingNeedFloor), runs)
    store.close()
    if (bonus.out.totalFen !== bonusSqlRun.out.totalFen) throw new Error(`bonus totals differ: app ${bonus.out.totalFen} fen, SQL ${bonusSqlRun.out.totalFen} fen`)
    sizes.push({
      people: size,
      rows,
      fillMs: r2(fillMs),
      analysisMs: r2(analysis.ms),
      analysisSqlMs: r2(analysisSqlRun.ms),
      analysisRatio: r2(analysis.ms / analysisSqlRun.ms),
      analysis: { stage: analysis.out.stage, departments: analysis.out.departments.length, sqlDepartments: analysisSqlRun.out.departments, biasRows: analysis.out.bias.length, sqlRaters: analysisSqlRun.out.raters },
      bonusMs: r2(bonus.ms),
      bonusSqlMs: r2(bonusSqlRun.ms),
      bonusRatio: r2(bonus.ms / bonusSqlRun.ms),
      bonus: { rows: bonus.out.rows.length, totalFen: bonus.out.totalFen, sqlTotalFen: bonusSqlRun.out.totalFen },
      trainingMs: r2(training.ms),
      trainingSqlMs: r2(trainingSqlRun.ms),
      trainingRatio: r2(training.ms / trainingSqlRun.ms),
      training: { needs: training.out.length, sqlDimensionNeeds: trainingSqlRun.out.needs },
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
console.log(
  JSON.stringify(
    {
      bench: 'results',
      sizes,
      note: 'best of 3; analysis = teamAnalysis (groups, posts, quarterly status, lowest indicators, rater bias, rotation) vs one GROUP BY for mean T per department + one for per-rater mean/variance of sheet means; bonus = bonusTable vs SUM(base×coefficient) GROUP BY grade (totals checked equal); training = trainingNeeds (dimensions from the stored results + every rated indicator) vs per-dimension unit mean of leadership scores and the rows below it; ratio = app / SQL',
    },
    null,
    2,
  ),
)
