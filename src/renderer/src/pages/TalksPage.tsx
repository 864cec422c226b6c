import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core'
import { MonthPickerInput } from '@mantine/dates'
import { IconAlertTriangle, IconCalendar, IconMessagePlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo, TalkStatus } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { DateField } from '../components/DateField'
import { PageHeader } from '../components/PageHeader'
import { formatDate, todayIso } from '../format'
import { useLang } from '../i18n'
import { useUnitPeople } from './ledger/people'

const thisMonth = () => todayIso().slice(0, 7)

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(y, m, 0).getDate()).padStart(2, '0')}`
}

/** 每月沟通: who has had this month's talk, who is due, who is overdue; supervisors record theirs. */
export function TalksPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const people = useUnitPeople(session)
  const [month, setMonth] = useState(thisMonth)
  const [rows, setRows] = useState<TalkStatus[] | null>(null)
  const [recording, setRecording] = useState<TalkStatus | null>(null)

  const load = useCallback(async () => {
    setRows(null)
    const r = await run('talks.list', { month })
    setRows(r.ok ? r.value : [])
  }, [run, month])

  useEffect(() => {
    void load()
  }, [load])

  const reportIds = useMemo(() => new Set(people.reports.map((p) => p.id)), [people.reports])
  const done = rows?.filter((r) => r.talk).length ?? 0
  const overdue = rows?.filter((r) => !r.talk && r.overdue).length ?? 0
  const due = (rows?.length ?? 0) - done - overdue
  const future = month > thisMonth()

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

      <Card withBorder radius="md" padding={0}>
        {rows === null ? (
          <Group justify="center" py={48}>
            <Loader size="sm" />
          </Group>
        ) : rows.length === 0 ? (
          <Text c="dimmed" ta="center" py={48} data-testid="talks-empty">
            {t('talks.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="talks-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('org.colStaffNo')}</Table.Th>
                <Table.Th w={120}>{t('org.colName')}</Table.Th>
                <Table.Th w={110}>{t('talks.colStatus')}</Table.Th>
                <Table.Th w={150}>{t('talks.colHeldOn')}</Table.Th>
                <Table.Th>{t('talks.colNotes')}</Table.Th>
                <Table.Th w={110}>{t('talks.colRecordedBy')}</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.personId} data-testid={`talks-row-${row.personId}`}>
                  <Table.Td className="mono">{row.staffNo}</Table.Td>
                  <Table.Td>{row.personName}</Table.Td>
                  <Table.Td>
                    {row.talk ? (
                      <Badge color="green" variant="light" data-testid={`talks-status-${row.personId}`}>
                        {t('talks.done')}
                      </Badge>
                    ) : row.overdue ? (
                      <Badge color="red" variant="filled" data-testid={`talks-status-${row.personId}`}>
                        {t('talks.overdue')}
                      </Badge>
                    ) : (
                      <Badge color="yellow" variant="light" data-testid={`talks-status-${row.personId}`}>
                        {t('talks.due')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{row.talk ? formatDate(row.talk.heldOn, lang) : t('common.none')}</Table.Td>
                  <Table.Td>
                    {row.talk ? (
                      <Tooltip label={row.talk.notes} multiline maw={420} openDelay={300}>
                        <Text size="sm" lineClamp={2}>
                          {row.talk.notes}
                        </Text>
                      </Tooltip>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('common.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{row.talk?.recordedBy ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {!row.talk && !future && reportIds.has(row.personId) && (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconMessagePlus size={14} />}
                        onClick={() => setRecording(row)}
                        data-testid={`talks-record-${row.personId}`}
                      >
                        {t('talks.record')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <RecordModal
        row={recording}
        onClose={() => setRecording(null)}
        onRecorded={(status) => {
          setRecording(null)
          setRows((prev) => prev?.map((r) => (r.personId === status.personId ? status : r)) ?? prev)
        }}
      />
    </Stack>
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
