/**
 * bench/ledger: the ledger list on five years of a 300-person unit (1.5 million entries) in the
 * real encrypted database. Times the app's own `listLedger` (scope from `scopeOf`, keyset query,
 * entry views with names and attachment lists) for filtered pages, and, as the same-run baseline,
 * one hand-written prepared SELECT returning the same page without the app's layer. Prints JSON
 * with p50/p95 per query shape and the time to build the database. Target: p95 < 20 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { LEDGER_KINDS, type LedgerKind } from '@shared/ledger'
import { Store } from '../src/main/db/store'
import { scopeOf } from '../src/main/core/access/relations'
import type { Actor } from '../src/main/core/access/authorize'
import { listLedger, type LedgerPageRequest } from '../src/main/core/ledger/listLedger'

const ENTRIES = Number(process.env.BENCH_ROWS ?? 1_500_000)
const PEOPLE = 300
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300)
const WARMUP = 20
const PAGE = 50
const FIRST_DAY = Date.UTC(2021, 5, 1)
const DAYS = 5 * 365

/** mulberry32: a small PRNG with no correlation between consecutive draws (an LCG's low bits have). */
let seed = 20260615
function rand(k: number): number {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return (((t ^ (t >>> 14)) >>> 0) % k)
}
const dayAt = (n: number) => new Date(FIRST_DAY + n * 86_400_000).toISOString().slice(0, 10)

/** Kinds as a unit writes them: mostly work records and progress, rarely complaints. */
const KIND_WEIGHTS: Record<LedgerKind, number> = {
  workRecord: 40, meetingMinutes: 10, systemData: 12, taskProgress: 15, outstanding: 3, mistake: 2, emergency: 2,
  volunteer: 2, shirking: 1, trainingExam: 5, riskFound: 3, riskRectified: 3, integrityTalk: 1, complaint: 1,
}
const KIND_TABLE = LEDGER_KINDS.flatMap((k) => Array<LedgerKind>(KIND_WEIGHTS[k]).fill(k))
const PHRASES = ['完成辖区市场主体日常巡查', '参加局务会议并形成会议纪要', '办理投诉举报件', '录入执法办案系统数据', '开展食品安全专项检查', '整改发现的风险点', '完成季度培训考试', '参加防汛值班']

/**
 * 300 people: a head, 10 section chiefs, 30 team leaders, 259 staff; a team leader's ledger
 * scope (self + reports) is about ten people.
 */
function buildPeople(store: Store): { teamLeaders: number[] } {
  const insert = store.raw.prepare(
    `INSERT INTO people (id, staff_no, name, department_id, post, category, rank, supervisor_id, risk_post, status, joined_on, left_on)
     VALUES (?, ?, ?, NULL, '科员', 'general', '一级科员', ?, 0, 'active', '2015-01-01', NULL)`,
  )
  const teamLeaders: number[] = []
  store.tx(() => {
    insert.run(1, '00001', '局长', null)
    for (let c = 0; c < 10; c++) insert.run(2 + c, String(2 + c).padStart(5, '0'), `科长${c}`, 1)
    for (let t = 0; t < 30; t++) {
      const id = 12 + t
      insert.run(id, String(id).padStart(5, '0'), `组长${t}`, 2 + (t % 10))
      teamLeaders.push(id)
    }
    for (let id = 42; id <= PEOPLE; id++) insert.run(id, String(id).padStart(5, '0'), `科员${id}`, 12 + ((id - 42) % 30))
    store.raw.prepare(`INSERT INTO users (id, username, display_name, public_key, created_at) VALUES (1, 'sup', '主管', 'x', '2021-01-01')`).run()
  })
  return { teamLeaders }
}

