import { expect, test } from 'vitest'
import { PACKAGE_CHECKS } from '../../../../src/shared/bundles'
import { openPackage } from '../../../../src/main/core/bundles/format/open'
import { contextFor, fuzzCases, world } from '../../../support/packageFuzz'

test('~2000 random mutations at the age and zip layers are all refused, none throws', async () => {
  const w = world()
  const cases = await fuzzCases(w, 2000, 20261202)
  expect(cases.length).toBeGreaterThan(1900)
  const ctx = contextFor(w, w.superior)
  const failedAt = new Set<string>()
  for (const c of cases) {
    const out = await openPackage(c.file, ctx) // a throw fails the test
    if (out.ok) throw new Error(`a mutated package was accepted: ${c.label}`)
    expect(PACKAGE_CHECKS).toContain(out.failed.check)
    failedAt.add(out.failed.check)
  }
  // The zip-layer mutations reach past decryption.
  expect(failedAt).toContain('decrypt')
  expect(failedAt).toContain('zip')
}, 120_000)
