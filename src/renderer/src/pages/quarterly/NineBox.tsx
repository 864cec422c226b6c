import { useEffect, useState } from 'react'
import { Badge, Button, Card, Checkbox, Group, Loader, Modal, NativeSelect, Select, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core'
import { IconEdit } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { PersonSummary } from '@shared/api/types'
import type { FollowupView, Quarter } from '@shared/quarterly'
import { notifySuccess, useApi } from '../../api'
import { DateField } from '../../components/DateField'
import { useApiData } from '../../useApiData'
import { formatDate, formatNumber, formatQuarter, todayIso } from '../../format'
import { useLang } from '../../i18n'
import { fieldOf, limitsOf } from '../../forms/zodForm'

/** A follow-up's notes take what quarterly.followups.update takes. */
const NOTES_LIMITS = limitsOf(fieldOf(contract['quarterly.followups.update'].input, 'notes'))

const BANDS = ['low', 'middle', 'high'] as const
type Band = (typeof BANDS)[number]

/** Cell tint: high-high green, low-low red, the diagonal neutral. */
function tint(row: Band, col: Band): string {
  const s = BANDS.indexOf(row) + BANDS.indexOf(col)
  return ['#fdecea', '#fff4e5', '#f8f9fa', '#e8f5e9', '#d7f0dc'][s] ?? '#f8f9fa'
}

/** 九宫格: potential (rows, high on top) × performance (columns, low on the left). */
export function NineBox({ year, quarter }: { year: number; quarter: Quarter }) {
  const { t } = useTranslation()
  // A late answer for a quarter no longer selected is dropped (useApiData).
  const view = useApiData('quarterly.nineBox', { year, quarter }, []).data

  if (view === null) {
    return (
      <Group justify="center" py={40}>
        <Loader size="sm" />
      </Group>
    )
  }
  const cell = (row: Band, col: Band) => view.cells.find((c) => c.row === row && c.col === col)?.people ?? []
  const total = view.cells.reduce((n, c) => n + c.people.length, 0)
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text size="sm" c="dimmed" data-testid="ninebox-cutoffs">
          {t('quarterly.nineBoxLead', { middle: formatNumber(view.cutoffs.middleMin), high: formatNumber(view.cutoffs.highMin) })}
        </Text>
        {view.guidelineVersion === null && (
          <Badge color="orange" variant="light">
            {t('quarterly.nineBoxDefault')}
          </Badge>
        )}
      </Group>
      {total === 0 && <Text c="dimmed">{t('quarterly.nineBoxNone')}</Text>}
      <div className="ninebox" data-testid="ninebox">
        <div className="ninebox-axis-y">{t('quarterly.axisPotential')}</div>
        <div className="ninebox-grid">
          {[...BANDS].reverse().map((row) =>
            BANDS.map((col) => {
              const people = cell(row, col)
              return (
                <div key={`${row}-${col}`} className="ninebox-cell" style={{ background: tint(row, col) }} data-testid={`ninebox-cell-${row}-${col}`}>
                  <Group justify="space-between" gap={4} mb={4}>
                    <Text size="xs" c="dimmed">
                      {t('quarterly.cellPotential', { band: t(`quarterly.band.${row}`) })} · {t('quarterly.cellPerformance', { band: t(`quarterly.band.${col}`) })}
                    </Text>
                    <Badge size="sm" variant="white" color="dark">
                      {people.length}
                    </Badge>
                  </Group>
                  <Group gap={4}>
                    {people.map((p) => (
                      <Tooltip key={p.personId} label={`${p.staffNo} · ${t('quarterly.colPerformance')} ${formatNumber(p.performance)} · ${t('quarterly.colPotential')} ${formatNumber(p.potential)}`}>
                        <Badge variant="filled" color="navy" tt="none" size="md" data-testid={`ninebox-person-${p.personId}`}>
                          {p.name}
                        </Badge>
                      </Tooltip>
                    ))}
                  </Group>
                </div>
              )
            }),
          )}
        </div>
        <div />
        <div className="ninebox-axis-x">
          {BANDS.map((b) => (
            <span key={b}>{t(`quarterly.band.${b}`)}</span>
          ))}
        </div>
        <div />
        <div className="ninebox-axis-label">{t('quarterly.axisPerformance')}</div>
      </div>
    </Stack>
  )
}

