import { describe, expect, test } from 'vitest'
import { PackageCheckError } from '../../../../src/main/core/bundles/format/checks'
import { readZip, writeZip } from '../../../../src/main/core/bundles/format/zip'
import { TEST_LIMITS } from '../../../support/packageFuzz'
import { deflateBomb, zip, type ZipPart } from '../../../support/zip'

const te = new TextEncoder()
const part = (name: string, text = 'x'): ZipPart => ({ name, data: Buffer.from(text) })

function zipFailure(bytes: Uint8Array, limits = TEST_LIMITS): PackageCheckError {
  try {
    readZip(bytes, limits)
  } catch (e) {
    expect(e).toBeInstanceOf(PackageCheckError)
    expect((e as PackageCheckError).check).toBe('zip')
    return e as PackageCheckError
  }
  throw new Error('readZip accepted a hostile archive')
}

describe('readZip', () => {
  test('reads what writeZip writes, and writeZip is deterministic and sorted', () => {
    const files = new Map([
      ['manifest.json', te.encode('{"a":1}')],
      ['data/results.json', te.encode(JSON.stringify({ rows: Array.from({ length: 300 }, (_, i) => ({ i, v: (i * 7919) % 1009 })) }))],
    ])
    const a = writeZip(files)
    const b = writeZip(new Map([...files].reverse()))
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0)
    const back = readZip(a, TEST_LIMITS)
    expect([...back.keys()]).toEqual(['data/results.json', 'manifest.json'])
    expect(new TextDecoder().decode(back.get('manifest.json'))).toBe('{"a":1}')
  })

  test('reads a well-formed zip from the hostile-file writer (so the attacks below fail for their reason)', () => {
    expect(readZip(zip([part('data/a.json'), part('data/b.json')]), TEST_LIMITS).size).toBe(2)
  })

  test('too many entries, before anything is read', () => {
    const parts = Array.from({ length: TEST_LIMITS.maxZipEntries + 1 }, (_, i) => part(`data/${i}.json`))
    expect(zipFailure(zip(parts)).en).toContain('entries, over the limit')
  })

  test('a size that lies: the central directory says small, the data inflates large', () => {
    const bomb = deflateBomb(Buffer.alloc(64 * 1024, 0x61), 8)
    // Declared within the ratio cap, so only the streaming guard can catch it.
    const declaredSize = bomb.deflated.length * 50
    expect(declaredSize).toBeLessThan(bomb.size)
    expect(zipFailure(zip([{ name: 'data/a.json', data: bomb, declaredSize }])).en).toContain('inflates past the')
  })

  test('a declared size over the per-entry cap is refused before inflating', () => {
    const bomb = deflateBomb(Buffer.alloc(64 * 1024, 0x61), 100) // 6.4 MB > 4 MiB cap
    expect(zipFailure(zip([{ name: 'data/a.json', data: bomb }])).en).toContain('per-entry limit')
  })

  test('a high compression ratio is refused from the declared sizes', () => {
    expect(zipFailure(zip([{ name: 'data/a.json', data: Buffer.alloc(200_000, 0) }])).en).toContain('compression ratio')
  })

  test.each([
    ['../x', "'..' segment"],
    ['data/../../x', "'..' segment"],
    ['/abs', 'absolute path'],
    ['a\\b', 'backslash'],
    ['a\0b', 'NUL'],
    ['data/', 'directory entry'],
    ['data/é.json', 'disallowed length or character'],
    ['x'.repeat(201), 'disallowed length or character'],
  ])('entry name %j is refused', (name, why) => {
    expect(zipFailure(zip([part(name)])).en).toContain(why)
  })

  test('case collision and duplicate names', () => {
    expect(zipFailure(zip([part('data/A.json'), part('data/a.json')])).en).toContain('differ only in case')
    expect(zipFailure(zip([part('data/a.json'), part('data/a.json')])).en).toContain('appears twice')
  })

  test('bytes appended after the end record, or between entries, are refused', () => {
    const ok = zip([part('data/a.json'), part('data/b.json')])
    expect(zipFailure(Buffer.concat([ok, Buffer.from([0])])).en).toContain('end-of-directory')
    // Entries sharing data (the second central entry points at the first local header).
    expect(zipFailure(zip([part('data/a.json'), part('data/b.json')], { overlapLast: true })).check).toBe('zip')
  })

  test('a local header that disagrees with its central entry', () => {
    const bytes = Buffer.from(zip([part('data/a.json', 'hello')]))
    bytes.writeUInt32LE(bytes.readUInt32LE(22) + 1, 22) // local uncompressed size
    expect(zipFailure(bytes).en).toContain('disagrees with the central directory')
  })

  test('a wrong CRC-32', () => {
    const bytes = Buffer.from(zip([part('data/a.json', 'hello')]))
    const cd = bytes.readUInt32LE(bytes.length - 6)
    bytes.writeUInt32LE(1, 14)
    bytes.writeUInt32LE(1, cd + 16)
    expect(zipFailure(bytes).en).toContain('CRC-32')
  })

  test('encryption flag and unknown method', () => {
    const enc = Buffer.from(zip([part('data/a.json')]))
    const cd = enc.readUInt32LE(enc.length - 6)
    enc.writeUInt16LE(0x0801, cd + 8)
    expect(zipFailure(enc).en).toContain('encryption')
    const m = Buffer.from(zip([part('data/a.json')]))
    m.writeUInt16LE(12, m.readUInt32LE(m.length - 6) + 10)
    expect(zipFailure(m).en).toContain('method 12')
  })

  test('garbage and truncations never throw anything but a zip check failure', () => {
    const ok = zip([part('data/a.json', 'hello world'), part('manifest.json', '{}')])
    for (let n = 0; n < ok.length; n++) zipFailure(ok.subarray(0, n))
  })
})
