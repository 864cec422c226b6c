import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { KeyFile, type SlotSecret } from '../../src/main/core/keys/keyFile'
import { newKeyPair, openSealed, sealTo } from '../../src/main/core/keys/primitives'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { tempDir } from '../support/tempUnit'

const REAL = { log2N: DEFAULT_POLICY.security.scryptLog2N, r: 8, p: 1 }
const lockout = { maxFailedLogins: DEFAULT_POLICY.security.maxFailedLogins, lockoutMinutes: DEFAULT_POLICY.security.lockoutMinutes }
const secret = (userId: number): SlotSecret => ({ dbKey: randomBytes(32).toString('hex'), userId, privateKey: newKeyPair().privateKey })

describe('key slots', () => {
  it('ships scrypt N = 2^17 or more, per DESIGN.md §4', () => {
    expect(DEFAULT_POLICY.security.scryptLog2N).toBeGreaterThanOrEqual(17)
  })

  it('unwraps the database key with the right password only, and never stores names or passwords', () => {
    const path = join(tempDir(), 'u.kaohe.keys')
    const kf = KeyFile.create(path, { demo: false, lockout })
    const s = secret(7)
    kf.setUserSlot('Zhangsan', 'Correct-Horse-9', s, REAL)
    kf.save()
    const text = readFileSync(path, 'utf8')
    expect(text).not.toMatch(/zhangsan|Correct-Horse|"userId"/i)
    expect(text).not.toContain(s.dbKey)
    const loaded = KeyFile.load(path)
    const now = new Date('2026-03-02T09:00:00Z')
    expect(loaded.unlockUser('zhangsan', 'Correct-Horse-9', now)).toEqual({ ok: true, secret: s })
    expect(loaded.unlockUser('zhangsan', 'correct-horse-9', now)).toMatchObject({ ok: false, failure: { code: 'AUTH_FAILED', remaining: 4 } })
  })

  it('locks an account after five wrong passwords for the policy minutes, for unknown names too', () => {
    const kf = KeyFile.create(join(tempDir(), 'l.keys'), { demo: false, lockout })
    kf.setUserSlot('lisi', 'Right-Pass-1', secret(1), { log2N: 12, r: 8, p: 1 })
    const t0 = new Date('2026-03-02T09:00:00Z')
    const remaining = [1, 2, 3, 4].map(() => kf.unlockUser('lisi', 'wrong', t0))
    expect(remaining.map((r) => (!r.ok ? r.failure.remaining : null))).toEqual([4, 3, 2, 1])
    const fifth = kf.unlockUser('lisi', 'wrong', t0)
    expect(fifth).toMatchObject({ ok: false, failure: { code: 'ACCOUNT_LOCKED', until: '2026-03-02T09:15:00.000Z' } })
    // Locked means locked, even with the right password …
    expect(kf.unlockUser('lisi', 'Right-Pass-1', new Date('2026-03-02T09:14:59Z'))).toMatchObject({ ok: false, failure: { code: 'ACCOUNT_LOCKED' } })
    // … until the lock runs out.
    expect(kf.unlockUser('lisi', 'Right-Pass-1', new Date('2026-03-02T09:15:01Z')).ok).toBe(true)
    // An unknown name answers exactly like a known one.
    expect(kf.unlockUser('nobody', 'x', t0)).toMatchObject({ ok: false, failure: { code: 'AUTH_FAILED', remaining: 4 } })
    expect(kf.takePending().filter((p) => p.event === 'auth.accountLocked')).toHaveLength(1)
  })

  it('changing one password rewraps only that slot', () => {
    const path = join(tempDir(), 'r.keys')
    const kf = KeyFile.create(path, { demo: false, lockout })
    const fast = { log2N: 12, r: 8, p: 1 }
    kf.setUserSlot('a', 'Pass-Word-A1', secret(1), fast)
    kf.setUserSlot('b', 'Pass-Word-B1', secret(2), fast)
    kf.save()
    const before = JSON.parse(readFileSync(path, 'utf8')).slots as { id: string }[]
    kf.setUserSlot('a', 'Pass-Word-A2', secret(1), fast)
    kf.save()
    const after = JSON.parse(readFileSync(path, 'utf8')).slots as { id: string }[]
    const bId = kf.lookupId('b')
    expect(after.find((s) => s.id === bId)).toEqual(before.find((s) => s.id === bId))
    expect(after.find((s) => s.id === kf.lookupId('a'))).not.toEqual(before.find((s) => s.id === kf.lookupId('a')))
    expect(kf.unlockUser('a', 'Pass-Word-A1', new Date()).ok).toBe(false)
    expect(kf.unlockUser('a', 'Pass-Word-A2', new Date()).ok).toBe(true)
  })

  it('a slot moved to another account does not open (bound by its id)', () => {
    const path = join(tempDir(), 's.keys')
    const kf = KeyFile.create(path, { demo: false, lockout })
    const fast = { log2N: 12, r: 8, p: 1 }
    kf.setUserSlot('a', 'Same-Pass-1', secret(1), fast)
    kf.setUserSlot('b', 'Other-Pass-1', secret(2), fast)
    kf.save()
    const data = JSON.parse(readFileSync(path, 'utf8'))
    const a = data.slots.find((s: { id: string }) => s.id === kf.lookupId('a'))
    const b = data.slots.find((s: { id: string }) => s.id === kf.lookupId('b'))
    Object.assign(b, { ...a, id: b.id })
    writeFileSync(path, JSON.stringify(data))
    expect(KeyFile.load(path).unlockUser('b', 'Same-Pass-1', new Date()).ok).toBe(false)
  })

  it('the recovery code opens the recovery slot, with or without dashes and case', () => {
    const kf = KeyFile.create(join(tempDir(), 'rc.keys'), { demo: false, lockout })
    const key = randomBytes(32)
    const code = kf.createRecoverySlot(key, { log2N: 12, r: 8, p: 1 })
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/)
    const dbKeyOf = (r: ReturnType<KeyFile['unlockRecovery']>) => (r.ok ? r.secret.dbKey : null)
    expect(dbKeyOf(kf.unlockRecovery(code))).toBe(key.toString('hex'))
    expect(dbKeyOf(kf.unlockRecovery(code.replace(/-/g, '').toLowerCase()))).toBe(key.toString('hex'))
    expect(kf.unlockRecovery('00000-00000-00000-00000-00000')).toMatchObject({ ok: false, failure: { code: 'AUTH_FAILED' } })
  })

  it('reports a damaged or missing key file by name', () => {
    const dir = tempDir()
    const path = join(dir, 'bad.keys')
    expect(() => KeyFile.load(path)).toThrowError(expect.objectContaining({ code: 'KEYFILE_MISSING' }))
    writeFileSync(path, '{not json')
    expect(() => KeyFile.load(path)).toThrowError(expect.objectContaining({ code: 'KEYFILE_CORRUPT', params: { path } }))
  })
})

describe('sealing to a public key (tier keys)', () => {
  it('only the matching private key opens it, and only in the same context', () => {
    const alice = newKeyPair()
    const bob = newKeyPair()
    const t3 = randomBytes(32)
    const box = sealTo(alice.publicKey, t3, 'T3')
    expect(openSealed(alice.privateKey, alice.publicKey, box, 'T3')).toEqual(t3)
    expect(openSealed(bob.privateKey, bob.publicKey, box, 'T3')).toBeNull()
    expect(openSealed(alice.privateKey, alice.publicKey, box, 'T2')).toBeNull()
  })
})
