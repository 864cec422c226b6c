import { memo, useMemo, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconAlertTriangle, IconCalculator, IconCalendarEvent, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { FileImportCard } from '../components/FileImportCard'
import type { CalendarDayInfo, CalendarYear, CalendarYearSummary, DeadlineResult, SessionInfo } from '@shared/api/types'
import type { Lang } from '@shared/errors'
import { notifySuccess, useApi } from '../api'
import { useApiData } from '../useApiData'
import { useForm } from '@mantine/form'
import { contract } from '@shared/api/contract'
import { zodValidate } from '../forms/zodForm'
import { DateField } from '../components/DateField'
import { PageHeader } from '../components/PageHeader'
import { YearSelect } from '../components/YearSelect'
import { readFileAsBase64 } from '../files'
import { formatDate, todayIso, weekdayName } from '../format'
import { useLang } from '../i18n'
import { can } from '../routes'

/** 工作日历: the year's holidays and make-up days, a working-day deadline calculator, and (HR) imports. */
export function CalendarPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear())
  // Only the selected year's answer shows: a late answer for the year before is dropped.
  const { data: view, reload: loadYear } = useApiData('calendar.year', { year }, [])
  const { data: years, reload: loadYears } = useApiData('calendar.years', {}, [])
  const canImport = can(session.roles, 'calendar.manage')

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('calendar.title')}
        lead={t('calendar.lead')}
        actions={
          <YearSelect
            value={year}
            onChange={setYear}
            extraYears={years?.map((y) => y.year) ?? []}
            testid="calendar-year"
            label={t('calendar.year')}
          />
        }
      />
      {view === null ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <YearCalendar view={view} />
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <DeadlineCalculator />
        </Stack>
        <Stack gap="lg">
          {canImport && (
            <CalendarImport
              onImported={() => {
                loadYears()
                loadYear()
              }}
            />
          )}
          <LoadedYears years={years} />
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}

