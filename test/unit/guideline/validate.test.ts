import { describe, expect, it } from 'vitest'
import { validateGuideline, type AnnualGuideline, type Violation } from '../../../src/main/core/guideline'
import { PolicyConstraintsError } from '../../../src/main/core/policy/constraints'
import { DEFAULT_POLICY } from '../../../src/main/core/policy/defaults'
import { expectBilingual, guidelineWith, indicator, policyWith } from './helpers'

function violationsOf(change: (g: AnnualGuideline) => void, policy = DEFAULT_POLICY): Violation[] {
  const v = validateGuideline(guidelineWith(change), policy)
  expectBilingual(v)
  return v
}

/** Each case breaks one constraint and keeps every weight set at 100, so exactly one violation is due. */
const singleViolations: { name: string; change: (g: AnnualGuideline) => void; want: Pick<Violation, 'id' | 'path' | 'value' | 'bound' | 'op'> }[] = [
  {
    name: 'P1 leadership channel below 50',
    change: (g) => {
      g.channels.leadership.weight = 45
      g.channels.democratic.weight = 35
    },
    want: { id: 'P1', path: 'channels.leadership.weight', value: 45, bound: 50, op: '>=' },
  },
  {
    name: 'P2 绩 below 40 for 综合管理',
    change: (g) => {
      g.categories.general.dimensions.ji.weight = 35
      g.categories.general.dimensions.neng.weight = 25
    },
    want: { id: 'P2', path: 'categories.general.dimensions.ji.weight', value: 35, bound: 40, op: '>=' },
  },
  {
    name: 'P3 服务评价 below 30 for 专业技术',
    change: (g) => {
      indicator(g, 'technical', 'ji', 'service_rating').weight = 25
      indicator(g, 'technical', 'ji', 'core_tasks').weight = 55
    },
    want: { id: 'P3', path: 'categories.technical.dimensions.ji.indicators.2.weight', value: 25, bound: 30, op: '>=' },
  },
  {
    name: 'P3 服务评价 below 40 for 行政执法 (30 is enough elsewhere, not there)',
    change: (g) => {
      indicator(g, 'enforcement', 'ji', 'service_rating').weight = 35
      indicator(g, 'enforcement', 'ji', 'core_tasks').weight = 45
    },
    want: { id: 'P3', path: 'categories.enforcement.dimensions.ji.indicators.2.weight', value: 35, bound: 40, op: '>=' },
  },
  {
    name: 'P4 peer weight above 20',
    change: (g) => {
      g.channels.quarterly.peerWeight = 25
    },
    want: { id: 'P4', path: 'channels.quarterly.peerWeight', value: 25, bound: 20, op: '<=' },
  },
  {
    name: 'P5 recipient share below 30',
    change: (g) => {
      g.channels.democratic.recipientVoterShare = 29.5
    },
    want: { id: 'P5', path: 'channels.democratic.recipientVoterShare', value: 29.5, bound: 30, op: '>=' },
  },
  {
    name: 'P6 quota rate above 15 without approval',
    change: (g) => {
      g.quota.excellentRate = 20
    },
    want: { id: 'P6', path: 'quota.excellentRate', value: 20, bound: 15, op: '<=' },
  },
  {
    name: 'P6 quota rate above the approved rate',
    change: (g) => {
      g.quota.excellentRate = 20
      g.quota.approval = { documentNumber: '某组干〔2026〕7号', rate: 18 }
    },
    want: { id: 'P6', path: 'quota.excellentRate', value: 20, bound: 18, op: '<=' },
  },
  {
    name: 'P7 guideline publicity below 5 working days',
    change: (g) => {
      g.publicity.guidelineWorkingDays = 4
    },
    want: { id: 'P7', path: 'publicity.guidelineWorkingDays', value: 4, bound: 5, op: '>=' },
  },
  {
    name: 'P7 results publicity below 5 working days',
    change: (g) => {
      g.publicity.resultsWorkingDays = 3
    },
    want: { id: 'P7', path: 'publicity.resultsWorkingDays', value: 3, bound: 5, op: '>=' },
  },
  {
    name: 'P8 appeal window shortened',
    change: (g) => {
      g.appeal.windowWorkingDays = 7
    },
    want: { id: 'P8', path: 'appeal.windowWorkingDays', value: 7, bound: 10, op: '=' },
  },
  {
    name: 'P8 appeal window lengthened (the guideline echoes the policy, it does not set it)',
    change: (g) => {
      g.appeal.windowWorkingDays = 15
    },
    want: { id: 'P8', path: 'appeal.windowWorkingDays', value: 15, bound: 10, op: '=' },
  },
  {
    name: 'P9 answer deadline lengthened',
    change: (g) => {
      g.appeal.answerCalendarDays = 30
    },
    want: { id: 'P9', path: 'appeal.answerCalendarDays', value: 30, bound: 20, op: '=' },
  },
  {
    name: 'P9 answer deadline shortened',
    change: (g) => {
      g.appeal.answerCalendarDays = 15
    },
    want: { id: 'P9', path: 'appeal.answerCalendarDays', value: 15, bound: 20, op: '=' },
  },
  {
    name: 'P10 dimension weights of a category sum to 99',
    change: (g) => {
      g.categories.technical.dimensions.lian.weight = 9
    },
    want: { id: 'P10', path: 'categories.technical.dimensions', value: 99, bound: 100, op: '=' },
  },
  {
    name: 'P10 indicator weights of a dimension sum to 101',
    change: (g) => {
      indicator(g, 'general', 'de', 'political_stance').weight = 51
    },
    want: { id: 'P10', path: 'categories.general.dimensions.de.indicators', value: 101, bound: 100, op: '=' },
  },
  {
    name: 'P10 channel weights sum to 100.01',
    change: (g) => {
      g.channels.quarterly.weight = 20.01
    },
    want: { id: 'P10', path: 'channels', value: 100.01, bound: 100, op: '=' },
  },
]

