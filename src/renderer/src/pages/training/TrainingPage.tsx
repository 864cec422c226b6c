import { useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core'
import { IconPlus, IconSchool, IconUserCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { RATER_REASON_LABELS, TRAINING_KINDS, TRAINING_KIND_LABELS, ENROLMENT_STATUS_LABELS, type EnrolmentStatus, type NeedRow, type TrainingKind, type TrainingSessionView } from '@shared/training'
import { notifySuccess, useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { formatDate } from '../../format'
import { useLang } from '../../i18n'
import { can, routeQuery } from '../../routes'
import { useApiData } from '../../useApiData'

type Tab = 'sessions' | 'report' | 'needs'
const KIND_COLOR: Record<TrainingKind, string> = { assessor: 'grape', workshop: 'blue', caseStudy: 'teal' }
const STATUS_COLOR: Record<EnrolmentStatus, string> = { planned: 'blue', attended: 'teal', cancelled: 'gray' }

function Loading() {
  return (
    <Group justify="center" py={48}>
      <Loader size="sm" />
    </Group>
  )
}

/** 培训辅导 (plan §六(四)): the year's sessions and attendance, raters without the assessor training, enrolments from needs. */
export function TrainingPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const hr = can(session.roles, 'training.manage')
  const [year, setYear] = useState(() => Number(routeQuery().get('year')) || new Date().getFullYear())
  const [tab, setTab] = useState<Tab>(() => (['sessions', 'report', 'needs'] as const).find((x) => x === routeQuery().get('tab')) ?? 'sessions')
  const [adding, setAdding] = useState(false)
  const [reloads, setReloads] = useState(0)
  return (
    <Stack gap="md" maw={1240}>
      <PageHeader
        title={t('training.title')}
        lead={t('training.lead')}
        actions={
          <Group align="flex-end">
            <YearSelect value={year} onChange={setYear} testid="training-year" label={t('training.year')} />
            {hr && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="training-add">
                {t('training.add')}
              </Button>
            )}
          </Group>
        }
      />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sessions" data-testid="training-tab-sessions">
            {t('training.tabSessions')}
          </Tabs.Tab>
          <Tabs.Tab value="report" data-testid="training-tab-report">
            {t('training.tabReport')}
          </Tabs.Tab>
          <Tabs.Tab value="needs" data-testid="training-tab-needs">
            {t('training.tabNeeds')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions">
          <SessionsPanel year={year} hr={hr} reloads={reloads} onChanged={() => setReloads((n) => n + 1)} />
        </Tabs.Panel>
        <Tabs.Panel value="report">
          <ReportPanel year={year} reloads={reloads} />
        </Tabs.Panel>
        <Tabs.Panel value="needs">
          <NeedsPanel year={year} hr={hr} reloads={reloads} onChanged={() => setReloads((n) => n + 1)} />
        </Tabs.Panel>
      </Tabs>
      <AddSessionModal
        opened={adding}
        year={year}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false)
          setReloads((n) => n + 1)
        }}
      />
    </Stack>
  )
}

