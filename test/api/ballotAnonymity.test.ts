import { describe, expect, it } from 'vitest'
import { DIMENSIONS } from '../../src/shared/guideline/model'
import type { BallotCell } from '../../src/shared/democratic'
import { normalizeCode } from '../../src/main/core/democratic/codes'
import { passwordOf } from '../support/tempUnit'
import { democraticUnit, issue, vote } from '../support/democratic'

/**
 * Issue 9: "no test, query, row or screen can tell which ballot a code produced". Proved from the
 * schema (no column links a code to a ballot, no time on a ballot, WITHOUT ROWID tables keyed by
 * random ids) and from the rows stored after several ballots (their order is not the order cast; the
 * audit log holds no code, no code hash and no ballot id).
 */

type Col = { name: string; type: string; pk: number }
const BALLOT_TABLES = ['ballots', 'ballot_cells', 'ballot_codes']

describe('ballot anonymity', () => {
  it('the schema: no link from code to ballot, no time on a ballot, no rowid order', async () => {
    const u = await democraticUnit()
    const db = u.app.state.session!.store.raw
    const cols = (t: string) => db.pragma(`table_info(${t})`) as Col[]
    const fks = (t: string) => db.pragma(`foreign_key_list(${t})`) as { table: string; from: string }[]
    // The code table names no ballot, the ballot tables name no code.
    expect(cols('ballot_codes').map((c) => c.name).sort()).toEqual(['batch', 'category', 'code_hash', 'consumed', 'year'])
    expect(fks('ballot_codes')).toEqual([])
    expect(cols('ballots').map((c) => c.name).sort()).toEqual(['category', 'id', 'uniform', 'year'])
    expect(cols('ballot_cells').map((c) => c.name).sort()).toEqual(['ballot_id', 'dimension', 'level', 'person_id'])
    expect(fks('ballots')).toEqual([])
    expect(fks('ballot_cells').map((f) => f.table).sort()).toEqual(['ballots', 'people'])
    // No time at all on a ballot or a code (not even the day).
    for (const t of BALLOT_TABLES) for (const c of cols(t)) expect(c.name, `${t}.${c.name}`).not.toMatch(/_at$|_on$|time|date|day|seq|order/)
    // WITHOUT ROWID: no hidden rowid that counts up in the order of voting.
    const list = db.pragma('table_list') as { name: string; wr: number }[]
    for (const t of BALLOT_TABLES) expect(list.find((x) => x.name === t)?.wr, t).toBe(1)
    expect(cols('ballots').find((c) => c.pk === 1)?.name).toBe('id')
    // No trigger or view that could copy a code or a time next to a ballot.
    const sqlOf = db.prepare("SELECT sql FROM sqlite_master WHERE type IN ('trigger', 'view')").all() as { sql: string }[]
    for (const r of sqlOf) expect(r.sql).not.toMatch(/ballot/)
  })

  it('the rows: stored order is not the order cast, ids are random, the audit log holds no code, hash or ballot id', async () => {
    const u = await democraticUnit()
    const n = 12
    const codes = await issue(u, n - 3, 3)
    const all = [...codes.colleague, ...codes.representative]
    const people = u.ids4
    // Ballot i rates exactly i + 1 cells: its size tells which one it was.
    const cellsOf = (i: number): BallotCell[] =>
      people.flatMap((personId) => DIMENSIONS.map((dimension) => ({ personId, dimension, level: '称职' as const }))).slice(0, i + 1)
    await vote(u, all.map((code, i) => ({ code, cells: cellsOf(i) })), passwordOf('hr1'))

    const db = u.app.state.session!.store.raw
    const stored = db.prepare('SELECT b.id, count(c.person_id) AS cells FROM ballots b JOIN ballot_cells c ON c.ballot_id = b.id GROUP BY b.id').all() as { id: string; cells: number }[]
    const natural = (db.prepare('SELECT id FROM ballots').all() as { id: string }[]).map((r) => r.id)
    expect(natural).toHaveLength(n)
    const sizeInStorage = natural.map((id) => stored.find((s) => s.id === id)!.cells)
    // Storage order is the random ids' order: not the order the ballots were cast.
    expect(sizeInStorage).not.toEqual([...Array(n).keys()].map((i) => i + 1))
    expect([...natural].sort()).toEqual(natural)
    for (const id of natural) expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(new Set(natural).size).toBe(n)

    // The audit log: nothing that could tie a code to a ballot.
    const hashes = (db.prepare('SELECT code_hash FROM ballot_codes').all() as { code_hash: string }[]).map((r) => r.code_hash)
    const audit = db.prepare('SELECT action, target, detail FROM audit_log').all() as { action: string; target: string | null; detail: string }[]
    const text = JSON.stringify(audit)
    for (const code of all) {
      expect(text).not.toContain(code)
      expect(text).not.toContain(normalizeCode(code)!)
    }
    for (const h of hashes) expect(text).not.toContain(h)
    for (const id of natural) expect(text).not.toContain(id)
    const submits = audit.filter((a) => a.action === 'democratic.ballotSubmit')
    expect(submits).toHaveLength(n)
    for (const s of submits) {
      expect(s.target).toBeNull()
      expect(Object.keys(JSON.parse(s.detail) as object).sort()).toEqual(['ballots', 'category'])
    }
    // The ballot rows carry neither the code nor its hash in any column.
    const rowsText = JSON.stringify([db.prepare('SELECT * FROM ballots').all(), db.prepare('SELECT * FROM ballot_cells').all()])
    for (const h of hashes) expect(rowsText).not.toContain(h)
  })
})
