import { z } from 'zod'
import type * as A from '../archive'
import { method } from './method'
import { id, year } from './schemas'

/**
 * The growth archive (《公务员个人成长档案》) and training suggestions (RULES.md §8): a person's years,
 * needs and follow-ups, its A4 PDF, and the editable suggestion table. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const archiveMethods = {
  'archive.people': method<A.ArchivePerson[]>()({
    input: z.object({}).strict(),
    permission: 'archive.read',
    kind: 'read',
    subject: { scope: 'list' },
  }),
  'archive.show': method<A.ArchiveView>()({
    input: z.object({ personId: id }).strict(),
    permission: 'archive.read',
    kind: 'read',
    subject: 'personId',
  }),
  'archive.print': method<{ fileName: string; contentBase64: string }>()({
    input: z.object({ personId: id }).strict(),
    permission: 'archive.read',
    kind: 'read',
    subject: 'personId',
  }),
  'archive.suggestions': method<A.TrainingSuggestion[]>()({
    input: z.object({ year: year.optional() }).strict(),
    permission: 'archive.suggestions',
    kind: 'read',
  }),
  'archive.setSuggestion': method<A.TrainingSuggestion[]>()({
    input: z
      .object({
        key: z.string().trim().min(1).max(64),
        suggestion: z.string().trim().min(1, { message: '培训建议不能为空 / the suggestion cannot be empty' }).max(500),
      })
      .strict(),
    permission: 'archive.suggestions',
    kind: 'write',
  }),
}
