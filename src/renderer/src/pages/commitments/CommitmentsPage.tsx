import { useEffect, useMemo, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Tabs, Text } from '@mantine/core'
import { IconEdit, IconEye, IconGitPullRequest } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { COMMITMENT_STATES, type CommitmentRecord, type CommitmentSummary } from '@shared/commitments'
import { useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { UnitTable, type UnitColumn } from '../../components/UnitTable'
import { YearSelect } from '../../components/YearSelect'
import { useApiData } from '../../useApiData'
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
  const people = useUnitPeople(session)
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [open, setOpen] = useState<{ personId: number; name: string; mode: LetterMode } | null>(null)
  const [tab, setTab] = useState<string | null>(null)
  // One year's letters: a late answer for a year no longer selected is dropped (useApiData).
  const letters = useApiData('commitments.list', { year }, [])
  const list = letters.error ? [] : letters.data
  const load = letters.reload

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
  const exportName = `${t('commitments.title')}-${t('common.yearLabel', { year }).replace(/\s/g, '')}`

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
              exportName={exportName}
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
            <AllLetters list={list} exportName={exportName} onOpen={(s) => open$(s, reportIds.has(s.personId) ? 'review' : 'view')} />
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

const STATE_ORDER = ['none', ...COMMITMENT_STATES] as const
const stateRank = (s: CommitmentSummary) => STATE_ORDER.indexOf(s.state ?? 'none')
/** Handed in: submitted, or any state after it other than returned. */
const handedIn = (s: CommitmentSummary) => s.state !== null && s.state !== 'draft' && s.state !== 'returned'

function SummaryTable({
  rows,
  action,
  empty,
  testid,
  exportName,
  toolbar,
}: {
  rows: CommitmentSummary[]
  action: (s: CommitmentSummary) => React.ReactNode
  empty: string
  testid: string
  exportName?: string
  toolbar?: React.ReactNode
}) {
  const { t } = useTranslation()
  const columns = useMemo<UnitColumn<CommitmentSummary>[]>(
    () => [
      { key: 'staffNo', label: t('org.colStaffNo'), value: (s) => s.staffNo, width: 110, mono: true },
      { key: 'name', label: t('org.colName'), value: (s) => s.personName, nowrap: true },
      { key: 'department', label: t('commitments.colDepartment'), value: (s) => s.departmentName, nowrap: true },
      {
        key: 'version',
        label: t('cdoc.version'),
        width: 110,
        value: (s) => s.version,
        searchable: false,
        render: (s) => (s.version !== null ? t('commitments.version', { version: s.version }) : null),
        exportValue: (s) => (s.version !== null ? t('commitments.version', { version: s.version }) : null),
      },
      { key: 'tasks', label: t('commitments.colTasks'), width: 90, value: (s) => s.tasks, searchable: false },
      {
        key: 'state',
        label: t('commitments.colState'),
        width: 170,
        value: (s) => t(`commitments.state.${s.state ?? 'none'}`),
        exportValue: (s) =>
          `${t(`commitments.state.${s.state ?? 'none'}`)}${s.pendingRevisionId !== null ? `（${t('commitments.revisionState.pending')}）` : ''}`,
        compare: (a, b) => stateRank(a) - stateRank(b),
        render: (s) => (
          <Group gap={4} wrap="nowrap">
            <StateBadge state={s.state} testid={`commitments-state-${s.personId}`} />
            {s.pendingRevisionId !== null && (
              <Badge color="yellow" variant="outline" size="sm">
                {t('commitments.revisionState.pending')}
              </Badge>
            )}
          </Group>
        ),
      },
      { key: 'action', label: '', width: 130, sortable: false, exported: false, searchable: false, value: () => null, render: (s) => action(s) || <span /> },
    ],
    [t, action],
  )
  return (
    <UnitTable
      rows={rows}
      columns={columns}
      getKey={(s) => s.personId}
      department={(s) => s.departmentName}
      summary={(shown) =>
        t('unitTable.letters', {
          shown: shown.length,
          submitted: shown.filter(handedIn).length,
          approved: shown.filter((s) => isApprovedState(s.state)).length,
        })
      }
      {...(exportName ? { exportName, sheetName: t('commitments.title') } : {})}
      toolbar={toolbar}
      empty={empty}
      testid={testid}
      rowTestId={(s) => `commitments-row-person-${s.personId}`}
      minWidth={860}
    />
  )
}

function AllLetters({ list, exportName, onOpen }: { list: CommitmentSummary[]; exportName: string; onOpen: (s: CommitmentSummary) => void }) {
  const { t } = useTranslation()
  const [state, setState] = useState('')
  const rows = list.filter((s) => !state || (s.state ?? 'none') === state)
  const count = (st: string) => list.filter((s) => (s.state ?? 'none') === st).length
  return (
    <SummaryTable
      rows={rows}
      testid="commitments-all-list"
      empty={t('commitments.noLetters')}
      exportName={exportName}
      toolbar={
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
          w={200}
          data-testid="commitments-filter-state"
        />
      }
      action={(s) =>
        s.version !== null && (
          <Button size="xs" variant="light" leftSection={<IconEye size={14} />} onClick={() => onOpen(s)} data-testid={`commitments-view-${s.personId}`}>
            {t('commitments.open')}
          </Button>
        )
      }
    />
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
