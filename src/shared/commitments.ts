import type { IsoDate } from './org'

/**
 * 《个人绩效承诺书》 (seed plan §四.1 目标制定, §四.2 动态调整; RULES.md §9 tier T1). A letter
 * lists the year's tasks with quantitative targets, deadlines and the goal each supports. The
 * person drafts and submits it; their direct supervisor approves or returns it; an approved letter
 * is publicly shown (公示) for the policy's P7 working days and is in force the day after. A
 * revision (动态调整) is requested by the person and decided by the leadership group; an approved
 * revision is a new version, in force at once, and the old one is superseded.
 */
export const COMMITMENT_STATES = ['draft', 'submitted', 'returned', 'approved', 'publicity', 'inForce', 'superseded'] as const
export type CommitmentState = (typeof COMMITMENT_STATES)[number]

export const REVISION_STATES = ['pending', 'approved', 'refused'] as const
export type RevisionState = (typeof REVISION_STATES)[number]

/** What a task says; `key` is stable across versions (T1, T2 …) and assigned when omitted. */
export interface CommitmentTaskInput {
  key?: string
  title: string
  /** The quantitative target (量化指标), e.g. 120 with unit 户. */
  target: number
  unit: string
  deadline: IsoDate
  /** The unit goal (单位年度目标) the task supports. */
  goal: string
}

export interface CommitmentTaskView {
  key: string
  title: string
  target: number
  unit: string
  deadline: IsoDate
  /** The deadline of the first approved version, when a revision changed it. */
  originalDeadline: IsoDate | null
  goal: string
  completedOn: IsoDate | null
  /** Withdrawn by an approved revision: never due. */
  withdrawn: boolean
}

export interface CommitmentLetterView {
  id: number
  personId: number
  personName: string
  staffNo: string
  year: number
  version: number
  /** As shown today: an approved letter is in `publicity` until its end date, then `inForce`. */
  state: CommitmentState
  tasks: CommitmentTaskView[]
  updatedAt: string
  submittedAt: string | null
  reviewedBy: string | null
  reviewedAt: string | null
  /** Why the supervisor returned it (kept after the person edits it again). */
  returnReason: string | null
  publicityStart: IsoDate | null
  publicityEnd: IsoDate | null
  /** Day 1 of the publicity (the first working day after approval): the period shown runs publicityFrom–publicityEnd. */
  publicityFrom: IsoDate | null
  publicityWorkingDays: number | null
  /** Why the end date may not be final: counted in a year without a holiday table, or no longer what the table in force gives. */
  publicityWarnings: { code: string; year: number; zh: string; en: string }[]
  effectiveOn: IsoDate | null
  /** For a version made by a revision: the approved request and its reason. */
  revisionId: number | null
  revisionReason: string | null
}

/** One change a revision request asks for. */
export type RevisionChange =
  | { op: 'revise'; taskKey: string; title?: string; target?: number; unit?: string; deadline?: IsoDate; goal?: string }
  | { op: 'withdraw'; taskKey: string }
  | { op: 'add'; title: string; target: number; unit: string; deadline: IsoDate; goal: string }

export interface RevisionRequestView {
  id: number
  letterId: number
  personId: number
  personName: string
  year: number
  /** The version the request revises. */
  version: number
  changes: RevisionChange[]
  reason: string
  state: RevisionState
  requestedAt: string
  requestedBy: string | null
  decidedAt: string | null
  decidedBy: string | null
  decisionReason: string | null
  /** The version the approval made. */
  newVersion: number | null
}

export interface CommitmentVersionInfo {
  version: number
  state: CommitmentState
  effectiveOn: IsoDate | null
  revisionReason: string | null
}

/** A person's letter for a year: the current version, every version, every revision request. */
export interface CommitmentRecord {
  personId: number
  year: number
  current: CommitmentLetterView | null
  versions: CommitmentVersionInfo[]
  revisions: RevisionRequestView[]
}

export interface CommitmentSummary {
  personId: number
  personName: string
  staffNo: string
  departmentName: string | null
  /** 岗位, for the printed letter (whoever prints it, staff included). */
  post?: string | null
  year: number
  /** Null: no letter yet. */
  version: number | null
  state: CommitmentState | null
  tasks: number
  pendingRevisionId: number | null
}
