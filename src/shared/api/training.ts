import { z } from 'zod'
import type * as T from '../training'
import { TRAINING_KINDS } from '../training'
import { method } from './method'
import { id, isoDate, year } from './schemas'

const staffNo = z.string().trim().min(1).max(40)
const optionalText = z.string().trim().max(100).optional()

/**
 * Training and coaching (培训辅导, plan §六(四), issue 10): the year's assessor training and staff
 * workshops as sessions with attendance, the raters who have not attended the assessor training,
 * the reminder on rating screens, and enrolments made from the archive's training needs. How to add
 * a method: docs/architecture.md, “Adding an API method”.
 */
export const trainingMethods = {
  'training.sessions': method<T.TrainingSessionView[]>()({
    input: z.object({ year }).strict(),
    permission: 'training.read',
    kind: 'read',
  }),
  'training.addSession': method<T.TrainingSessionView>()({
    input: z
      .object({
        year,
        kind: z.enum(TRAINING_KINDS),
        title: z.string().trim().min(1).max(100),
        heldOn: isoDate,
        hours: z.number().positive().max(24),
        trainer: optionalText,
        location: optionalText,
      })
      .strict(),
    permission: 'training.manage',
    kind: 'write',
  }),
  'training.attend': method<T.AttendanceResult>()({
    input: z
      .object({ sessionId: id, personIds: z.array(id).max(5000).optional(), staffNos: z.array(staffNo).max(5000).optional() })
      .strict()
      .refine((a) => (a.personIds?.length ?? 0) + (a.staffNos?.length ?? 0) > 0, { message: '请给出出席人员（人员或工号） / give the attendees (people or staff numbers)', path: ['staffNos'] }),
    permission: 'training.manage',
    kind: 'write',
  }),
  'training.report': method<T.TrainingReport>()({
    input: z.object({ year }).strict(),
    permission: 'training.read',
    kind: 'read',
  }),
  'training.myReminder': method<T.AssessorReminder>()({
    input: z.object({ year: year.optional() }).strict(),
    permission: 'self',
    kind: 'read',
  }),
  'training.needs': method<T.NeedRow[]>()({
    input: z.object({ year }).strict(),
    permission: 'training.manage',
    kind: 'read',
  }),
  'training.enrolments': method<T.EnrolmentView[]>()({
    input: z.object({ year }).strict(),
    permission: 'training.read',
    kind: 'read',
  }),
  'training.enrol': method<T.EnrolmentView>()({
    input: z.object({ year, personId: id, key: z.string().trim().min(1).max(100), sessionId: id.optional() }).strict(),
    permission: 'training.manage',
    kind: 'write',
  }),
  'training.linkEnrolment': method<T.EnrolmentView>()({
    input: z.object({ id, sessionId: id }).strict(),
    permission: 'training.manage',
    kind: 'write',
  }),
  'training.cancelEnrolment': method<T.EnrolmentView>()({
    input: z.object({ id, reason: z.string().trim().min(1).max(2000) }).strict(),
    permission: 'training.manage',
    kind: 'write',
  }),
} as const
