import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { SLICES, type Capability } from '../../src/shared/api/contract'

/**
 * src/shared/api/methodNames.ts is the slices' method names without zod, so the sandboxed preload
 * can be built from them alone. It is printed from the slices, never written by hand: this test
 * fails when the two disagree, and `KAOHE_UPDATE_DOCS=1 npx vitest run test/docs` rewrites it
 * (contract.ts also refuses to compile while they differ).
 */
function renderMethodNames(): string {
  const lines = [
    '// Generated from the slices (src/shared/api/<capability>.ts) by test/docs/methodNames.doc.test.ts:',
    '// do not edit. After adding a method to a slice: KAOHE_UPDATE_DOCS=1 npx vitest run test/docs',
    '',
    '/**',
    ' * The contract\'s method names, without zod, so the sandboxed preload can be built from them alone.',
    ' * `contract.ts` checks at compile time, and test/docs/methodNames.doc.test.ts at run time, that this',
    ' * list and the slices\' methods are the same.',
    ' */',
    'export const METHOD_NAMES = [',
  ]
  for (const c of Object.keys(SLICES) as Capability[]) {
    lines.push(`  // ${c}`)
    for (const m of Object.keys(SLICES[c])) lines.push(`  '${m}',`)
  }
  lines.push(
    '] as const',
    '',
    'export type MethodNameList = (typeof METHOD_NAMES)[number]',
    '',
    '/** The single IPC channel every call travels on. */',
    "export const IPC_CHANNEL = 'kaohe:call'",
    '',
  )
  return lines.join('\n')
}

it('src/shared/api/methodNames.ts lists the slices\' methods, slice by slice', () => {
  const path = 'src/shared/api/methodNames.ts'
  const text = renderMethodNames()
  if (process.env.KAOHE_UPDATE_DOCS === '1' || !existsSync(path)) writeFileSync(path, text)
  expect(readFileSync(path, 'utf8')).toBe(text)
})
