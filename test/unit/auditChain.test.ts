import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/main/db/store'
import { AuditLog, entryHash } from '../../src/main/core/audit/chain'
import { tempDir } from '../support/tempUnit'

function logWith(n: number) {
  const store = Store.open(join(tempDir(), 'a.kaohe'), randomBytes(32))
  const log = new AuditLog(store)
  for (let i = 1; i <= n; i++) {
    log.append({ actorId: 1, actor: 'hr', action: `test.write${i}`, target: `thing:${i}`, outcome: 'ok', detail: { i } })
  }
  return { store, log, anchor: log.head() ?? null }
}

describe('audit chain', () => {
  it('verifies an untouched chain and reports its head', () => {
    const { store, log, anchor } = logWith(5)
    expect(log.verify(anchor)).toEqual({ ok: true, entries: 5, headHash: anchor?.hash, firstBad: null })
    store.close()
  })

  it('names an entry edited outside the app', () => {
    const { store, log, anchor } = logWith(6)
    store.raw.prepare(`UPDATE audit_log SET detail = '{"i":99}' WHERE seq = 4`).run()
    expect(log.verify(anchor).firstBad).toEqual({ seq: 4, problem: 'edited' })
    store.close()
  })

  it('names an edit even when the editor recomputed that entry’s own hash', () => {
    const { store, log, anchor } = logWith(6)
    const row = store.raw.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Record<string, unknown>
    const forged: Record<string, unknown> = { ...row, actor: 'someone-else' }
    const { hash: _old, ...rest } = forged
    store.raw.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 3').run('someone-else', entryHash(rest as never))
    // Entry 3 is self-consistent now, so the break shows where entry 4 no longer follows it.
    expect(log.verify(anchor).firstBad).toEqual({ seq: 4, problem: 'inserted' })
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
