import { z } from 'zod'
import { method } from './method'
import { none, id, isoDate, fileContent } from './schemas'
import type * as T from './types'
import { POST_CATEGORIES } from '../guideline/model'
import { EMPLOYMENT_STATUSES } from '../org'

/**
 * Organisation, people and roster (组织与人员): the org slice of the API contract. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const orgMethods = {
  'org.departments.list': method<T.Department[]>()({ input: none, permission: 'org.read', kind: 'read' }),
  'org.departments.save': method<T.Department>()({
    input: z
      .object({ id: id.optional(), name: z.string().trim().min(1).max(40), code: z.string().trim().min(1).max(16), sortOrder: z.number().int().min(0).max(9999).default(0) })
      .strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.people.list': method<T.PersonSummary[]>()({
    input: z
      .object({ departmentId: id.optional(), search: z.string().trim().max(40).optional(), includeGone: z.boolean().default(false), asOf: isoDate.optional() })
      .strict(),
    permission: 'org.read',
    kind: 'read',
  }),
  'org.people.get': method<T.PersonDetail>()({ input: z.object({ id }).strict(), permission: 'org.read', kind: 'read' }),
  'org.people.save': method<T.PersonDetail>()({
    input: z
      .object({
        id: id.optional(),
        staffNo: z.string().trim().min(1).max(20),
        name: z.string().trim().min(1).max(40),
        departmentId: id.nullable(),
        post: z.string().trim().max(40).default(''),
        category: z.enum(POST_CATEGORIES),
        rank: z.string().trim().max(40).default(''),
        supervisorId: id.nullable(),
        riskPost: z.boolean(),
        status: z.enum(EMPLOYMENT_STATUSES),
        joinedOn: isoDate.nullable(),
        leftOn: isoDate.nullable(),
        /** The change takes effect on this day (history keeps who was where on which date). */
        effectiveOn: isoDate,
        /** For the 《公务员年度考核登记表》; left out, the fields stay as they are. */
        personal: z
          .object({
            gender: z.enum(['男', '女']).nullable(),
            birthMonth: z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, '出生年月：年-月，如 1988-07 / born: year-month, e.g. 1988-07').nullable(),
            politicalStatus: z.string().trim().min(1).max(20).nullable(),
            postSince: z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, '任现职时间：年-月，如 2021-03 / in post since: year-month, e.g. 2021-03').nullable(),
          })
          .partial()
          .strict()
          .optional(),
      })
      .strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.people.linkAccount': method<T.PersonSummary>()({
    input: z.object({ personId: id, userId: id.nullable() }).strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.accounts.list': method<T.AccountRef[]>()({ input: none, permission: 'org.manage', kind: 'read' }),
  'org.leadership.get': method<T.LeadershipInfo>()({ input: none, permission: 'org.read', kind: 'read' }),
  'org.leadership.set': method<T.LeadershipInfo>()({
    input: z
      .object({ headId: id.nullable(), memberIds: z.array(id).max(50), disciplineIds: z.array(id).max(50), effectiveOn: isoDate })
      .strict(),
    permission: 'org.manage',
    kind: 'write',
  }),
  'org.roster.template': method<T.FileContent>()({
    input: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(),
    permission: 'org.manage',
    kind: 'read',
  }),
  'org.roster.preview': method<T.RosterPreview>()({ input: fileContent, permission: 'org.manage', kind: 'read' }),
  'org.roster.import': method<T.RosterImportResult>()({ input: fileContent, permission: 'org.manage', kind: 'write' }),
}
