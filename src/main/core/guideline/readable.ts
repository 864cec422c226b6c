import { toHundredths } from './hundredths'

/**
 * Read access to the parts of a guideline the schema found sound, for checking the policy
 * constraints of a guideline that is not entirely well-formed (RULES.md §2: every violated
 * constraint is returned, not only the format errors).
 *
 * A value is readable when no schema problem sits at its path or above it (a missing dimension
 * blocks its weight; a bad weight blocks only itself; an unknown field blocks only itself), and when
 * it has the expected type. A check that needs a value that is not readable is skipped: it cannot be
 * evaluated, and guessing would report a breach that is not there.
 */
export class Unreadable extends Error {
  constructor(readonly path: string) {
    super(`unreadable: ${path}`)
    this.name = 'Unreadable'
  }
}

export interface GuidelineReader {
  /** A 0–100 number with at most two decimals, in integer hundredths. */
  hundredths(path: string): number
  /** A non-negative whole number, in integer hundredths (a day count). */
  count(path: string): number
  text(path: string): string
  /** Length of an array. */
  length(path: string): number
  /** Whether a value is present at the path; an optional part with a problem is still unreadable. */
  present(path: string): boolean
}

const covers = (problem: string, path: string) => problem === '' || path === problem || path.startsWith(`${problem}.`)

/**
 * A reader over `root`, where `problems` are the dotted paths of the schema violations found in it
 * (empty for a parsed guideline). For an indicator (an element of a discriminated union), a
 * problem at its `source` means none of its fields were checked, so it blocks them all.
 */
export function guidelineReader(root: unknown, problems: readonly string[]): GuidelineReader {
  const blocked = problems.map((p) => p.replace(/^(.*\.indicators\.\d+)\.source$/, '$1'))
  const get = (path: string): unknown => {
    if (blocked.some((p) => covers(p, path))) throw new Unreadable(path)
    let node: unknown = root
    for (const seg of path.split('.')) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, seg)) throw new Unreadable(path)
      node = (node as Record<string, unknown>)[seg]
    }
    return node
  }
  const hundredths = (path: string): number => {
    const v = get(path)
    const h = typeof v === 'number' ? toHundredths(v) : null
    if (h === null || h < 0 || h > 10_000) throw new Unreadable(path)
    return h
  }
  return {
    hundredths,
    count(path) {
      const v = get(path)
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Unreadable(path)
      return v * 100
    },
    text(path) {
      const v = get(path)
      if (typeof v !== 'string') throw new Unreadable(path)
      return v
    },
    length(path) {
      const v = get(path)
      if (!Array.isArray(v)) throw new Unreadable(path)
      return v.length
    },
    present(path) {
      if (blocked.some((p) => covers(p, path))) throw new Unreadable(path)
      const parent = path.split('.').slice(0, -1).join('.')
      const node = parent === '' ? root : get(parent)
      const key = path.split('.').at(-1) ?? ''
      return typeof node === 'object' && node !== null && Object.hasOwn(node, key) && (node as Record<string, unknown>)[key] !== undefined
    },
  }
}
