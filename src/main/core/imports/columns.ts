/**
 * Columns by header text. Each importer describes its columns as data (Chinese name, English name,
 * aliases seen in real files); matching a header cell to a column is the same for all of them.
 */

export interface ColumnSpec<F extends string> {
  field: F
  /** The header a template writes and messages use. */
  zh: string
  en: string
  required: boolean
  /** Other headers seen in real files, Chinese and English; compared after headerKey(). */
  aliases: readonly string[]
}

/** Headers of columns people add for themselves and that carry nothing to import: no warning. */
export const SILENTLY_IGNORED: readonly string[] = ['序号', 'no.', '#', 'index', '备注', 'remark', 'remarks', 'note', 'notes']

/**
 * The comparable form of a header cell: full-width letters folded (NFKC), case and all whitespace
 * (Alt+Enter line breaks included) removed, and the required-markers people add ('*工号',
 * '工号（必填）') dropped.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((必填|选填|可选|required|optional)\)/gi, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase()
}

/** An importer's columns, looked up by header text. */
export interface ColumnSet<F extends string, C extends ColumnSpec<F> = ColumnSpec<F>> {
  readonly columns: readonly C[]
  forHeader(text: string): C | undefined
  isSilentlyIgnored(text: string): boolean
  of(field: F): C
}

/**
 * Builds the lookup. A header key claimed by two columns is a mistake in the column data (the
 * second would silently win), so it throws at start-up rather than misreading files later.
 * `alsoIgnored` adds headers this importer reads past without a warning (an attendance export's
 * 姓名 next to the staff number, say).
 */
export function columnSet<F extends string, C extends ColumnSpec<F>>(columns: readonly C[], alsoIgnored: readonly string[] = []): ColumnSet<F, C> {
  const byKey = new Map<string, C>()
  for (const c of columns) {
    for (const k of new Set([c.zh, c.field, c.en, ...c.aliases].map(headerKey))) {
      const other = byKey.get(k)
      if (other && other !== c) throw new Error(`header ${k} names both ${other.field} and ${c.field}`)
      byKey.set(k, c)
    }
  }
  const ignored = new Set([...SILENTLY_IGNORED, ...alsoIgnored].map(headerKey))
  return {
    columns,
    forHeader: (text) => byKey.get(headerKey(text)),
    isSilentlyIgnored: (text) => ignored.has(headerKey(text)),
    of: (field) => {
      const c = columns.find((x) => x.field === field)
      if (!c) throw new Error(`no column ${field}`)
      return c
    },
  }
}
