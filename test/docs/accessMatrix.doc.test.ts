import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { PERMISSIONS, type Permission, type PermissionRule } from '../../src/shared/access/permissions'
import { SLICES, type Capability } from '../../src/shared/api/contract'
import { METHOD_FLAGS, type AnyMethodDef } from '../../src/shared/api/method'
import { ROLES, ROLE_NAMES } from '../../src/shared/roles'

/**
 * docs/access-matrix.md is printed from the matrix data, never written by hand. This test fails
 * when the two disagree; `KAOHE_UPDATE_DOCS=1 npx vitest run test/docs` rewrites the file.
 */
function render(): string {
  const perms = Object.keys(PERMISSIONS) as Permission[]
  const cell = (p: Permission, role: string) => {
    const allow = PERMISSIONS[p].allow
    if (allow === 'public') return '○'
    if (allow === 'signedIn') return '●'
    return (allow as readonly string[]).includes(role) ? '●' : ''
  }
  const lines = [
    '# Access matrix (权限矩阵)',
    '',
    'Generated from `src/shared/access/permissions.ts` and the contract\'s slices (`src/shared/api/<capability>.ts`) by `test/docs/accessMatrix.doc.test.ts`. ',
    '● allowed; ○ allowed without signing in. Every call is checked in the router (`src/main/core/access/authorize.ts`); a refused call is audited.',
    '',
    '## Permissions by role',
    '',
    `| permission | tier | ${ROLES.map((r) => `${ROLE_NAMES[r].zh}<br>\`${r}\``).join(' | ')} | or by relation |`,
    `|---|---|${ROLES.map(() => ':-:').join('|')}|---|`,
    ...perms.map((p) => {
      const rule: PermissionRule = PERMISSIONS[p]
      return `| \`${p}\` ${rule.zh} / ${rule.en} | ${rule.tier} | ${ROLES.map((r) => cell(p, r)).join(' | ')} | ${(rule.relations ?? []).join(', ')} |`
    }),
    '',
    '## Methods, by capability',
    '',
    'Subject: the input field naming the person a relation-based permission is checked against; *list*: the handler narrows what it returns to the people the relation covers; *handler*: the handler checks the person it looks up. Flags: what the router lets through besides the permission.',
    ...(Object.keys(SLICES) as Capability[]).flatMap((c) => [
      '',
      `### ${c}`,
      '',
      '| method | permission | kind | audited | subject | flags |',
      '|---|---|---|---|---|---|',
      ...Object.entries(SLICES[c] as Record<string, AnyMethodDef>).map(([m, d]) => {
        const rule = PERMISSIONS[d.permission]
        const tier: string = rule.tier
        const audited = d.kind === 'write' ? 'yes' : tier === 'T2' || tier === 'T3' ? 'yes (sensitive read)' : rule.allow === 'public' ? 'by the method' : 'refusals only'
        const subject = d.subject === undefined ? '' : typeof d.subject === 'string' ? `\`${d.subject}\`` : `*${d.subject.scope}*`
        const flags = METHOD_FLAGS.filter((f) => d[f]).join(', ')
        return `| \`${m}\` | \`${d.permission}\` | ${d.kind} | ${audited} | ${subject} | ${flags} |`
      }),
    ]),
    '',
  ]
  return lines.join('\n')
}

it('docs/access-matrix.md is the matrix as the code has it', () => {
  const path = 'docs/access-matrix.md'
  const text = render()
  if (process.env.KAOHE_UPDATE_DOCS === '1' || !existsSync(path)) writeFileSync(path, text)
  expect(readFileSync(path, 'utf8')).toBe(text)
})
