import type { z } from 'zod'
import type { FormErrors } from '@mantine/form'
import type { Lang } from '@shared/errors'
import { issuePath, issueText } from './issues'

/**
 * A @mantine/form `validate` function from a zod schema — the contract's own (`contract['x.y'].input`
 * or one field of it, `….shape.reason`), so a form checks exactly the limits main checks, in the
 * UI language, without re-typing them.
 *
 * - `toInput` turns the form's values into what the schema parses (the method's input, or the one
 *   field's value).
 * - `fields` renames schema paths to form fields where they differ (the key '' is the schema itself,
 *   for a one-field schema); a path mapped to '' is dropped (a field the form does not show).
 * - Only the first issue of each field is kept, worded by forms/issues in the UI language.
 */
export function zodValidate<V>(
  schema: z.ZodType,
  lang: Lang | (() => Lang),
  toInput: (values: V) => unknown,
  fields: Record<string, string> = {},
): (values: V) => FormErrors {
  return (values) => {
    const result = schema.safeParse(toInput(values))
    if (result.success) return {}
    const errors: FormErrors = {}
    const language = typeof lang === 'function' ? lang() : lang
    for (const issue of result.error.issues) {
      const path = issuePath(issue)
      const field = Object.hasOwn(fields, path) ? fields[path] : path
      if (!field || field in errors) continue
      errors[field] = issueText(issue, language)
    }
    return errors
  }
}

/** The schema a slice declares for one method, narrowed to one field of its object input. */
export function fieldOf(schema: z.ZodType, key: string): z.ZodType {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape
  const field = shape?.[key]
  if (!field) throw new Error(`the schema has no field ${key}`)
  return field
}

/**
 * The bounds a schema declares, for an input's props (`maxLength`, `min`, `max`) so they are the
 * schema's and not re-typed: string lengths or number values, through optional/nullable/default.
 */
export function limitsOf(schema: z.ZodType): { minLength?: number; maxLength?: number; min?: number; max?: number } {
  let s = schema as unknown as {
    unwrap?: () => unknown
    minLength?: number | null
    maxLength?: number | null
    minValue?: number | null
    maxValue?: number | null
    def?: { type?: string }
  }
  const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly'])
  while (typeof s.unwrap === 'function' && wrappers.has(s.def?.type ?? '')) s = s.unwrap() as typeof s
  const out: { minLength?: number; maxLength?: number; min?: number; max?: number } = {}
  if (typeof s.minLength === 'number') out.minLength = s.minLength
  if (typeof s.maxLength === 'number') out.maxLength = s.maxLength
  if (typeof s.minValue === 'number' && Number.isFinite(s.minValue)) out.min = s.minValue
  if (typeof s.maxValue === 'number' && Number.isFinite(s.maxValue)) out.max = s.maxValue
  return out
}

/**
 * An array schema's items and how many it takes (`z.array(task).max(50)`): the element, for
 * fieldOf and limitsOf on its fields, and the bounds, for a list's add button. Through
 * optional/nullable/default like limitsOf.
 */
export function itemsOf(schema: z.ZodType): { element: z.ZodType; minItems?: number; maxItems?: number } {
  let s = schema as unknown as { unwrap?: () => unknown; element?: z.ZodType; def?: { type?: string; checks?: { _zod: { def: { check?: string; minimum?: number; maximum?: number } } }[] } }
  const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly'])
  while (typeof s.unwrap === 'function' && wrappers.has(s.def?.type ?? '')) s = s.unwrap() as typeof s
  if (s.def?.type !== 'array' || !s.element) throw new Error('the schema is not an array')
  const out: { element: z.ZodType; minItems?: number; maxItems?: number } = { element: s.element }
  for (const c of s.def.checks ?? []) {
    const d = c._zod.def
    if (d.check === 'min_length' && typeof d.minimum === 'number') out.minItems = d.minimum
    if (d.check === 'max_length' && typeof d.maximum === 'number') out.maxItems = d.maximum
  }
  return out
}
