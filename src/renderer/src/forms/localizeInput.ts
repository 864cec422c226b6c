import type { z } from 'zod'
import { contract, type MethodName } from '@shared/api/contract'

/**
 * The zod issues of `input` for `method`, found again in the renderer with the contract's own
 * schema, so INVALID_INPUT can be worded in the UI language (main's issues carry zod's English
 * text). Loaded only when main answers INVALID_INPUT: the contract and zod stay out of the
 * sign-in bundle. Null when the input passes here (a check only main makes).
 */
export function inputIssues(method: MethodName, input: unknown): z.core.$ZodIssue[] | null {
  const def = (contract as Record<string, { input: z.ZodType } | undefined>)[method]
  if (!def) return null
  const r = def.input.safeParse(input ?? {})
  return r.success ? null : r.error.issues
}
