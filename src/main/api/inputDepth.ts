/**
 * How deeply an input may nest before the router refuses it, ahead of its schema. The deepest
 * real input (a guideline: categories → dimensions → indicators → level points) is under 10
 * levels; JSON nested thousands deep only exhausts the stack of the recursive code after it.
 */
export const MAX_INPUT_DEPTH = 64

/**
 * Whether `value` nests arrays or objects more than `max` levels deep. Iterative, so the check
 * itself cannot overflow the stack on the inputs it exists to refuse.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth >= max) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return false
}
