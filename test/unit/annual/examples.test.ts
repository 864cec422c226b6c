import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeAnnual } from '../../../src/main/core/annual/engine'
import { parseInputsFile, toExpectedFormat } from '../../../src/main/core/annual/inputsFile'

const dir = join(__dirname, '../../fixtures/annual')

describe('the worked examples of RULES.md §6 (test/fixtures/annual, copied from the shared examples)', () => {
  for (const name of ['a', 'b', 'c']) {
    it(`annual-${name} gives exactly the expected N, K, tie, channel scores, T, vetoes and grades`, () => {
      const inputs = parseInputsFile(readFileSync(join(dir, `annual-${name}.input.json`), 'utf8'))
      const expected = JSON.parse(readFileSync(join(dir, `annual-${name}.expected.json`), 'utf8')) as unknown
      expect(toExpectedFormat(computeAnnual(inputs))).toEqual(expected)
    })
  }
})

describe('计算明细 (the computation in words)', () => {
  it('shows every indicator, the spread weights, the N/A channel and T’s formula for annual-a’s 007', async () => {
    const { explain } = await import('../../../src/main/core/annual/explain')
    const r = computeAnnual(parseInputsFile(readFileSync(join(dir, 'annual-a.input.json'), 'utf8')))
    const lines = explain(r, r.people.find((p) => p.id === '007')!, '张三').map((l) => l.zh)
    expect(lines[0]).toBe('张三（007），综合管理类')
    expect(lines).toContain('  有效票不足，本渠道不适用，权重按比例分给其他渠道')
    expect(lines.find((l) => l.includes('廉'))).toContain('纪律遵守 100.00 × 100%；风险防控 不适用 × 0%')
    expect(lines.find((l) => l.startsWith('四、'))).toContain('T = (50 × 91.90 + 20 × 88.50) / (50 + 20) = 90.93')
    expect(lines.at(-1)).toBe('六、拟定等次：称职（按分数线确定）')
  })
  it('names the veto and the tie', async () => {
    const { explain } = await import('../../../src/main/core/annual/explain')
    const b = computeAnnual(parseInputsFile(readFileSync(join(dir, 'annual-b.input.json'), 'utf8')))
    expect(explain(b, b.people.find((p) => p.id === '005')!, '李四').map((l) => l.zh)).toContain('  否决项：上一年度考核不称职，取消本年度评优资格（V1）')
    expect(explain(b, b.people.find((p) => p.id === '010')!, '王五').at(-1)?.zh).toBe('六、拟定等次：并列待定（与他人在名额线上完全并列，由领导小组决定）')
  })
})
