import { useEffect, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Timeline,
  Title,
} from '@mantine/core'
import { IconHistory, IconId, IconLink, IconLinkOff, IconPencil, IconUserCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AccountRef, Department, PersonDetail, PersonSummary } from '@shared/api/types'
import { notifySuccess, useApi } from '../../api'
import { formatDate } from '../../format'
import { useLang } from '../../i18n'
import { useApiData } from '../../useApiData'
import { categoryLabel, statusColor, statusLabel } from './labels'
import { PersonForm } from './PersonForm'

/** A person's drawer: details, edit (HR), history of assignments, direct reports, linked account (HR). */
export function PersonDrawer({
  personId,
  canManage,
  departments,
  people,
  onClose,
  onOpenPerson,
  onChanged,
}: {
  personId: number | null
  canManage: boolean
  departments: Department[]
  people: PersonSummary[]
  onClose: () => void
  onOpenPerson: (id: number) => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  // One person's details: a late answer for a person no longer open is dropped (useApiData).
  const loaded = useApiData('org.people.get', personId === null ? null : { id: personId }, [])
  const person = loaded.data
  const setPerson = loaded.setData
  const [tab, setTab] = useState<string | null>('details')

  useEffect(() => {
    setTab('details')
  }, [personId])

  const none = t('common.none')
  const field = (label: string, value: React.ReactNode, testid?: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testid}>
        {value === null || value === '' ? none : value}
      </Text>
    </Stack>
  )

  return (
    <Drawer
      opened={personId !== null}
      onClose={onClose}
      position="right"
      size={640}
      title={
        person ? (
          <Group gap="sm">
            <Title order={3}>{person.name}</Title>
            <Text c="dimmed" className="mono">
              {person.staffNo}
            </Text>
            <Badge variant="light" color={statusColor(person.status)}>
              {statusLabel(person.status, lang)}
            </Badge>
          </Group>
        ) : (
          t('common.loading')
        )
      }
      data-testid="person-drawer"
    >
      {person === null ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="details" leftSection={<IconId size={16} />} data-testid="person-tab-details">
              {t('org.drawer.details')}
            </Tabs.Tab>
            {canManage && (
              <Tabs.Tab value="edit" leftSection={<IconPencil size={16} />} data-testid="person-tab-edit">
                {t('org.drawer.edit')}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="person-tab-history">
              {t('org.drawer.history', { count: person.history.length })}
            </Tabs.Tab>
            {canManage && (
              <Tabs.Tab value="account" leftSection={<IconUserCircle size={16} />} data-testid="person-tab-account">
                {t('org.drawer.account')}
              </Tabs.Tab>
            )}
          </Tabs.List>

          <Tabs.Panel value="details">
            <Stack gap="lg">
              <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
                {field(t('org.colDepartment'), person.departmentName)}
                {field(t('org.colPost'), person.post)}
                {field(t('org.colCategory'), categoryLabel(person.category, lang))}
                {field(t('org.colRank'), person.rank)}
                {field(
                  t('org.colSupervisor'),
                  person.supervisorId !== null && person.supervisorName ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpenPerson(person.supervisorId as number)}>
                      {person.supervisorName}
                    </Anchor>
                  ) : null,
                )}
                {field(
                  t('org.colRiskPost'),
                  person.riskPost ? (
                    <Badge color="red" variant="light">
                      {t('org.riskPost')}
                    </Badge>
                  ) : (
                    t('common.no')
                  ),
                )}
                {field(t('org.colJoinedOn'), person.joinedOn ? formatDate(person.joinedOn, lang) : null)}
                {field(t('org.colLeftOn'), person.leftOn ? formatDate(person.leftOn, lang) : null)}
                {field(t('org.colAccount'), person.username ? <span className="mono">{person.username}</span> : null, 'person-account')}
                {field(
                  t('org.drawer.groups'),
                  person.leadership || person.discipline ? (
                    <Group gap={6}>
                      {person.leadership === 'head' && <Badge color="navy">{t('org.leadership.headBadge')}</Badge>}
                      {person.leadership === 'member' && <Badge variant="light">{t('org.leadership.memberBadge')}</Badge>}
                      {person.discipline && (
                        <Badge variant="light" color="grape">
                          {t('org.leadership.disciplineBadge')}
                        </Badge>
                      )}
                    </Group>
                  ) : null,
                )}
              </SimpleGrid>
              <Stack gap="xs">
                <Text fw={600} size="sm">
                  {t('org.drawer.reports', { count: person.reports.length })}
                </Text>
                {person.reports.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('org.drawer.noReports')}
                  </Text>
                ) : (
                  <Group gap="xs" data-testid="person-reports">
                    {person.reports.map((r) => (
                      <Button key={r.id} size="compact-sm" variant="light" onClick={() => onOpenPerson(r.id)}>
                        {r.name}
                      </Button>
                    ))}
                  </Group>
                )}
              </Stack>
            </Stack>
          </Tabs.Panel>

          {canManage && (
            <Tabs.Panel value="edit">
              <PersonForm
                key={person.id}
                person={person}
                departments={departments}
                people={people}
                onCancel={() => setTab('details')}
                onSaved={(p) => {
                  setPerson(p)
                  setTab('details')
                  notifySuccess(t('org.saved', { name: p.name }))
                  onChanged()
                }}
              />
            </Tabs.Panel>
          )}

          <Tabs.Panel value="history">
            <HistoryTimeline person={person} />
          </Tabs.Panel>

          {canManage && (
            <Tabs.Panel value="account">
              <AccountLink
                person={person}
                onLinked={(username) => {
                  setPerson({ ...person, username })
                  onChanged()
                }}
              />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Drawer>
  )
}

function HistoryTimeline({ person }: { person: PersonDetail }) {
  const { t } = useTranslation()
  const lang = useLang()
  const periods = [...person.history].sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0))
  if (periods.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('org.drawer.noHistory')}
      </Text>
    )
  }
  return (
    <Timeline active={0} bulletSize={18} lineWidth={2} data-testid="person-history">
      {periods.map((p, i) => (
        <Timeline.Item
          key={`${p.from}-${i}`}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {p.to
                  ? t('org.drawer.period', { from: formatDate(p.from, lang), to: formatDate(p.to, lang) })
                  : t('org.drawer.periodOpen', { from: formatDate(p.from, lang) })}
              </Text>
              {p.to === null && (
                <Badge size="xs" variant="light" color="green">
                  {t('org.drawer.current')}
                </Badge>
              )}
            </Group>
          }
        >
          <Text size="sm">
            {[p.departmentName ?? t('org.noDepartment'), p.post, categoryLabel(p.category, lang), p.rank]
              .filter((s) => s)
              .join(' · ')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('org.colSupervisor')}：{p.supervisorName ?? t('common.none')}
            {p.riskPost ? ` · ${t('org.riskPost')}` : ''} · {statusLabel(p.status, lang)}
          </Text>
          <Text size="xs" c="dimmed" mt={2}>
            {p.recordedBy ? t('org.drawer.recorded', { reason: p.reason, by: p.recordedBy }) : p.reason}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}

function AccountLink({ person, onLinked }: { person: PersonDetail; onLinked: (username: string | null) => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [accounts, setAccounts] = useState<AccountRef[] | null>(null)
  const [choice, setChoice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    void run('org.accounts.list').then((r) => {
      if (live && r.ok) setAccounts(r.value)
    })
    return () => {
      live = false
    }
  }, [run])

  const link = async (userId: number | null) => {
    setBusy(true)
    const r = await run('org.people.linkAccount', { personId: person.id, userId })
    setBusy(false)
    if (r.ok) {
      notifySuccess(userId === null ? t('org.account.unlinked') : t('org.account.linked', { name: person.name }))
      setChoice(null)
      onLinked(r.value.username)
    }
  }

  if (accounts === null) return <Loader size="sm" />
  const free = accounts.filter((a) => a.personId === null || a.personId === person.id)
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('org.account.text')}
      </Text>
      {person.username ? (
        <Group justify="space-between">
          <Group gap="xs">
            <IconLink size={18} />
            <Text>
              {t('org.account.current')}
              <span className="mono">{person.username}</span>
            </Text>
          </Group>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconLinkOff size={16} />}
            loading={busy}
            onClick={() => void link(null)}
            data-testid="account-unlink"
          >
            {t('org.account.unlink')}
          </Button>
        </Group>
      ) : (
        <Alert variant="light" color="gray">
          {t('org.account.none')}
        </Alert>
      )}
      <Group align="flex-end">
        <Select
          style={{ flex: 1 }}
          label={t('org.account.choose')}
          placeholder={t('org.account.choosePlaceholder')}
          data={free.map((a) => ({ value: String(a.userId), label: `${a.displayName}（${a.username}）` }))}
          value={choice}
          onChange={setChoice}
          searchable
          nothingFoundMessage={t('org.account.noFree')}
          data-testid="account-select"
        />
        <Button
          leftSection={<IconLink size={16} />}
          disabled={choice === null}
          loading={busy}
          onClick={() => choice && void link(Number(choice))}
          data-testid="account-link"
        >
          {t('org.account.link')}
        </Button>
      </Group>
    </Stack>
  )
}
