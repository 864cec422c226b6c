import defaults from '../../../../resources/policy/default.json'

/** The policy's security section: password rules and lockouts (等保-style defaults). */
export interface SecurityPolicy {
  passwordMinLength: number
  passwordMinClasses: number
  maxFailedLogins: number
  lockoutMinutes: number
  idleLockMinutes: number
  forcePasswordChangeAtFirstLogin: boolean
  /** scrypt cost N = 2^scryptLog2N for password-wrapped key slots. */
  scryptLog2N: number
  auditRetentionDays: number
}

export interface Policy {
  version: string
  security: SecurityPolicy
  constraints: Record<string, number>
}

/** The shipped defaults (resources/policy/default.json): the only home of these numbers. */
export const DEFAULT_POLICY: Policy = defaults
