import { z } from 'zod'
import { method } from './method'
import { id, year } from './schemas'
import { HR_PARTS, OWN_PARTS, REGISTER_PART_LABELS, REGISTER_TEXT_MAX, type RegisterPart } from '../register'
import type * as R from '../register'

const SUGGESTED = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const

/** A part's text, no longer than the part allows (the message names the part and its limit). */
function partText<P extends RegisterPart>(part: P) {
  const max = REGISTER_TEXT_MAX[part]
  const l = REGISTER_PART_LABELS[part]
  return z.string().max(max, `“${l.zh}”最多 ${max} 字 / "${l.en}" takes at most ${max} characters`)
}

/** The person's or HR's parts: which part, and its text within that part's limit. */
function partsInput(parts: readonly RegisterPart[]) {
  return z
    .object({ year, personId: id, part: z.enum(parts as [RegisterPart, ...RegisterPart[]]), text: z.string().max(REGISTER_TEXT_MAX.summary), submit: z.boolean().default(false) })
    .strict()
    .superRefine((v, ctx) => {
      const max = REGISTER_TEXT_MAX[v.part]
      if ([...v.text.trim()].length > max) {
        const l = REGISTER_PART_LABELS[v.part]
        ctx.addIssue({ code: 'custom', path: ['text'], message: `“${l.zh}”最多 ${max} 字 / "${l.en}" takes at most ${max} characters` })
      }
    })
}

/**
 * 《公务员年度考核登记表》 (issue 10, item 1b): each part written by its role — the person, their
 * supervisor, the head of the office, the leadership group or HR — as a draft, then submitted; the
 * printed A4 form for one person or the whole roster. How to add a method: docs/architecture.md,
 * “Adding an API method”.
 */
export const registerMethods = {
  'register.get': method<R.RegisterFormView>()({
    input: z.object({ year, personId: id }).strict(),
    permission: 'register.read',
    kind: 'read',
    subject: 'personId',
  }),
  /** The signed-in person's own form of the year (null for an account without a person). */
  'register.mine': method<R.RegisterFormView | null>()({
    input: z.object({ year }).strict(),
    permission: 'self',
    kind: 'read',
  }),
  'register.list': method<R.RegisterList>()({
    input: z.object({ year }).strict(),
    permission: 'register.read',
    kind: 'read',
    subject: { scope: 'list' },
  }),
  'register.saveOwn': method<R.RegisterPartView>()({
    input: partsInput(OWN_PARTS),
    permission: 'register.own',
    kind: 'write',
    subject: 'personId',
  }),
  'register.saveSupervisor': method<R.RegisterPartView>()({
    input: z.object({ year, personId: id, text: partText('supervisor'), suggestedGrade: z.enum(SUGGESTED).optional(), submit: z.boolean().default(false) }).strict(),
    permission: 'register.supervise',
    kind: 'write',
    subject: 'personId',
  }),
  'register.saveHead': method<R.RegisterPartView>()({
    input: z.object({ year, personId: id, text: partText('head'), submit: z.boolean().default(false) }).strict(),
    permission: 'register.head',
    kind: 'write',
  }),
  'register.saveCommittee': method<R.RegisterPartView>()({
    input: z.object({ year, personId: id, text: partText('committee'), submit: z.boolean().default(false) }).strict(),
    permission: 'register.committee',
    kind: 'write',
  }),
  'register.saveHr': method<R.RegisterPartView>()({
    input: partsInput(HR_PARTS),
    permission: 'register.manage',
    kind: 'write',
  }),
  'register.print': method<R.RegisterPrinted>()({
    input: z.object({ year, personId: id }).strict(),
    permission: 'register.read',
    kind: 'read',
    subject: 'personId',
  }),
  'register.printAll': method<R.RegisterPrinted>()({
    input: z.object({ year }).strict(),
    permission: 'register.manage',
    kind: 'read',
  }),
} as const
