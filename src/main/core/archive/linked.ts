import type { ArchiveView } from '@shared/archive'
import type { ReadableDB } from '../../db/store'
import { appealsOf } from '../appeals'
import { formsOf } from '../feedback'
import { flagsOf, followupsOf } from '../outcomes'
import { enrolmentsOf } from '../training'

/**
 * The archive's sections that other pieces keep (interfaces.md): feedback forms (core/feedback),
 * follow-ups and flags (core/outcomes), enrolments (core/training), appeals (core/appeals).
 * Flags are given for each final year the person took part in.
 */
export function linkedSections(db: ReadableDB, personId: number, years: readonly number[]): Pick<ArchiveView, 'forms' | 'appeals' | 'followups' | 'enrolments' | 'flags'> {
  return {
    forms: formsOf(db, personId),
    appeals: appealsOf(db, personId),
    followups: followupsOf(db, personId),
    enrolments: enrolmentsOf(db, personId),
    flags: years.map((year) => ({ year, ...flagsOf(db, personId, year) })),
  }
}
