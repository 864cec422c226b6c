/**
 * The password rule as the UI explains it (DESIGN.md §4: ≥ 8 characters from 3 of 4 classes).
 * The policy in main is the authority and may be stricter; its WEAK_PASSWORD error carries the
 * numbers in force. This copy only gives a live hint and stops obviously weak input early.
 */
export const PASSWORD_RULE = { minLength: 8, minClasses: 3 } as const

export type StrengthLevel = 'empty' | 'weak' | 'fair' | 'strong'

export interface PasswordCheck {
  length: number
  classes: number
  lengthOk: boolean
  classesOk: boolean
  ok: boolean
  level: StrengthLevel
}

export function checkPassword(password: string, rule = PASSWORD_RULE): PasswordCheck {
  const length = [...password].length
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  const lengthOk = length >= rule.minLength
  const classesOk = classes >= rule.minClasses
  const ok = lengthOk && classesOk
  let level: StrengthLevel = 'empty'
  if (length > 0) level = !ok ? 'weak' : length >= rule.minLength + 4 && classes === 4 ? 'strong' : 'fair'
  return { length, classes, lengthOk, classesOk, ok, level }
}

export const USERNAME_RE = /^[A-Za-z0-9._-]{2,32}$/