describe('validateGuideline: each constraint on its own', () => {
  it.each(singleViolations)('$name', ({ change, want }) => {
    const v = violationsOf(change)
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject(want)
  })

  it('every constraint id P1–P10 is covered by the cases above', () => {
    expect(new Set(singleViolations.map((c) => c.want.id))).toEqual(new Set(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']))
  })
})

describe('validateGuideline: several at once', () => {
  it('reports every violated constraint, not only the first, in constraint order', () => {
    const v = violationsOf((g) => {
      g.channels.leadership.weight = 40 // P1, and channels now sum to 90: P10
      g.categories.general.dimensions.ji.weight = 30 // P2, and general dimensions sum to 90: P10
      indicator(g, 'enforcement', 'ji', 'service_rating').weight = 30 // P3 (enforcement needs 40), and 绩 sums to 90: P10
      g.channels.quarterly.peerWeight = 30 // P4
      g.channels.democratic.recipientVoterShare = 20 // P5
      g.quota.excellentRate = 16 // P6
      g.publicity.guidelineWorkingDays = 3 // P7
      g.publicity.resultsWorkingDays = 2 // P7
      g.appeal.windowWorkingDays = 5 // P8
      g.appeal.answerCalendarDays = 40 // P9
    })
    expect(v.map((x) => [x.id, x.path, x.value, x.bound])).toEqual([
      ['P1', 'channels.leadership.weight', 40, 50],
      ['P2', 'categories.general.dimensions.ji.weight', 30, 40],
      ['P3', 'categories.enforcement.dimensions.ji.indicators.2.weight', 30, 40],
      ['P4', 'channels.quarterly.peerWeight', 30, 20],
      ['P5', 'channels.democratic.recipientVoterShare', 20, 30],
      ['P6', 'quota.excellentRate', 16, 15],
      ['P7', 'publicity.guidelineWorkingDays', 3, 5],
      ['P7', 'publicity.resultsWorkingDays', 2, 5],
      ['P8', 'appeal.windowWorkingDays', 5, 10],
      ['P9', 'appeal.answerCalendarDays', 40, 20],
      ['P10', 'categories.general.dimensions', 90, 100],
      ['P10', 'categories.enforcement.dimensions.ji.indicators', 90, 100],
      ['P10', 'channels', 90, 100],
    ])
  })

  it('checks P3 in every category independently', () => {
    const v = violationsOf((g) => {
      for (const cat of ['general', 'enforcement', 'technical'] as const) {
        const service = indicator(g, cat, 'ji', 'service_rating')
        const core = indicator(g, cat, 'ji', 'core_tasks')
        core.weight += service.weight - 10
        service.weight = 10
      }
    })
    expect(v.map((x) => [x.id, x.path, x.bound])).toEqual([
      ['P3', 'categories.general.dimensions.ji.indicators.2.weight', 30],
      ['P3', 'categories.enforcement.dimensions.ji.indicators.2.weight', 40],
      ['P3', 'categories.technical.dimensions.ji.indicators.2.weight', 30],
    ])
  })
})

describe('validateGuideline: P3 with no or several survey indicators', () => {
  it('no survey indicator in 绩 is a service weight of 0', () => {
    const v = violationsOf((g) => {
      const ji = g.categories.general.dimensions.ji
      ji.indicators = ji.indicators.map((i) => (i.id === 'service_rating' ? { id: 'extra', name: '额外贡献', source: 'rated', weight: i.weight, evidence: '' } : i))
    })
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ id: 'P3', path: 'categories.general.dimensions.ji.indicators', value: 0, bound: 30 })
    expect(v[0]?.zh).toContain('未设服务评价指标')
  })

  it('several survey indicators count together', () => {
    const v = violationsOf((g) => {
      const ji = g.categories.general.dimensions.ji
      const service = indicator(g, 'general', 'ji', 'service_rating')
      if (service.source !== 'survey') throw new Error('default 服务评价 is a survey')
      service.weight = 15
      ji.indicators.push({ ...service, id: 'service_window', name: '窗口评价', weight: 14 })
      indicator(g, 'general', 'ji', 'core_tasks').weight = 51
    })
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ id: 'P3', path: 'categories.general.dimensions.ji.indicators', value: 29, bound: 30 })
    expect(v[0]?.zh).toContain('“服务评价”、“窗口评价”')
  })

  it('a survey indicator outside 绩 does not count for P3', () => {
    const v = violationsOf((g) => {
      const service = indicator(g, 'general', 'ji', 'service_rating')
      service.weight = 0
      indicator(g, 'general', 'ji', 'core_tasks').weight = 80
      const de = g.categories.general.dimensions.de
      if (service.source !== 'survey') throw new Error('default 服务评价 is a survey')
      de.indicators = [{ ...service, id: 'ethics_survey', weight: 50 }, ...de.indicators.slice(1)]
    })
    expect(v.map((x) => [x.id, x.value])).toEqual([['P3', 0]])
  })
})

