import { createHash, randomBytes } from 'node:crypto'

/**
 * The canonical serialisation a feedback form is sealed over: JSON with every object's keys sorted
 * and no whitespace, so the same content always gives the same bytes and the same SHA-256.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON: non-finite number')
    return JSON.stringify(value ?? null)
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Letters and digits that cannot be misread on paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A verification code for a printed form: 12 characters in groups of four (FBxx-xxxx-xxxx). */
export function newVerificationCode(): string {
  const bytes = randomBytes(12)
  let s = ''
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length]
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`
}

/** The code as typed: upper case, spaces and dashes ignored, regrouped. */
export function normaliseCode(code: string): string {
  const s = code.toUpperCase().replace(/[\s-]/g, '')
  return s.length === 12 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}` : s
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A drawn signature must be a real PNG (magic and IHDR) under the size cap. */
export function isPng(buf: Buffer): boolean {
  return buf.length > 24 && buf.subarray(0, 8).equals(PNG_MAGIC) && buf.subarray(12, 16).toString('latin1') === 'IHDR'
}
