import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ScryptParams } from '../../src/main/core/keys/primitives'
import { tempDir } from '../support/tempUnit'

/** Every scrypt the key file runs, with its parameters (issue 7 defect 8: no timed assertions). */
const calls: ScryptParams[] = []
vi.mock('../../src/main/core/keys/primitives', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/core/keys/primitives')>()
  return {
    ...real,
    deriveKey: (password: string, salt: Buffer, params: ScryptParams) => {
      calls.push(params)
      return real.deriveKey(password, salt, params)
    },
  }
})

const { KeyFile } = await import('../../src/main/core/keys/keyFile')
const { newKeyPair } = await import('../../src/main/core/keys/primitives')

const SLOT = { log2N: 13, r: 8, p: 1 }
const lockout = { maxFailedLogins: 5, lockoutMinutes: 15 }

describe('an unknown name costs what a wrong password costs', () => {
  beforeEach(() => {
    calls.length = 0
  })

  it('runs the same scrypt, with the slots’ own parameters, for a name that has no slot', () => {
    const kf = KeyFile.create(join(tempDir(), 't.keys'), { demo: false, lockout })
    kf.setUserSlot('zhangsan', 'Right-Pass-1', { dbKey: randomBytes(32).toString('hex'), userId: 1, privateKey: newKeyPair().privateKey }, SLOT)
    kf.save()
    const now = new Date('2026-03-02T09:00:00Z')
    calls.length = 0
    expect(kf.unlockUser('zhangsan', 'Wrong-Pass-1', now).ok).toBe(false)
    const wrongPassword = [...calls]
    calls.length = 0
    expect(kf.unlockUser('nobody-here', 'Wrong-Pass-1', now).ok).toBe(false)
    const unknownName = [...calls]
    expect(unknownName).toEqual(wrongPassword)
    // The name lookup, then the slot's own scrypt.
    expect(unknownName).toEqual([{ log2N: 12, r: 8, p: 1 }, SLOT])
  })
})
