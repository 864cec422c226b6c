import { expect, it } from 'vitest'
import { METHOD_NAMES } from '../../src/shared/api/methodNames'
import { zh } from '../../src/renderer/src/i18n/zh'
import { en } from '../../src/renderer/src/i18n/en'

/** The audit viewer names each call by its method's label (`methods.<method>`): one per method, in both languages. */
const paths = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : paths(v as object, `${prefix}${k}.`)))

it.each([
  ['zh', zh.methods],
  ['en', en.methods],
] as const)('%s labels every method of the slices, and labels nothing else as a method', (_lang, methods) => {
  const labels = paths(methods)
  expect(METHOD_NAMES.filter((m) => !labels.includes(m)), 'methods without a label').toEqual([])
  expect(labels.filter((l) => !(METHOD_NAMES as readonly string[]).includes(l)), 'labels of no method').toEqual([])
})
