import type { GuidelineView } from '@shared/api/types'
import { command, EXIT } from '../command'
import { readJson, yearOf } from '../support'

const year = { type: 'string', value: 'Y', zh: '年度（默认今年）', en: 'year (default this year)' } as const
const file = { type: 'string', value: 'FILE', zh: '指引 JSON 文件', en: 'the guideline as JSON' } as const

const STATE_TEXT = { draft: '草稿 draft', publicity: '公示中 in publicity', inForce: '已生效 in force', superseded: '已被修订 superseded' }

function describeGuideline(v: GuidelineView): string {
  const lines = [`${v.year} 年度绩效考核指引 / guideline ${v.year}`]
  if (v.current) {
    const c = v.current
    lines.push(`  第 ${c.version} 版 version ${c.version}: ${STATE_TEXT[c.state]}`)
    lines.push(`  公示期 publicity: ${c.publicityFrom ?? c.publicityStart} – ${c.publicityEnd}（${c.publicityWorkingDays ?? '?'}个工作日 working days）; 生效 in force from ${c.effectiveOn}`)
  } else lines.push('  尚未发布 / not published yet')
  if (v.draft) lines.push(`  草稿 draft: ${v.draft.violations.length} 处不符合政策 violations${v.draft.reason ? `; 修订理由 reason: ${v.draft.reason}` : ''}`)
  for (const w of v.calendarWarnings) lines.push(`  ! ${w.zh} / ${w.en}`)
  return lines.join('\n')
}

/** The annual guideline (《年度绩效考核指引》): show, validate, draft (HR), publish (head), mid-year revision. */
export const GUIDELINE_COMMANDS = [
  command({
    path: ['guideline', 'show'],
    summary: { zh: '查看某年指引及其草稿', en: 'show a year’s guideline and its draft' },
    options: { year },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('guideline.get', { year: yearOf(opts.year) })
      print(v, () => describeGuideline(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['guideline', 'validate'],
    summary: { zh: '按考核政策校验指引文件；不符合则退出码 4', en: 'check a guideline file against the policy; exit 4 when it breaks it' },
    args: ['FILE'],
    options: {},
    async run({ args, login, call, print }) {
      const path = args.FILE
      await login()
      const guideline = readJson(path)
      const violations = await call('guideline.validate', { guideline })
      print({ file: path, ok: violations.length === 0, violations }, () =>
        violations.length
          ? [`${path}: ${violations.length} 处不符合政策 / violations`, ...violations.map((x) => `  ✗ [${x.id}] ${x.path}: ${x.zh} / ${x.en}`)].join('\n')
          : `${path}: 符合考核政策 / satisfies the policy`,
      )
      return violations.length ? EXIT.invalid : EXIT.ok
    },
  }),
  command({
    path: ['guideline', 'draft'],
    summary: { zh: '保存指引草稿（人事科）；不符合政策则退出码 4', en: 'save a guideline draft (HR); exit 4 when it breaks the policy' },
    options: { year, file, reason: { type: 'string', value: '理由', zh: '修订理由', en: 'reason for the revision' } },
    async run({ opts, login, call, print }) {
      await login()
      const y = yearOf(opts.year)
      const v = await call('guideline.saveDraft', { year: y, ...(opts.file ? { guideline: readJson(opts.file) } : {}), ...(opts.reason ? { reason: opts.reason } : {}) })
      print(v, () => `已保存 ${y} 年指引草稿 / draft saved; ${v.draft?.violations.length ?? 0} 处不符合政策 violations\n${(v.draft?.violations ?? []).map((x) => `  ✗ [${x.id}] ${x.zh}`).join('\n')}`)
      return v.draft?.violations.length ? EXIT.invalid : EXIT.ok
    },
  }),
  command({
    path: ['guideline', 'publish'],
    summary: { zh: '发布指引草稿并开始公示（领导小组组长）', en: 'publish the draft and start its publicity period (the head)' },
    options: { year },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('guideline.publish', { year: yearOf(opts.year) })
      print(v, () => describeGuideline(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['guideline', 'revise'],
    summary: { zh: '年中修订：以理由开始修订，可同时保存新草稿', en: 'mid-year revision: start one with a reason, optionally saving a new draft' },
    options: { year, reason: { type: 'string', value: '理由', required: true, zh: '修订理由', en: 'reason' }, file },
    async run({ opts, login, call, print }) {
      await login()
      const y = yearOf(opts.year)
      let v = await call('guideline.startRevision', { year: y, reason: opts.reason })
      if (opts.file) v = await call('guideline.saveDraft', { year: y, guideline: readJson(opts.file) })
      print(v, () => `已开始修订 / revision started (${opts.reason}); ${v.draft?.violations.length ?? 0} 处不符合政策 violations`)
      return EXIT.ok
    },
  }),
]
