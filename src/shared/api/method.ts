import type { z } from 'zod'
import type { PERMISSIONS, Permission } from '../access/permissions'

/**
 * How one API method is declared (DESIGN.md §3). Every method is declared once, in its
 * capability's slice (`src/shared/api/<capability>.ts`); the method list, the preload, the
 * router's sets, the handler module types and docs/access-matrix.md are derived from the slices.
 */

/** Permissions a relation to the person concerned (self, supervisor, chain) can grant. */
export type RelationPermission = {
  [P in Permission]: (typeof PERMISSIONS)[P] extends { relations: readonly unknown[] } ? P : never
}[Permission]

/** The keys of a parsed input whose value is a number (a person id), possibly left out. */
export type NumberKeyOf<T> = T extends object
  ? { [K in keyof T]-?: [NonNullable<T[K]>] extends [number] ? (number extends NonNullable<T[K]> ? K : never) : never }[keyof T] &
      string
  : never

/**
 * Whom a call under a relation-based permission concerns, so the router can check the relation:
 * - a key of the parsed input holding the person's id: the relation must hold to that person
 *   (an optional key left out makes the call a list, narrowed as `{ scope: 'list' }`);
 * - `{ scope: 'list' }`: the handler narrows what it returns to the people the relation covers
 *   (`scopeOf` in core/access/relations.ts);
 * - `{ scope: 'handler' }`: the handler finds the person (from an entry id, say) and checks with
 *   `ctx.requireFor` before doing anything.
 */
export type SubjectSpec<Parsed> = NumberKeyOf<Parsed> | { scope: 'list' | 'handler' }

/** A relation-based permission needs a subject; any other permission takes none. */
export type SubjectField<I extends z.ZodType, P extends Permission> = [P] extends [RelationPermission]
  ? { subject: SubjectSpec<z.output<I>> }
  : { subject?: never }

/** What the router may be told about a method besides its permission. */
export interface MethodFlags {
  /** Cannot run inside a transaction (SQLite refuses VACUUM INTO there); writes nothing itself. */
  outsideTransaction?: true
  /** A session in kiosk survey mode may call it (only the kiosk screen's own and two reads). */
  kioskAllowed?: true
  /** A locked session may still call it. */
  allowedWhileLocked?: true
  /** A session that must change its password first may still call it. */
  allowedBeforePasswordChange?: true
}
export const METHOD_FLAGS = ['outsideTransaction', 'kioskAllowed', 'allowedWhileLocked', 'allowedBeforePasswordChange'] as const
export type MethodFlag = (typeof METHOD_FLAGS)[number]

interface MethodCore<I extends z.ZodType, P extends Permission> extends MethodFlags {
  input: I
  permission: P
  /** 'write' changes data and is always audited; 'read' is audited when it reaches T2/T3 data. */
  kind: 'read' | 'write'
}

export type MethodDef<I extends z.ZodType, P extends Permission, O> = MethodCore<I, P> &
  SubjectField<I, P> & {
    /** Phantom: the output type, never read at run time. */
    output?: O
  }

/** Any declared method, as code that walks the contract sees it. */
export interface AnyMethodDef extends MethodFlags {
  input: z.ZodType
  permission: Permission
  kind: 'read' | 'write'
  subject?: string | { scope: 'list' | 'handler' }
}

/** `method<Output>()({ input, permission, kind, subject?, …flags })` declares one method. */
export function method<O>() {
  return <I extends z.ZodType, P extends Permission>(def: MethodCore<I, P> & SubjectField<I, P>): MethodDef<I, P, O> =>
    def as MethodDef<I, P, O>
}

/** A capability's slice: its methods by name. */
export type Slice = Record<string, AnyMethodDef>
