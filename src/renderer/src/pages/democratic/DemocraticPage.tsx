import { useState } from 'react'
import { Alert, Badge, Button, Card, Code, FileInput, Group, Modal, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconDeviceDesktop, IconDownload, IconFileImport, IconLock, IconLockOpen, IconSearch, IconTicket } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { BALLOT_LEVELS } from '@shared/annual'
import type { BallotCodesIssued, DemocraticRoundView, TallyImportReport } from '@shared/democratic'
import { VOTER_CATEGORY_LABELS } from '@shared/democratic'
import { DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'
import type { FileContent } from '@shared/api/types'
import { notifySuccess, useApi } from '../../api'
import { IssueTable, Stat } from '../../components/ImportParts'
import { PageHeader } from '../../components/PageHeader'
import { downloadFile, readFileAsBase64 } from '../../files'
import { useLang } from '../../i18n'
import { useSessionEvents } from '../../sessionEvents'
import { useApiData } from '../../useApiData'
import { LEVEL_KEY } from './levels'

/**
 * 民主测评 for HR (issue 9 item 1): the year's round — open and close, codes used "x / N 已投", the
 * P5 share and whether the round is valid, ballot codes with their slips, the paper-tally import
 * with a dry run, the ballot kiosk, and the aggregate (closed rounds only, people with ≥ minBallots).
 */
export function DemocraticPage() {
  const { t } = useTranslation()
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const round = useApiData('democratic.round', { year }, [year])
  const years = [thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: t('democratic.yearLabel', { year: y }) }))
  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        title={t('democratic.title')}
        lead={t('democratic.lead')}
        actions={<Select data={years} value={String(year)} onChange={(v) => v && setYear(Number(v))} w={140} allowDeselect={false} data-testid="democratic-year" />}
      />
      {round.data && (
        <>
          <RoundCard view={round.data} onChange={round.setData} />
          {round.data.status === 'open' && <CodesCard year={year} onIssued={round.reload} />}
          {round.data.status === 'open' && <TalliesCard year={year} onImported={round.reload} />}
          <AggregateCard year={year} status={round.data.status} />
        </>
      )}
    </Stack>
  )
}

function RoundCard({ view, onChange }: { view: DemocraticRoundView; onChange: (v: DemocraticRoundView) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const { sessionMayHaveChanged } = useSessionEvents()
  const [busy, setBusy] = useState<string | null>(null)
  const act = async (method: 'democratic.open' | 'democratic.close') => {
    setBusy(method)
    const r = await run(method, { year: view.year })
    setBusy(null)
    if (r.ok) {
      onChange(r.value)
      notifySuccess(t(method === 'democratic.open' ? 'democratic.opened' : 'democratic.closed'))
    }
  }
  const kiosk = async () => {
    setBusy('kiosk')
    const r = await run('democratic.kioskStart', { year: view.year })
    setBusy(null)
    if (r.ok) sessionMayHaveChanged()
  }
  const statusColor = { none: 'gray', open: 'green', closed: 'blue' }[view.status]
  return (
    <Card withBorder radius="md" padding="lg" data-testid="democratic-round">
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={4}>{t('democratic.roundTitle', { year: view.year })}</Title>
            <Badge color={statusColor} variant="light" data-testid="democratic-status">
              {t(`democratic.status.${view.status}`)}
            </Badge>
          </Group>
          <Group gap="sm">
            {view.status === 'open' && (
              <Button leftSection={<IconDeviceDesktop size={16} />} variant="light" onClick={() => void kiosk()} loading={busy === 'kiosk'} data-testid="democratic-kiosk-start">
                {t('democratic.kioskStart')}
              </Button>
            )}
            {view.status === 'open' ? (
              <Button leftSection={<IconLock size={16} />} color="gray" onClick={() => void act('democratic.close')} loading={busy === 'democratic.close'} data-testid="democratic-close">
                {t('democratic.close')}
              </Button>
            ) : (
              <Button leftSection={<IconLockOpen size={16} />} onClick={() => void act('democratic.open')} loading={busy === 'democratic.open'} data-testid="democratic-open">
                {view.status === 'none' ? t('democratic.open') : t('democratic.reopen')}
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {(['colleague', 'representative'] as const).map((c) => (
            <Card key={c} withBorder radius="md" padding="sm" data-testid={`democratic-codes-${c}`}>
              <Text size="xs" c="dimmed">
                {t('democratic.codesUsed', { category: VOTER_CATEGORY_LABELS[c][lang] })}
              </Text>
              <Text fz={26} fw={700} lh={1.3}>
                {t('democratic.usedOf', { used: view.codes[c].used, issued: view.codes[c].issued })}
              </Text>
            </Card>
          ))}
          <Stat label={t('democratic.validSheets')} value={view.validSheets.total} color="gray" testid="democratic-valid-sheets" />
          <Card withBorder radius="md" padding="sm" data-testid="democratic-share">
            <Text size="xs" c="dimmed">
              {t('democratic.share', { min: view.p5Min, planned: view.plannedShare })}
            </Text>
            <Text fz={26} fw={700} lh={1.3} c={view.valid ? 'green.7' : 'red.7'}>
              {view.representativeShare === null ? '—' : `${view.representativeShare}%`}
            </Text>
          </Card>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('democratic.sheetsLine', {
            colleagues: view.validSheets.colleagues,
            representatives: view.validSheets.representatives,
            kiosk: view.kioskBallots.colleague + view.kioskBallots.representative,
            paper: view.paperSheets ? view.paperSheets.colleague + view.paperSheets.representative : 0,
            participants: view.participants,
            min: view.minBallots,
          })}
        </Text>
        {view.uniformBallots > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle />} data-testid="democratic-uniform">
            {t(view.uniformDiscarded ? 'democratic.uniformDiscarded' : 'democratic.uniformCounted', { count: view.uniformBallots })}
          </Alert>
        )}
        {view.valid ? (
          <Alert color="green" icon={<IconCircleCheck />} data-testid="democratic-valid">
            {t('democratic.valid')}
          </Alert>
        ) : (
          <Alert color="red" icon={<IconAlertTriangle />} data-testid="democratic-invalid">
            {view.invalidReason ? view.invalidReason[lang] : t('democratic.invalid')}
          </Alert>
        )}
      </Stack>
    </Card>
  )
}

