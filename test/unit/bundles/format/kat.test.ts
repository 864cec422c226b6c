import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { x25519 } from '@noble/curves/ed25519.js'
import { chacha20poly1305 } from '@noble/ciphers/chacha.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { decryptWith } from '../../../../src/main/core/bundles/format/age'
import { publicKeyOf, signDetached, verifyDetached } from '../../../../src/main/core/bundles/format/ed25519'

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'))
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex')

// RFC 8032 §7.1, TEST 1–3.
const ED25519 = [
  {
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    pub: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    msg: '',
    sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    pub: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    msg: '72',
    sig: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    pub: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    msg: 'af82',
    sig: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
]

describe('known-answer vectors', () => {
  test.each(ED25519.map((v, i) => [i + 1, v] as const))('Ed25519 RFC 8032 test %i: sign and verify', (_, v) => {
    const pub = Buffer.from(hex(v.pub)).toString('base64')
    expect(publicKeyOf(hex(v.secret))).toBe(pub)
    const sig = signDetached(hex(v.secret), hex(v.msg))
    expect(toHex(Buffer.from(sig, 'base64'))).toBe(v.sig)
    expect(verifyDetached(pub, hex(v.msg), sig)).toBe(true)
    expect(verifyDetached(pub, hex(v.msg + '00'), sig)).toBe(false)
    const bad = Buffer.from(sig, 'base64')
    bad[0]! ^= 1
    expect(verifyDetached(pub, hex(v.msg), bad.toString('base64'))).toBe(false)
  })

  test('X25519 RFC 7748 §5.2 (first vector) and §6.1', () => {
    expect(
      toHex(x25519.scalarMult(hex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4'), hex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c'))),
    ).toBe('c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552')
    const alice = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a')
    const bob = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb')
    expect(toHex(x25519.getPublicKey(alice))).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a')
    expect(toHex(x25519.getPublicKey(bob))).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f')
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742'
    expect(toHex(x25519.getSharedSecret(alice, x25519.getPublicKey(bob)))).toBe(shared)
    expect(toHex(x25519.getSharedSecret(bob, x25519.getPublicKey(alice)))).toBe(shared)
  })

  test('ChaCha20-Poly1305 RFC 8439 §2.8.2 (age’s payload AEAD)', () => {
    const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f')
    const nonce = hex('070000004041424344454647')
    const aad = hex('50515253c0c1c2c3c4c5c6c7')
    const pt = new TextEncoder().encode("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.")
    const ct =
      'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116' +
      '1ae10b594f09e26a7e902ecbd0600691'
    expect(toHex(chacha20poly1305(key, nonce, aad).encrypt(pt))).toBe(ct)
    expect(new TextDecoder().decode(chacha20poly1305(key, nonce, aad).decrypt(hex(ct)))).toBe(new TextDecoder().decode(pt))
  })

  test('HKDF-SHA256 RFC 5869 test case 1 (age’s key derivation)', () => {
    const okm = hkdf(sha256, hex('0b'.repeat(22)), hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42)
    expect(toHex(okm)).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865')
  })

  test('a frozen age file (two chunks) still decrypts to the frozen plaintext', async () => {
    const v = JSON.parse(readFileSync(new URL('../../../fixtures/bundles/age-frozen-x25519.json', import.meta.url), 'utf8')) as {
      identity: string
      plaintextSha256: string
      fileBase64: string
    }
    const out = await decryptWith([v.identity], new Uint8Array(Buffer.from(v.fileBase64, 'base64')))
    expect(out.length).toBe(70000)
    expect(out[69999]).toBe((69999 * 31 + 7) & 0xff)
    expect(createHash('sha256').update(out).digest('hex')).toBe(v.plaintextSha256)
  })
})
