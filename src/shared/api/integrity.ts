import { z } from 'zod'
import { method } from './method'
import { id, isoDate, year } from './schemas'
import type { SanctionEffect } from '../annual'

export const REVIEW_STATUSES = ['pending', 'completed'] as const
export const REVIEW_FINDINGS = ['none', 'minor', 'serious'] as const
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number]
export const LEAD_STATUSES = ['received', 'verifying', 'concluded'] as const
export type LeadStatus = (typeof LEAD_STATUSES)[number]
export const LEAD_CHANNELS = ['signedIn', 'kiosk', 'publicityObjection'] as const
export type LeadChannel = (typeof LEAD_CHANNELS)[number]

/** One person's special integrity review (专项考察); `details` only for the discipline office. */
export interface ReviewRow {
  personId: number
  staffNo: string
  name: string
  department: string | null
  riskPost: boolean
  status: 'none' | 'pending' | 'completed'
  finding: ReviewFinding | null
  minorCount: number
  /** T3: present only in the discipline office's list. */
  details?: string | null
  recordedAt: string | null
}

export interface SanctionRow {
  id: number
  personId: number
  staffNo: string
  name: string
  /** The sanction's or measure's name (诫勉, 记过…), as in the policy's table. */
  sanction: string
  effect: SanctionEffect | null
  decidedOn: string
  effectiveFrom: string
  effectiveTo: string | null
  documentNo: string
  details?: string | null
}

export interface InvestigationRow {
  id: number
  personId: number
  staffNo: string
  name: string
  openedOn: string
  closedOn: string | null
  details?: string | null
}

export interface SanctionsView {
  sanctions: SanctionRow[]
  investigations: InvestigationRow[]
  /** The policy's table: name → effect, for the form. */
  table: Record<string, SanctionEffect>
}

/** What grading needs and non-discipline readers may see: outcomes, names, whether a case is open. */
export interface IntegrityOutcomes {
  year: number
  reviews: ReviewRow[]
  sanctions: { personId: number; name: string; sanction: string; decidedOn: string; effect: SanctionEffect | null }[]
  underInvestigation: { personId: number; name: string }[]
}

export interface LeadView {
  id: number
  lodgedOn: string
  channel: LeadChannel
  /** null: anonymous. */
  reporter: string | null
  text: string
  namedPerson: { id: number; name: string; staffNo: string } | null
  status: LeadStatus
  conclusion: string | null
  updatedOn: string
}

export interface LeadLodged {
  id: number
  lodgedOn: string
}

const details = z.string().trim().max(8000).optional()

/**
 * The discipline office's special integrity review (专项考察), sanctions and organisational measures
 * (V4), investigations and whistle-blowing leads (举报线索), RULES.md §6 and §9 T3: the integrity
 * slice of the API contract. How to add a method: docs/architecture.md, “Adding an API method”.
 */
export const integrityMethods = {
  'integrity.reviews': method<ReviewRow[]>()({ input: z.object({ year }).strict(), permission: 'integrity.manage', kind: 'read' }),
  'integrity.recordReview': method<ReviewRow>()({
    input: z
      .object({
        year,
        personId: id,
        status: z.enum(REVIEW_STATUSES),
        finding: z.enum(REVIEW_FINDINGS).optional(),
        minorCount: z.number().int().min(0).max(99).optional(),
        details,
      })
      .strict(),
    permission: 'integrity.manage',
    kind: 'write',
  }),
  'integrity.outcomes': method<IntegrityOutcomes>()({ input: z.object({ year }).strict(), permission: 'integrity.outcomes', kind: 'read' }),
  'integrity.sanctions': method<SanctionsView>()({ input: z.object({ year: year.optional() }).strict(), permission: 'integrity.manage', kind: 'read' }),
  'integrity.addSanction': method<SanctionRow>()({
    input: z
      .object({
        personId: id,
        sanction: z.string().trim().min(1).max(40),
        decidedOn: isoDate,
        effectiveFrom: isoDate.optional(),
        effectiveTo: isoDate.optional(),
        documentNo: z.string().trim().max(80).optional(),
        details,
      })
      .strict(),
    permission: 'integrity.manage',
    kind: 'write',
  }),
  'integrity.endSanction': method<SanctionRow>()({
    input: z.object({ id, effectiveTo: isoDate }).strict(),
    permission: 'integrity.manage',
    kind: 'write',
  }),
  'integrity.openInvestigation': method<InvestigationRow>()({
    input: z.object({ personId: id, openedOn: isoDate, details }).strict(),
    permission: 'integrity.manage',
    kind: 'write',
  }),
  'integrity.closeInvestigation': method<InvestigationRow>()({
    input: z.object({ id, closedOn: isoDate }).strict(),
    permission: 'integrity.manage',
    kind: 'write',
  }),
  'leads.lodge': method<LeadLodged>()({
    input: z.object({ text: z.string().trim().min(1).max(8000), namedPersonId: id.optional(), anonymous: z.boolean().optional() }).strict(),
    permission: 'integrity.lodge',
    kind: 'write',
  }),
  'leads.lodgeAtKiosk': method<LeadLodged>()({
    input: z.object({ text: z.string().trim().min(1).max(8000), namedPersonId: id.optional() }).strict(),
    permission: 'integrity.lodge',
    kind: 'write',
    kioskAllowed: true,
  }),
  'leads.list': method<LeadView[]>()({ input: z.object({ status: z.enum(LEAD_STATUSES).optional() }).strict(), permission: 'integrity.manage', kind: 'read' }),
  'leads.update': method<LeadView>()({
    input: z.object({ id, status: z.enum(LEAD_STATUSES), conclusion: z.string().trim().min(1).max(8000).optional() }).strict(),
    permission: 'integrity.manage',
    kind: 'write',
  }),
}
