import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useLang } from '../i18n'

/**
 * A day picker whose value is the domain's YYYY-MM-DD string, shown as 2026年1月5日 in Chinese and
 * 2026-01-05 in English.
 */
export function DateField({
  value,
  onChange,
  ...rest
}: Omit<DatePickerInputProps, 'value' | 'onChange' | 'type'> & {
  value: string | null
  onChange: (value: string | null) => void
  'data-testid'?: string
}) {
  const lang = useLang()
  return (
    <DatePickerInput
      valueFormat={lang === 'zh' ? 'YYYY年M月D日' : 'YYYY-MM-DD'}
      leftSection={<IconCalendar size={16} stroke={1.6} />}
      leftSectionPointerEvents="none"
      {...rest}
      value={value}
      onChange={(v) => onChange(typeof v === 'string' ? v : null)}
    />
  )
}
