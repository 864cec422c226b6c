import { KaoheError } from '@shared/errors'
import type { SecurityPolicy } from '../policy/defaults'

/** Character classes counted by the password rule: upper, lower, digit, anything else. */
export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
}

/** Throws WEAK_PASSWORD naming the rule when the password breaks the policy. */
export function checkPasswordStrength(password: string, policy: SecurityPolicy, field = 'password'): void {
  if (
    [...password].length < policy.passwordMinLength ||
    passwordClasses(password) < policy.passwordMinClasses
  ) {
    throw new KaoheError(
      'WEAK_PASSWORD',
      { minLength: policy.passwordMinLength, minClasses: policy.passwordMinClasses, field },
      [{ path: field, message: 'weak password' }],
    )
  }
}
