import { useEffect, useMemo, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core'
import { MonthPickerInput } from '@mantine/dates'
import { IconAlertTriangle, IconCalendar, IconMessagePlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo, TalkStatus } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { DateField } from '../components/DateField'
import { PageHeader } from '../components/PageHeader'
import { UnitTable, type UnitColumn } from '../components/UnitTable'
import { formatDate, todayIso } from '../format'
import { useLang } from '../i18n'
import { useUnitPeople } from './ledger/people'
import { routeQuery } from '../routes'
import { useApiData } from '../useApiData'

const thisMonth = () => todayIso().slice(0, 7)

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(y, m, 0).getDate()).padStart(2, '0')}`
}

/** 每月沟通: who has had this month's talk, who is due, who is overdue; supervisors record theirs. */
export function TalksPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const lang = useLang()
  const people = useUnitPeople(session)
  // The home page's overdue card opens the month it counts (talks?month=2026-11).
  const [month, setMonth] = useState(() => {
    const asked = routeQuery().get('month')
    return asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : thisMonth()
  })
  const [recording, setRecording] = useState<TalkStatus | null>(null)
  // One month's list: a late answer for a month no longer selected is dropped (useApiData).
  const talks = useApiData('talks.list', { month }, [])
  const rows = talks.error ? [] : talks.data
  const setData = talks.setData

  const reportIds = useMemo(() => new Set(people.reports.map((p) => p.id)), [people.reports])
  const done = rows?.filter((r) => r.talk).length ?? 0
  const overdue = rows?.filter((r) => !r.talk && r.overdue).length ?? 0
  const due = (rows?.length ?? 0) - done - overdue
  const future = month > thisMonth()
  // Departments come from the people list (HR and the leadership read it; a supervisor without it sees no department filter).
  const departmentOf = useMemo(() => {
    if (people.all.length === 0) return null
    const byId = new Map(people.all.map((p) => [p.id, p.departmentName]))
    return (personId: number) => byId.get(personId) ?? null
  }, [people.all])

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t('talks.title')} lead={t('talks.lead')} />
      <Group justify="space-between" align="flex-end">
        <MonthPickerInput
          label={t('talks.month')}
          value={`${month}-01`}
          onChange={(v) => {
            if (typeof v === 'string' && v) setMonth(v.slice(0, 7))
          }}
          valueFormat={lang === 'zh' ? 'YYYY年M月' : 'YYYY-MM'}
          leftSection={<IconCalendar size={16} stroke={1.6} />}
          leftSectionPointerEvents="none"
          w={200}
          data-testid="talks-month"
        />
        {rows && (
          <Group gap="xs" data-testid="talks-summary">
            <Badge color="green" variant="light" size="lg">
              {t('talks.done')} {done}
            </Badge>
            <Badge color="yellow" variant="light" size="lg">
              {t('talks.due')} {due}
            </Badge>
            <Badge color="red" variant={overdue > 0 ? 'filled' : 'light'} size="lg">
              {t('talks.overdue')} {overdue}
            </Badge>
          </Group>
        )}
      </Group>

      <TalksTable
        rows={rows}
        departmentOf={departmentOf}
        mayRecord={(row) => !row.talk && !future && reportIds.has(row.personId)}
        onRecord={setRecording}
        exportName={`${t('talks.title')}-${lang === 'zh' ? `${month.slice(0, 4)}年${Number(month.slice(5))}月` : month}`}
      />

      <RecordModal
        row={recording}
        onClose={() => setRecording(null)}
        onRecorded={(status) => {
          setRecording(null)
          if (rows) setData(rows.map((r) => (r.personId === status.personId ? status : r)))
        }}
      />
    </Stack>
  )
}

const STATUS_ORDER = { overdue: 0, due: 1, done: 2 } as const
const statusOf = (r: TalkStatus): keyof typeof STATUS_ORDER => (r.talk ? 'done' : r.overdue ? 'overdue' : 'due')

/** The month's people: overdue, due or done, with the talk's date, notes and who recorded it. */
function TalksTable({
  rows,
  departmentOf,
  mayRecord,
  onRecord,
  exportName,
}: {
  rows: TalkStatus[] | null
  departmentOf: ((personId: number) => string | null) | null
  mayRecord: (row: TalkStatus) => boolean
  onRecord: (row: TalkStatus) => void
  exportName: string
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const columns = useMemo<UnitColumn<TalkStatus>[]>(
    () => [
      { key: 'staffNo', label: t('org.colStaffNo'), value: (r) => r.staffNo, width: 110, mono: true },
      { key: 'name', label: t('org.colName'), value: (r) => r.personName, width: 110, nowrap: true },
      ...(departmentOf
        ? [{ key: 'department', label: t('commitments.colDepartment'), value: (r: TalkStatus) => departmentOf(r.personId), width: 130, nowrap: true }]
        : []),
      {
        key: 'status',
        label: t('talks.colStatus'),
        width: 100,
        value: (r) => t(`talks.${statusOf(r)}`),
        compare: (a, b) => STATUS_ORDER[statusOf(a)] - STATUS_ORDER[statusOf(b)],
        render: (r) => {
          const s = statusOf(r)
          return (
            <Badge color={s === 'done' ? 'green' : s === 'overdue' ? 'red' : 'yellow'} variant={s === 'overdue' ? 'filled' : 'light'} data-testid={`talks-status-${r.personId}`}>
              {t(`talks.${s}`)}
            </Badge>
          )
        },
      },
      {
        key: 'heldOn',
        label: t('talks.colHeldOn'),
        width: 140,
        value: (r) => r.talk?.heldOn ?? null,
        exportValue: (r) => (r.talk ? formatDate(r.talk.heldOn, lang) : null),
        searchable: false,
        render: (r) => (r.talk ? formatDate(r.talk.heldOn, lang) : null),
      },
      {
        key: 'notes',
        label: t('talks.colNotes'),
        sortable: false,
        value: (r) => r.talk?.notes ?? null,
        render: (r) =>
          r.talk ? (
            <Tooltip label={r.talk.notes} multiline maw={420} openDelay={300}>
              <Text size="sm" lineClamp={2}>
                {r.talk.notes}
              </Text>
            </Tooltip>
          ) : null,
      },
      { key: 'recordedBy', label: t('talks.colRecordedBy'), width: 100, value: (r) => r.talk?.recordedBy ?? null, nowrap: true },
      {
        key: 'action',
        label: '',
        width: 120,
        sortable: false,
        exported: false,
        searchable: false,
        value: () => null,
        render: (r) =>
          mayRecord(r) ? (
            <Button size="xs" variant="light" leftSection={<IconMessagePlus size={14} />} onClick={() => onRecord(r)} data-testid={`talks-record-${r.personId}`}>
              {t('talks.record')}
            </Button>
          ) : (
            <span />
          ),
      },
    ],
    [t, lang, departmentOf, mayRecord, onRecord],
  )
  if (rows === null) {
    return (
      <Card withBorder radius="md" padding={0}>
        <Group justify="center" py={48}>
          <Loader size="sm" />
        </Group>
      </Card>
    )
  }
  return (
    <UnitTable
      rows={rows}
      columns={columns}
      getKey={(r) => r.personId}
      {...(departmentOf ? { department: (r: TalkStatus) => departmentOf(r.personId) } : {})}
      summary={(shown) => t('unitTable.talks', { shown: shown.length, done: shown.filter((r) => r.talk).length })}
      exportName={exportName}
      sheetName={t('talks.title')}
      empty={t('talks.empty')}
      testid="talks-list"
      rowTestId={(r) => `talks-row-${r.personId}`}
      minWidth={900}
    />
  )
}

function RecordModal({
  row,
  onClose,
  onRecorded,
}: {
  row: TalkStatus | null
  onClose: () => void
  onRecorded: (status: TalkStatus) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const today = todayIso()
  const first = row ? `${row.month}-01` : today
  const last = row ? (lastDayOf(row.month) < today ? lastDayOf(row.month) : today) : today
  const [heldOn, setHeldOn] = useState<string | null>(null)
  const [notes, setNotes] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setHeldOn(row ? last : null)
    setNotes('')
    setProblem(null)
  }, [row, last])

  const submit = async () => {
    if (!row) return
    if (!heldOn || heldOn < first || heldOn > last) return setProblem(t('talks.needHeldOn'))
    if (!notes.trim()) return setProblem(t('talks.needNotes'))
    setBusy(true)
    const r = await run('talks.record', { personId: row.personId, month: row.month, heldOn, notes: notes.trim() }, { notify: false })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('talks.recorded'))
      onRecorded(r.value)
    } else {
      setProblem(describe(r.error))
    }
  }

  const monthText = row ? (lang === 'zh' ? `${row.month.slice(0, 4)}年${Number(row.month.slice(5))}月` : row.month) : ''
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('talks.recordTitle', { name: row.personName, month: monthText }) : ''} centered size="lg">
      {row && (
        <Stack gap="sm">
          <DateField label={t('talks.heldOn')} value={heldOn} onChange={setHeldOn} minDate={first} maxDate={last} required w={220} data-testid="talks-held-on" />
          <Textarea
            label={t('talks.notes')}
            placeholder={t('talks.notesPlaceholder')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            rows={5}
            resize="vertical"
            maxLength={4000}
            required
            data-testid="talks-notes"
          />
          {problem && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="talks-error">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void submit()} data-testid="talks-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
