// Fake data for the organisation, calendar, policy and guideline screens (renderer tests only).
import template from '../../resources/guideline/default.json'
import type {
  CalendarDayInfo,
  CalendarYear,
  GuidelineVersionInfo,
  GuidelineView,
  PersonDetail,
  PersonSummary,
  PolicyView,
} from '../../src/shared/api/types'
import type { AnnualGuideline } from '../../src/shared/guideline/model'
import type { Violation } from '../../src/shared/guideline/violation'
import { ok, session, STATUS_READY } from './helpers'
import type { Role } from '../../src/shared/roles'

/** The handlers every signed-in screen needs, for `roles`, starting at `route`. */
export function signedInAs(roles: Role[], route: string) {
  window.location.hash = `#/${route}`
  return {
    'setup.status': () => ok(STATUS_READY),
    'auth.session': () => ok(session({ roles, username: 'someone', displayName: '测试用户' })),
    'home.tasks': () => ok([]),
  }
}

/** The shipped default guideline for `year` (resources/guideline/default.json). */
export function defaultGuideline(year = 2026): AnnualGuideline {
  const { $comment: _c, ...body } = template as typeof template & { $comment?: string }
  return structuredClone({ ...body, year }) as unknown as AnnualGuideline
}

/**
 * A stand-in for main's validation, enough for what the tests change: P2 (绩 ≥ 40 for 综合管理) and
 * P10 on each category's dimension weights. Main's real rules are tested in test/unit.
 */
export function fakeValidate(g: AnnualGuideline): Violation[] {
  const out: Violation[] = []
  const ji = g.categories.general.dimensions.ji.weight
  if (typeof ji !== 'number' || ji < 40) {
    out.push({
      id: 'P2',
      path: 'categories.general.dimensions.ji.weight',
      value: Number(ji),
      bound: 40,
      op: '>=',
      zh: `综合管理类“绩”维度权重 ${ji}，低于政策下限 40（P2）`,
      en: `General-management posts: weight of dimension 绩 is ${ji}, below the policy minimum 40 (P2)`,
    })
  }
  for (const cat of ['general', 'enforcement', 'technical'] as const) {
    const dims = g.categories[cat].dimensions
    const sum = (['de', 'neng', 'qin', 'ji', 'lian'] as const).reduce((s, d) => s + Math.round(Number(dims[d].weight) * 100), 0)
    if (sum !== 10000) {
      out.push({
        id: 'P10',
        path: `categories.${cat}.dimensions`,
        value: sum / 100,
        bound: 100,
        op: '=',
        zh: `${cat} 各维度权重合计 ${sum / 100}，应为政策规定的 100（P10）`,
        en: `${cat}: the sum of the dimension weights is ${sum / 100}, must be exactly 100 (P10)`,
      })
    }
  }
  return out
}

export const POLICY_CONSTRAINTS = {
  P1_leadershipChannelMin: 50,
  P2_achievementWeightMinGeneral: 40,
  P3_serviceIndicatorMin: 30,
  P3_serviceIndicatorMinEnforcement: 40,
  P4_peerWeightMax: 20,
  P5_recipientVoterShareMin: 30,
  P6_excellentShareMax: 15,
  P7_publicityWorkingDaysMin: 5,
  P8_appealWindowWorkingDays: 10,
  P9_appealAnswerCalendarDays: 20,
  P10_weightSum: 100,
}

export function policyView(over: Partial<PolicyView> = {}): PolicyView {
  return {
    year: 2026,
    version: 'default-2026',
    source: 'default',
    approvedBy: null,
    approvedAt: null,
    constraints: { ...POLICY_CONSTRAINTS },
    security: { passwordMinLength: 8, idleLockMinutes: 15, forcePasswordChangeAtFirstLogin: true },
    annual: { uniformBallotsInvalid: false, sanctions: [{ name: '诫勉', effect: 'notExcellent' }, { name: '开除党籍', effect: 'incompetent' }] },
    results: { bonusPercentExcellent: 120, bonusPercentCompetent: 100, bonusPercentBasic: 80, bonusPercentIncompetent: 0 },
    appeals: { reviewDays: 30 },
    pending: null,
    history: [],
    ...over,
  }
}

export function publishedInfo(over: Partial<GuidelineVersionInfo> = {}): GuidelineVersionInfo {
  return {
    version: 1,
    state: 'publicity',
    publishedAt: '2026-01-05T02:00:00Z',
    publishedBy: '赵建国',
    // Published on Monday 5 January: day 1 is Tuesday the 6th, day 5 Monday the 12th.
    publicityStart: '2026-01-05',
    publicityFrom: '2026-01-06',
    publicityEnd: '2026-01-12',
    publicityWorkingDays: 5,
    publicityWarnings: [],
    effectiveOn: '2026-01-13',
    reason: null,
    ...over,
  }
}

export function guidelineView(over: Partial<GuidelineView> = {}): GuidelineView {
  return { year: 2026, current: null, draft: null, versions: [], calendarWarnings: [], ...over }
}

export function draftOf(g: AnnualGuideline, reason: string | null = null): NonNullable<GuidelineView['draft']> {
  return { guideline: g, reason, violations: fakeValidate(g), updatedAt: '2026-01-03T08:00:00Z', updatedBy: '王芳' }
}

export function person(over: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: 11,
    staffNo: 'A0011',
    name: '李明',
    departmentId: 1,
    departmentName: '办公室',
    post: '科员',
    category: 'general',
    rank: '一级科员',
    supervisorId: 10,
    supervisorName: '张强',
    supervisorStaffNo: 'A0010',
    riskPost: false,
    status: 'active',
    joinedOn: '2019-07-01',
    leftOn: null,
    username: null,
    ...over,
  }
}

export function personDetail(over: Partial<PersonDetail> = {}): PersonDetail {
  return {
    ...person(),
    personal: { gender: '男', birthMonth: '1990-07', politicalStatus: '中共党员', postSince: '2021-03' },
    history: [
      {
        from: '2019-07-01',
        to: '2024-03-01',
        departmentName: '执法大队',
        post: '执法员',
        category: 'enforcement',
        rank: '二级科员',
        supervisorName: '刘军',
        riskPost: true,
        status: 'active',
        reason: '花名册导入',
        recordedBy: '王芳',
      },
      {
        from: '2024-03-01',
        to: null,
        departmentName: '办公室',
        post: '科员',
        category: 'general',
        rank: '一级科员',
        supervisorName: '张强',
        riskPost: false,
        status: 'active',
        reason: '岗位调整',
        recordedBy: '王芳',
      },
    ],
    reports: [],
    leadership: null,
    discipline: false,
    ...over,
  }
}

/** A year of days: weekends, plus the holidays and make-up days given. */
export function calendarYear(
  year: number,
  special: Record<string, { kind: 'holiday' | 'makeup'; name: string }>,
  over: Partial<CalendarYear> = {},
): CalendarYear {
  const days: CalendarDayInfo[] = []
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10)
    const s = special[date]
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6
    if (s) days.push({ date, working: s.kind === 'makeup', kind: s.kind, name: s.name })
    else days.push({ date, working: !weekend, kind: weekend ? 'weekend' : 'workday' })
  }
  return { year, loaded: true, source: '国务院办公厅通知', origin: 'shipped', days, warnings: [], ...over }
}