function SessionsPanel({ year, hr, reloads, onChanged }: { year: number; hr: boolean; reloads: number; onChanged: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const data = useApiData('training.sessions', { year }, [year, reloads])
  const [attending, setAttending] = useState<TrainingSessionView | null>(null)
  const [shown, setShown] = useState<TrainingSessionView | null>(null)
  const rows = data.data
  if (!rows) return data.error ? null : <Loading />
  const hours = rows.reduce((s, r) => s + r.hours, 0)
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {TRAINING_KINDS.map((k) => (
          <Card withBorder padding="md" key={k} data-testid={`training-stat-${k}`}>
            <Text size="xs" c="dimmed">
              {TRAINING_KIND_LABELS[k][lang]}
            </Text>
            <Text size="xl" fw={700}>
              {t('training.sessionCount', { count: rows.filter((r) => r.kind === k).length })}
            </Text>
          </Card>
        ))}
        <Card withBorder padding="md" data-testid="training-stat-hours">
          <Text size="xs" c="dimmed">
            {t('training.totalHours')}
          </Text>
          <Text size="xl" fw={700}>
            {hours}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder radius="md" padding={0}>
        {rows.length === 0 ? (
          <Text c="dimmed" ta="center" py={40} data-testid="training-sessions-empty">
            {t('training.noSessions', { year })}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="training-sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('training.colDate')}</Table.Th>
                <Table.Th w={130}>{t('training.colKind')}</Table.Th>
                <Table.Th>{t('training.colTitle')}</Table.Th>
                <Table.Th w={70}>{t('training.colHours')}</Table.Th>
                <Table.Th w={150}>{t('training.colTrainer')}</Table.Th>
                <Table.Th w={90}>{t('training.colAttendees')}</Table.Th>
                <Table.Th w={hr ? 200 : 100} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} data-testid={`training-session-${s.id}`}>
                  <Table.Td>{formatDate(s.heldOn, lang)}</Table.Td>
                  <Table.Td>
                    <Badge color={KIND_COLOR[s.kind]} variant="light" size="sm">
                      {t(`training.kind.${s.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.title}
                    </Text>
                    {s.location && (
                      <Text size="xs" c="dimmed">
                        {s.location}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.hours}</Table.Td>
                  <Table.Td>{s.trainer ?? '—'}</Table.Td>
                  <Table.Td>{s.attendees.length}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setShown(s)} data-testid={`training-show-${s.id}`}>
                        {t('training.showAttendees')}
                      </Button>
                      {hr && (
                        <Button size="xs" variant="light" leftSection={<IconUserCheck size={14} />} onClick={() => setAttending(s)} data-testid={`training-attend-${s.id}`}>
                          {t('training.recordAttendance')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <AttendanceModal
        session={attending}
        onClose={() => setAttending(null)}
        onDone={() => {
          setAttending(null)
          onChanged()
        }}
      />
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown ? t('training.attendeesOf', { title: shown.title }) : ''} centered size="lg">
        {shown && (
          <Stack gap="xs" data-testid="training-attendees">
            {shown.attendees.length === 0 ? (
              <Text c="dimmed">{t('training.noAttendees')}</Text>
            ) : (
              <Group gap="xs">
                {shown.attendees.map((a) => (
                  <Badge key={a.personId} variant="outline" color="gray" size="lg" radius="sm">
                    {a.name} {a.staffNo}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}

function AddSessionModal({ opened, year, onClose, onAdded }: { opened: boolean; year: number; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [kind, setKind] = useState<TrainingKind>('assessor')
  const [title, setTitle] = useState('')
  const [heldOn, setHeldOn] = useState('')
  const [hours, setHours] = useState<number | string>(3)
  const [trainer, setTrainer] = useState('')
  const [location, setLocation] = useState('')
  const [saving, setSaving] = useState(false)
  const save = async () => {
    setSaving(true)
    const r = await run('training.addSession', { year, kind, title, heldOn, hours: Number(hours), ...(trainer ? { trainer } : {}), ...(location ? { location } : {}) })
    setSaving(false)
    if (r.ok) {
      notifySuccess(t('training.added', { title: r.value.title }))
      setTitle('')
      setHeldOn('')
      onAdded()
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('training.addTitle', { year })} centered size="lg">
      <Stack gap="sm" data-testid="training-add-form">
        <Select
          label={t('training.colKind')}
          value={kind}
          onChange={(v) => v && setKind(v as TrainingKind)}
          data={TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k][lang] }))}
          allowDeselect={false}
          data-testid="training-kind"
        />
        <TextInput label={t('training.colTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required data-testid="training-title" />
        <Group grow>
          <TextInput label={t('training.colDate')} placeholder="YYYY-MM-DD" value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value.trim())} required data-testid="training-date" />
          <NumberInput label={t('training.colHours')} value={hours} onChange={setHours} min={0.5} max={24} step={0.5} decimalScale={1} data-testid="training-hours" />
        </Group>
        <Group grow>
          <TextInput label={t('training.colTrainer')} value={trainer} onChange={(e) => setTrainer(e.currentTarget.value)} data-testid="training-trainer" />
          <TextInput label={t('training.colLocation')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} data-testid="training-location" />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving} disabled={title.trim() === '' || heldOn === ''} data-testid="training-save">
            {t('training.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function AttendanceModal({ session, onClose, onDone }: { session: TrainingSessionView | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const people = useApiData('org.people.list', session ? {} : null, [session?.id])
  const [picked, setPicked] = useState<string[]>([])
  const [pasted, setPasted] = useState('')
  const [saving, setSaving] = useState(false)
  const already = new Set(session?.attendees.map((a) => a.personId) ?? [])
  const staffNos = pasted.split(/[\s,，、;；]+/).filter((s) => s !== '')
  const save = async () => {
    if (!session) return
    setSaving(true)
    const r = await run('training.attend', { sessionId: session.id, personIds: picked.map(Number), staffNos })
    setSaving(false)
    if (r.ok) {
      notifySuccess(t('training.attendanceSaved', { added: r.value.added, already: r.value.already, enrolments: r.value.enrolmentsAttended }))
      setPicked([])
      setPasted('')
      onDone()
    }
  }
  return (
    <Modal opened={session !== null} onClose={onClose} title={session ? t('training.attendanceTitle', { title: session.title }) : ''} centered size="lg">
      {session && (
        <Stack gap="sm" data-testid="training-attendance-form">
          <Text size="sm" c="dimmed">
            {t('training.attendanceLead', { count: session.attendees.length })}
          </Text>
          <MultiSelect
            label={t('training.pickPeople')}
            searchable
            clearable
            value={picked}
            onChange={setPicked}
            data={(people.data ?? []).filter((p) => !already.has(p.id)).map((p) => ({ value: String(p.id), label: `${p.name} ${p.staffNo}` }))}
            data-testid="training-attendance-people"
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('training.pasteStaffNos')}
            description={t('training.pasteHint')}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
            autosize
            minRows={3}
            data-testid="training-attendance-staffnos"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void save()} loading={saving} disabled={picked.length === 0 && staffNos.length === 0} data-testid="training-attendance-save">
              {t('training.saveAttendance', { count: picked.length + staffNos.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

function ReportPanel({ year, reloads }: { year: number; reloads: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const data = useApiData('training.report', { year }, [year, reloads])
  const r = data.data
  if (!r) return data.error ? null : <Loading />
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed">
            {t('training.assessorSessions')}
          </Text>
          <Text size="xl" fw={700}>
            {r.assessorSessions}
          </Text>
        </Card>
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed">
            {t('training.raterCount')}
          </Text>
          <Text size="xl" fw={700}>
            {r.raters.length}
          </Text>
        </Card>
        <Card withBorder padding="md" data-testid="training-missing-count">
          <Text size="xs" c="dimmed">
            {t('training.missingCount')}
          </Text>
          <Text size="xl" fw={700} c={r.missing.length > 0 ? 'orange.7' : 'teal.7'}>
            {r.missing.length}
          </Text>
        </Card>
      </SimpleGrid>
      {r.assessorSessions === 0 && (
        <Alert color="yellow" icon={<IconSchool size={18} />}>
          {t('training.noAssessorSession', { year })}
        </Alert>
      )}
      <Card withBorder radius="md" padding={0}>
        {r.missing.length === 0 ? (
          <Text c="teal.7" ta="center" py={40} data-testid="training-missing-none">
            {t('training.allAttended', { year })}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="training-missing">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('org.colStaffNo')}</Table.Th>
                <Table.Th>{t('org.colName')}</Table.Th>
                <Table.Th>{t('commitments.colDepartment')}</Table.Th>
                <Table.Th>{t('training.colReasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.missing.map((m) => (
                <Table.Tr key={m.personId} data-testid={`training-missing-${m.staffNo}`}>
                  <Table.Td>{m.staffNo}</Table.Td>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.department ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.reasons.map((x) => (
                        <Badge key={x} variant="light" color="gray" size="sm">
                          {RATER_REASON_LABELS[x][lang]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  )
}

function NeedsPanel({ year, hr, reloads, onChanged }: { year: number; hr: boolean; reloads: number; onChanged: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [needYear, setNeedYear] = useState(year - 1)
  const needs = useApiData('training.needs', hr ? { year: needYear } : null, [needYear, reloads, hr])
  const enrolments = useApiData('training.enrolments', { year: needYear }, [needYear, reloads])
  const sessions = useApiData('training.sessions', { year }, [year, reloads])
  const [enrolling, setEnrolling] = useState<NeedRow | null>(null)
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const staffSessions = (sessions.data ?? []).filter((s) => s.kind !== 'assessor')
  const enrol = async () => {
    if (!enrolling) return
    const r = await run('training.enrol', { year: needYear, personId: enrolling.personId, key: enrolling.key, ...(sessionId ? { sessionId: Number(sessionId) } : {}) })
    if (r.ok) {
      notifySuccess(t('training.enrolled', { name: r.value.name }))
      setEnrolling(null)
      setSessionId(null)
      onChanged()
    }
  }
  const cancel = async () => {
    if (cancelling === null) return
    const r = await run('training.cancelEnrolment', { id: cancelling, reason })
    if (r.ok) {
      notifySuccess(t('training.cancelled'))
      setCancelling(null)
      setReason('')
      onChanged()
    }
  }
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={800}>
          {t('training.needsLead')}
        </Text>
        <YearSelect value={needYear} onChange={setNeedYear} testid="training-need-year" label={t('training.needYear')} />
      </Group>
      {hr && (
        <Card withBorder radius="md" padding={0}>
          {!needs.data ? (
            needs.error ? null : <Loading />
          ) : needs.data.length === 0 ? (
            <Text c="dimmed" ta="center" py={32} data-testid="training-needs-empty">
              {t('training.noNeeds', { year: needYear })}
            </Text>
          ) : (
            <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="training-needs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('org.colStaffNo')}</Table.Th>
                  <Table.Th w={90}>{t('org.colName')}</Table.Th>
                  <Table.Th>{t('training.colNeed')}</Table.Th>
                  <Table.Th w={130}>{t('training.colScore')}</Table.Th>
                  <Table.Th>{t('training.colSuggestion')}</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {needs.data.map((n) => (
                  <Table.Tr key={`${n.personId}:${n.key}`} data-testid={`training-need-${n.staffNo}-${n.key}`}>
                    <Table.Td>{n.staffNo}</Table.Td>
                    <Table.Td>{n.name}</Table.Td>
                    <Table.Td>{n.label[lang]}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {n.score.toFixed(2)}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          / {n.unitMean.toFixed(2)}
                        </Text>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {n.suggestion}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {n.enrolmentStatus ? (
                        <Badge color={STATUS_COLOR[n.enrolmentStatus]} variant="light">
                          {ENROLMENT_STATUS_LABELS[n.enrolmentStatus][lang]}
                        </Badge>
                      ) : (
                        <Button size="xs" variant="light" onClick={() => setEnrolling(n)} data-testid={`training-enrol-${n.staffNo}-${n.key}`}>
                          {t('training.enrol')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
      <Text fw={600}>{t('training.enrolmentsTitle', { year: needYear })}</Text>
      <Card withBorder radius="md" padding={0}>
        {!enrolments.data ? (
          enrolments.error ? null : <Loading />
        ) : enrolments.data.length === 0 ? (
          <Text c="dimmed" ta="center" py={32} data-testid="training-enrolments-empty">
            {t('training.noEnrolments')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="training-enrolments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('org.colStaffNo')}</Table.Th>
                <Table.Th w={90}>{t('org.colName')}</Table.Th>
                <Table.Th>{t('training.colNeed')}</Table.Th>
                <Table.Th>{t('training.colSession')}</Table.Th>
                <Table.Th w={100}>{t('training.colStatus')}</Table.Th>
                {hr && <Table.Th w={90} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrolments.data.map((e) => (
                <Table.Tr key={e.id} data-testid={`training-enrolment-${e.id}`}>
                  <Table.Td>{e.staffNo}</Table.Td>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{e.needLabel[lang]}</Table.Td>
                  <Table.Td>{e.sessionTitle ?? <Text size="sm" c="dimmed">{t('training.noSessionYet')}</Text>}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[e.status]} variant="light">
                      {ENROLMENT_STATUS_LABELS[e.status][lang]}
                    </Badge>
                  </Table.Td>
                  {hr && (
                    <Table.Td>
                      {e.status === 'planned' && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setCancelling(e.id)} data-testid={`training-cancel-${e.id}`}>
                          {t('training.cancel')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Modal opened={enrolling !== null} onClose={() => setEnrolling(null)} title={enrolling ? t('training.enrolTitle', { name: enrolling.name, need: enrolling.label[lang] }) : ''} centered>
        {enrolling && (
          <Stack gap="sm" data-testid="training-enrol-form">
            <Text size="sm">{enrolling.suggestion}</Text>
            <Select
              label={t('training.linkSession')}
              placeholder={t('training.linkLater')}
              clearable
              value={sessionId}
              onChange={setSessionId}
              data={staffSessions.map((s) => ({ value: String(s.id), label: `${s.heldOn} ${s.title}` }))}
              data-testid="training-enrol-session"
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEnrolling(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void enrol()} data-testid="training-enrol-save">
                {t('training.enrol')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={t('training.cancelTitle')} centered>
        <Stack gap="sm">
          <Textarea label={t('training.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid="training-cancel-reason" />
          <Group justify="flex-end">
            <Button color="red" onClick={() => void cancel()} disabled={reason.trim() === ''} data-testid="training-cancel-save">
              {t('training.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
