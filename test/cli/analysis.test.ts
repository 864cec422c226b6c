import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisView } from '../../src/shared/analysis'
import { as, kaohe } from '../support/cli'

/** `kaohe analysis --year Y` and `kaohe analysis export` with the built command, on the demo unit. */
let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-analysis-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe analysis', () => {
  it('refuses before HR’s proposal (exit 1), in Chinese and English', () => {
    const r = kaohe(['--db', db, 'analysis', '--year', '2026'], as('hr'))
    expect(r.code).toBe(1)
    expect(r.err).toContain('2026 年度尚未拟定等次')
    expect(r.err).toContain('No grades are proposed for 2026 yet')
  })

  it('prints the analysis, --json the whole view; refuses staff and supervisors (exit 3)', { timeout: 120_000 }, () => {
    expect(kaohe(['--db', db, 'ballot', 'round', 'close', '--year', '2026'], as('hr')).code).toBe(0)
    const proposed = kaohe(['--db', db, 'annual', 'propose', '--year', '2026'], as('hr'))
    expect(proposed.code, proposed.err).toBe(0)

    const text = kaohe(['--db', db, 'analysis', '--year', '2026'], as('hr'))
    expect(text.code, text.err).toBe(0)
    expect(text.out).toContain('2026 年度团队分析')
    expect(text.out).toContain('科室 / departments')
    expect(text.out).toContain('考核者偏差 / rater bias')
    expect(text.out).toContain('领导小组评分表')

    const json = kaohe(['--db', db, 'analysis', '--year', '2026', '--json'], as('leader'))
    expect(json.code, json.err).toBe(0)
    const v = JSON.parse(json.out) as AnalysisView
    expect(v.year).toBe(2026)
    expect(v.departments.length).toBeGreaterThan(3)
    expect(v.bias.some((b) => b.source === 'leadership')).toBe(true)

    for (const who of ['staff', 'kezhang']) expect(kaohe(['--db', db, 'analysis', '--year', '2026'], as(who)).code).toBe(3)
  })

  it('exports a 0600 workbook and never writes over an existing file', () => {
    const out = join(dir, 'analysis.xlsx')
    const r = kaohe(['--db', db, 'analysis', 'export', '--year', '2026', '--out', out, '--json'], as('hr'))
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ file: out })
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const again = kaohe(['--db', db, 'analysis', 'export', '--year', '2026', '--out', out], as('hr'))
    expect(again.code).not.toBe(0)
    expect(again.err).toMatch(/已存在|exists/)
    expect(kaohe(['--db', db, 'analysis', 'export', '--year', '2026', '--out', join(dir, 'x.xlsx')], as('staff')).code).toBe(3)
  })
})
