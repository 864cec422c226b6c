/**
 * Roles (角色) and confidentiality tiers (保密等级), RULES.md §9 and DESIGN.md §4.
 *
 * 三员分立: the three administrator roles hold no content rights and are never combined with any
 * other role. A person may hold several content roles at once.
 */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const
export const CONTENT_ROLES = [
  'hr',
  'discipline',
  'leader',
  'leaderHead',
  'supervisor',
  'staff',
] as const
export const ROLES = [...ADMIN_ROLES, ...CONTENT_ROLES] as const

export type AdminRole = (typeof ADMIN_ROLES)[number]
export type ContentRole = (typeof CONTENT_ROLES)[number]
export type Role = (typeof ROLES)[number]

export function isAdminRole(role: Role): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role)
}

/** Display names, for lists that are not translated through i18n (CLI, docs). */
export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
  hr: { zh: '人事科', en: 'HR' },
  discipline: { zh: '纪检室', en: 'Discipline office' },
  leader: { zh: '领导小组成员', en: 'Leadership group member' },
  leaderHead: { zh: '领导小组组长', en: 'Leadership group head' },
  supervisor: { zh: '主管领导', en: 'Supervisor' },
  staff: { zh: '公务员', en: 'Staff' },
}

/** Confidentiality tiers T0–T3 (RULES.md §9). */
export const TIERS = ['T0', 'T1', 'T2', 'T3'] as const
export type Tier = (typeof TIERS)[number]
