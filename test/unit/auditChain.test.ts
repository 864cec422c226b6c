import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/main/db/store'
import { AuditLog, auditKey, legacyEntryHash, sealState } from '../../src/main/core/audit/chain'
import { tempDir } from '../support/tempUnit'

function logWith(n: number) {
  const dbKey = randomBytes(32)
  const store = Store.open(join(tempDir(), 'a.kaohe'), dbKey)
  const log = new AuditLog(store, dbKey)
  for (let i = 1; i <= n; i++) {
    log.append({ actorId: 1, actor: 'hr', action: `test.write${i}`, target: `thing:${i}`, outcome: 'ok', detail: { i } })
  }
  const head = log.head() ?? null
  // The key file's state as the app anchors it: keyed from the first entry, MACed.
  const anchor = sealState(auditKey(dbKey), { keyedFrom: 1, anchor: head, breaks: [] })
  return { store, log, anchor, head }
}

describe('audit chain', () => {
  it('verifies an untouched chain and reports its head', () => {
    const { store, log, anchor, head } = logWith(5)
    expect(log.verify(anchor)).toMatchObject({ ok: true, entries: 5, headHash: head?.hash, firstBad: null, keyedFrom: 1, breaks: [] })
    expect(log.verify(anchor).head?.checkpoint).toMatch(/^5:[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/)
    store.close()
  })

  it('names an entry edited outside the app', () => {
    const { store, log, anchor } = logWith(6)
    store.raw.prepare(`UPDATE audit_log SET detail = '{"i":99}' WHERE seq = 4`).run()
    expect(log.verify(anchor).firstBad).toEqual({ seq: 4, problem: 'edited' })
    store.close()
  })

  it('names an edit even when the editor recomputed that entry’s hash without the key', () => {
    const { store, log, anchor } = logWith(6)
    const row = store.raw.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Record<string, unknown>
    const forged: Record<string, unknown> = { ...row, actor: 'someone-else' }
    const { hash: _old, ...rest } = forged
    // SHA-256 is all the file tells anyone: the HMAC key comes only from the unwrapped database key.
    store.raw.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 3').run('someone-else', legacyEntryHash(rest as never))
    expect(log.verify(anchor).firstBad).toEqual({ seq: 3, problem: 'edited' })
    store.close()
  })

  it('checks a checkpoint noted earlier against the entry it names', () => {
    const { store, log, anchor, head } = logWith(4)
    const noted = `4:${head!.hash.slice(0, 4)}-${head!.hash.slice(4, 12)}`
    expect(log.verify(anchor, { checkpoint: noted }).checkpoint).toEqual({ given: noted, seq: 4, ok: true, problem: null })
    const wrong = `4:${head!.hash.slice(0, 7)}${head!.hash[7] === '0' ? '1' : '0'}`
    expect(log.verify(anchor, { checkpoint: wrong })).toMatchObject({ ok: false, checkpoint: { ok: false, problem: 'different' } })
    expect(log.verify(anchor, { checkpoint: `9:${head!.hash.slice(0, 8)}` })).toMatchObject({ ok: false, checkpoint: { ok: false, problem: 'missing' } })
    store.close()
  })

  it('names the place where entries were deleted', () => {
    const { store, log, anchor } = logWith(6)
    store.raw.prepare('DELETE FROM audit_log WHERE seq = 3').run()
    expect(log.verify(anchor).firstBad).toEqual({ seq: 4, problem: 'deleted' })
    store.close()
  })

  it('notices entries cut off the end, against the head kept outside the database', () => {
    const { store, log, anchor } = logWith(6)
    store.raw.prepare('DELETE FROM audit_log WHERE seq >= 5').run()
    expect(log.verify(anchor).firstBad).toEqual({ seq: 5, problem: 'truncated' })
    store.close()
  })

  it('pages newest first with filters', () => {
    const { store, log } = logWith(7)
    log.append({ actorId: 2, actor: 'staff', action: 'users.list', outcome: 'denied' })
    const first = log.list({ limit: 3 })
    expect(first.entries.map((e) => e.seq)).toEqual([8, 7, 6])
    expect(first.total).toBe(8)
    expect(log.list({ limit: 3, beforeSeq: first.nextBeforeSeq! }).entries.map((e) => e.seq)).toEqual([5, 4, 3])
    expect(log.list({ limit: 10, outcome: 'denied' }).entries).toMatchObject([{ actor: 'staff', action: 'users.list' }])
    store.close()
  })
})