function YearCalendar({ view }: { view: CalendarYear }) {
  const { t } = useTranslation()
  const lang = useLang()
  const months = useMemo(() => {
    const by: CalendarDayInfo[][] = Array.from({ length: 12 }, () => [])
    for (const d of view.days) {
      const m = Number(d.date.slice(5, 7)) - 1
      if (m >= 0 && m < 12 && d.date.startsWith(String(view.year))) by[m]?.push(d)
    }
    return by
  }, [view])
  const counts = useMemo(() => {
    const c = { working: 0, holiday: 0, makeup: 0 }
    for (const d of view.days) {
      if (!d.date.startsWith(String(view.year))) continue
      if (d.working) c.working++
      if (d.kind === 'holiday') c.holiday++
      if (d.kind === 'makeup') c.makeup++
    }
    return c
  }, [view])
  const today = todayIso()
  const originText = t(`calendar.origin.${view.origin}`)

  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="md">
        {!view.loaded ? (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('calendar.notLoaded')} data-testid="calendar-not-loaded">
            <Stack gap={2}>
              <Text size="sm">{t('calendar.notLoadedText')}</Text>
              {view.warnings.map((w) => (
                <Text size="sm" key={w.code}>
                  {lang === 'zh' ? w.zh : w.en}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : (
          <Group gap="xs" data-testid="calendar-source">
            <IconInfoCircle size={18} color="var(--mantine-color-navy-7)" />
            <Text size="sm">
              {t('calendar.source', { source: view.source ?? t('common.none') })}
            </Text>
            <Badge variant="light" color={view.origin === 'imported' ? 'teal' : 'gray'}>
              {originText}
            </Badge>
          </Group>
        )}
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="lg" className="cal-legend">
            <Legend kind="holiday" label={t('calendar.kind.holiday')} />
            <Legend kind="makeup" label={t('calendar.kind.makeup')} />
            <Legend kind="weekend" label={t('calendar.kind.weekend')} />
            <Legend kind="workday" label={t('calendar.kind.workday')} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="calendar-counts">
            {t('calendar.counts', counts)}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="md" data-testid="calendar-grid">
          {months.map((days, i) => (
            <MonthGrid key={`${view.year}-${i}`} year={view.year} month={i + 1} days={days} lang={lang} today={today} />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  )
}

function Legend({ kind, label }: { kind: CalendarDayInfo['kind']; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span className={`cal-swatch cal-${kind}`} />
      <Text size="sm">{label}</Text>
    </Group>
  )
}

const WEEKDAYS: Record<Lang, string[]> = {
  zh: ['一', '二', '三', '四', '五', '六', '日'],
  en: ['M', 'T', 'W', 'T', 'F', 'S', 'S'],
}

/** One month: Monday-first weeks; colour by kind, the holiday name in the tooltip (title). */
const MonthGrid = memo(function MonthGrid({
  year,
  month,
  days,
  lang,
  today,
}: {
  year: number
  month: number
  days: CalendarDayInfo[]
  lang: Lang
  today: string
}) {
  const { t } = useTranslation()
  // 0 = Monday … 6 = Sunday.
  const lead = (new Date(year, month - 1, 1).getDay() + 6) % 7
  return (
    <div className="cal-month" data-testid={`cal-month-${month}`}>
      <Text fw={600} size="sm" mb={4}>
        {lang === 'zh' ? t('calendar.month', { month }) : new Intl.DateTimeFormat('en', { month: 'long' }).format(new Date(2000, month - 1, 1))}
      </Text>
      <div className="cal-grid">
        {WEEKDAYS[lang].map((w, i) => (
          <div key={`h${i}`} className="cal-head">
            {w}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`e${i}`} />
        ))}
        {days.map((d) => {
          const title = [formatDate(d.date, lang), weekdayName(d.date, lang), d.name ?? t(`calendar.kind.${d.kind}`)].join(' ')
          return (
            <div
              key={d.date}
              className={`cal-day cal-${d.kind}${d.date === today ? ' cal-today' : ''}`}
              title={title}
              data-testid={`cal-day-${d.date}`}
              data-kind={d.kind}
            >
              {Number(d.date.slice(8, 10))}
            </div>
          )
        })}
      </div>
    </div>
  )
})

/** The calculator's input as the contract declares it (calendar.addWorkingDays): its limits, not copies. */
const DEADLINE = contract['calendar.addWorkingDays'].input
const DAYS_MIN = DEADLINE.shape.days.minValue ?? undefined
const DAYS_MAX = DEADLINE.shape.days.maxValue ?? undefined

interface DeadlineValues {
  from: string | null
  days: number | string
}

function DeadlineCalculator() {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [result, setResult] = useState<DeadlineResult | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<DeadlineValues>({
    mode: 'controlled',
    initialValues: { from: todayIso(), days: 10 },
    // NumberInput holds '' while empty: that is "required", not a number out of range.
    validate: zodValidate<DeadlineValues>(DEADLINE, lang, (v) => ({
      from: v.from ?? undefined,
      days: v.days === '' ? undefined : Number(v.days),
    })),
  })

  const compute = async ({ from, days }: DeadlineValues) => {
    if (from === null) return
    setBusy(true)
    const r = await run('calendar.addWorkingDays', { from, days: Number(days) })
    setBusy(false)
    setResult(r.ok ? r.value : null)
  }

  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={form.onSubmit((values) => void compute(values))} noValidate>
        <Stack gap="sm">
          <Group gap="xs">
            <IconCalculator size={20} color="var(--mantine-color-navy-7)" />
            <Title order={4}>{t('calendar.deadlineTitle')}</Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t('calendar.deadlineText')}
          </Text>
          <Group align="flex-end" grow>
            <DateField
              label={t('calendar.from')}
              value={form.values.from}
              onChange={(v) => form.setFieldValue('from', v)}
              error={form.errors.from}
              data-testid="deadline-from"
            />
            <NumberInput
              label={t('calendar.days')}
              {...form.getInputProps('days')}
              min={DAYS_MIN}
              max={DAYS_MAX}
              allowDecimal={false}
              allowNegative={false}
              suffix={lang === 'zh' ? ' 个工作日' : ' working days'}
              data-testid="deadline-days"
            />
          </Group>
          <Group>
            <Button type="submit" loading={busy} data-testid="deadline-compute">
              {t('calendar.compute')}
            </Button>
          </Group>
          {result && (
            <Alert color="navy" variant="light" icon={<IconCalendarEvent />} data-testid="deadline-result">
              <Stack gap={4}>
                <Text fw={700} size="lg">
                  {t('calendar.deadlineDate', { date: formatDate(result.date, lang), weekday: weekdayName(result.date, lang) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('calendar.deadlineFrom', { from: formatDate(result.from, lang), days: result.days })}
                </Text>
                {result.warnings.map((w) => (
                  <Text size="sm" c="orange.8" key={`${w.code}-${w.year}`}>
                    {lang === 'zh' ? w.zh : w.en}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  )
}

function CalendarImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)

  const doImport = async () => {
    if (!file) return
    setBusy(true)
    try {
      const content = await readFileAsBase64(file)
      const r = await run('calendar.import', content)
      if (r.ok) {
        notifySuccess(t('calendar.imported', { year: r.value.year, holidays: r.value.holidays, makeup: r.value.makeupWorkdays }))
        setFile(null)
        onImported()
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <FileImportCard
      title={t('calendar.importTitle')}
      text={t('calendar.importText')}
      fileLabel={t('calendar.importFile')}
      accept=".json,.ics"
      file={file}
      onFile={setFile}
      busy={busy}
      onSubmit={() => void doImport()}
      submitLabel={t('calendar.import')}
      testId="calendar-import"
    />
  )
}

function LoadedYears({ years }: { years: CalendarYearSummary[] | null }) {
  const { t } = useTranslation()
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={4}>{t('calendar.yearsTitle')}</Title>
        {years === null ? (
          <Loader size="sm" />
        ) : years.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('calendar.yearsEmpty')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="calendar-years">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('calendar.colYear')}</Table.Th>
                <Table.Th>{t('calendar.colSource')}</Table.Th>
                <Table.Th w={70} ta="right">
                  {t('calendar.colHolidays')}
                </Table.Th>
                <Table.Th w={70} ta="right">
                  {t('calendar.colMakeup')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...years]
                .sort((a, b) => b.year - a.year)
                .map((y) => (
                  <Table.Tr key={y.year} data-testid={`calendar-years-${y.year}`}>
                    <Table.Td fw={600}>{y.year}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {y.origin === 'imported' && (
                          <Badge size="sm" variant="light" color="teal" style={{ flexShrink: 0 }}>
                            {t('calendar.origin.imported')}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed" lineClamp={2} title={y.source}>
                          {y.source}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{y.holidays}</Table.Td>
                    <Table.Td ta="right">{y.makeupWorkdays}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  )
}
