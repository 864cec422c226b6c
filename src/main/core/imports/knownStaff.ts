/**
 * Is a staff number one of the unit's people? For imports that refer to people (attendance,
 * satisfaction) rather than define them (the roster). Attendance machines and survey systems keep
 * their own user lists, often numbered without the roster's leading zeros ('101' for '00101'); the
 * answer then names the likely person so the message can say what is wrong. It never matches them
 * up silently: '101' might just as well be a different person the roster lacks.
 */
export type StaffLookup = (staffNo: string) => { known: true } | { known: false; likely: string | null }

export function staffLookup(known: ReadonlySet<string>): StaffLookup {
  const byStripped = new Map<string, string | null>()
  for (const k of known) {
    const z = k.replace(/^0+(?=.)/, '')
    // Two known numbers that differ only in leading zeros ('0101', '00101'): no single likely one.
    byStripped.set(z, byStripped.has(z) ? null : k)
  }
  return (staffNo) => {
    if (known.has(staffNo)) return { known: true }
    return { known: false, likely: byStripped.get(staffNo.replace(/^0+(?=.)/, '')) ?? null }
  }
}
