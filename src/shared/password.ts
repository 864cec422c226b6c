/**
 * The password rule (DESIGN.md §4), shared by main (which enforces it) and the renderer (which
 * shows a live hint). The numbers come from the policy in force, never from here.
 */
export interface PasswordRule {
  minLength: number
  minClasses: number
}

/** Character classes counted by the rule: upper case, lower case, digits, anything else. */
export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
}

export function meetsPasswordRule(password: string, rule: PasswordRule): boolean {
  return [...password].length >= rule.minLength && passwordClasses(password) >= rule.minClasses
}
