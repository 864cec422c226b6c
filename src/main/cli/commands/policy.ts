import { command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { readInput, yearOf } from '../support'

const year = { type: 'string', value: 'Y', zh: '年度（默认今年）', en: 'year (default this year)' } as const

/** The year's policy: HR proposes an import, the leadership group head approves or refuses. */
export const POLICY_COMMANDS = [
  command({
    path: ['policy', 'show'],
    summary: { zh: '查看某年考核政策及待批准的导入', en: 'show a year’s policy and any import waiting for approval' },
    options: { year },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('policy.get', { year: yearOf(opts.year) })
      print(v, () =>
        [
          `${v.year} 年考核政策 policy: ${v.version} (${v.source}${v.approvedBy ? `, 批准 approved by ${v.approvedBy} ${v.approvedAt}` : ''})`,
          ...Object.entries(v.constraints).map(([k, x]) => `  ${k.padEnd(36)} ${x}`),
          ...(v.pending ? [`待批准 pending #${v.pending.id}: ${v.pending.changes.map((c) => `${c.key} ${String(c.from)} → ${String(c.to)}`).join('; ')}`] : []),
        ].join('\n'),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['policy', 'import'],
    summary: { zh: '提交政策文件，待领导小组组长批准（人事科）', en: 'propose a policy file for the head’s approval (HR)' },
    args: ['FILE'],
    options: { year },
    async run({ args, opts, login, call, print }) {
      await login()
      const p = await call('policy.import', { year: yearOf(opts.year), file: readInput(args.FILE) })
      print(p, () => `已提交，待领导小组组长批准 / submitted for the head's approval: #${p.id} ${p.version}\n${p.changes.map((c) => `  ${c.key}: ${String(c.from)} → ${String(c.to)}`).join('\n')}`)
      return EXIT.ok
    },
  }),
  ...(['approve', 'refuse'] as const).map((verb) =>
    command({
      path: ['policy', verb],
      summary: verb === 'approve' ? { zh: '批准政策导入（领导小组组长）', en: 'approve a policy import (the head)' } : { zh: '驳回政策导入（领导小组组长）', en: 'refuse a policy import (the head)' },
      args: ['ID'],
      options: { reason: { type: 'string', value: '理由', zh: '理由', en: 'reason' } },
      async run({ args, opts, login, call, print }) {
        const id = Number(args.ID)
        if (!Number.isInteger(id) || id <= 0) throw new UsageError(`policy ${verb} ID [--reason 理由]`)
        await login()
        const v = await call('policy.decide', { id, approve: verb === 'approve', ...(opts.reason ? { reason: opts.reason } : {}) })
        print(v, () => `${verb === 'approve' ? '已批准 / approved' : '已驳回 / refused'}: #${id}; 现行 in force: ${v.version}`)
        return EXIT.ok
      },
    }),
  ),
]
