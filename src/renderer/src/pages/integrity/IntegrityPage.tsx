import { useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, Modal, NumberInput, Select, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import type { SanctionEffect } from '@shared/annual'
import type { LeadStatus, LeadView, ReviewFinding, ReviewRow } from '@shared/api/integrity'
import { notifySuccess, useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { formatDate, todayIso } from '../../format'
import { useLang } from '../../i18n'
import { can } from '../../routes'
import { useApiData } from '../../useApiData'

const EFFECT_KEY: Record<SanctionEffect, string> = {
  notExcellent: 'integrity.effectNotExcellent',
  ungraded: 'integrity.effectUngraded',
  ungradedTwoYears: 'integrity.effectUngradedTwoYears',
  incompetent: 'integrity.effectIncompetent',
}
const LEAD_STATUS_KEY: Record<LeadStatus, string> = {
  received: 'integrity.leadStatusReceived',
  verifying: 'integrity.leadStatusVerifying',
  concluded: 'integrity.leadStatusConcluded',
}
const CHANNEL_KEY: Record<LeadView['channel'], string> = {
  signedIn: 'integrity.channelSignedIn',
  kiosk: 'integrity.channelKiosk',
  publicityObjection: 'integrity.channelPublicityObjection',
}

/** 纪检监督: the discipline office's reviews, sanctions and leads (T3); outcomes only for HR and the group. */
export function IntegrityPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const office = can(session.roles, 'integrity.manage')
  const tabs = office ? ['reviews', 'sanctions', 'leads'] : ['outcomes']
  const [tab, setTab] = useState<string | null>(tabs[0]!)
  const label: Record<string, string> = {
    reviews: t('integrity.tabReviews'),
    sanctions: t('integrity.tabSanctions'),
    leads: t('integrity.tabLeads'),
    outcomes: t('integrity.tabOutcomes'),
  }
  return (
    <Stack gap="md" maw={1320}>
      <PageHeader
        title={t('integrity.title')}
        lead={office ? t('integrity.lead') : t('integrity.outcomesLead')}
        actions={<YearSelect value={year} onChange={setYear} testid="integrity-year" label={t('integrity.year')} />}
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`integrity-tab-${k}`}>
              {label[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="reviews">
          <Reviews year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="sanctions">
          <Sanctions year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="leads">
          <Leads />
        </Tabs.Panel>
        <Tabs.Panel value="outcomes">
          <Outcomes year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function Outcome({ row }: { row: ReviewRow }) {
  const { t } = useTranslation()
  if (row.status === 'none') return <Text c="dimmed">{t('integrity.statusNone')}</Text>
  if (row.status === 'pending')
    return (
      <Badge color="yellow" variant="light">
        {t('integrity.statusPending')}
      </Badge>
    )
  const text = row.finding === 'none' ? t('integrity.findingNone') : row.finding === 'minor' ? t('integrity.findingMinor', { count: row.minorCount }) : t('integrity.findingSerious')
  return (
    <Badge color={row.finding === 'none' ? 'teal' : row.finding === 'minor' ? 'orange' : 'red'} variant="light">
      {text}
    </Badge>
  )
}

function ReviewTable({ rows, onRecord }: { rows: ReviewRow[]; onRecord?: (row: ReviewRow) => void }) {
  const { t } = useTranslation()
  const pending = rows.filter((r) => r.riskPost && r.status !== 'completed').length
  return (
    <Stack gap="sm">
      {pending > 0 && (
        <Alert color="orange" data-testid="reviews-pending">
          {t('integrity.pendingBlock', { count: pending })}
        </Alert>
      )}
      <Table striped highlightOnHover data-testid="reviews-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('integrity.colPerson')}</Table.Th>
            <Table.Th>{t('integrity.colDepartment')}</Table.Th>
            <Table.Th>{t('integrity.colOutcome')}</Table.Th>
            {onRecord && <Table.Th>{t('integrity.colDetails')}</Table.Th>}
            {onRecord && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.personId} data-testid={`review-row-${r.staffNo}`}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {r.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.staffNo}
                  </Text>
                  {r.riskPost && (
                    <Badge size="xs" color="orange" variant="outline">
                      {t('integrity.riskPost')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{r.department ?? ''}</Table.Td>
              <Table.Td>
                <Outcome row={r} />
              </Table.Td>
              {onRecord && (
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {r.details ?? ''}
                  </Text>
                </Table.Td>
              )}
              {onRecord && (
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => onRecord(r)} data-testid={`review-record-${r.staffNo}`}>
                    {t('integrity.record')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function Reviews({ year }: { year: number }) {
  const data = useApiData('integrity.reviews', { year }, [year])
  const [editing, setEditing] = useState<ReviewRow | null>(null)
  if (!data.data) return <Loader size="sm" />
  return (
    <>
      <ReviewTable rows={data.data} onRecord={setEditing} />
      <ReviewModal
        year={year}
        row={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          data.reload()
        }}
      />
    </>
  )
}

function ReviewModal({ year, row, onClose, onSaved }: { year: number; row: ReviewRow | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [status, setStatus] = useState<string | null>(null)
  const [finding, setFinding] = useState<string | null>(null)
  const [minor, setMinor] = useState<number | string>(1)
  const [details, setDetails] = useState('')
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState<number | null>(null)
  if (row && shown !== row.personId) {
    setShown(row.personId)
    setStatus(row.status === 'none' ? 'pending' : row.status)
    setFinding(row.finding)
    setMinor(row.minorCount || 1)
    setDetails(row.details ?? '')
  }
  if (!row && shown !== null) setShown(null)
  const save = async () => {
    if (!row) return
    setBusy(true)
    const completed = status === 'completed'
    const r = await run('integrity.recordReview', {
      year,
      personId: row.personId,
      status: completed ? 'completed' : 'pending',
      ...(completed && finding ? { finding: finding as ReviewFinding } : {}),
      ...(completed && finding === 'minor' ? { minorCount: Number(minor) } : {}),
      details,
    })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('integrity.saved'))
      onSaved()
    }
  }
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('integrity.recordTitle', { name: row.name }) : ''} centered size="lg">
      <Stack gap="sm">
        <Select
          label={t('integrity.status')}
          value={status}
          onChange={setStatus}
          allowDeselect={false}
          data={[
            { value: 'pending', label: t('integrity.statusPending') },
            { value: 'completed', label: t('integrity.statusCompleted') },
          ]}
          data-testid="review-status"
        />
        {status === 'completed' && (
          <Select
            label={t('integrity.finding')}
            value={finding}
            onChange={setFinding}
            allowDeselect={false}
            data={[
              { value: 'none', label: t('integrity.findingNone') },
              { value: 'minor', label: t('integrity.findingMinor', { count: '' }).trim() },
              { value: 'serious', label: t('integrity.findingSerious') },
            ]}
            data-testid="review-finding"
          />
        )}
        {status === 'completed' && finding === 'minor' && (
          <NumberInput label={t('integrity.minorCount')} min={1} max={99} value={minor} onChange={setMinor} data-testid="review-minor" />
        )}
        <Textarea label={t('integrity.details')} autosize minRows={3} value={details} onChange={(e) => setDetails(e.currentTarget.value)} data-testid="review-details" />
        <Group justify="flex-end">
          <Button loading={busy} onClick={() => void save()} disabled={status === 'completed' && !finding} data-testid="review-save">
            {t('integrity.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function Sanctions({ year }: { year: number }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const data = useApiData('integrity.sanctions', { year }, [year])
  const people = useApiData('integrity.reviews', { year }, [year])
  const [person, setPerson] = useState<string | null>(null)
  const [sanction, setSanction] = useState<string | null>(null)
  const [decidedOn, setDecidedOn] = useState(todayIso())
  const [docNo, setDocNo] = useState('')
  const [details, setDetails] = useState('')
  const [casePerson, setCasePerson] = useState<string | null>(null)
  if (!data.data) return <Loader size="sm" />
  const v = data.data
  const options = (people.data ?? []).map((p) => ({ value: String(p.personId), label: `${p.name}（${p.staffNo}）` }))
  return (
    <Stack gap="md">
      <Card withBorder radius="md">
        <Text fw={600} mb="xs">
          {t('integrity.addSanction')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <Select label={t('integrity.person')} data={options} value={person} onChange={setPerson} searchable w={200} data-testid="sanction-person" />
          <Select
            label={t('integrity.sanction')}
            data={Object.entries(v.table).map(([name, effect]) => ({ value: name, label: `${name}（${t(EFFECT_KEY[effect])}）` }))}
            value={sanction}
            onChange={setSanction}
            allowDeselect={false}
            w={260}
            data-testid="sanction-name"
          />
          <TextInput label={t('integrity.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} w={130} />
          <TextInput label={t('integrity.documentNo')} value={docNo} onChange={(e) => setDocNo(e.currentTarget.value)} w={180} />
          <TextInput label={t('integrity.details')} value={details} onChange={(e) => setDetails(e.currentTarget.value)} w={240} />
          <Button
            disabled={!person || !sanction}
            data-testid="sanction-add"
            onClick={async () => {
              const r = await run('integrity.addSanction', {
                personId: Number(person),
                sanction: sanction!,
                decidedOn,
                ...(docNo ? { documentNo: docNo } : {}),
                ...(details ? { details } : {}),
              })
              if (r.ok) {
                setDetails('')
                setDocNo('')
                data.reload()
              }
            }}
          >
            {t('integrity.record')}
          </Button>
        </Group>
      </Card>
      <Table striped data-testid="sanctions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('integrity.person')}</Table.Th>
            <Table.Th>{t('integrity.sanction')}</Table.Th>
            <Table.Th>{t('integrity.effect')}</Table.Th>
            <Table.Th>{t('integrity.decidedOn')}</Table.Th>
            <Table.Th>{t('integrity.effectiveTo')}</Table.Th>
            <Table.Th>{t('integrity.documentNo')}</Table.Th>
            <Table.Th>{t('integrity.colDetails')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.sanctions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{s.sanction}</Table.Td>
              <Table.Td>{s.effect ? t(EFFECT_KEY[s.effect]) : '—'}</Table.Td>
              <Table.Td>{s.decidedOn}</Table.Td>
              <Table.Td>{s.effectiveTo ?? '—'}</Table.Td>
              <Table.Td>{s.documentNo}</Table.Td>
              <Table.Td>{s.details ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder radius="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('integrity.investigations')}</Text>
          <Group align="flex-end">
            <Select data={options} value={casePerson} onChange={setCasePerson} searchable w={200} placeholder={t('integrity.person')} />
            <Button
              variant="light"
              disabled={!casePerson}
              onClick={async () => {
                const r = await run('integrity.openInvestigation', { personId: Number(casePerson), openedOn: todayIso() })
                if (r.ok) data.reload()
              }}
            >
              {t('integrity.openInvestigation')}
            </Button>
          </Group>
        </Group>
        <Table>
          <Table.Tbody>
            {v.investigations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>
                  {t('integrity.openedOn')} {i.openedOn}
                </Table.Td>
                <Table.Td>
                  {i.closedOn ? (
                    `${t('integrity.closedOn')} ${i.closedOn}`
                  ) : (
                    <Group gap="xs">
                      <Badge color="red" variant="light">
                        {t('integrity.underInvestigation')}
                      </Badge>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={async () => {
                          const r = await run('integrity.closeInvestigation', { id: i.id, closedOn: todayIso() })
                          if (r.ok) data.reload()
                        }}
                      >
                        {t('integrity.close')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  )
}

function Leads() {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [status, setStatus] = useState<string | null>('all')
  const data = useApiData('leads.list', status && status !== 'all' ? { status: status as LeadStatus } : {}, [status])
  const [concluding, setConcluding] = useState<LeadView | null>(null)
  const [conclusion, setConclusion] = useState('')
  const update = async (id: number, next: LeadStatus, text?: string) => {
    const r = await run('leads.update', { id, status: next, ...(text ? { conclusion: text } : {}) })
    if (r.ok) data.reload()
    return r.ok
  }
  return (
    <Stack gap="md">
      <Select
        w={200}
        value={status}
        onChange={setStatus}
        data={[{ value: 'all', label: t('integrity.all') }, ...(['received', 'verifying', 'concluded'] as const).map((s) => ({ value: s, label: t(LEAD_STATUS_KEY[s]) }))]}
      />
      {!data.data ? (
        <Loader size="sm" />
      ) : data.data.length === 0 ? (
        <Text c="dimmed">{t('integrity.noLeads')}</Text>
      ) : (
        data.data.map((l) => (
          <Card key={l.id} withBorder radius="md" data-testid={`lead-${l.id}`}>
            <Group justify="space-between" mb={6}>
              <Group gap="xs">
                <Text fw={600}>#{l.id}</Text>
                <Badge variant="light" color={l.status === 'concluded' ? 'gray' : l.status === 'verifying' ? 'blue' : 'orange'}>
                  {t(LEAD_STATUS_KEY[l.status])}
                </Badge>
                <Badge variant="outline" color="gray">
                  {t(CHANNEL_KEY[l.channel])}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t('integrity.lodgedOn', { date: formatDate(l.lodgedOn, lang) })}
                </Text>
              </Group>
              <Group gap="xs">
                {l.status === 'received' && (
                  <Button size="xs" variant="light" onClick={() => void update(l.id, 'verifying')}>
                    {t('integrity.verify')}
                  </Button>
                )}
                {l.status !== 'concluded' && (
                  <Button size="xs" onClick={() => setConcluding(l)} data-testid={`lead-conclude-${l.id}`}>
                    {t('integrity.conclude')}
                  </Button>
                )}
              </Group>
            </Group>
            <Text size="sm">{l.text}</Text>
            <Text size="xs" c="dimmed" mt={6}>
              {t('integrity.reporter')}：{l.reporter ?? t('integrity.anonymous')}
              {l.namedPerson ? ` · ${t('integrity.named')}：${l.namedPerson.name}` : ''}
            </Text>
            {l.conclusion && (
              <Text size="sm" mt={6}>
                {t('integrity.conclusion')}：{l.conclusion}
              </Text>
            )}
          </Card>
        ))
      )}
      <Modal opened={concluding !== null} onClose={() => setConcluding(null)} title={concluding ? t('integrity.concludeTitle', { id: concluding.id }) : ''} centered>
        <Stack>
          <Textarea label={t('integrity.conclusion')} autosize minRows={3} value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)} data-testid="lead-conclusion" />
          <Group justify="flex-end">
            <Button
              disabled={!conclusion.trim()}
              data-testid="lead-conclude-save"
              onClick={async () => {
                if (concluding && (await update(concluding.id, 'concluded', conclusion))) {
                  setConcluding(null)
                  setConclusion('')
                }
              }}
            >
              {t('integrity.conclude')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

function Outcomes({ year }: { year: number }) {
  const { t } = useTranslation()
  const data = useApiData('integrity.outcomes', { year }, [year])
  if (!data.data) return <Loader size="sm" />
  const o = data.data
  return (
    <Stack gap="md">
      <ReviewTable rows={o.reviews} />
      {o.sanctions.length > 0 && (
        <Card withBorder radius="md">
          <Text fw={600} mb="xs">
            {t('integrity.tabSanctions')}
          </Text>
          {o.sanctions.map((s, i) => (
            <Text key={i} size="sm">
              {s.name} · {s.sanction} · {s.decidedOn} · {s.effect ? t(EFFECT_KEY[s.effect]) : ''}
            </Text>
          ))}
        </Card>
      )}
      {o.underInvestigation.length > 0 && (
        <Card withBorder radius="md">
          <Text fw={600} mb="xs">
            {t('integrity.investigations')}
          </Text>
          {o.underInvestigation.map((s) => (
            <Text key={s.personId} size="sm">
              {s.name} · {t('integrity.underInvestigation')}
            </Text>
          ))}
        </Card>
      )}
    </Stack>
  )
}
