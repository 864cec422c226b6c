import type { Role, Tier } from '../roles'

/**
 * The access matrix as data (DESIGN.md §3): each permission names the roles that hold it and the
 * tier of the data it reaches. `access.authorize` in main is the one place that applies it;
 * relationship rules (reporting lines, self, recusals) are added per permission as later
 * capabilities need them. `docs/access-matrix.md` is generated from this table.
 */
export interface PermissionRule {
  /** 'public': no session needed; 'signedIn': any signed-in user; otherwise these roles. */
  allow: 'public' | 'signedIn' | readonly Role[]
  tier: Tier
  /** Reads of T2/T3 data are audited like writes. */
  zh: string
  en: string
}

export const PERMISSIONS = {
  public: {
    allow: 'public',
    tier: 'T0',
    zh: '无需登录（设置、登录）',
    en: 'No sign-in needed (set-up, sign-in)',
  },
  self: {
    allow: 'signedIn',
    tier: 'T0',
    zh: '本人会话与本人密码',
    en: 'Own session and own password',
  },
  'users.manage': {
    allow: ['sysadmin'],
    tier: 'T0',
    zh: '管理用户账户',
    en: 'Manage user accounts',
  },
  'roles.manage': {
    allow: ['secadmin'],
    tier: 'T0',
    zh: '授予与撤销角色',
    en: 'Grant and revoke roles',
  },
  'audit.read': {
    allow: ['auditor'],
    tier: 'T0',
    zh: '查阅与校验审计日志',
    en: 'Read and verify the audit log',
  },
  'backup.manage': {
    allow: ['sysadmin'],
    tier: 'T0',
    zh: '备份、校验与恢复数据库',
    en: 'Back up, verify and restore the database',
  },
} as const satisfies Record<string, PermissionRule>

export type Permission = keyof typeof PERMISSIONS
