import { KaoheError } from '@shared/errors'
import type { ReadableDB } from '../../db/store'
import { openT3, sealT3 } from '../access/tierKeys'
import { openSealed, randomBytes, seal, sealTo, unseal, type Sealed } from '../keys/primitives'

/**
 * T3 fields of the integrity records (RULES.md §9): sealed with the T3 key (core/access/tierKeys.ts)
 * when the discipline office writes them. A lead is lodged by anyone, who does not hold that key:
 * its fields are then sealed to a fresh key, and that key to every discipline account holding the
 * T3 key (their X25519 public keys, as the T3 key itself is) — a "drop box" only the office opens.
 * The office's first write to the lead re-seals it with the T3 key, so later holders read it too.
 */
export interface T3Reader {
  userId: number
  key: Buffer | null
  keys: { privateKey: string; publicKey: string }
}

export function requireT3(key: Buffer | null): Buffer {
  if (!key) throw new KaoheError('T3_KEY_NEEDED')
  return key
}

export function sealField(key: Buffer, text: string, field: string): string {
  return sealT3(key, text, field)
}

interface DropBox {
  drop: Sealed
  boxes: Record<string, string>
}

/** The enabled discipline accounts holding the T3 key, with their public keys. */
function officeHolders(db: ReadableDB): { id: number; public_key: string }[] {
  return db.all(
    db.qb
      .selectFrom('tier_key_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select(['u.id', 'u.public_key'])
      .where('g.tier', '=', 'T3')
      .where('u.disabled', '=', 0)
      .orderBy('u.id'),
  )
}

export function hasOfficeHolder(db: ReadableDB): boolean {
  return officeHolders(db).length > 0
}

/** Seals a value for the office without holding the T3 key. */
export function sealForOffice(db: ReadableDB, text: string, field: string): string {
  const holders = officeHolders(db)
  if (!holders.length) throw new KaoheError('INTEGRITY_NO_OFFICE')
  const k = randomBytes(32)
  const box: DropBox = {
    drop: seal(k, Buffer.from(text, 'utf8'), `T3drop|${field}`),
    boxes: Object.fromEntries(holders.map((h) => [String(h.id), sealTo(h.public_key, k, `T3drop|${field}`)])),
  }
  k.fill(0)
  return JSON.stringify(box)
}

/** Opens a T3 field (sealed with the T3 key, or dropped for the office); null if this reader cannot. */
export function openField(reader: T3Reader, stored: string | null, field: string): string | null {
  if (stored === null) return null
  const parsed = JSON.parse(stored) as Partial<DropBox>
  if (parsed.drop && parsed.boxes) {
    const mine = parsed.boxes[String(reader.userId)]
    if (!mine) return null
    const k = openSealed(reader.keys.privateKey, reader.keys.publicKey, mine, `T3drop|${field}`)
    if (!k) return null
    const plain = unseal(k, parsed.drop, `T3drop|${field}`)
    return plain ? plain.toString('utf8') : null
  }
  return reader.key ? openT3(reader.key, stored, field) : null
}
