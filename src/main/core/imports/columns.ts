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

/** Row-number headers: never worth a warning, whatever the import. */
export const ROW_NUMBER_HEADERS: readonly string[] = ['序号', 'no.', '#', 'index']

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

/**
 * A column as a template and the import screen describe it: what it holds, in both languages, and
 * its width in the template (Excel character units). The parsers' own column tables carry this, so
 * the template, its 说明 sheet and the screen's column list cannot drift from what is read.
 */
export interface DescribedColumn<F extends string> extends ColumnSpec<F> {
  meaning: { zh: string; en: string }
  width: number
}

/**
 * The mark an example row carries in its 姓名: 张明（示例）. Every importer skips a marked row with a
 * notice, so a template's example is never imported; typing a real name over it removes the mark.
 */
export const EXAMPLE_MARK = /[（(]\s*(示例|example)\s*[)）]\s*$/i

/** Edit distance between two short strings (header texts). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = up
    }
  }
  return prev[b.length]!
}

/**
 * The column an unrecognised header most likely means: one typo away from a name the column goes
 * by (科宝 → 科室, Departmnet → 科室), or containing one (所属部门 → 科室). None when nothing is close
 * (备注, 手机).
 */
export function suggestColumn<C extends ColumnSpec<string>>(header: string, columns: readonly C[]): C | undefined {
  const key = headerKey(header)
  if (key === '') return undefined
  let best: { column: C; d: number } | undefined
  for (const c of columns) {
    ;[c.zh, c.field, c.en, ...c.aliases].map(headerKey).forEach((name, i) => {
      const raw = name.length >= 2 && key.includes(name) ? 0.5 : distance(key, name)
      const allowed = Math.max(1, Math.floor(Math.min(key.length, name.length) / 4))
      // On a tie the column's own name wins over an alias (职纪: 职级, not 职务 for 岗位).
      const d = raw + (i === 0 ? 0 : 0.1)
      if (raw <= allowed && (!best || d < best.d)) best = { column: c, d }
    })
  }
  return best?.column
}
