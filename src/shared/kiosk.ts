import type { SurveyLevelPoints } from './guideline/model'

/**
 * 现场评价 (kiosk survey): a locked screen at the service hall where a service recipient picks the
 * official they dealt with and rates them. Only what the recipient needs to pick someone crosses:
 * names, posts and departments of officials in post (T0). Who rated is never stored.
 */

/** The five 好差评 levels, best first (RULES.md §4 `survey`). */
export const KIOSK_LEVELS = ['verySatisfied', 'satisfied', 'fairlySatisfied', 'dissatisfied', 'veryDissatisfied'] as const satisfies readonly (keyof SurveyLevelPoints)[]
export type KioskLevel = (typeof KIOSK_LEVELS)[number]

/** The survey channels (as the import knows them); a kiosk response is 'onsite' unless told. */
export const KIOSK_CHANNELS = ['onsite', 'online', 'phone', 'sms', 'other'] as const

export interface KioskDepartment {
  id: number
  name: string
}

export interface KioskOfficial {
  personId: number
  name: string
  post: string
  departmentId: number | null
}

export interface KioskOfficials {
  /** Set when kiosk mode was started for one department only. */
  departmentId: number | null
  departments: KioskDepartment[]
  officials: KioskOfficial[]
}

export interface KioskStarted {
  departmentId: number | null
  startedAt: string
}

/** 服务评价 of one official in a year, as HR sees it (survey.summary). */
export interface SurveyOfficialSummary {
  personId: number
  staffNo: string
  name: string
  department: string | null
  year: number
  responses: number
  levels: Record<KioskLevel, number>
  /** Of the responses, those given at the kiosk. */
  fromKiosk: number
  /** Kiosk responses that came too soon after another of the same official in one session (policy kiosk.burstSeconds). */
  burstFlagged: number
}
