import { passwordClasses, type PasswordRule } from '@shared/password'

/**
 * The password rule as the UI explains it. Main enforces it; `setup.status` reports the numbers
 * in force and App calls `setPasswordRule` once with them, so the live hint never disagrees.
 */
export const PASSWORD_RULE: PasswordRule = { minLength: 0, minClasses: 0 }

export function setPasswordRule(rule: PasswordRule): void {
  Object.assign(PASSWORD_RULE, rule)
}

export type StrengthLevel = 'empty' | 'weak' | 'fair' | 'strong'

export interface PasswordCheck {
  length: number
  classes: number
  lengthOk: boolean
  classesOk: boolean
  ok: boolean
  level: StrengthLevel
}

export function checkPassword(password: string, rule: PasswordRule = PASSWORD_RULE): PasswordCheck {
  const length = [...password].length
  const classes = passwordClasses(password)
  const lengthOk = length >= rule.minLength
  const classesOk = classes >= rule.minClasses
  const ok = lengthOk && classesOk
  let level: StrengthLevel = 'empty'
  if (length > 0) level = !ok ? 'weak' : length >= rule.minLength + 4 && classes === 4 ? 'strong' : 'fair'
  return { length, classes, lengthOk, classesOk, ok, level }
}

export const USERNAME_RE = /^[A-Za-z0-9._-]{2,32}$/
