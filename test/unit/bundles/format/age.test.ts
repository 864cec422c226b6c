import { describe, expect, test } from 'vitest'
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption'
import { decryptWith, encryptTo, newAgeIdentity, recipientOf } from '../../../../src/main/core/bundles/format/age'
import { PackageCheckError } from '../../../../src/main/core/bundles/format/checks'

describe('age identities and files', () => {
  test('our synchronous identities agree with age-encryption’s identityToRecipient', async () => {
    for (let i = 0; i < 5; i++) {
      const { identity, recipient } = newAgeIdentity()
      expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/)
      expect(recipient).toMatch(/^age1[0-9a-z]{58}$/)
      expect(await identityToRecipient(identity)).toBe(recipient)
      expect(recipientOf(identity)).toBe(recipient)
    }
    const theirs = await generateX25519Identity()
    expect(recipientOf(theirs)).toBe(await identityToRecipient(theirs))
  })

  test('age-encryption decrypts what we encrypt to our identity, and we decrypt what it encrypts', async () => {
    const { identity, recipient } = newAgeIdentity()
    const msg = new TextEncoder().encode('考核结果 2026')
    const d = new Decrypter()
    d.addIdentity(identity)
    expect(await d.decrypt(await encryptTo(recipient, msg), 'text')).toBe('考核结果 2026')
    const e = new Encrypter()
    e.addRecipient(recipient)
    expect(new TextDecoder().decode(await decryptWith([identity], await e.encrypt(msg)))).toBe('考核结果 2026')
  })

  test('a file for another identity fails the decrypt check, naming the keys', async () => {
    const a = newAgeIdentity()
    const b = newAgeIdentity()
    const err = await decryptWith([b.identity], await encryptTo(a.recipient, new Uint8Array([1, 2, 3]))).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PackageCheckError)
    expect((err as PackageCheckError).check).toBe('decrypt')
    expect((err as PackageCheckError).en).toContain('not encrypted to any of this office’s keys')
  })
})
