import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** `kaohe annual compute|inputs|status` with the built command: the neutral file and the demo unit. */
const FIXTURES = resolve('test/fixtures/annual')


let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-annual-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
  // The demo leaves its democratic round open for the walk-through; results need it closed.
  const closed = kaohe(['--db', db, 'ballot', 'round', 'close', '--year', '2026'], as('hr'))
  expect(closed.code, closed.err).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe annual compute --inputs (no database, no sign-in)', () => {
  for (const name of ['a', 'b', 'c']) {
    it(`recomputes the worked example annual-${name} exactly`, () => {
      const r = kaohe(['annual', 'compute', '--inputs', join(FIXTURES, `annual-${name}.input.json`), '--json'])
      expect(r.code, r.err).toBe(0)
      expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(FIXTURES, `annual-${name}.expected.json`), 'utf8')))
    })
  }

  it('prints a readable table without --json, the tie named', () => {
    const r = kaohe(['annual', 'compute', '--inputs', join(FIXTURES, 'annual-b.input.json')])
    expect(r.code).toBe(0)
    expect(r.out).toContain('N = 9，K = 1')
    expect(r.out).toContain('名额线上并列：001、010')
  })

  it('refuses a bad file with exit 4, naming where and what, in Chinese and English', () => {
    const input = JSON.parse(readFileSync(join(FIXTURES, 'annual-a.input.json'), 'utf8')) as { people: { quarterly: unknown[] }[] }
    input.people[1]!.quarterly[2] = 120
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify(input))
    const r = kaohe(['annual', 'compute', '--inputs', bad])
    expect(r.code).toBe(4)
    expect(r.err).toContain('people[1] (002).quarterly[2]')
    expect(r.err).toMatch(/不在 0–100 之间/)
    expect(r.err).toMatch(/outside 0–100/)
    writeFileSync(bad, '{ not json')
    expect(kaohe(['annual', 'compute', '--inputs', bad]).code).toBe(4)
  })

  it('needs exactly one of --inputs and --year (usage, exit 2)', () => {
    expect(kaohe(['annual', 'compute']).code).toBe(2)
    expect(kaohe(['annual', 'compute', '--inputs', 'x.json', '--year', '2026']).code).toBe(2)
  })
})

describe('kaohe annual compute --year on the demo unit', () => {
  it('equals compute --inputs of the file that annual inputs --year writes', () => {
    const file = join(dir, 'inputs-2026.json')
    const w = kaohe(['--db', db, 'annual', 'inputs', '--year', '2026', '--out', file], as('hr'))
    expect(w.code, w.err).toBe(0)
    const fromFile = kaohe(['annual', 'compute', '--inputs', file, '--json'])
    const fromDb = kaohe(['--db', db, '--json', 'annual', 'compute', '--year', '2026'], as('hr'))
    expect(fromFile.code, fromFile.err).toBe(0)
    expect(fromDb.code, fromDb.err).toBe(0)
    const result = JSON.parse(fromDb.out) as { N: number; people: unknown[] }
    expect(result.N).toBeGreaterThan(10)
    expect(JSON.parse(fromFile.out)).toEqual(result)
  })

  it('is refused to a staff member (exit 3) and the file never written over without --force', () => {
    expect(kaohe(['--db', db, 'annual', 'compute', '--year', '2026'], as('staff')).code).toBe(3)
    const file = join(dir, 'inputs-again.json')
    writeFileSync(file, 'keep')
    expect(kaohe(['--db', db, 'annual', 'inputs', '--year', '2026', '--out', file], as('hr')).code).toBe(4)
    expect(readFileSync(file, 'utf8')).toBe('keep')
  })
})
