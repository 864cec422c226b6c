import { memo, useMemo, useState, type ReactNode } from 'react'
import { Button, Card, Group, NativeSelect, Table, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconFileExport, IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { notifications } from '@mantine/notifications'
import { notifySuccess } from '../api'
import { exportSheet, type CellValue } from './UnitTable.export'

/**
 * One table for a whole unit's people (60 rows today, 300 in a big office): sortable columns
 * (Chinese by pinyin), a department filter and a text filter, a count line ("x of N …"), and an
 * Excel export of what is shown, in the order shown. Filtering and sorting happen here, on the
 * rows the screen loaded.
 */

export interface UnitColumn<T> {
  key: string
  label: string
  /** The cell's plain value: sorted by, searched in and exported (unless `exportValue`). */
  value: (row: T) => CellValue
  /** What the cell shows; the plain value when absent. */
  render?: (row: T) => ReactNode
  /** Export text when it differs from `value` (a label for a code, say). */
  exportValue?: (row: T) => CellValue
  /** Sort order when plain values do not sort right (a rank, a status order). */
  compare?: (a: T, b: T) => number
  /** Default true; an action column is neither sortable nor exported. */
  sortable?: boolean
  exported?: boolean
  /** Default true: the text filter looks in this column. */
  searchable?: boolean
  /** Column width (px), also its minimum. */
  width?: number
  align?: 'left' | 'right' | 'center'
  nowrap?: boolean
  mono?: boolean
}

export interface UnitTableProps<T> {
  rows: readonly T[]
  columns: readonly UnitColumn<T>[]
  getKey: (row: T) => string | number
  /** The row's department name: shows the department filter. */
  department?: (row: T) => string | null
  /** The count line for the rows shown (after filters), e.g. "已提交 12 / 60". */
  summary?: (shown: readonly T[]) => ReactNode
  /** The file name of the export (without .xlsx); no export button when absent. */
  exportName?: string
  sheetName?: string
  /** Filters of the screen's own, placed before the department filter. */
  toolbar?: ReactNode
  initialSort?: { key: string; dir: SortDir }
  empty: string
  /** Test id prefix: `${testid}` (table), `-search`, `-department`, `-count`, `-export`, `-sort-${key}`, `-empty`. */
  testid: string
  rowTestId?: (row: T) => string
  onRowClick?: (row: T) => void
  minWidth?: number
  /** Narrower cell padding, for a table of many columns that must fit the page at 1366 px. */
  dense?: boolean
}

export type SortDir = 'asc' | 'desc'

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })

/** Nulls and empty text last in either direction; numbers as numbers; text by pinyin. */
export function compareValues(a: CellValue, b: CellValue): number {
  const emptyA = a === null || a === ''
  const emptyB = b === null || b === ''
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(String(a), String(b))
}

const NO_DEPARTMENT = '\u0000none'

