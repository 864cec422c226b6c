/**
 * bench/audit: what the keyed audit chain and the shared key file cost (issue 7).
 *
 * - append: N entries through AuditLog (HMAC-SHA256 chained to the previous entry, head read
 *   through the statement cache) vs a bare prepared INSERT of the same rows with a fixed hash;
 * - verify: walking and re-MACing the whole chain vs a bare `SELECT * ORDER BY seq` iteration;
 * - anchor: a write call's tail as the router runs it (transaction + audit entry + anchoring the
 *   head in the key file under its lock, fresh read, unique temp file, rename) vs the same
 *   transaction and entry without touching the key file.
 * Everything runs on the encrypted database in one run; ratios are ours / baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Store } from '../src/main/db/store'
import { AuditLog } from '../src/main/core/audit/chain'
import { KeyFile } from '../src/main/core/keys/keyFile'

const N = Number(process.env.BENCH_ENTRIES ?? 20_000)
const CALLS = Number(process.env.BENCH_CALLS ?? 300)

const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-audit-'))
const r2 = (x: number) => Math.round(x * 100) / 100
try {
  const dbKey = randomBytes(32)
  const store = Store.open(join(dir, 'a.kaohe'), dbKey)
  const audit = new AuditLog(store, dbKey)
  const record = (i: number) => ({ actorId: 1, actor: 'hr', action: 'ledger.addEntry', target: `ledger:${i}`, outcome: 'ok' as const, detail: { personId: i % 300 } })

  const t0 = performance.now()
  store.tx(() => {
    for (let i = 0; i < N; i++) audit.append(record(i))
  })
  const appendMs = performance.now() - t0

  const plain = Store.open(join(dir, 'b.kaohe'), randomBytes(32))
  const insert = plain.raw.prepare(
    'INSERT INTO audit_log (seq, at, actor_id, actor, action, target, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const fixed = '0'.repeat(64)
  const t1 = performance.now()
  plain.tx(() => {
    for (let i = 0; i < N; i++) {
      const r = record(i)
      insert.run(i + 1, new Date().toISOString(), r.actorId, r.actor, r.action, r.target, r.outcome, JSON.stringify(r.detail), fixed, fixed)
    }
  })
  const insertMs = performance.now() - t1

  const t2 = performance.now()
  const report = audit.verify(null)
  const verifyMs = performance.now() - t2
  if (!report.ok) throw new Error('the benchmark chain does not verify')
  const scan = store.raw.prepare('SELECT * FROM audit_log ORDER BY seq')
  const t3 = performance.now()
  let rows = 0
  for (const _ of scan.iterate()) rows++
  const scanMs = performance.now() - t3

  const keyPath = join(dir, 'a.kaohe.keys')
  const created = KeyFile.create(keyPath, { demo: false, lockout: { maxFailedLogins: 5, lockoutMinutes: 15 } })
  created.save()
  const keyFile = KeyFile.load(keyPath)
  const t4 = performance.now()
  for (let i = 0; i < CALLS; i++) {
    store.tx(() => audit.append(record(i)))
    audit.anchorIn(keyFile)
  }
  const anchoredMs = performance.now() - t4
  const t5 = performance.now()
  for (let i = 0; i < CALLS; i++) store.tx(() => audit.append(record(i)))
  const unanchoredMs = performance.now() - t5

  store.close()
  plain.close()
  console.log(
    JSON.stringify(
      {
        bench: 'audit',
        entries: N,
        append: { keyedUsPerEntry: r2((appendMs * 1000) / N), bareInsertUsPerEntry: r2((insertMs * 1000) / N), ratio: r2(appendMs / insertMs) },
        verify: { keyedMs: r2(verifyMs), bareScanMs: r2(scanMs), rows, ratio: r2(verifyMs / scanMs) },
        anchor: {
          calls: CALLS,
          withKeyFileMsPerCall: r2(anchoredMs / CALLS),
          withoutKeyFileMsPerCall: r2(unanchoredMs / CALLS),
          ratio: r2(anchoredMs / unanchoredMs),
        },
        note: 'ratio = ours / same-run baseline on the encrypted database; higher is slower',
      },
      null,
      2,
    ),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
