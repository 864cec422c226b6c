import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Table, Tabs, Text } from '@mantine/core'
import { IconEdit, IconEye, IconGitPullRequest } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { COMMITMENT_STATES, type CommitmentRecord, type CommitmentSummary } from '@shared/commitments'
import { useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { can } from '../../routes'
import { useUnitPeople } from '../ledger/people'
import { DraftEditor } from './DraftEditor'
import { isApprovedState, LetterModal, type LetterMode } from './LetterModal'
import { History, LetterMeta, PrintButton, StateBadge, TaskTable } from './parts'
import { RevisionModal } from './RevisionModal'

const WIDE = ['hr', 'leader', 'leaderHead'] as const

/** 绩效承诺书: one's own letter, the direct reports' letters, revision requests, all letters. */
export function CommitmentsPage({ session, onNavigate }: { session: SessionInfo; onNavigate: (route: string) => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const people = useUnitPeople(session)
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [list, setList] = useState<CommitmentSummary[] | null>(null)
  const [open, setOpen] = useState<{ personId: number; name: string; mode: LetterMode } | null>(null)
  const [tab, setTab] = useState<string | null>(null)

  const load = useCallback(async () => {
    const r = await run('commitments.list', { year })
    setList(r.ok ? r.value : [])
  }, [run, year])

  useEffect(() => {
    setList(null)
    void load()
  }, [load])

  // The session has no person id: the account's person is found by user name, or (without org.read)
  // it is the one letter the list returns, which is the signed-in person's own.
  const meId = useMemo(() => {
    if (people.me) return people.me.id
    if (!can(session.roles, 'org.read') && list && list.length === 1) return list[0]!.personId
    return null
  }, [people.me, list, session.roles])

  const reportIds = useMemo(() => new Set(people.reports.map((p) => p.id)), [people.reports])
  const reports = (list ?? []).filter((s) => reportIds.has(s.personId))
  const awaiting = reports.filter((s) => s.state === 'submitted').length
  const mayDecide = can(session.roles, 'commitments.decideRevision')
  const pendingRevisions = (list ?? []).filter((s) => s.pendingRevisionId !== null && s.personId !== meId)
  const wide = WIDE.some((r) => session.roles.includes(r))

  const tabs = [
    ...(meId !== null ? ['mine'] : []),
    ...(people.reports.length > 0 ? ['review'] : []),
    ...(mayDecide ? ['revisions'] : []),
    ...(wide ? ['all'] : []),
  ]
  const active = tab && tabs.includes(tab) ? tab : (tabs[0] ?? null)

  const open$ = (s: CommitmentSummary, mode: LetterMode) => setOpen({ personId: s.personId, name: s.personName, mode })

  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title={t('commitments.title')}
        lead={t('commitments.lead')}
        actions={<YearSelect value={year} onChange={setYear} testid="commitments-year" label={t('common.year')} />}
      />
      {list === null || !people.loaded ? (
        <Group justify="center" py={48}>
          <Loader size="sm" />
        </Group>
      ) : tabs.length === 0 ? (
        <Alert color="gray">{t('commitments.noPerson')}</Alert>
      ) : (
        <Tabs value={active} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.includes('mine') && (
              <Tabs.Tab value="mine" data-testid="commitments-tab-mine">
                {t('commitments.tabMine')}
              </Tabs.Tab>
            )}
            {tabs.includes('review') && (
              <Tabs.Tab
                value="review"
                rightSection={awaiting > 0 ? <Badge size="sm" color="red" circle>{awaiting}</Badge> : undefined}
                data-testid="commitments-tab-review"
              >
                {t('commitments.tabReview')}
              </Tabs.Tab>
            )}
            {tabs.includes('revisions') && (
              <Tabs.Tab
                value="revisions"
                rightSection={pendingRevisions.length > 0 ? <Badge size="sm" color="red" circle>{pendingRevisions.length}</Badge> : undefined}
                data-testid="commitments-tab-revisions"
              >
                {t('commitments.tabRevisions')}
              </Tabs.Tab>
            )}
            {tabs.includes('all') && (
              <Tabs.Tab value="all" data-testid="commitments-tab-all">
                {t('commitments.tabAll')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="mine">
            {meId !== null && <MyLetter personId={meId} year={year} onNavigate={onNavigate} onChanged={() => void load()} />}
          </Tabs.Panel>
          <Tabs.Panel value="review">
            <SummaryTable
              rows={[...reports].sort((a, b) => Number(b.state === 'submitted') - Number(a.state === 'submitted'))}
              testid="commitments-review-list"
              empty={t('commitments.noReports')}
              action={(s) =>
                s.version !== null && (
                  <Button
                    size="xs"
                    variant={s.state === 'submitted' ? 'filled' : 'light'}
                    leftSection={s.state === 'submitted' ? <IconEdit size={14} /> : <IconEye size={14} />}
                    onClick={() => open$(s, 'review')}
                    data-testid={`commitments-open-${s.personId}`}
                  >
                    {s.state === 'submitted' ? t('commitments.reviewOpen') : t('commitments.open')}
                  </Button>
                )
              }
            />
          </Tabs.Panel>
          <Tabs.Panel value="revisions">
            <SummaryTable
              rows={pendingRevisions}
              testid="commitments-revision-list"
              empty={t('commitments.noPendingRevisions')}
              action={(s) => (
                <Button size="xs" leftSection={<IconGitPullRequest size={14} />} onClick={() => open$(s, 'decide')} data-testid={`commitments-decide-${s.personId}`}>
                  {t('commitments.reviewOpen')}
                </Button>
              )}
            />
          </Tabs.Panel>
          <Tabs.Panel value="all">
            <AllLetters list={list} onOpen={(s) => open$(s, reportIds.has(s.personId) ? 'review' : 'view')} />
          </Tabs.Panel>
        </Tabs>
      )}
      <LetterModal
        who={open}
        year={year}
        mode={open?.mode ?? 'view'}
        onClose={() => setOpen(null)}
        onChanged={() => void load()}
        onNavigate={onNavigate}
      />
    </Stack>
  )
}

function SummaryTable({
  rows,
  action,
  empty,
  testid,
}: {
  rows: CommitmentSummary[]
  action: (s: CommitmentSummary) => React.ReactNode
  empty: string
  testid: string
}) {
  const { t } = useTranslation()
  return (
    <Card withBorder radius="md" padding={0}>
      {rows.length === 0 ? (
        <Text c="dimmed" ta="center" py={40} data-testid={`${testid}-empty`}>
          {empty}
        </Text>
      ) : (
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid={testid}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('org.colStaffNo')}</Table.Th>
              <Table.Th>{t('org.colName')}</Table.Th>
              <Table.Th>{t('commitments.colDepartment')}</Table.Th>
              <Table.Th w={110}>{t('cdoc.version')}</Table.Th>
              <Table.Th w={90}>{t('commitments.colTasks')}</Table.Th>
              <Table.Th w={150}>{t('commitments.colState')}</Table.Th>
              <Table.Th w={130} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.personId} data-testid={`commitments-row-person-${s.personId}`}>
                <Table.Td className="mono">{s.staffNo}</Table.Td>
                <Table.Td>{s.personName}</Table.Td>
                <Table.Td>{s.departmentName ?? t('common.none')}</Table.Td>
                <Table.Td>{s.version !== null ? t('commitments.version', { version: s.version }) : t('common.none')}</Table.Td>
                <Table.Td>{s.tasks}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <StateBadge state={s.state} testid={`commitments-state-${s.personId}`} />
                    {s.pendingRevisionId !== null && (
                      <Badge color="yellow" variant="outline" size="sm">
                        {t('commitments.revisionState.pending')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{action(s)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}

function AllLetters({ list, onOpen }: { list: CommitmentSummary[]; onOpen: (s: CommitmentSummary) => void }) {
  const { t } = useTranslation()
  const [state, setState] = useState('')
  const rows = list.filter((s) => !state || (s.state ?? 'none') === state)
  const count = (st: string) => list.filter((s) => (s.state ?? 'none') === st).length
  return (
    <Stack gap="sm">
      <Group>
        <NativeSelect
          label={t('commitments.filterState')}
          value={state}
          onChange={(e) => setState(e.currentTarget.value)}
          data={[
            { value: '', label: `${t('commitments.filterAll')}（${list.length}）` },
            ...['none', ...COMMITMENT_STATES]
              .filter((st) => st !== 'approved' && st !== 'superseded')
              .map((st) => ({ value: st, label: `${t(`commitments.state.${st}`)}（${count(st)}）` })),
          ]}
          w={220}
          data-testid="commitments-filter-state"
        />
      </Group>
      <SummaryTable
        rows={rows}
        testid="commitments-all-list"
        empty={t('commitments.noLetters')}
        action={(s) =>
          s.version !== null && (
            <Button size="xs" variant="light" leftSection={<IconEye size={14} />} onClick={() => onOpen(s)} data-testid={`commitments-view-${s.personId}`}>
              {t('commitments.open')}
            </Button>
          )
        }
      />
    </Stack>
  )
}

/** The signed-in person's own letter: the editor while a draft (or returned), else the letter. */
function MyLetter({
  personId,
  year,
  onNavigate,
  onChanged,
}: {
  personId: number
  year: number
  onNavigate: (route: string) => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [record, setRecord] = useState<CommitmentRecord | null>(null)
  const [revising, setRevising] = useState(false)

  useEffect(() => {
    let live = true
    setRecord(null)
    void run('commitments.get', { personId, year }).then((r) => {
      if (live && r.ok) setRecord(r.value)
    })
    return () => {
      live = false
    }
  }, [run, personId, year])

  const update = (r: CommitmentRecord) => {
    setRecord(r)
    onChanged()
  }

  if (record === null) {
    return (
      <Group justify="center" py={48}>
        <Loader size="sm" />
      </Group>
    )
  }
  const letter = record.current
  const editable = letter === null || letter.state === 'draft' || letter.state === 'returned'
  const pending = record.revisions.find((r) => r.state === 'pending')

  return (
    <Card withBorder radius="md" padding="lg" data-testid="commitments-mine">
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="sm">
            <Text fw={700} size="lg">
              {t('cdoc.heading')}
            </Text>
            <StateBadge state={letter?.state ?? null} testid="commitments-my-state" />
            {letter && (
              <Text size="sm" c="dimmed">
                {t('commitments.version', { version: letter.version })}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            {letter && isApprovedState(letter.state) && !pending && (
              <Button size="xs" variant="light" leftSection={<IconGitPullRequest size={14} />} onClick={() => setRevising(true)} data-testid="commitments-request-revision">
                {t('commitments.requestRevision')}
              </Button>
            )}
            {letter && letter.tasks.length > 0 && <PrintButton letter={letter} onNavigate={onNavigate} />}
          </Group>
        </Group>
        {letter && <LetterMeta letter={letter} />}
        {letter?.state === 'returned' && (
          <Alert color="orange" title={t('commitments.returnedTitle')} data-testid="commitments-returned">
            {t('commitments.returnedAlert', { reason: letter.returnReason ?? '' })}
          </Alert>
        )}
        {pending && (
          <Alert color="yellow" data-testid="commitments-revision-pending">
            {t('commitments.revisionPending')}
          </Alert>
        )}
        {editable ? (
          <DraftEditor personId={personId} year={year} record={record} onSaved={update} />
        ) : (
          letter && <TaskTable letter={letter} showCompletion={isApprovedState(letter.state)} />
        )}
        <History record={record} />
      </Stack>
      {letter && <RevisionModal letter={letter} opened={revising} onClose={() => setRevising(false)} onDone={(r) => {
        setRevising(false)
        update(r)
      }} />}
    </Card>
  )
}
