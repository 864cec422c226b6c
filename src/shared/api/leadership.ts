import { z } from 'zod'
import { method } from './method'
import { fileContent, id, year } from './schemas'
import type { Dimension } from '../guideline/model'
import type { RosterIssue as ImportIssue } from './types'

/** A 0–100 score with at most two decimals (scores are kept in hundredths). */
const score = z
  .number()
  .min(0)
  .max(100)
  .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, 'at most two decimals')

export type RecusalReason = 'self' | 'relative'
export type SheetStatus = 'none' | 'draft' | 'submitted'

/** One person on a member's list of sheets (考核评分表). */
export interface SheetListRow {
  personId: number
  staffNo: string
  name: string
  department: string | null
  riskPost: boolean
  status: SheetStatus
  /** Set when the member does not rate this person: themself or a declared close relative. */
  recused: RecusalReason | null
}

export interface MySheets {
  year: number
  raterId: number
  raterName: string
  people: SheetListRow[]
  /** Sheets submitted, of those the member has to fill (recusals left out). */
  submitted: number
  total: number
}

export interface RatedIndicatorView {
  id: string
  name: string
  dimension: Dimension
  weight: number
  /** What the guideline says the sheet shows beside it. */
  evidenceHint: string
  /** This member's score, null while unscored. */
  score: number | null
}

/** One metric indicator as the evidence panel shows it: the score with N/A, and what it is made of. */
export interface MetricEvidenceView {
  id: string
  name: string
  dimension: Dimension
  source: 'metric' | 'survey' | 'review'
  /** null: N/A (or, for the review, outcome only elsewhere). */
  score: number | null
  flags: string[]
  /** The inputs in words, e.g. 迟到 2 次、旷工 0 天. */
  inputs: { zh: string; en: string }
}

export interface SheetEvidence {
  metrics: MetricEvidenceView[]
  /** The four quarterly scores of the year (null where none). */
  quarterly: { quarter: 1 | 2 | 3 | 4; score: number | null; grade: string | null }[]
  /** Ledger highlights: outstanding, emergency, volunteer, mistakes, shirking, complaints. */
  ledger: { day: string; kind: string; text: string }[]
  /** The commitment letter's tasks with deadline and completion. */
  tasks: { title: string; deadline: string | null; completedOn: string | null }[]
  /** The year's 小结, one per quarter submitted. */
  summaries: { quarter: 1 | 2 | 3 | 4; text: string }[]
}

export interface SheetView {
  year: number
  person: { id: number; staffNo: string; name: string; department: string | null; category: string; post: string; riskPost: boolean }
  status: SheetStatus
  recused: RecusalReason | null
  submittedAt: string | null
  indicators: RatedIndicatorView[]
  evidence: SheetEvidence
}

export interface LeadershipProgress {
  year: number
  members: { raterId: number; name: string; submitted: number; total: number }[]
  recusals: { raterId: number; raterName: string; personId: number; personName: string; reason: RecusalReason }[]
}

export interface CloseRelativeView {
  id: number
  personA: { id: number; name: string; staffNo: string }
  personB: { id: number; name: string; staffNo: string }
  relation: string
}

export interface ScoreImportPreview {
  fileName: string
  rows: number
  /** Sheets the import would write (one per rater × person). */
  sheets: number
  errors: ImportIssue[]
  warnings: ImportIssue[]
}

export interface ScoreImportResult {
  sheets: number
}

/**
 * The leadership group's evaluation sheets (考核评分表, RULES.md §6 `leadership`): the leadership
 * slice of the API contract. How to add a method: docs/architecture.md, “Adding an API method”.
 */
export const leadershipMethods = {
  'leadership.mySheets': method<MySheets>()({ input: z.object({ year }).strict(), permission: 'leadership.rate', kind: 'read' }),
  'leadership.sheet': method<SheetView>()({ input: z.object({ year, personId: id }).strict(), permission: 'leadership.rate', kind: 'read' }),
  'leadership.saveSheet': method<SheetView>()({
    input: z.object({ year, personId: id, scores: z.record(z.string().min(1).max(64), score), submit: z.boolean().optional() }).strict(),
    permission: 'leadership.rate',
    kind: 'write',
  }),
  'leadership.progress': method<LeadershipProgress>()({ input: z.object({ year }).strict(), permission: 'leadership.progress', kind: 'read' }),
  'leadership.open': method<LeadershipProgress>()({ input: z.object({ year }).strict(), permission: 'leadership.manage', kind: 'write' }),
  'leadership.relatives': method<CloseRelativeView[]>()({ input: z.object({}).strict(), permission: 'leadership.manage', kind: 'read' }),
  'leadership.declareRelative': method<CloseRelativeView[]>()({
    input: z.object({ personA: id, personB: id, relation: z.string().trim().min(1).max(40) }).strict(),
    permission: 'leadership.manage',
    kind: 'write',
  }),
  'leadership.removeRelative': method<CloseRelativeView[]>()({ input: z.object({ id }).strict(), permission: 'leadership.manage', kind: 'write' }),
  'leadership.previewScores': method<ScoreImportPreview>()({
    input: z.object({ year, file: fileContent }).strict(),
    permission: 'leadership.manage',
    kind: 'read',
  }),
  'leadership.importScores': method<ScoreImportResult>()({
    input: z.object({ year, file: fileContent }).strict(),
    permission: 'leadership.manage',
    kind: 'write',
  }),
}
