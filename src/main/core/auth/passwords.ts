import { KaoheError } from '@shared/errors'
import { meetsPasswordRule, type PasswordRule } from '@shared/password'
import type { SecurityPolicy } from '../policy/defaults'

export function passwordRule(policy: SecurityPolicy): PasswordRule {
  return { minLength: policy.passwordMinLength, minClasses: policy.passwordMinClasses }
}

/** Throws WEAK_PASSWORD naming the rule when the password breaks the policy. */
export function checkPasswordStrength(password: string, policy: SecurityPolicy, field = 'password'): void {
  const rule = passwordRule(policy)
  if (!meetsPasswordRule(password, rule)) {
    throw new KaoheError('WEAK_PASSWORD', { ...rule, field }, [{ path: field, message: 'weak password' }])
  }
}
