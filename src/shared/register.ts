import type { Label } from './guideline/model'
import type { AnnualStage } from './annual'

/**
 * 《公务员年度考核登记表》: the official annual assessment register form that goes into each person's
 * personnel file (人事档案). Its parts, who fills each, and the views the API returns.
 */
export const REGISTER_PARTS = ['duties', 'summary', 'training', 'supervisor', 'head', 'committee', 'opinion', 'undetermined'] as const
export type RegisterPart = (typeof REGISTER_PARTS)[number]

/** The parts the person writes (self), HR writes, and the roles of the others. */
export const OWN_PARTS = ['duties', 'summary', 'training', 'opinion'] as const
export const HR_PARTS = ['duties', 'training', 'undetermined'] as const
export type OwnPart = (typeof OWN_PARTS)[number]
export type HrPart = (typeof HR_PARTS)[number]

export const REGISTER_PART_LABELS: Record<RegisterPart, Label & { by: Label }> = {
  duties: { zh: '从事或分管工作', en: 'Work done or overseen', by: { zh: '本人或人事科', en: 'the person or HR' } },
  summary: { zh: '个人总结', en: 'Personal summary', by: { zh: '本人', en: 'the person' } },
  training: { zh: '参加脱产培训情况', en: 'Full-time training attended', by: { zh: '本人或人事科', en: 'the person or HR' } },
  supervisor: { zh: '主管领导评语和考核等次建议', en: 'Supervisor’s comments and suggested grade', by: { zh: '直接主管', en: 'the direct supervisor' } },
  head: { zh: '机关负责人意见', en: 'Opinion of the head of the office', by: { zh: '机关负责人', en: 'the head of the office' } },
  committee: { zh: '考核委员会（领导小组）意见', en: 'Opinion of the assessment committee (leadership group)', by: { zh: '领导小组成员或人事科', en: 'a leadership group member or HR' } },
  opinion: { zh: '本人意见', en: 'The person’s own opinion', by: { zh: '本人（确定等次后）', en: 'the person (once the grade is set)' } },
  undetermined: { zh: '未确定等次或不参加考核情况说明', en: 'Why no grade was set or the person did not take part', by: { zh: '人事科（不定等次人员）', en: 'HR (people with no grade)' } },
}

/** Longest text per part (the form is printed on A4; the summary may run onto a second page). */
export const REGISTER_TEXT_MAX: Record<RegisterPart, number> = {
  duties: 200,
  summary: 3000,
  training: 500,
  supervisor: 1000,
  head: 500,
  committee: 500,
  opinion: 300,
  undetermined: 500,
}

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民革党员', '民盟盟员', '民建会员', '民进会员', '农工党党员', '致公党党员', '九三学社社员', '台盟盟员', '无党派人士', '群众'] as const

export interface RegisterPartView {
  part: RegisterPart
  text: string
  status: 'empty' | 'draft' | 'submitted'
  /** Only the supervisor's part: 考核等次建议. */
  suggestedGrade: string | null
  writerName: string | null
  writtenAt: string | null
  submittedAt: string | null
}

export interface RegisterFormView {
  year: number
  personId: number
  staffNo: string
  name: string
  gender: string | null
  birthMonth: string | null
  politicalStatus: string | null
  postSince: string | null
  unitName: string
  departmentName: string | null
  post: string
  rank: string
  /** 考核等次 from the confirmed results (null before the head confirms). */
  grade: string | null
  stage: AnnualStage
  parts: Record<RegisterPart, RegisterPartView>
  /** The four quarterly 小结 of the year, offered as a starting text for the 个人总结. */
  quarterlyStart: string
  /** The parts the signed-in actor may write now. */
  editable: RegisterPart[]
}

export interface RegisterListRow {
  personId: number
  staffNo: string
  name: string
  departmentName: string | null
  grade: string | null
  parts: Record<RegisterPart, RegisterPartView['status']>
  /** Every part that applies to the person is submitted. */
  complete: boolean
}

export interface RegisterList {
  year: number
  stage: AnnualStage
  rows: RegisterListRow[]
}

export interface RegisterPrinted {
  fileName: string
  contentBase64: string
  pages: number
  people: number
}