/** 约谈与帮扶 (leadership group): owner, deadline, state and notes of each follow-up. */
export function Followups({ people }: { people: PersonSummary[] }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [showDone, setShowDone] = useState(false)
  const [editing, setEditing] = useState<FollowupView | null>(null)
  const list = useApiData('quarterly.followups.list', showDone ? {} : { state: 'open' }, [])
  const rows = list.error ? [] : list.data
  const setRows = list.setData

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('quarterly.followupsLead')}
        </Text>
        <Checkbox label={t('quarterly.showDone')} checked={showDone} onChange={(e) => setShowDone(e.currentTarget.checked)} data-testid="quarterly-followups-done" />
      </Group>
      <Card withBorder radius="md" padding={0}>
        {rows === null ? (
          <Group justify="center" py={40}>
            <Loader size="sm" />
          </Group>
        ) : rows.length === 0 ? (
          <Text c="dimmed" ta="center" py={40} data-testid="quarterly-followups-empty">
            {t('quarterly.followupsEmpty')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="quarterly-followups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>{t('org.colStaffNo')}</Table.Th>
                <Table.Th w={100}>{t('org.colName')}</Table.Th>
                <Table.Th w={110}>{t('quarterly.colQuarter')}</Table.Th>
                <Table.Th w={110}>{t('quarterly.colKind')}</Table.Th>
                <Table.Th w={110}>{t('quarterly.colOwner')}</Table.Th>
                <Table.Th w={150}>{t('quarterly.colDeadline')}</Table.Th>
                <Table.Th w={100}>{t('commitments.colState')}</Table.Th>
                <Table.Th>{t('quarterly.colNotes')}</Table.Th>
                <Table.Th w={100} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((f) => {
                const late = f.state === 'open' && f.deadline < todayIso()
                return (
                  <Table.Tr key={f.id} data-testid={`quarterly-followup-${f.id}`}>
                    <Table.Td className="mono">{f.staffNo}</Table.Td>
                    <Table.Td>{f.name}</Table.Td>
                    <Table.Td>
                      {formatQuarter(f.year, f.quarter, lang)}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={f.kind === 'interview' ? 'grape' : 'indigo'}>
                        {t(`quarterly.kind.${f.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{f.ownerName ?? t('common.none')}</Table.Td>
                    <Table.Td c={late ? 'red' : undefined}>{formatDate(f.deadline, lang)}</Table.Td>
                    <Table.Td>
                      <Badge color={f.state === 'done' ? 'green' : late ? 'red' : 'yellow'} variant="light">
                        {t(`quarterly.fstate.${f.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {f.notes || t('common.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditing(f)} data-testid={`quarterly-followup-edit-${f.id}`}>
                        {t('quarterly.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <FollowupModal
        followup={editing}
        people={people}
        onClose={() => setEditing(null)}
        onSaved={(f) => {
          setEditing(null)
          if (rows) setRows(rows.map((x) => (x.id === f.id ? f : x)))
        }}
      />
    </Stack>
  )
}

function FollowupModal({
  followup,
  people,
  onClose,
  onSaved,
}: {
  followup: FollowupView | null
  people: PersonSummary[]
  onClose: () => void
  onSaved: (f: FollowupView) => void
}) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [owner, setOwner] = useState<string | null>(null)
  const [deadline, setDeadline] = useState<string | null>(null)
  const [state, setState] = useState<string>('open')
  const [notes, setNotes] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setOwner(followup?.ownerId != null ? String(followup.ownerId) : null)
    setDeadline(followup?.deadline ?? null)
    setState(followup?.state ?? 'open')
    setNotes(followup?.notes ?? '')
  }, [followup])

  const save = async () => {
    if (!followup) return
    setBusy(true)
    const r = await run('quarterly.followups.update', {
      id: followup.id,
      ownerId: owner ? Number(owner) : null,
      ...(deadline ? { deadline } : {}),
      state: state as FollowupView['state'],
      notes: notes.trim(),
    })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('quarterly.followupSaved'))
      onSaved(r.value)
    }
  }

  return (
    <Modal
      opened={followup !== null}
      onClose={onClose}
      title={followup ? t('quarterly.followupTitle', { kind: t(`quarterly.kind.${followup.kind}`), name: followup.name, year: followup.year, quarter: followup.quarter }) : ''}
      size="lg"
      centered
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('quarterly.owner')}
            data={people.map((p) => ({ value: String(p.id), label: `${p.name}（${p.staffNo}）` }))}
            value={owner}
            onChange={setOwner}
            searchable
            clearable
            data-testid="quarterly-followup-owner"
          />
          <DateField label={t('quarterly.deadline')} value={deadline} onChange={setDeadline} data-testid="quarterly-followup-deadline" />
          <NativeSelect
            label={t('commitments.colState')}
            value={state}
            onChange={(e) => setState(e.currentTarget.value)}
            data={(['open', 'done'] as const).map((s) => ({ value: s, label: t(`quarterly.fstate.${s}`) }))}
            data-testid="quarterly-followup-state"
          />
        </Group>
        <Textarea label={t('quarterly.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} rows={4} maxLength={NOTES_LIMITS.maxLength} data-testid="quarterly-followup-notes" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()} data-testid="quarterly-followup-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