function CodesCard({ year, onIssued }: { year: number; onIssued: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [colleagues, setColleagues] = useState<number>(0)
  const [representatives, setRepresentatives] = useState<number>(0)
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<BallotCodesIssued | null>(null)
  const issue = async () => {
    setBusy(true)
    const r = await run('democratic.codes', { year, colleagues, representatives })
    setBusy(false)
    if (r.ok) {
      setIssued(r.value)
      onIssued()
    }
  }
  return (
    <Card withBorder radius="md" padding="lg" data-testid="democratic-codes-card">
      <Stack gap="sm">
        <Title order={4}>{t('democratic.codesTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('democratic.codesLead')}
        </Text>
        <Group align="flex-end">
          <NumberInput label={t('democratic.colleagues')} min={0} max={2000} value={colleagues} onChange={(v) => setColleagues(Number(v) || 0)} w={180} data-testid="democratic-colleagues" />
          <NumberInput label={t('democratic.representatives')} min={0} max={2000} value={representatives} onChange={(v) => setRepresentatives(Number(v) || 0)} w={180} data-testid="democratic-representatives" />
          <Button leftSection={<IconTicket size={16} />} onClick={() => void issue()} loading={busy} disabled={colleagues + representatives === 0} data-testid="democratic-issue">
            {t('democratic.issue')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={issued !== null} onClose={() => setIssued(null)} title={t('democratic.issuedTitle', { batch: issued?.batch ?? 0 })} size="lg" centered>
        {issued && (
          <Stack gap="sm" data-testid="democratic-issued">
            <Alert color="orange" icon={<IconAlertTriangle />}>
              {t('democratic.issuedOnce')}
            </Alert>
            <Button leftSection={<IconDownload size={16} />} onClick={() => downloadFile(issued.pdf)} data-testid="democratic-slips">
              {t('democratic.downloadSlips')}
            </Button>
            <ScrollArea.Autosize mah={320}>
              <Table verticalSpacing={4} data-testid="democratic-issued-codes">
                <Table.Tbody>
                  {issued.codes.map((c) => (
                    <Table.Tr key={c.code}>
                      <Table.Td>
                        <Code fz="md">{c.code}</Code>
                      </Table.Td>
                      <Table.Td>{VOTER_CATEGORY_LABELS[c.category][lang]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Stack>
        )}
      </Modal>
    </Card>
  )
}

function TalliesCard({ year, onImported }: { year: number; onImported: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [content, setContent] = useState<FileContent | null>(null)
  const [report, setReport] = useState<TallyImportReport | null>(null)
  const [busy, setBusy] = useState<'check' | 'import' | null>(null)
  const check = async () => {
    if (!file) return
    setBusy('check')
    const c = await readFileAsBase64(file)
    setContent(c)
    const r = await run('democratic.importTallies', { year, file: c, dryRun: true })
    setBusy(null)
    if (r.ok) setReport(r.value)
  }
  const doImport = async () => {
    if (!content) return
    setBusy('import')
    const r = await run('democratic.importTallies', { year, file: content, dryRun: false })
    setBusy(null)
    if (r.ok) {
      setReport(r.value)
      notifySuccess(t('democratic.talliesImported'))
      onImported()
    }
  }
  return (
    <Card withBorder radius="md" padding="lg" data-testid="democratic-tallies">
      <Stack gap="sm">
        <Title order={4}>{t('democratic.talliesTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('democratic.talliesLead')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('democratic.talliesFile')}
            accept=".xlsx,.csv"
            value={file}
            onChange={(f) => {
              setFile(f)
              setReport(null)
              setContent(null)
            }}
            w={320}
            clearable
            leftSection={<IconFileImport size={16} />}
            data-testid="democratic-tallies-file"
          />
          <Button variant="light" leftSection={<IconSearch size={16} />} onClick={() => void check()} disabled={!file} loading={busy === 'check'} data-testid="democratic-tallies-check">
            {t('democratic.talliesCheck')}
          </Button>
          <Button onClick={() => void doImport()} disabled={!report || report.errors.length > 0 || report.written} loading={busy === 'import'} data-testid="democratic-tallies-import">
            {t('democratic.talliesImport')}
          </Button>
        </Group>
        {report && (
          <Stack gap="sm" data-testid="democratic-tallies-report">
            <Text size="sm">
              {t(report.written ? 'democratic.talliesWritten' : 'democratic.talliesSummary', {
                rows: report.rows,
                people: report.people,
                cells: report.cells,
                colleague: report.sheets.colleague ?? '—',
                representative: report.sheets.representative ?? '—',
              })}
            </Text>
            {report.errors.length > 0 && <IssueTable issues={report.errors} kind="errors" testid="democratic-tallies" />}
            {report.warnings.length > 0 && <IssueTable issues={report.warnings} kind="warnings" testid="democratic-tallies" />}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}

function AggregateCard({ year, status }: { year: number; status: DemocraticRoundView['status'] }) {
  const { t } = useTranslation()
  const lang = useLang()
  const agg = useApiData('democratic.aggregate', status === 'closed' ? { year } : null, [year, status])
  return (
    <Card withBorder radius="md" padding="lg" data-testid="democratic-aggregate">
      <Stack gap="sm">
        <Title order={4}>{t('democratic.aggregateTitle')}</Title>
        {status !== 'closed' ? (
          <Text size="sm" c="dimmed">
            {t('democratic.aggregateAfterClose')}
          </Text>
        ) : agg.data ? (
          <>
            <Text size="sm" c="dimmed">
              {t('democratic.aggregateLead', { min: agg.data.minBallots, hidden: agg.data.hidden })} {t('democratic.legend')}
            </Text>
            <ScrollArea>
              <Table withTableBorder striped verticalSpacing={4} fz="sm" data-testid="democratic-aggregate-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('democratic.colStaffNo')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('democratic.colName')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('democratic.colDepartment')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('democratic.colBallots')}</Table.Th>
                    {DIMENSIONS.map((d) => (
                      <Table.Th key={d}>{DIMENSION_LABELS[d][lang]}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {agg.data.people.map((p) => (
                    <Table.Tr key={p.personId} data-testid={`democratic-aggregate-${p.staffNo}`}>
                      <Table.Td>{p.staffNo}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.department ?? ''}</Table.Td>
                      <Table.Td>{p.ballots}</Table.Td>
                      {DIMENSIONS.map((d) => (
                        <Table.Td key={d} style={{ whiteSpace: 'nowrap' }}>
                          {BALLOT_LEVELS.map((l) => `${t(`democratic.initial.${LEVEL_KEY[l]}`)}${p.dimensions[d][l]}`).join(' ')}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {!agg.data.people.length && (
              <Text size="sm" c="dimmed">
                {t('democratic.aggregateEmpty')}
              </Text>
            )}
          </>
        ) : null}
      </Stack>
    </Card>
  )
}
