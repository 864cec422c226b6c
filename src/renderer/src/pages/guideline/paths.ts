import type { Violation } from '@shared/guideline/violation'

/** A JSON-like tree the editor changes by dotted path (`categories.general.dimensions.ji.weight`). */
type Tree = Record<string, unknown> | unknown[]

function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null
}

export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root
  for (const seg of path.split('.')) {
    if (!isTree(node)) return undefined
    node = (node as Record<string, unknown>)[seg]
  }
  return node
}

/** A copy of `root` with `value` at `path`; only the nodes along the path are copied. */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const segs = path.split('.')
  const go = (node: unknown, i: number): unknown => {
    const seg = segs[i] as string
    if (i === segs.length) return value
    if (Array.isArray(node)) {
      const copy = [...node]
      copy[Number(seg)] = go(node[Number(seg)], i + 1)
      return copy
    }
    const obj = isTree(node) ? (node as Record<string, unknown>) : {}
    return { ...obj, [seg]: go(obj[seg], i + 1) }
  }
  return go(root, 0) as T
}

/** A copy of `root` without the key at `path`. */
export function removeAt<T>(root: T, path: string): T {
  const segs = path.split('.')
  const last = segs.pop() as string
  const parentPath = segs.join('.')
  const parent = parentPath ? getAt(root, parentPath) : root
  if (!isTree(parent) || Array.isArray(parent)) return root
  const { [last]: _removed, ...rest } = parent as Record<string, unknown>
  return parentPath ? setAt(root, parentPath, rest) : (rest as T)
}

/** Violations by the path they point at. */
export function violationsByPath(violations: readonly Violation[]): Map<string, Violation[]> {
  const map = new Map<string, Violation[]>()
  for (const v of violations) {
    const list = map.get(v.path)
    if (list) list.push(v)
    else map.set(v.path, [v])
  }
  return map
}

/** How many violations sit at or under `prefix` (a tab's part of the guideline). */
export function countUnder(violations: readonly Violation[], prefix: string): number {
  return violations.filter((v) => v.path === prefix || v.path.startsWith(`${prefix}.`)).length
}

/** Sum of weights in integer hundredths (no float drift: 33.33 + 33.33 + 33.34 = 100). */
export function sumHundredths(values: readonly unknown[]): number {
  return values.reduce<number>((s, v) => s + (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : 0), 0)
}
