import { KaoheError } from '@shared/errors'

/**
 * Thrown for records a scoring rule cannot score (a score of 120, a date that does not exist, an
 * unknown attendance status). Scoring silently around bad data would put a wrong number on someone's
 * sheet, so the rule refuses instead. Like CalendarError it is an INVALID_INPUT KaoheError, so the
 * API reports it as bad input; `zh` and `en` carry the precise reason.
 */
export class ScoringInputError extends KaoheError {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super('INVALID_INPUT', { details: `${zh} / ${en}` })
    this.name = 'ScoringInputError'
    this.message = en
  }
}