/** Five years of entries in the order they are written (day by day), in one transaction. */
function buildEntries(store: Store): void {
  const insert = store.raw.prepare(
    `INSERT INTO ledger_entries (person_id, day, kind, text, task_ref, progress, source, author_id, created_at, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, NULL, NULL, 'manual', 1, ?, ?, ?, ?)`,
  )
  store.tx(() => {
    for (let i = 0; i < ENTRIES; i++) {
      const day = dayAt(Math.floor((i * DAYS) / ENTRIES))
      const voided = rand(100) === 0
      const text = `${PHRASES[rand(PHRASES.length)]}，涉及 ${1 + rand(30)} 户，编号 ${i}。`
      insert.run(1 + rand(PEOPLE), day, KIND_TABLE[rand(KIND_TABLE.length)], text, `${day}T09:00:00Z`, voided ? `${day}T10:00:00Z` : null, voided ? 1 : null, voided ? '录入错误' : null)
    }
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const r2 = (x: number) => Math.round(x * 100) / 100

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b)
  return { p50Ms: r2(percentile(s, 50)), p95Ms: r2(percentile(s, 95)), maxMs: r2(s[s.length - 1]!) }
}

interface Shape {
  name: string
  /** One sample: the app's call and the baseline's bind values for the same page. */
  sample(): { actor: Actor; request: LedgerPageRequest; baseline: (() => unknown[]) | null }
}

const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-ledger-'))
try {
  const store = Store.open(join(dir, 'unit.kaohe'), randomBytes(32))
  const t0 = performance.now()
  const { teamLeaders } = buildPeople(store)
  buildEntries(store)
  const buildMs = performance.now() - t0

  const hr: Actor = { userId: 1, username: 'hr', roles: ['hr'], personId: null }
  const randomRange = (days: number) => {
    const start = rand(DAYS - days)
    return { from: dayAt(start), to: dayAt(start + days - 1) }
  }
  const COLS = `e.id, e.person_id, p.name, p.staff_no, e.day, e.kind, e.text, e.task_ref, e.progress, e.source, e.created_at, e.voided_at, e.void_reason`
  const base = (where: string) =>
    store.raw.prepare(`SELECT ${COLS} FROM ledger_entries e JOIN people p ON p.id = e.person_id WHERE ${where} AND e.voided_at IS NULL ORDER BY e.day DESC, e.id DESC LIMIT ${PAGE}`)
  const byPerson = base('e.person_id = ? AND e.day BETWEEN ? AND ?')
  const byKind = base('e.kind = ? AND e.day BETWEEN ? AND ?')
  const byText = base(`e.person_id = ? AND e.text LIKE ? ESCAPE '\\'`)
  const byTeam = base(`e.person_id IN (${Array(10).fill('?').join(',')}) AND e.day BETWEEN ? AND ?`)
  const byDay = base('e.day BETWEEN ? AND ?')
  const byDayText = base(`e.day BETWEEN ? AND ? AND e.text LIKE ? ESCAPE '\\'`)
  const members = store.raw.prepare('SELECT id FROM people WHERE supervisor_id = ?').pluck()
  /** A team leader as an actor with no content role, and the ten ids the baseline binds. */
  const teamOf = (leader: number) => {
    const team = [leader, ...(members.all(leader) as number[])].slice(0, 10)
    const actor: Actor = { userId: 2, username: 'lead', roles: ['staff'], personId: leader }
    return { actor, ids: [...team, ...Array<number>(10 - team.length).fill(0)] }
  }

  const shapes: Shape[] = [
    {
      name: 'person + 3-month range',
      sample() {
        const personId = 1 + rand(PEOPLE)
        const { from, to } = randomRange(91)
        return { actor: hr, request: { personId, from, to, limit: PAGE }, baseline: () => byPerson.all(personId, from, to) }
      },
    },
    {
      name: 'kind + 1-year range, whole unit',
      sample() {
        const kind = LEDGER_KINDS[rand(LEDGER_KINDS.length)]!
        const { from, to } = randomRange(365)
        return { actor: hr, request: { kinds: [kind], from, to, limit: PAGE }, baseline: () => byKind.all(kind, from, to) }
      },
    },
    {
      name: 'text within a person, five years',
      sample() {
        const personId = 1 + rand(PEOPLE)
        const text = ['防汛', '投诉举报', '风险点', '会议纪要'][rand(4)]!
        return { actor: hr, request: { personId, text, limit: PAGE }, baseline: () => byText.all(personId, `%${text}%`) }
      },
    },
    {
      name: 'team leader scope (10 people) + 1-month range',
      sample() {
        const { actor, ids } = teamOf(teamLeaders[rand(teamLeaders.length)]!)
        const { from, to } = randomRange(30)
        return { actor, request: { from, to, limit: PAGE }, baseline: () => byTeam.all(...ids, from, to) }
      },
    },
    {
      name: 'team leader scope (10 people), newest first, no range',
      sample() {
        const { actor, ids } = teamOf(teamLeaders[rand(teamLeaders.length)]!)
        return { actor, request: { limit: PAGE }, baseline: () => byTeam.all(...ids, '0000-01-01', '9999-12-31') }
      },
    },
    {
      name: 'text matching nothing within a person, five years (bounded scan: empty page + next)',
      sample() {
        const personId = 1 + rand(PEOPLE)
        return { actor: hr, request: { personId, text: '并无此事', limit: PAGE }, baseline: () => byText.all(personId, '%并无此事%') }
      },
    },
    {
      name: 'text across the whole unit, 1-year range (HR)',
      sample() {
        const { from, to } = randomRange(365)
        const text = ['防汛', '投诉举报', '风险点', '会议纪要'][rand(4)]!
        return { actor: hr, request: { from, to, text, limit: PAGE }, baseline: () => byDayText.all(from, to, `%${text}%`) }
      },
    },
    {
      // No baseline: the plain query reads the whole year (hundreds of thousands of rows) per call.
      name: 'text matching nothing across the whole unit, 1-year range (bounded scan: empty page + next)',
      sample() {
        const { from, to } = randomRange(365)
        return { actor: hr, request: { from, to, text: '并无此事', limit: PAGE }, baseline: null }
      },
    },
    {
      name: 'whole unit + 1-month range (HR)',
      sample() {
        const { from, to } = randomRange(30)
        return { actor: hr, request: { from, to, limit: PAGE }, baseline: () => byDay.all(from, to) }
      },
    },
  ]

  const shapesOut: Record<string, unknown> = {}
  for (const shape of shapes) {
    const app: number[] = []
    const raw: number[] = []
    let rows = 0
    let baseRows = 0
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const { actor, request, baseline } = shape.sample()
      // Alternate which runs first: the second reads pages the first has just decrypted.
      let page: ReturnType<typeof listLedger> | undefined
      let b: unknown[] = []
      let appMs = 0
      let rawMs = 0
      for (const which of i % 2 ? (['raw', 'app'] as const) : (['app', 'raw'] as const)) {
        const t = performance.now()
        if (which === 'app') page = listLedger(store, scopeOf(store, actor, 'ledger.read'), request)
        else if (baseline) b = baseline()
        if (which === 'app') appMs = performance.now() - t
        else rawMs = performance.now() - t
      }
      if (i >= WARMUP) {
        app.push(appMs)
        if (baseline) raw.push(rawMs)
        rows += page!.entries.length
        // The same entries as the hand-written query (a sparse filter may stop early: a prefix).
        const want = (b as { id: number }[]).slice(0, page!.entries.length).map((r) => r.id).join()
        if (baseline && page!.entries.map((e) => e.id).join() !== want || (page!.entries.length < b.length && !page!.next)) {
          throw new Error(`${shape.name}: app and baseline pages differ`)
        }
        baseRows += b.length
      }
    }
    const appStats = stats(app)
    const rawStats = raw.length ? stats(raw) : null
    shapesOut[shape.name] = {
      app: appStats,
      baseline: rawStats,
      ratioP50: rawStats ? r2(appStats.p50Ms / rawStats.p50Ms) : null,
      meanRows: r2(rows / SAMPLES),
      baselineMeanRows: rawStats ? r2(baseRows / SAMPLES) : null,
    }
  }

  // Following pages: the same person + range, page 5 reached by keyset (cursor from page 4).
  {
    const times: number[] = []
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const personId = 1 + rand(PEOPLE)
      const { from, to } = randomRange(365)
      let after: LedgerPageRequest['after']
      for (let k = 0; k < 4; k++) after = listLedger(store, 'all', { personId, from, to, after, limit: PAGE }).next ?? undefined
      const t = performance.now()
      listLedger(store, scopeOf(store, hr, 'ledger.read'), { personId, from, to, after, limit: PAGE })
      if (i >= WARMUP) times.push(performance.now() - t)
    }
    shapesOut['person + 1-year range, 5th page by keyset'] = { app: stats(times) }
  }

  const worst = Math.max(...Object.values(shapesOut).map((s) => (s as { app: { p95Ms: number } }).app.p95Ms))
  console.log(
    JSON.stringify(
      {
        bench: 'ledger',
        entries: ENTRIES,
        people: PEOPLE,
        days: DAYS,
        samplesPerShape: SAMPLES,
        pageSize: PAGE,
        buildMs: Math.round(buildMs),
        buildRowsPerSec: Math.round(ENTRIES / (buildMs / 1000)),
        shapes: shapesOut,
        worstP95Ms: worst,
        targetP95Ms: 20,
        pass: worst < 20,
        note: 'app = listLedger with scopeOf, entry views (names, attachment lists); baseline = one hand-written prepared SELECT … JOIN people … LIMIT 50 for the same page, same run',
      },
      null,
      2,
    ),
  )
  store.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
