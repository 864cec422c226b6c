/**
 * bench/db: what encryption costs. The same bulk insert and indexed queries on the encrypted
 * database (SQLite3MultipleCiphers, ChaCha20) and on a plain SQLite file, in the same run, through
 * the same native module; prints JSON with both times and their ratio.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { openEncrypted } from '../src/main/db/open'

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000)
const LOOKUPS = 20_000
const RANGES = 500

function setup(db: Database.Database) {
  db.exec(`CREATE TABLE entry (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL);
           CREATE INDEX entry_person_day ON entry(person_id, day);`)
}

function run(db: Database.Database) {
  setup(db)
  const kinds = ['work', 'meeting', 'progress', 'outstanding', 'mistake', 'volunteer']
  const insert = db.prepare('INSERT INTO entry (person_id, day, kind, text) VALUES (?, ?, ?, ?)')
  let seed = 1
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296)
  const t0 = performance.now()
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const day = `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
      insert.run(1 + Math.floor(rand() * 300), day, kinds[i % kinds.length], `完成第${i}项工作任务，进展顺利，群众满意。`)
    }
  })()
  const insertMs = performance.now() - t0

  const byId = db.prepare('SELECT * FROM entry WHERE id = ?')
  const t1 = performance.now()
  for (let i = 0; i < LOOKUPS; i++) byId.get(1 + Math.floor(rand() * ROWS))
  const lookupMs = performance.now() - t1

  const range = db.prepare('SELECT id, day, kind, text FROM entry WHERE person_id = ? AND day BETWEEN ? AND ? ORDER BY day LIMIT 50')
  const t2 = performance.now()
  let rows = 0
  for (let i = 0; i < RANGES; i++) rows += range.all(1 + Math.floor(rand() * 300), '2026-03-01', '2026-06-30').length
  const rangeMs = performance.now() - t2
  return { insertMs, lookupMs, rangeMs, rangeRows: rows }
}

const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-'))
try {
  const encrypted = openEncrypted(join(dir, 'enc.kaohe'), randomBytes(32))
  const e = run(encrypted)
  encrypted.close()
  const plain = new Database(join(dir, 'plain.sqlite'))
  plain.pragma('journal_mode = WAL')
  plain.pragma('synchronous = FULL')
  const p = run(plain)
  plain.close()
  const r2 = (x: number) => Math.round(x * 100) / 100
  console.log(
    JSON.stringify(
      {
        bench: 'db',
        rows: ROWS,
        encrypted: { insertMs: r2(e.insertMs), insertRowsPerSec: Math.round(ROWS / (e.insertMs / 1000)), lookupUs: r2((e.lookupMs * 1000) / LOOKUPS), rangeQueryUs: r2((e.rangeMs * 1000) / RANGES) },
        plain: { insertMs: r2(p.insertMs), insertRowsPerSec: Math.round(ROWS / (p.insertMs / 1000)), lookupUs: r2((p.lookupMs * 1000) / LOOKUPS), rangeQueryUs: r2((p.rangeMs * 1000) / RANGES) },
        ratio: { insert: r2(e.insertMs / p.insertMs), lookup: r2(e.lookupMs / p.lookupMs), rangeQuery: r2(e.rangeMs / p.rangeMs) },
        note: 'ratio = encrypted / plain, same run, same native module; higher is slower',
      },
      null,
      2,
    ),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
