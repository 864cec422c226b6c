import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { PERMISSIONS, type Permission } from '../../src/shared/access/permissions'
import { contract, METHOD_NAMES } from '../../src/shared/api/contract'
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
    'Generated from `src/shared/access/permissions.ts` and `src/shared/api/contract.ts` by `test/docs/accessMatrix.doc.test.ts`. ',
    '● allowed; ○ allowed without signing in. Every call is checked in the router (`src/main/core/access/authorize.ts`); a refused call is audited.',
    '',
    '## Permissions by role',
    '',
    `| permission | tier | ${ROLES.map((r) => `${ROLE_NAMES[r].zh}<br>\`${r}\``).join(' | ')} |`,
    `|---|---|${ROLES.map(() => ':-:').join('|')}|`,
    ...perms.map((p) => `| \`${p}\` ${PERMISSIONS[p].zh} / ${PERMISSIONS[p].en} | ${PERMISSIONS[p].tier} | ${ROLES.map((r) => cell(p, r)).join(' | ')} |`),
    '',
    '## Methods',
    '',
    '| method | permission | kind | audited |',
    '|---|---|---|---|',
    ...METHOD_NAMES.map((m) => {
      const d = contract[m]
      const rule = PERMISSIONS[d.permission]
      const tier: string = rule.tier
      const audited = d.kind === 'write' ? 'yes' : tier === 'T2' || tier === 'T3' ? 'yes (sensitive read)' : rule.allow === 'public' ? 'by the method' : 'refusals only'
      return `| \`${m}\` | \`${d.permission}\` | ${d.kind} | ${audited} |`
    }),
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
