import { Fragment, useEffect, useState } from 'react'
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import {
  IconChevronDown,
  IconChevronLeft,
  IconChevronRight,
  IconChevronUp,
  IconFileExport,
  IconSearch,
  IconShieldCheck,
  IconShieldX,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry, AuditPage as AuditPageData, AuditVerifyReport } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { DateField } from '../components/DateField'
import { PageHeader } from '../components/PageHeader'
import { formatBytes, formatDateTime, formatDateTimeSeconds } from '../format'
import { useLang } from '../i18n'
import { useApiData } from '../useApiData'
import { auditActionLabel, auditActionSearch, auditTargetLabel, dayRangeInstants } from './auditWords'

export const AUDIT_PAGE_SIZE = 50

type Outcome = AuditEntry['outcome']
const OUTCOME_COLOR: Record<Outcome, string> = { ok: 'green', denied: 'red', failed: 'orange' }

interface Filters {
  actor: string
  /** A code prefix (users.add) or words from the names shown (登录). */
  action: string
  outcome: '' | Outcome
  /** Local days, YYYY-MM-DD, both included. */
  from: string | null
  to: string | null
}
const NO_FILTERS: Filters = { actor: '', action: '', outcome: '', from: null, to: null }

/** 审计日志 (审计管理员): paged list with filters, chain verification and export. */
export function AuditPage() {
  const { t, i18n } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [draft, setDraft] = useState<Filters>(NO_FILTERS)
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  // Cursors of the pages above the current one, newest first; the current cursor is the last.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined])
  const [page, setPage] = useState<AuditPageData | null>(null)
  const [open, setOpen] = useState<Set<number>>(new Set())
  const [verifying, setVerifying] = useState(false)
  const [report, setReport] = useState<AuditVerifyReport | null>(null)
  const [exportFile, setExportFile] = useState('')
  const [exporting, setExporting] = useState(false)

  const beforeSeq = cursors[cursors.length - 1]

  // The page for the current filters and cursor (the keyset paging above is unchanged): a late
  // answer for filters or a page no longer asked for is dropped (useApiData). The page shown
  // stays until the answer for the new question replaces it.
  const actionSearch = filters.action.trim() ? auditActionSearch(filters.action, t, i18n) : null
  const list = useApiData(
    'audit.list',
    {
      limit: AUDIT_PAGE_SIZE,
      ...(beforeSeq !== undefined ? { beforeSeq } : {}),
      ...(filters.actor.trim() ? { actor: filters.actor.trim() } : {}),
      ...(actionSearch && 'prefix' in actionSearch ? { action: actionSearch.prefix } : {}),
      ...(actionSearch && 'codes' in actionSearch ? { actions: actionSearch.codes } : {}),
      ...(filters.outcome ? { outcome: filters.outcome } : {}),
      ...dayRangeInstants(filters.from, filters.to),
    },
    [],
  )
  const loading = list.loading
  const answered = list.data

  useEffect(() => {
    if (answered === null) return
    setPage(answered)
    setOpen(new Set())
  }, [answered])

  const search = (e?: React.FormEvent) => {
    e?.preventDefault()
    setFilters({ ...draft })
    setCursors([undefined])
  }

  const verify = async () => {
    setVerifying(true)
    setReport(null)
    const r = await run('audit.verify')
    setVerifying(false)
    if (r.ok) setReport(r.value)
  }

  const doExport = async () => {
    if (!exportFile.trim()) return
    setExporting(true)
    const r = await run('audit.export', { file: exportFile.trim() })
    setExporting(false)
    if (r.ok) {
      notifySuccess(
        t('audit.exported', { entries: r.value.entries, size: formatBytes(r.value.bytes), file: r.value.file }),
      )
    }
  }

  // Method names (users.add) and main's own events have a label; anything else is shown as logged.
  const actionLabel = (action: string) => auditActionLabel(action, t, i18n)

  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(seq)) next.delete(seq)
      else next.add(seq)
      return next
    })

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audit.title')}
        lead={t('audit.lead')}
        actions={
          <Button
            leftSection={<IconShieldCheck size={18} />}
            onClick={() => void verify()}
            loading={verifying}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />

      {report && <VerifyReport report={report} />}

      <Card withBorder radius="md" padding="md">
        <form onSubmit={search} data-testid="audit-filters">
          <Group align="flex-end" gap="md">
            <TextInput
              label={t('audit.filterActor')}
              value={draft.actor}
              onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
              w={180}
              data-testid="audit-filter-actor"
            />
            <TextInput
              label={t('audit.filterAction')}
              value={draft.action}
              onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
              placeholder={t('audit.filterActionHint')}
              w={240}
              data-testid="audit-filter-action"
            />
            <DateField
              label={t('audit.filterFrom')}
              value={draft.from}
              onChange={(from) => setDraft({ ...draft, from })}
              clearable
              w={170}
              data-testid="audit-filter-from"
            />
            <DateField
              label={t('audit.filterTo')}
              value={draft.to}
              onChange={(to) => setDraft({ ...draft, to })}
              clearable
              w={170}
              data-testid="audit-filter-to"
            />
            <NativeSelect
              label={t('audit.filterOutcome')}
              value={draft.outcome}
              onChange={(e) => setDraft({ ...draft, outcome: e.currentTarget.value as Filters['outcome'] })}
              data={[
                { value: '', label: t('audit.outcomeAll') },
                { value: 'ok', label: t('audit.outcome.ok') },
                { value: 'denied', label: t('audit.outcome.denied') },
                { value: 'failed', label: t('audit.outcome.failed') },
              ]}
              w={140}
              data-testid="audit-filter-outcome"
            />
            <Button type="submit" leftSection={<IconSearch size={16} />} data-testid="audit-search">
              {t('audit.search')}
            </Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(NO_FILTERS)
                setFilters(NO_FILTERS)
                setCursors([undefined])
              }}
            >
              {t('audit.reset')}
            </Button>
          </Group>
        </form>
      </Card>

      <Card withBorder padding={0} radius="md">
        {page === null ? (
          <Group p="xl" justify="center">
            <Loader size="sm" />
          </Group>
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" horizontalSpacing="md" striped highlightOnHover data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('audit.colSeq')}</Table.Th>
                    <Table.Th w={190}>{t('audit.colTime')}</Table.Th>
                    <Table.Th>{t('audit.colActor')}</Table.Th>
                    <Table.Th>{t('audit.colAction')}</Table.Th>
                    <Table.Th>{t('audit.colTarget')}</Table.Th>
                    <Table.Th w={90}>{t('audit.colOutcome')}</Table.Th>
                    <Table.Th w={60}>{t('audit.colDetail')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.entries.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text c="dimmed" ta="center" py="lg">
                          {t('audit.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {page.entries.map((e) => {
                    const label = actionLabel(e.action)
                    const expanded = open.has(e.seq)
                    return (
                      <Fragment key={e.seq}>
                        <Table.Tr data-testid={`audit-row-${e.seq}`}>
                          <Table.Td className="mono">{e.seq}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(e.at, lang)}</Table.Td>
                          <Table.Td>{e.actor ?? <Text span c="dimmed" size="sm">{t('audit.system')}</Text>}</Table.Td>
                          <Table.Td>
                            {label ? (
                              // The code stays at hand for whoever needs it (hover), not in the reading text.
                              <Text size="sm" title={e.action}>
                                {label}
                              </Text>
                            ) : (
                              <Text size="sm" className="mono">
                                {e.action}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td style={{ wordBreak: 'break-all' }} data-testid={`audit-target-${e.seq}`}>
                            {e.target ? (
                              <Tooltip label={e.target} openDelay={400}>
                                <span>{auditTargetLabel(e.target, t, i18n, lang)}</span>
                              </Tooltip>
                            ) : (
                              t('common.none')
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Badge color={OUTCOME_COLOR[e.outcome]} variant="light" data-testid={`audit-outcome-${e.seq}`}>
                              {t(`audit.outcome.${e.outcome}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Tooltip label={expanded ? t('audit.hideDetail') : t('audit.showDetail')}>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                onClick={() => toggle(e.seq)}
                                aria-label={expanded ? t('audit.hideDetail') : t('audit.showDetail')}
                                aria-expanded={expanded}
                                data-testid={`audit-detail-${e.seq}`}
                              >
                                {expanded ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
                              </ActionIcon>
                            </Tooltip>
                          </Table.Td>
                        </Table.Tr>
                        {expanded && (
                          <Table.Tr className="audit-detail">
                            <Table.Td colSpan={7}>
                              <Code block>{JSON.stringify(e.detail, null, 2)}</Code>
                              <Text size="xs" c="dimmed" mt={4} className="mono" style={{ wordBreak: 'break-all' }}>
                                hash {e.hash}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    )
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between" p="md">
              <Text size="sm" c="dimmed" data-testid="audit-total">
                {t('audit.total', { total: page.total })}
              </Text>
              <Group gap="xs">
                {loading && <Loader size="xs" />}
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconChevronLeft size={14} />}
                  disabled={cursors.length <= 1}
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                  data-testid="audit-newer"
                >
                  {t('audit.newer')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  rightSection={<IconChevronRight size={14} />}
                  disabled={page.nextBeforeSeq === null}
                  onClick={() => {
                    const next = page.nextBeforeSeq
                    if (next !== null) setCursors((c) => [...c, next])
                  }}
                  data-testid="audit-older"
                >
                  {t('audit.older')}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Card>

      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={5}>{t('audit.exportTitle')}</Title>
          <Group align="flex-end">
            <TextInput
              label={t('audit.exportFile')}
              description={t('audit.exportHint')}
              value={exportFile}
              onChange={(e) => setExportFile(e.currentTarget.value)}
              style={{ flex: 1 }}
              data-testid="audit-export-file"
            />
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} />}
              onClick={() => void doExport()}
              loading={exporting}
              disabled={!exportFile.trim()}
              data-testid="audit-export"
            >
              {t('audit.export')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  )
}

/** The head as a checkpoint the audit administrator notes outside the machine (issue 7). */
function Checkpoint({ report }: { report: AuditVerifyReport }) {
  const { t } = useTranslation()
  return (
    <>
      {report.head && (
        <>
          <Text size="sm" mt={6}>
            {t('audit.checkpoint')}
          </Text>
          <Code fz="lg" fw={700} data-testid="audit-checkpoint">
            {report.head.checkpoint}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            {t('audit.checkpointHint')}
          </Text>
        </>
      )}
      {(report.keyedFrom ?? 1) > 1 && (
        <Text size="xs" mt={4}>
          {t('audit.keyedFrom', { last: report.keyedFrom - 1 })}
        </Text>
      )}
    </>
  )
}

function VerifyReport({ report }: { report: AuditVerifyReport }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (report.ok) {
    return (
      <Alert color="green" icon={<IconShieldCheck />} title={t('audit.verifyOk')} data-testid="audit-verify-result">
        <Text size="sm">{t('audit.verifyOkText', { entries: report.entries })}</Text>
        <Code mt={4} style={{ wordBreak: 'break-all' }} data-testid="audit-head-hash">
          {report.headHash ?? t('common.none')}
        </Code>
        <Checkpoint report={report} />
      </Alert>
    )
  }
  return (
    <Alert color="red" icon={<IconShieldX />} title={t('audit.verifyBad')} data-testid="audit-verify-result">
      {report.firstBad && (
        <Text size="sm" fw={600}>
          {t('audit.verifyBadText', {
            seq: report.firstBad.seq,
            problem: t(`audit.problem.${report.firstBad.problem}`),
          })}
        </Text>
      )}
      <Text size="sm">{t('audit.verifyBadCount', { entries: report.entries })}</Text>
      {(report.breaks ?? []).map((b) => (
        <Text size="sm" key={`${b.foundAt}-${b.anchorSeq ?? ''}`} data-testid="audit-break">
          {t('audit.breakFound', { at: formatDateTime(b.foundAt, lang), problem: t(`audit.problem.${b.problem}`), anchorSeq: b.anchorSeq ?? '-', headSeq: b.headSeq })}
        </Text>
      ))}
      <Checkpoint report={report} />
    </Alert>
  )
}
