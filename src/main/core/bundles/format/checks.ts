import { KaoheError } from '../../../../shared/errors'
import { PACKAGE_CHECK_NAMES, type CheckOutcome, type PackageCheck } from '../../../../shared/bundles'

/** One failed import check, with text that names what failed and where (DESIGN.md §5). */
export class PackageCheckError extends Error {
  constructor(
    readonly check: PackageCheck,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${check}: ${en}`)
    this.name = 'PackageCheckError'
  }
}

/** The API error for a refused package: the failed check named in both languages (CLI exit 4). */
export function rejection(failed: PackageCheckError, checks: CheckOutcome[]): KaoheError {
  void checks // the caller shows the list itself; the error carries the one that failed
  const name = PACKAGE_CHECK_NAMES[failed.check]
  return new KaoheError('PACKAGE_REJECTED', {
    check: failed.check,
    checkZh: name.zh,
    checkEn: name.en,
    reason: failed.zh,
    reasonEn: failed.en,
  })
}
