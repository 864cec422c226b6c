import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KaoheError } from '../../../src/shared/errors'
import { findCjkFont } from '../../../src/main/core/print/cjkFont'
import { slipsPdf } from '../../../src/main/core/democratic/slips'
import { freshCodes, normalizeCode } from '../../../src/main/core/democratic/codes'

describe('ballot codes and their slips', () => {
  it('codes are 12 Crockford characters; typing is forgiving about case, spaces, hyphens, O/I/L', () => {
    const codes = freshCodes({ colleague: 50, representative: 10 })
    expect(codes.filter((c) => c.category === 'representative')).toHaveLength(10)
    expect(new Set(codes.map((c) => c.code)).size).toBe(60)
    for (const c of codes) expect(normalizeCode(c.code)).toBe(c.code.replace(/-/g, ''))
    expect(normalizeCode(' abcd efgh jkmn ')).toBe('ABCDEFGHJKMN')
    expect(normalizeCode('OIL0-1111-2222')).toBe('011011112222')
    expect(normalizeCode('ABCD-EFGH-JKM')).toBeNull()
    expect(normalizeCode('ABCD-EFGH-JKMU')).toBeNull()
  })

  it('without a Chinese font, the error names every place looked in', () => {
    let err: unknown
    try {
      findCjkFont({ KAOHE_CJK_FONT: '/nowhere/font.ttc' }, () => false)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(KaoheError)
    const paths = String((err as KaoheError).params.paths)
    expect((err as KaoheError).code).toBe('CJK_FONT_MISSING')
    for (const p of ['/nowhere/font.ttc', 'NotoSansCJK-Regular.ttc', 'msyh.ttc', 'simsun.ttc', 'PingFang.ttc']) expect(paths).toContain(p)
  })

  it('prints ten slips an A4 page, with the CJK font embedded', async () => {
    const pdf = await slipsPdf('测试县市场监督管理局', 2026, freshCodes({ colleague: 11, representative: 1 }))
    const text = pdf.toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2)
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    // The font is embedded (a subset) with a ToUnicode map: the Chinese is real text, not outlines.
    expect(text).toMatch(/\/FontFile[23]?/)
    expect(text).toContain('/ToUnicode')
  })

  it('reads back as Chinese text (pdftotext, poppler-utils, installed by .ci/run)', async () => {
    const codes = [{ code: 'ABCD-EFGH-JKMN', category: 'representative' as const }]
    const dir = mkdtempSync(join(tmpdir(), 'kaohe-slips-'))
    try {
      const file = join(dir, 'slips.pdf')
      writeFileSync(file, await slipsPdf('测试县市场监督管理局', 2026, codes))
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      for (const s of ['测试县市场监督管理局', '2026 年度民主测评 票码', '类别：服务对象代表', 'ABCD-EFGH-JKMN', '票码只能使用一次']) expect(text).toContain(s)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