describe('validateGuideline: P6 and the approval', () => {
  const approval = { documentNumber: '某组干〔2026〕7号', issuedBy: '某县委组织部', issuedOn: '2026-01-20' }

  it('a rate above 15 is fine up to the approved rate', () => {
    expect(violationsOf((g) => ((g.quota.excellentRate = 18), (g.quota.approval = { ...approval, rate: 18 })))).toEqual([])
  })

  it('the approved rate replaces the policy bound, also when lower', () => {
    const v = violationsOf((g) => (g.quota.approval = { ...approval, rate: 10 }))
    expect(v.map((x) => [x.id, x.value, x.bound])).toEqual([['P6', 15, 10]])
    expect(v[0]?.zh).toContain('某组干〔2026〕7号')
    expect(v[0]?.en).toContain('某组干〔2026〕7号')
  })

  it('an approved count fixes K at grading and leaves the rate under the policy bound', () => {
    expect(violationsOf((g) => (g.quota.approval = { ...approval, count: 3 }))).toEqual([])
    const v = violationsOf((g) => ((g.quota.excellentRate = 20), (g.quota.approval = { ...approval, count: 3 })))
    expect(v.map((x) => [x.id, x.value, x.bound])).toEqual([['P6', 20, 15]])
  })
})

describe('validateGuideline: bounds come from the policy passed in', () => {
  it('a stricter policy turns the defaults into violations with the policy bound', () => {
    const v = violationsOf(() => {}, policyWith({ P1_leadershipChannelMin: 60, P7_publicityWorkingDaysMin: 7, P8_appealWindowWorkingDays: 15 }))
    expect(v.map((x) => [x.id, x.path, x.value, x.bound])).toEqual([
      ['P1', 'channels.leadership.weight', 50, 60],
      ['P7', 'publicity.guidelineWorkingDays', 5, 7],
      ['P7', 'publicity.resultsWorkingDays', 5, 7],
      ['P8', 'appeal.windowWorkingDays', 10, 15],
    ])
  })

  it('a looser policy accepts what the default one refuses', () => {
    const change = (g: AnnualGuideline) => {
      g.channels.quarterly.peerWeight = 25
    }
    expect(violationsOf(change)).toHaveLength(1)
    expect(violationsOf(change, policyWith({ P4_peerWeightMax: 30 }))).toEqual([])
  })

  it('P10 uses the policy sum', () => {
    const v = violationsOf(() => {}, policyWith({ P10_weightSum: 1000 }))
    expect(v.every((x) => x.id === 'P10' && x.bound === 1000 && x.value === 100)).toBe(true)
    expect(v).toHaveLength(3 + 3 * 5 + 1)
  })

  it('a policy without its constraints throws a policy error, not guideline violations', () => {
    const { P3_serviceIndicatorMinEnforcement: _dropped, ...rest } = DEFAULT_POLICY.constraints
    expect(() => validateGuideline(guidelineWith(), { constraints: rest })).toThrow(PolicyConstraintsError)
    expect(() => validateGuideline(guidelineWith(), { constraints: rest })).toThrow(/P3_serviceIndicatorMinEnforcement/)
    expect(() => validateGuideline(guidelineWith(), policyWith({ P1_leadershipChannelMin: 50.001 }))).toThrow(/P1_leadershipChannelMin/)
  })
})

