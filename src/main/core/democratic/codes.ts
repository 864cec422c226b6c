import { createHmac, hkdfSync, randomInt } from 'node:crypto'
import type { VoterCategory } from '@shared/annual'
import { BALLOT_CODE_LENGTH, type IssuedCode } from '@shared/democratic'
import { KaoheError } from '@shared/errors'
import type { ReadableDB, Store } from '../../db/store'
import { requireOpenRound } from './round'

/**
 * One-time ballot codes (票码, RULES.md §6). A code carries only its voter category. The database
 * keeps a keyed hash of it (HMAC-SHA-256 under a key derived from the unit's database key with its
 * own HKDF label, the way the audit chain's MAC key is): whoever reads the database file without
 * the key cannot try codes against the hashes, and nothing links a hash to the ballot it produced.
 * The codes themselves exist only in the answer of the call that issued them (and on the slips).
 */

/** Crockford base 32: no I, L, O, U, so a slip read aloud or retyped is unambiguous. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** The ballot codes' HMAC key: HKDF of the database key, never stored. */
export function ballotCodeKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.from('kaohe-ballot'), 'kaohe-ballot-codes/1', 32))
}

/** A fresh code, as printed: XXXX-XXXX-XXXX. */
export function newCode(): string {
  let s = ''
  for (let i = 0; i < BALLOT_CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return s.replace(/(.{4})(?=.)/g, '$1-')
}

/**
 * A code as typed → its canonical form (12 characters), or null when it cannot be one: case,
 * spaces and hyphens do not matter, and O, I, L read as 0, 1, 1 (Crockford's rule).
 */
export function normalizeCode(typed: string): string | null {
  const s = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (s.length !== BALLOT_CODE_LENGTH) return null
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null
  return s
}

export function codeHash(key: Buffer, canonical: string): string {
  return createHmac('sha256', key).update(`ballot-code:${canonical}`).digest('hex')
}

/** Fresh codes for one batch, each category's together (the slips are printed in this order). */
export function freshCodes(counts: Record<VoterCategory, number>): IssuedCode[] {
  const seen = new Set<string>()
  const out: IssuedCode[] = []
  for (const category of ['colleague', 'representative'] as const) {
    for (let i = 0; i < counts[category]; i++) {
      let code = newCode()
      while (seen.has(code)) code = newCode()
      seen.add(code)
      out.push({ code, category })
    }
  }
  return out
}

/** The next batch number of the year. */
export function nextBatch(db: ReadableDB, year: number): number {
  const row = db.first(db.qb.selectFrom('ballot_code_batches').select((eb) => eb.fn.max('batch').as('b')).where('year', '=', year))
  return (row?.b ?? 0) + 1
}

/**
 * Stores a batch's codes as hashes, in the caller's transaction. The round must be open. Returns
 * the batch number. A (vanishingly unlikely) clash with an earlier code fails the whole batch.
 */
export function storeCodes(store: Store, key: Buffer, year: number, codes: readonly IssuedCode[], change: { actorId: number; now: Date }): number {
  requireOpenRound(store, year)
  if (!codes.length) throw new KaoheError('BALLOT_CODES_NONE')
  const batch = nextBatch(store, year)
  const n = (c: VoterCategory) => codes.filter((x) => x.category === c).length
  store.run(
    store.qb.insertInto('ballot_code_batches').values({
      year,
      batch,
      colleagues: n('colleague'),
      representatives: n('representative'),
      issued_by: change.actorId,
      issued_at: change.now.toISOString(),
    }),
  )
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500).map((c) => {
      const canonical = normalizeCode(c.code)
      if (!canonical) throw new Error('a fresh code did not normalise')
      return { code_hash: codeHash(key, canonical), year, category: c.category, batch }
    })
    store.run(store.qb.insertInto('ballot_codes').values(chunk))
  }
  return batch
}

/** Codes issued and used per category. */
export function codeCounts(db: ReadableDB, year: number): Record<VoterCategory, { issued: number; used: number }> {
  const out = { colleague: { issued: 0, used: 0 }, representative: { issued: 0, used: 0 } }
  const rows = db.all(
    db.qb
      .selectFrom('ballot_codes')
      .select((eb) => ['category', 'consumed', eb.fn.countAll<number>().as('n')])
      .where('year', '=', year)
      .groupBy(['category', 'consumed']),
  )
  for (const r of rows) {
    out[r.category].issued += r.n
    if (r.consumed) out[r.category].used += r.n
  }
  return out
}

/** The code's row, if it was issued for this year: its category and whether it was used. */
export function findCode(db: ReadableDB, key: Buffer, year: number, typed: string): { hash: string; category: VoterCategory; consumed: boolean } {
  const canonical = normalizeCode(typed)
  const row = canonical
    ? db.first(db.qb.selectFrom('ballot_codes').select(['code_hash', 'category', 'consumed']).where('code_hash', '=', codeHash(key, canonical)).where('year', '=', year))
    : undefined
  if (!row) throw new KaoheError('BALLOT_CODE_UNKNOWN', { year })
  return { hash: row.code_hash, category: row.category, consumed: row.consumed === 1 }
}
