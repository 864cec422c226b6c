import { useState } from 'react'
import { Alert, Badge, Button, Card, Grid, Group, Loader, ScrollArea, Select, Stack, Table, Tabs, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import type { ScoreImportPreview, SheetListRow } from '@shared/api/leadership'
import { notifySuccess, useApi } from '../../api'
import { FileImportCard } from '../../components/FileImportCard'
import { IssueTable } from '../../components/ImportParts'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { readFileAsBase64 } from '../../files'
import { can } from '../../routes'
import { useApiData } from '../../useApiData'
import { useUnitPeople } from '../ledger/people'
import { SheetPanel } from './SheetPanel'

/** 考核评分表: a member's sheets; the progress and recusals; HR's close-relative register and the meeting import. */
export function LeadershipPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const tabs = [
    ...(can(session.roles, 'leadership.rate') ? ['sheets'] : []),
    'progress',
    ...(can(session.roles, 'leadership.manage') ? ['relatives', 'import'] : []),
  ]
  const [tab, setTab] = useState<string | null>(tabs[0]!)
  const label: Record<string, string> = {
    sheets: t('sheets.tabSheets'),
    progress: t('sheets.tabProgress'),
    relatives: t('sheets.tabRelatives'),
    import: t('sheets.tabImport'),
  }
  return (
    <Stack gap="md" maw={1320}>
      <PageHeader title={t('sheets.title')} lead={t('sheets.lead')} actions={<YearSelect value={year} onChange={setYear} testid="sheets-year" label={t('sheets.year')} />} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`sheets-tab-${k}`}>
              {label[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sheets">
          <MySheets year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="progress">
          <Progress year={year} canOpen={can(session.roles, 'leadership.manage')} />
        </Tabs.Panel>
        <Tabs.Panel value="relatives">
          <Relatives session={session} />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportScores year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function StatusBadge({ row }: { row: SheetListRow }) {
  const { t } = useTranslation()
  if (row.recused) {
    return (
      <Badge color="gray" variant="outline">
        {t(row.recused === 'self' ? 'sheets.recusedSelf' : 'sheets.recusedRelative')}
      </Badge>
    )
  }
  const color = row.status === 'submitted' ? 'teal' : row.status === 'draft' ? 'yellow' : 'gray'
  const text = row.status === 'submitted' ? t('sheets.statusSubmitted') : row.status === 'draft' ? t('sheets.statusDraft') : t('sheets.statusNone')
  return (
    <Badge color={color} variant="light">
      {text}
    </Badge>
  )
}

function MySheets({ year }: { year: number }) {
  const { t } = useTranslation()
  const list = useApiData('leadership.mySheets', { year }, [year], { notify: false })
  const [picked, setPicked] = useState<number | null>(null)
  if (list.error) return <Alert color="gray">{list.error.code === 'LEADERSHIP_NOT_MEMBER' ? t('sheets.notMember') : list.error.code}</Alert>
  if (!list.data) {
    return (
      <Group justify="center" py={48}>
        <Loader size="sm" />
      </Group>
    )
  }
  const d = list.data
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Card withBorder radius="md" padding="sm">
          <Stack gap={6}>
            <Text fw={600} data-testid="sheets-progress">
              {t('sheets.progressCount', { submitted: d.submitted, total: d.total })}
            </Text>
            <ScrollArea.Autosize mah={620} type="auto" offsetScrollbars>
            {d.people.map((p) => (
              <UnstyledButton
                key={p.personId}
                onClick={() => setPicked(p.personId)}
                data-testid={`sheets-person-${p.staffNo}`}
                style={{ display: 'block', width: '100%', borderRadius: 6, padding: '6px 8px', background: picked === p.personId ? 'var(--mantine-color-blue-light)' : undefined }}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.staffNo} · {p.department ?? ''}
                    </Text>
                  </Stack>
                  <StatusBadge row={p} />
                </Group>
              </UnstyledButton>
            ))}
            </ScrollArea.Autosize>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {picked === null ? (
          <Text c="dimmed" py="xl">
            {t('sheets.pick')}
          </Text>
        ) : (
          <SheetPanel year={year} personId={picked} onChanged={list.reload} />
        )}
      </Grid.Col>
    </Grid>
  )
}

function Progress({ year, canOpen }: { year: number; canOpen: boolean }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const data = useApiData('leadership.progress', { year }, [year])
  const [busy, setBusy] = useState(false)
  if (!data.data) return <Loader size="sm" />
  const p = data.data
  return (
    <Stack gap="md">
      {canOpen && (
        <Group>
          <Button
            loading={busy}
            data-testid="sheets-open"
            onClick={async () => {
              setBusy(true)
              const r = await run('leadership.open', { year })
              setBusy(false)
              if (r.ok) {
                data.setData(r.value)
                notifySuccess(t('sheets.opened', { count: r.value.recusals.length }))
              }
            }}
          >
            {t('sheets.open')}
          </Button>
        </Group>
      )}
      <Card withBorder radius="md">
        <Text fw={600} mb="xs">
          {t('sheets.members')}
        </Text>
        <Table data-testid="sheets-members">
          <Table.Tbody>
            {p.members.map((m) => (
              <Table.Tr key={m.raterId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{t('sheets.progressCount', { submitted: m.submitted, total: m.total })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder radius="md">
        <Text fw={600} mb="xs">
          {t('sheets.recusals')}
        </Text>
        {p.recusals.length ? (
          <Table data-testid="sheets-recusals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sheets.rater')}</Table.Th>
                <Table.Th>{t('sheets.colPerson')}</Table.Th>
                <Table.Th>{t('sheets.relation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.recusals.map((r) => (
                <Table.Tr key={`${r.raterId}-${r.personId}`}>
                  <Table.Td>{r.raterName}</Table.Td>
                  <Table.Td>{r.personName}</Table.Td>
                  <Table.Td>{t(r.reason === 'self' ? 'sheets.reasonSelf' : 'sheets.reasonRelative')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sheets.none')}
          </Text>
        )}
      </Card>
    </Stack>
  )
}

function Relatives({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const people = useUnitPeople(session)
  const list = useApiData('leadership.relatives', {}, [])
  const [a, setA] = useState<string | null>(null)
  const [b, setB] = useState<string | null>(null)
  const [relation, setRelation] = useState('')
  const options = people.all.map((p) => ({ value: String(p.id), label: `${p.name}（${p.staffNo}）` }))
  return (
    <Stack gap="md">
      <Card withBorder radius="md">
        <Group align="flex-end">
          <Select label={t('sheets.relativeA')} data={options} value={a} onChange={setA} searchable w={220} data-testid="relative-a" />
          <Select label={t('sheets.relativeB')} data={options} value={b} onChange={setB} searchable w={220} data-testid="relative-b" />
          <TextInput label={t('sheets.relation')} placeholder={t('sheets.relationPlaceholder')} value={relation} onChange={(e) => setRelation(e.currentTarget.value)} w={200} />
          <Button
            disabled={!a || !b || !relation.trim()}
            data-testid="relative-declare"
            onClick={async () => {
              const r = await run('leadership.declareRelative', { personA: Number(a), personB: Number(b), relation })
              if (r.ok) {
                list.setData(r.value)
                setRelation('')
              }
            }}
          >
            {t('sheets.declare')}
          </Button>
        </Group>
      </Card>
      <Table data-testid="relatives-table">
        <Table.Tbody>
          {(list.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.personA.name}</Table.Td>
              <Table.Td>{r.personB.name}</Table.Td>
              <Table.Td>{r.relation}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={async () => {
                    const res = await run('leadership.removeRelative', { id: r.id })
                    if (res.ok) list.setData(res.value)
                  }}
                >
                  {t('sheets.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function ImportScores({ year }: { year: number }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ScoreImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Stack gap="md">
      <FileImportCard
        title={t('sheets.tabImport')}
        text={t('sheets.importText')}
        fileLabel={t('sheets.fileLabel')}
        accept=".xlsx,.csv"
        file={file}
        onFile={(f) => {
          setFile(f)
          setPreview(null)
        }}
        busy={busy}
        submitLabel={t('sheets.check')}
        testId="scores"
        onSubmit={async () => {
          if (!file) return
          setBusy(true)
          const r = await run('leadership.previewScores', { year, file: await readFileAsBase64(file) })
          setBusy(false)
          if (r.ok) setPreview(r.value)
        }}
      />
      {preview && (
        <Card withBorder radius="md">
          <Stack gap="sm">
            <Text data-testid="scores-summary">{t('sheets.previewSummary', { rows: preview.rows, sheets: preview.sheets })}</Text>
            {preview.errors.length > 0 && <IssueTable issues={preview.errors} kind="errors" testid="scores" />}
            {preview.warnings.length > 0 && <IssueTable issues={preview.warnings} kind="warnings" testid="scores" />}
            {preview.errors.length === 0 && preview.sheets > 0 && (
              <Group>
                <Button
                  loading={busy}
                  data-testid="scores-import"
                  onClick={async () => {
                    if (!file) return
                    setBusy(true)
                    const r = await run('leadership.importScores', { year, file: await readFileAsBase64(file) })
                    setBusy(false)
                    if (r.ok) {
                      notifySuccess(t('sheets.imported', { count: r.value.sheets }))
                      setPreview(null)
                      setFile(null)
                    }
                  }}
                >
                  {t('sheets.doImport')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  )
}
