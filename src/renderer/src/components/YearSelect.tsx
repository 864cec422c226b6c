import { NativeSelect } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The assessment year (考核年度): a short list around this year plus any year that has data. */
export function YearSelect({
  value,
  onChange,
  extraYears = [],
  testid,
  label,
}: {
  value: number
  onChange: (year: number) => void
  extraYears?: readonly number[]
  testid: string
  label?: string
}) {
  const { t } = useTranslation()
  const now = new Date().getFullYear()
  const all = [...extraYears, value, now - 1, now, now + 1]
  const years: number[] = []
  for (let y = Math.max(...all); y >= Math.min(...all); y--) years.push(y)
  return (
    <NativeSelect
      label={label}
      aria-label={label ?? t('common.year')}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={years.map((y) => ({ value: String(y), label: t('common.yearLabel', { year: y }) }))}
      w={140}
      data-testid={testid}
    />
  )
}