describe('validateGuideline: exact decimals', () => {
  it('33.33 + 33.33 + 33.34 is exactly 100', () => {
    const v = violationsOf((g) => {
      const d = g.categories.general.dimensions.neng
      const [a, b, c] = d.indicators
      if (!a || !b || !c) throw new Error('能 has three indicators')
      a.weight = 33.33
      b.weight = 33.33
      c.weight = 33.34
    })
    expect(v).toEqual([])
  })

  it('a sum that floats get wrong is right: 0.01 + 70.68 + 29.31', () => {
    // Added as floats this is 100.00000000000001; in hundredths it is 10000.
    expect(0.01 + 70.68 + 29.31 === 100).toBe(false)
    const v = violationsOf((g) => {
      const [a, b, c] = g.categories.general.dimensions.neng.indicators
      if (!a || !b || !c) throw new Error('能 has three indicators')
      a.weight = 0.01
      b.weight = 70.68
      c.weight = 29.31
    })
    expect(v).toEqual([])
  })

  it('33.33 × 3 is 99.99, reported as exactly 99.99', () => {
    const v = violationsOf((g) => {
      g.channels.leadership.weight = 33.33
      g.channels.democratic.weight = 33.33
      g.channels.quarterly.weight = 33.33
    }, policyWith({ P1_leadershipChannelMin: 30 }))
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ id: 'P10', path: 'channels', value: 99.99, bound: 100 })
    expect(v[0]?.zh).toContain('33.33 + 33.33 + 33.33')
  })

  it('a bound met to the hundredth holds; one hundredth short does not', () => {
    const at = (leadership: number, democratic: number) =>
      violationsOf((g) => {
        g.channels.leadership.weight = leadership
        g.channels.democratic.weight = democratic
      }, policyWith({ P1_leadershipChannelMin: 50.01 }))
    expect(at(50.01, 29.99)).toEqual([])
    expect(at(50, 30).map((x) => [x.id, x.value, x.bound])).toEqual([['P1', 50, 50.01]])
  })

  it('a weight computed in floats (80 − 50.01 = 29.990000000000002) is refused as a schema error, not rounded', () => {
    const v = violationsOf((g) => {
      g.channels.leadership.weight = 50.01
      g.channels.democratic.weight = 80 - 50.01
    })
    expect(v).toEqual([expect.objectContaining({ id: 'SCHEMA', path: 'channels.democratic.weight' })])
    expect(v[0]?.zh).toBe('民主测评渠道 › 权重：最多保留两位小数')
  })
})

