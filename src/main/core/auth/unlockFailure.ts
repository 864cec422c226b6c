import { KaoheError } from '@shared/errors'
import type { UnlockFailure } from '../keys/keyFile'

/**
 * The one mapping of a key-file unlock failure to what the person is told: locked out after too
 * many wrong answers (until when), or wrong (how many tries are left). Sign-in, the lock screen
 * and leaving the kiosk unlock an account's slot with its password; the recovery form unlocks the
 * recovery slot with the code, which has its own words for the same two cases.
 */
export function unlockFailure(failure: UnlockFailure, secret: 'password' | 'recoveryCode' = 'password'): KaoheError {
  const until = failure.until ?? ''
  if (secret === 'recoveryCode') {
    return failure.code === 'ACCOUNT_LOCKED' ? new KaoheError('RECOVERY_LOCKED', { until }) : new KaoheError('RECOVERY_CODE_INVALID')
  }
  return failure.code === 'ACCOUNT_LOCKED'
    ? new KaoheError('ACCOUNT_LOCKED', { until })
    : new KaoheError('AUTH_FAILED', { remaining: failure.remaining ?? 0 })
}
