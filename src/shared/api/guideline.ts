import { z } from 'zod'
import { method } from './method'
import { year } from './schemas'
import type * as T from './types'
import type { AnnualGuideline } from '../guideline/model'
import type { Violation } from '../guideline/violation'

/**
 * The annual guideline (考核指引): the guideline slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const guidelineMethods = {
  'guideline.get': method<T.GuidelineView>()({ input: z.object({ year }).strict(), permission: 'guideline.read', kind: 'read' }),
  'guideline.version': method<T.GuidelineVersionInfo & { guideline: AnnualGuideline }>()({
    input: z.object({ year, version: z.number().int().positive() }).strict(),
    permission: 'guideline.read',
    kind: 'read',
  }),
  'guideline.validate': method<Violation[]>()({
    input: z.object({ guideline: z.unknown() }).strict(),
    permission: 'guideline.draft',
    kind: 'read',
  }),
  'guideline.saveDraft': method<T.GuidelineView>()({
    input: z.object({ year, guideline: z.unknown().optional(), reason: z.string().trim().max(500).optional() }).strict(),
    permission: 'guideline.edit',
    kind: 'write',
  }),
  'guideline.startRevision': method<T.GuidelineView>()({
    input: z.object({ year, reason: z.string().trim().min(2).max(500) }).strict(),
    permission: 'guideline.edit',
    kind: 'write',
  }),
  'guideline.discardDraft': method<T.GuidelineView>()({ input: z.object({ year }).strict(), permission: 'guideline.edit', kind: 'write' }),
  'guideline.publish': method<T.GuidelineView>()({ input: z.object({ year }).strict(), permission: 'guideline.publish', kind: 'write' }),
}