describe('validateGuideline: messages', () => {
  it('P2 reads as the policy puts it', () => {
    const [v] = violationsOf((g) => {
      g.categories.general.dimensions.ji.weight = 35
      g.categories.general.dimensions.neng.weight = 25
    })
    expect(v?.zh).toBe('综合管理类“绩”维度权重 35，低于政策下限 40（P2）')
    expect(v?.en).toBe('General-management posts: weight of dimension 绩 (achievement) is 35, below the policy minimum 40 (P2)')
  })

  it('every message names what it is about and carries the value and the bound in both languages', () => {
    for (const { name, change, want } of singleViolations) {
      const [v] = violationsOf(change)
      if (!v) throw new Error(`no violation for ${name}`)
      for (const text of [v.zh, v.en]) {
        expect(text, name).toContain(String(want.value))
        expect(text, name).toContain(String(want.bound))
        expect(text, name).toContain(want.id)
      }
    }
  })

  it('names categories, dimensions and indicators in Chinese', () => {
    const [p3] = violationsOf((g) => {
      indicator(g, 'enforcement', 'ji', 'service_rating').weight = 35
      indicator(g, 'enforcement', 'ji', 'core_tasks').weight = 45
    })
    expect(p3?.zh).toBe('行政执法类“绩”维度服务评价指标“服务评价”权重 35，低于政策下限 40（P3）')
    expect(p3?.en).toContain('服务评价')
    const [p10] = violationsOf((g) => (indicator(g, 'technical', 'lian', 'discipline').weight = 59))
    expect(p10?.zh).toBe('专业技术类“廉”维度各指标权重合计 99（59 + 40），应为政策规定的 100（P10）')
    expect(p10?.en).toContain('廉')
  })

  it('says the unit of days and percentages', () => {
    const v = violationsOf((g) => {
      g.publicity.guidelineWorkingDays = 4
      g.appeal.answerCalendarDays = 25
      g.channels.democratic.recipientVoterShare = 25
    })
    expect(v.map((x) => x.zh)).toEqual([
      '民主测评中服务对象代表所占比例 25%，低于政策下限 30%（P5）',
      '指引公示期 4 个工作日，低于政策下限 5 个工作日（P7）',
      '申诉答复期限 25 日，应为政策规定的 20 日（P9）',
    ])
    expect(v.map((x) => x.en)).toEqual([
      'The share of service-recipient representatives among democratic-evaluation voters is 25%, below the policy minimum 30% (P5)',
      'The publicity period of the guideline is 4 working days, below the policy minimum 5 working days (P7)',
      'The deadline to answer an appeal is 25 calendar days, must be exactly 20 calendar days as the policy sets it (P9)',
    ])
  })
})
