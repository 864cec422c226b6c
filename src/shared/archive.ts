import type { IsoDate } from './org'
import type { Channel, Dimension, Label } from './guideline/model'

/**
 * Words of the growth archive (《公务员个人成长档案》, RULES.md §8): a person's every year — grade,
 * T, channel scores, the dimension profile — with the feedback forms, appeals, follow-ups, training
 * needs and enrolments, and the flags the results give. Pure data for main and the renderer alike.
 */

/** A training need (培训需求): a dimension or indicator far below the unit's mean, or below the floor. */
export interface TrainingNeed {
  personId: number
  year: number
  /** The dimension (de neng qin ji lian) or indicator id. */
  key: string
  label: Label
  score: number
  unitMean: number
  /** belowFloor when under the policy's floor (it wins when both apply), else belowMean. */
  reason: 'belowMean' | 'belowFloor'
  suggestion: string
}

/** One row of the editable suggestion table. */
export interface TrainingSuggestion {
  key: string
  kind: 'dimension' | 'indicator'
  label: Label
  suggestion: string
  updatedAt: string | null
  updatedBy: string | null
}

export interface ArchiveYear {
  year: number
  /** kaohe: a final round of this system; prior: a grade recorded for a year before Kaohe. */
  source: 'kaohe' | 'prior'
  grade: string
  T: number | null
  rank: number | null
  channels: Record<Channel, number | null> | null
  /** Per dimension: the sheet's and the ballots' score and the score the training-need rule reads. */
  dimensions: { dimension: Dimension; leadership: number | null; democratic: number | null; score: number | null }[]
}

export interface ArchiveForm {
  id: number
  year: number
  version: number
  status: 'draft' | 'interviewerSigned' | 'sealed' | 'refused' | 'voided'
  grade: string
  verificationCode: string | null
  deliveredOn: IsoDate | null
}

export interface ArchiveAppeal {
  id: number
  year: number
  route: 'internal' | 'review' | 'statutory'
  filedOn: IsoDate
  dueOn: IsoDate
  status: 'pending' | 'upheld' | 'refused' | 'withdrawn'
  answeredOn: IsoDate | null
  gradeBefore: string
  gradeAfter: string | null
}

export interface ArchiveFollowUp {
  id: number
  year: number
  kind: string
  label: Label
  ownerName: string | null
  dueOn: IsoDate
  doneOn: IsoDate | null
  note: string | null
}

export interface ArchiveEnrolment {
  id: number
  year: number
  need: string
  suggestion: string
  status: 'planned' | 'attended' | 'cancelled'
  sessionTitle: string | null
}

export interface ArchiveFlags {
  year: number
  merit: boolean
  dismissal: boolean
  ineligibleNextYear: boolean
  talentPool: boolean
}

export interface ArchivePerson {
  personId: number
  staffNo: string
  name: string
  department: string | null
  post: string
}

export interface ArchiveView {
  person: ArchivePerson
  years: ArchiveYear[]
  needs: TrainingNeed[]
  forms: ArchiveForm[]
  appeals: ArchiveAppeal[]
  followups: ArchiveFollowUp[]
  enrolments: ArchiveEnrolment[]
  flags: ArchiveFlags[]
}