export function UnitTable<T>({
  rows,
  columns,
  getKey,
  department,
  summary,
  exportName,
  sheetName,
  toolbar,
  initialSort,
  empty,
  testid,
  rowTestId,
  onRowClick,
  minWidth = 900,
  dense = false,
}: UnitTableProps<T>) {
  const { t } = useTranslation()
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(initialSort ?? null)
  const [dept, setDept] = useState('')
  const [textInput, setTextInput] = useState('')
  const [text] = useDebouncedValue(textInput.trim().toLowerCase(), 200)
  const [exporting, setExporting] = useState(false)

  const departments = useMemo(() => {
    if (!department) return []
    const names = new Set<string>()
    let none = false
    for (const r of rows) {
      const d = department(r)
      if (d) names.add(d)
      else none = true
    }
    return [...[...names].sort(collator.compare).map((d) => ({ value: d, label: d })), ...(none ? [{ value: NO_DEPARTMENT, label: t('unitTable.noDepartment') }] : [])]
  }, [rows, department, t])

  const shown = useMemo(() => {
    const searchable = columns.filter((c) => c.searchable !== false)
    let out = rows.filter((r) => {
      if (department && dept) {
        const d = department(r)
        if (dept === NO_DEPARTMENT ? d : d !== dept) return false
      }
      if (!text) return true
      return searchable.some((c) => {
        const v = c.value(r)
        return v !== null && String(v).toLowerCase().includes(text)
      })
    })
    const col = sort && columns.find((c) => c.key === sort.key)
    if (sort && col) {
      const cmp = col.compare ?? ((a: T, b: T) => compareValues(col.value(a), col.value(b)))
      const sign = sort.dir === 'asc' ? 1 : -1
      // Keep empty values last in both directions.
      const base = (a: T, b: T) => {
        if (!col.compare) {
          const va = col.value(a)
          const vb = col.value(b)
          const ea = va === null || va === ''
          const eb = vb === null || vb === ''
          if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1
        }
        return sign * cmp(a, b)
      }
      out = [...out].sort(base)
    }
    return out
  }, [rows, columns, department, dept, text, sort])

  const toggle = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null))

  const exportShown = async () => {
    if (!exportName) return
    const cols = columns.filter((c) => c.exported !== false)
    setExporting(true)
    try {
      await exportSheet({
        fileName: exportName,
        sheetName: sheetName ?? exportName,
        headers: cols.map((c) => c.label),
        rows: shown.map((r) => cols.map((c) => (c.exportValue ?? c.value)(r))),
        widths: cols.map((c) => Math.max(8, Math.min(40, Math.round((c.width ?? 100) / 8)))),
      })
      notifySuccess(t('unitTable.exported', { count: shown.length }))
    } catch {
      notifications.show({ color: 'red', title: t('common.errorTitle'), message: t('unitTable.exportFailed') })
    } finally {
      setExporting(false)
    }
  }

  const filtered = shown.length !== rows.length

  return (
    // minWidth 0 and maxWidth 100%: the card never grows past the page; a wide table scrolls inside it.
    <Card withBorder radius="md" padding={0} miw={0} maw="100%">
      <Group gap="sm" align="flex-end" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {toolbar}
        {department && (
          <NativeSelect
            label={t('unitTable.department')}
            value={dept}
            onChange={(e) => setDept(e.currentTarget.value)}
            data={[{ value: '', label: t('unitTable.allDepartments') }, ...departments]}
            w={180}
            data-testid={`${testid}-department`}
          />
        )}
        <TextInput
          label={t('unitTable.search')}
          placeholder={t('unitTable.searchPlaceholder')}
          value={textInput}
          onChange={(e) => setTextInput(e.currentTarget.value)}
          leftSection={<IconSearch size={16} />}
          maxLength={100}
          w={220}
          data-testid={`${testid}-search`}
        />
        <Group gap="md" ml="auto" align="center" mb={4} wrap="nowrap">
          <Text size="sm" c="dimmed" data-testid={`${testid}-count`}>
            {summary ? summary(shown) : filtered ? t('unitTable.countFiltered', { shown: shown.length, total: rows.length }) : t('unitTable.count', { count: rows.length })}
          </Text>
          {exportName && (
            <Button
              variant="default"
              size="sm"
              leftSection={<IconFileExport size={16} />}
              loading={exporting}
              disabled={shown.length === 0}
              onClick={() => void exportShown()}
              data-testid={`${testid}-export`}
            >
              {t('unitTable.export')}
            </Button>
          )}
        </Group>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed" ta="center" py={40} data-testid={`${testid}-empty`}>
          {rows.length === 0 ? empty : t('unitTable.noMatch')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={minWidth} type="native">
          <Table verticalSpacing="sm" horizontalSpacing={dense ? 'xs' : 'sm'} highlightOnHover data-testid={testid}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th
                    key={c.key}
                    w={c.width}
                    ta={c.align}
                    // The width is a floor: a wide table scrolls sideways rather than squeezing badges to "n…".
                    // A dense table lets a header of two words take two lines ("Staff / no.") instead;
                    // keep-all: a Chinese header is never broken between its characters (业/绩).
                    style={dense ? { whiteSpace: 'normal', wordBreak: 'keep-all', minWidth: c.width } : { whiteSpace: 'nowrap', minWidth: c.width }}
                    aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {c.sortable === false || !c.label ? (
                      c.label
                    ) : (
                      <UnstyledButton onClick={() => toggle(c.key)} data-testid={`${testid}-sort-${c.key}`} fw={600} fz="sm">
                        <Group gap={4} wrap="nowrap">
                          {c.label}
                          {sort?.key === c.key ? (
                            sort.dir === 'asc' ? (
                              <IconArrowUp size={14} />
                            ) : (
                              <IconArrowDown size={14} />
                            )
                          ) : (
                            <IconArrowsSort size={14} color="var(--mantine-color-gray-5)" />
                          )}
                        </Group>
                      </UnstyledButton>
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Row key={getKey(r)} row={r} columns={columns} testid={rowTestId?.(r)} onClick={onRowClick} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}

function RowInner<T>({
  row,
  columns,
  testid,
  onClick,
}: {
  row: T
  columns: readonly UnitColumn<T>[]
  testid: string | undefined
  onClick: ((row: T) => void) | undefined
}) {
  const { t } = useTranslation()
  return (
    <Table.Tr
      data-testid={testid}
      {...(onClick
        ? {
            className: 'clickable-row',
            tabIndex: 0,
            onClick: () => onClick(row),
            onKeyDown: (e: React.KeyboardEvent) => e.key === 'Enter' && onClick(row),
          }
        : {})}
    >
      {columns.map((c) => {
        const v = c.render ? c.render(row) : c.value(row)
        return (
          <Table.Td key={c.key} ta={c.align} className={c.mono ? 'mono' : undefined} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
            {v === null || v === '' ? t('common.none') : v}
          </Table.Td>
        )
      })}
    </Table.Tr>
  )
}

/** Memoised so typing in the search box does not re-render every row per key. */
const Row = memo(RowInner) as typeof RowInner
