import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { LeadershipInfo, PersonRef, PersonSummary } from '@shared/api/types'
import { GONE_STATUSES } from '@shared/org'
import { notifySuccess, useApi } from '../../api'
import { DateField } from '../../components/DateField'
import { todayIso } from '../../format'
import { useLang } from '../../i18n'
import { personLabel } from './labels'

/** 绩效管理领导小组 and 纪检室 as people, with a warning where the account lacks the matching role. */
export function LeadershipPanel({
  canManage,
  people,
  onOpenPerson,
}: {
  canManage: boolean
  people: PersonSummary[]
  onOpenPerson: (id: number) => void
}) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [info, setInfo] = useState<LeadershipInfo | null>(null)
  const [editing, setEditing] = useState(false)

  const load = useCallback(async () => {
    const r = await run('org.leadership.get')
    if (r.ok) setInfo(r.value)
  }, [run])

  useEffect(() => {
    void load()
  }, [load])

  if (info === null) {
    return (
      <Group justify="center" p="xl">
        <Loader size="sm" />
      </Group>
    )
  }

  const anyMissing = [info.head, ...info.members, ...info.discipline].some((p) => p?.accountHasRole === false)

  return (
    <Stack gap="lg">
      {anyMissing && (
        <Alert color="orange" icon={<IconAlertTriangle />} data-testid="leadership-role-warning">
          {t('org.leadership.roleWarningText')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <GroupCard title={t('org.leadership.head')} people={info.head ? [info.head] : []} testid="leadership-head" onOpen={onOpenPerson} />
        <GroupCard title={t('org.leadership.members')} people={info.members} testid="leadership-members" onOpen={onOpenPerson} />
        <GroupCard title={t('org.leadership.discipline')} people={info.discipline} testid="leadership-discipline" onOpen={onOpenPerson} />
      </SimpleGrid>
      {canManage && !editing && (
        <Group>
          <Button onClick={() => setEditing(true)} data-testid="leadership-edit">
            {t('org.leadership.edit')}
          </Button>
        </Group>
      )}
      {canManage && editing && (
        <LeadershipForm
          info={info}
          people={people}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setInfo(next)
            setEditing(false)
            notifySuccess(t('org.leadership.saved'))
          }}
        />
      )}
    </Stack>
  )
}

function GroupCard({
  title,
  people,
  testid,
  onOpen,
}: {
  title: string
  people: PersonRef[]
  testid: string
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testid}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{title}</Title>
          <Text size="sm" c="dimmed">
            {t('org.leadership.count', { count: people.length })}
          </Text>
        </Group>
        {people.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('org.leadership.empty')}
          </Text>
        ) : (
          <Stack gap={6}>
            {people.map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap" data-testid={`${testid}-${p.staffNo}`}>
                <Text
                  size="sm"
                  fw={500}
                  className="link-text"
                  onClick={() => onOpen(p.id)}
                  role="button"
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(p.id)}
                >
                  {p.name}{' '}
                  <Text span size="xs" c="dimmed" className="mono">
                    {p.staffNo}
                  </Text>
                </Text>
                {p.accountHasRole === false && (
                  <Tooltip label={t('org.leadership.roleMissing')} multiline w={240}>
                    <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} />} data-testid="role-missing">
                      {t('org.leadership.roleMissingShort')}
                    </Badge>
                  </Tooltip>
                )}
                {p.accountHasRole === null && (
                  <Tooltip label={t('org.leadership.noAccountHint')} multiline w={240}>
                    <Badge color="gray" variant="light" leftSection={<IconInfoCircle size={12} />} data-testid="no-account">
                      {t('org.leadership.noAccount')}
                    </Badge>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}

function LeadershipForm({
  info,
  people,
  onCancel,
  onSaved,
}: {
  info: LeadershipInfo
  people: PersonSummary[]
  onCancel: () => void
  onSaved: (info: LeadershipInfo) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [head, setHead] = useState<string | null>(info.head ? String(info.head.id) : null)
  const [members, setMembers] = useState<string[]>(info.members.map((p) => String(p.id)))
  const [discipline, setDiscipline] = useState<string[]>(info.discipline.map((p) => String(p.id)))
  const [effectiveOn, setEffectiveOn] = useState<string | null>(todayIso())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const options = useMemo(
    () =>
      people
        .filter((p) => !GONE_STATUSES.includes(p.status))
        .map((p) => ({ value: String(p.id), label: personLabel(p, lang) })),
    [people, lang],
  )

  const save = async () => {
    if (!effectiveOn) return
    setBusy(true)
    setError(null)
    const r = await run(
      'org.leadership.set',
      {
        headId: head === null ? null : Number(head),
        memberIds: members.filter((m) => m !== head).map(Number),
        disciplineIds: discipline.map(Number),
        effectiveOn,
      },
      { notify: false },
    )
    setBusy(false)
    if (r.ok) onSaved(r.value)
    else setError(describe(r.error))
  }

  return (
    <Card withBorder radius="md" padding="lg" maw={900} data-testid="leadership-form">
      <Stack gap="md">
        <Title order={5}>{t('org.leadership.edit')}</Title>
        <Select
          label={t('org.leadership.head')}
          data={options}
          value={head}
          onChange={setHead}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t('org.nothingFound')}
          data-testid="leadership-head-select"
        />
        <MultiSelect
          label={t('org.leadership.members')}
          description={t('org.leadership.membersHint')}
          data={options.filter((o) => o.value !== head)}
          value={members}
          onChange={setMembers}
          searchable
          limit={50}
          nothingFoundMessage={t('org.nothingFound')}
          data-testid="leadership-members-select"
        />
        <MultiSelect
          label={t('org.leadership.discipline')}
          data={options}
          value={discipline}
          onChange={setDiscipline}
          searchable
          limit={50}
          nothingFoundMessage={t('org.nothingFound')}
          data-testid="leadership-discipline-select"
        />
        <DateField
          label={t('org.form.effectiveOn')}
          value={effectiveOn}
          onChange={setEffectiveOn}
          withAsterisk
          maw={260}
          data-testid="leadership-effectiveOn"
        />
        <Text size="xs" c="dimmed">
          {t('org.leadership.rolesNote')}
        </Text>
        {error && (
          <Alert color="red" role="alert" data-testid="leadership-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} disabled={!effectiveOn} onClick={() => void save()} data-testid="leadership-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
