import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { IconAlertTriangle, IconArrowsMaximize, IconBan, IconFileExport, IconPaperclip, IconPlus, IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { InputOf } from '@shared/api/contract'
import type { LedgerEntryView, LedgerPage as Page, SessionInfo } from '@shared/api/types'
import type { LedgerKind } from '@shared/ledger'
import type { Lang } from '@shared/errors'
import { notifySuccess, useApi } from '../../api'
import { DateField } from '../../components/DateField'
import { PageHeader } from '../../components/PageHeader'
import { VirtualList } from '../../components/VirtualList'
import { downloadFile } from '../../files'
import { formatBytes, formatDate, formatDateTime } from '../../format'
import { useLang } from '../../i18n'
import { fieldOf, limitsOf, zodValidate } from '../../forms/zodForm'
import { kindColor, kindLabel, kindOptions } from './labels'
import { LedgerAddModal } from './LedgerAddModal'
import { useUnitPeople } from './people'

/** Every row is this tall: header line, two lines of text, padding. */
export const LEDGER_ROW_HEIGHT = 92
/** Entries asked for per page. */
export const LEDGER_PAGE_SIZE = 100
/** The shell's main area without its padding: the ledger page fills it and never scrolls itself. */
const PAGE_HEIGHT = 'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding, 0rem))'
/** Load the next page when the window comes within this many rows of the end. */
const NEAR_END = 30

type Filter = Omit<InputOf<'ledger.list'>, 'after' | 'limit'>

/** 台账: filters, a windowed list loaded page by page, add / void for direct reports, export. */
export function LedgerPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const people = useUnitPeople(session)

  const [personId, setPersonId] = useState<string | null>(null)
  const [kinds, setKinds] = useState<string[]>([])
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const [textInput, setTextInput] = useState('')
  const [text] = useDebouncedValue(textInput.trim(), 300)
  const [includeVoided, setIncludeVoided] = useState(false)

  const filter = useMemo<Filter>(
    () => ({
      ...(personId ? { personId: Number(personId) } : {}),
      ...(kinds.length ? { kinds: kinds as LedgerKind[] } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(text ? { text } : {}),
      includeVoided,
    }),
    [personId, kinds, from, to, text, includeVoided],
  )

  const [entries, setEntries] = useState<LedgerEntryView[]>([])
  const [next, setNext] = useState<Page['next']>(null)
  const [total, setTotal] = useState<NonNullable<Page['total']> | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [lastVisible, setLastVisible] = useState(0)
  const generation = useRef(0)

  const load = useCallback(
    async (after: Page['next']) => {
      const gen = generation.current
      setLoading(true)
      // The first page also brings the total (counted up to a bound in main).
      const r = await run('ledger.list', { ...filter, ...(after ? { after } : { withTotal: true }), limit: LEDGER_PAGE_SIZE }, { notify: false })
      if (gen !== generation.current) return
      setLoading(false)
      if (r.ok) {
        setEntries((prev) => (after ? [...prev, ...r.value.entries] : r.value.entries))
        if (!after) setTotal(r.value.total ?? null)
        setNext(r.value.next)
        setError(null)
      } else {
        setNext(null)
        setError(describe(r.error))
      }
    },
    [run, describe, filter],
  )

  // New filters: start over from the newest entry.
  useEffect(() => {
    generation.current++
    setEntries([])
    setNext(null)
    setTotal(null)
    setLastVisible(0)
    void load(null)
  }, [load])

  // Follow `next` while the window is near the end. A sparse filter may return a short or empty
  // page with `next` set (the server's scan limit): this keeps following it until the window is
  // filled or the cursor runs out.
  useEffect(() => {
    if (next && !loading && lastVisible >= entries.length - NEAR_END) void load(next)
  }, [next, loading, lastVisible, entries.length, load])

  const reportIds = useMemo(() => new Set(people.reports.map((p) => p.id)), [people.reports])
  const filteredPerson = personId ? Number(personId) : null
  const canAdd = reportIds.size > 0 && (filteredPerson === null || reportIds.has(filteredPerson))
  const mine = !can(session.roles) && reportIds.size === 0

  const [adding, setAdding] = useState(false)
  const [voiding, setVoiding] = useState<LedgerEntryView | null>(null)
  const [detail, setDetail] = useState<LedgerEntryView | null>(null)
  const [exporting, setExporting] = useState(false)

  const download = useCallback(
    async (attachmentId: number) => {
      const r = await run('ledger.attachment', { attachmentId })
      if (r.ok) downloadFile(r.value)
    },
    [run],
  )

  const doExport = async () => {
    setExporting(true)
    const r = await run('ledger.export', filter)
    setExporting(false)
    if (r.ok) {
      downloadFile(r.value)
      notifySuccess(t('ledger.exported'))
    }
  }

  // A voided entry stays in the list (struck through) when voided ones are shown, else it leaves.
  const replace = useCallback(
    (entry: LedgerEntryView) => {
      setEntries((prev) => prev.flatMap((e) => (e.id !== entry.id ? [e] : entry.voided && !includeVoided ? [] : [entry])))
    },
    [includeVoided],
  )

  const renderRow = useCallback(
    (entry: LedgerEntryView) => (
      <LedgerRow
        entry={entry}
        lang={lang}
        mayVoid={reportIds.has(entry.personId) && entry.voidable}
        onDownload={download}
        onExpand={setDetail}
        onVoid={setVoiding}
      />
    ),
    [lang, reportIds, download],
  )

  const countLine = (sum: NonNullable<Page['total']> | null, loaded: number, more: boolean): string => {
    if (!sum) return more ? t('ledger.loaded', { count: loaded }) : t('ledger.loadedAll', { count: loaded })
    if (sum.exact && (!more || loaded >= sum.count)) return t('ledger.loadedAll', { count: sum.count })
    return t(sum.exact ? 'ledger.totalLoaded' : 'ledger.totalMore', { total: sum.count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'), count: loaded })
  }

  const personOptions = useMemo(
    () =>
      people.readable.map((p) => ({ value: String(p.id), label: `${p.name}（${p.staffNo}）` })),
    [people.readable],
  )

  return (
    // The page is exactly the window's height and only the list scrolls: one scroll area, not two.
    <Stack gap="md" maw={1400} h={PAGE_HEIGHT} mih={520} data-testid="ledger-page">
      <PageHeader
        title={mine ? t('ledger.titleMine') : t('ledger.title')}
        lead={mine ? t('ledger.leadMine') : t('ledger.lead')}
        actions={
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconFileExport size={18} />}
              loading={exporting}
              onClick={() => void doExport()}
              data-testid="ledger-export"
            >
              {t('ledger.export')}
            </Button>
            {canAdd && (
              <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)} data-testid="ledger-add">
                {t('ledger.add')}
              </Button>
            )}
          </Group>
        }
      />

      <Card withBorder radius="md" padding="md" style={{ flexShrink: 0 }}>
        <Group gap="sm" align="flex-end">
          {personOptions.length > 0 && (
            <Select
              label={t('ledger.filterPerson')}
              placeholder={t('ledger.filterPersonAll')}
              data={personOptions}
              value={personId}
              onChange={setPersonId}
              searchable
              clearable
              w={200}
              data-testid="ledger-filter-person"
            />
          )}
          <MultiSelect
            label={t('ledger.filterKinds')}
            placeholder={kinds.length ? undefined : t('ledger.filterKindsAll')}
            data={kindOptions(lang)}
            value={kinds}
            onChange={setKinds}
            clearable
            w={280}
            maxDropdownHeight={320}
            data-testid="ledger-filter-kinds"
          />
          <DateField
            label={t('ledger.filterFrom')}
            value={from}
            onChange={setFrom}
            maxDate={to ?? undefined}
            clearable
            w={170}
            data-testid="ledger-filter-from"
          />
          <DateField
            label={t('ledger.filterTo')}
            value={to}
            onChange={setTo}
            minDate={from ?? undefined}
            clearable
            w={170}
            data-testid="ledger-filter-to"
          />
          <TextInput
            label={t('ledger.filterText')}
            placeholder={t('ledger.filterTextPlaceholder')}
            value={textInput}
            onChange={(e) => setTextInput(e.currentTarget.value)}
            leftSection={<IconSearch size={16} />}
            maxLength={100}
            w={220}
            data-testid="ledger-filter-text"
          />
          <Switch
            label={t('ledger.showVoided')}
            checked={includeVoided}
            onChange={(e) => setIncludeVoided(e.currentTarget.checked)}
            mb={8}
            data-testid="ledger-filter-voided"
          />
        </Group>
      </Card>

      {error && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert" style={{ flexShrink: 0 }} data-testid="ledger-error">
          {error}
        </Alert>
      )}

      <Card withBorder radius="md" padding={0} style={{ flex: '0 1 auto', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Group justify="space-between" px="md" py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}>
          <Text size="sm" c="dimmed" data-testid="ledger-count">
            {countLine(total, entries.length, next !== null)}
          </Text>
          {loading && <Loader size="xs" />}
        </Group>
        {!loading && entries.length === 0 && !next ? (
          <Text c="dimmed" ta="center" py={48} data-testid="ledger-empty">
            {t('ledger.empty')}
          </Text>
        ) : (
          // As tall as the rows, at most the rest of the page (the list then scrolls, the page does not).
          <div style={{ flex: '0 1 auto', minHeight: 0, height: entries.length * LEDGER_ROW_HEIGHT + (next || loading ? 48 : 0) }}>
            <VirtualList
              items={entries}
              rowHeight={LEDGER_ROW_HEIGHT}
              height="100%"
              getKey={(e) => e.id}
              renderRow={renderRow}
              onRange={setLastVisible}
              data-testid="ledger-list"
              footer={
                next || loading ? (
                  <Group justify="center" gap="xs" py="sm">
                    <Loader size="xs" />
                    <Text size="sm" c="dimmed">
                      {t('ledger.loadingMore')}
                    </Text>
                  </Group>
                ) : null
              }
            />
          </div>
        )}
      </Card>

      <LedgerAddModal
        opened={adding}
        reports={people.reports}
        defaultPersonId={filteredPerson !== null && reportIds.has(filteredPerson) ? filteredPerson : null}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false)
          generation.current++
          setEntries([])
          setNext(null)
          void load(null)
        }}
      />
      <VoidModal
        entry={voiding}
        onClose={() => setVoiding(null)}
        onVoided={(entry) => {
          setVoiding(null)
          replace(entry)
        }}
      />
      <DetailModal entry={detail} lang={lang} onClose={() => setDetail(null)} onDownload={download} />
    </Stack>
  )
}

/** Whether the roles read ledgers beyond their own and their reports' (HR, leadership group). */
function can(roles: SessionInfo['roles']): boolean {
  return roles.some((r) => r === 'hr' || r === 'leader' || r === 'leaderHead')
}

const LedgerRow = memo(function LedgerRow({
  entry,
  lang,
  mayVoid,
  onDownload,
  onExpand,
  onVoid,
}: {
  entry: LedgerEntryView
  lang: Lang
  mayVoid: boolean
  onDownload: (attachmentId: number) => void
  onExpand: (entry: LedgerEntryView) => void
  onVoid: (entry: LedgerEntryView) => void
}) {
  const { t } = useTranslation()
  const voided = entry.voided !== null
  const shown = entry.attachments.slice(0, 2)
  const more = entry.attachments.length - shown.length
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="md"
      px="md"
      py={10}
      h="100%"
      className="ledger-row"
      data-testid={`ledger-row-${entry.id}`}
      data-voided={voided || undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', background: voided ? 'var(--mantine-color-gray-0)' : undefined }}
    >
      <Stack gap={6} w={140} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={600} td={voided ? 'line-through' : undefined}>
          {formatDate(entry.day, lang)}
        </Text>
        <Badge variant="light" color={voided ? 'gray' : kindColor(entry.kind)} radius="sm" maw={140}>
          {kindLabel(entry.kind, lang)}
        </Badge>
      </Stack>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
            {entry.personName}
          </Text>
          <Text size="xs" c="dimmed" className="mono" style={{ flexShrink: 0 }}>
            {entry.staffNo}
          </Text>
          {entry.author && (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              · {t('ledger.author', { name: entry.author })}
            </Text>
          )}
          {entry.source === 'import' && (
            <Badge size="xs" variant="outline" color="gray">
              {t('ledger.imported')}
            </Badge>
          )}
          {entry.taskRef && (
            <Badge size="xs" variant="outline" color="cyan" style={{ flexShrink: 0 }}>
              {t('ledger.taskRef', { ref: entry.taskRef })}
              {entry.progress !== null ? ` · ${entry.progress}%` : ''}
            </Badge>
          )}
          {entry.voided && (
            <>
              <Badge size="xs" color="red" variant="filled" style={{ flexShrink: 0 }}>
                {t('ledger.voided')}
              </Badge>
              <Text size="xs" c="red.8" truncate data-testid={`ledger-void-reason-${entry.id}`}>
                {t('ledger.voidedReason', { reason: entry.voided.reason })}
              </Text>
            </>
          )}
        </Group>
        <Text size="sm" lineClamp={2} td={voided ? 'line-through' : undefined} c={voided ? 'dimmed' : undefined} lh={1.45}>
          {entry.text}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        {shown.map((a) => (
          <Tooltip key={a.id} label={`${a.fileName} · ${formatBytes(a.size)}`}>
            <Button
              size="compact-xs"
              variant="light"
              color="gray"
              leftSection={<IconPaperclip size={12} />}
              maw={130}
              onClick={() => onDownload(a.id)}
              aria-label={t('ledger.attachment', { name: a.fileName })}
              data-testid={`ledger-attachment-${a.id}`}
            >
              <Text size="xs" truncate>
                {a.fileName}
              </Text>
            </Button>
          </Tooltip>
        ))}
        {more > 0 && (
          <Text size="xs" c="dimmed">
            {t('ledger.moreAttachments', { count: more })}
          </Text>
        )}
        <Tooltip label={t('ledger.expand')}>
          <ActionIcon variant="subtle" color="gray" onClick={() => onExpand(entry)} aria-label={t('ledger.expand')} data-testid={`ledger-expand-${entry.id}`}>
            <IconArrowsMaximize size={16} />
          </ActionIcon>
        </Tooltip>
        {mayVoid && (
          <Tooltip label={t('ledger.void')}>
            <ActionIcon variant="subtle" color="red" onClick={() => onVoid(entry)} aria-label={t('ledger.void')} data-testid={`ledger-void-${entry.id}`}>
              <IconBan size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Group>
  )
})

const VOID_REASON = fieldOf(contract['ledger.void'].input, 'reason')
const VOID_REASON_LIMITS = limitsOf(VOID_REASON)

/** 作废: a reason is required; the entry stays, marked voided. */
function VoidModal({
  entry,
  onClose,
  onVoided,
}: {
  entry: LedgerEntryView | null
  onClose: () => void
  onVoided: (entry: LedgerEntryView) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // The reason's limits are the contract's (ledger.void), worded in the UI language.
  const form = useForm<{ reason: string }>({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: zodValidate<{ reason: string }>(VOID_REASON, lang, (v) => v.reason, { '': 'reason' }),
  })

  const { reset } = form
  useEffect(() => {
    reset()
    setProblem(null)
  }, [entry, reset])

  const submit = async ({ reason }: { reason: string }) => {
    if (!entry) return
    setBusy(true)
    const r = await run('ledger.void', { entryId: entry.id, reason: reason.trim() }, { notify: false })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('ledger.voidedDone'))
      onVoided(r.value)
    } else {
      setProblem(describe(r.error))
    }
  }

  return (
    <Modal opened={entry !== null} onClose={onClose} title={t('ledger.voidTitle')} centered>
      {entry && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('ledger.voidText')}
          </Text>
          <Card withBorder padding="sm" radius="sm" bg="gray.0">
            <Text size="sm" fw={600}>
              {formatDate(entry.day, lang)} · {entry.personName} · {kindLabel(entry.kind, lang)}
            </Text>
            <Text size="sm" lineClamp={3}>
              {entry.text}
            </Text>
          </Card>
          <Textarea
            label={t('ledger.voidReason')}
            {...form.getInputProps('reason')}
            onChange={(e) => {
              form.setFieldValue('reason', e.currentTarget.value)
              setProblem(null)
            }}
            error={form.errors.reason ?? problem}
            required
            rows={3}
            resize="vertical"
            maxLength={VOID_REASON_LIMITS.maxLength}
            data-autofocus
            data-testid="ledger-void-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => form.onSubmit((v) => void submit(v))()} data-testid="ledger-void-submit">
              {t('ledger.voidSubmit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

/** The whole entry: full text, task, attachments, and who voided it why. */
function DetailModal({
  entry,
  lang,
  onClose,
  onDownload,
}: {
  entry: LedgerEntryView | null
  lang: Lang
  onClose: () => void
  onDownload: (attachmentId: number) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal opened={entry !== null} onClose={onClose} title={t('ledger.detailTitle')} size="lg" centered>
      {entry && (
        <Stack gap="sm" data-testid="ledger-detail">
          <Group gap="xs">
            <Text fw={600}>{formatDate(entry.day, lang)}</Text>
            <Text>
              {entry.personName}（{entry.staffNo}）
            </Text>
            <Badge variant="light" color={kindColor(entry.kind)}>
              {kindLabel(entry.kind, lang)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {entry.author ? t('ledger.author', { name: entry.author }) : ''} · {formatDateTime(entry.createdAt, lang)}
          </Text>
          {entry.taskRef && (
            <Text size="sm">
              {t('ledger.taskRef', { ref: entry.taskRef })}
              {entry.progress !== null ? ` · ${t('ledger.progress', { progress: entry.progress })}` : ''}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} td={entry.voided ? 'line-through' : undefined}>
            {entry.text}
          </Text>
          {entry.attachments.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('ledger.detailAttachments')}
              </Text>
              <Group gap="xs">
                {entry.attachments.map((a) => (
                  <Button key={a.id} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} onClick={() => onDownload(a.id)}>
                    {a.fileName} · {formatBytes(a.size)}
                  </Button>
                ))}
              </Group>
            </Stack>
          )}
          {entry.voided && (
            <Alert color="red" title={t('ledger.voided')}>
              <Text size="sm">{t('ledger.voidedReason', { reason: entry.voided.reason })}</Text>
              <Text size="xs" c="dimmed">
                {t('ledger.voidedBy', { by: entry.voided.by ?? t('common.none'), at: formatDateTime(entry.voided.at, lang) })}
              </Text>
            </Alert>
          )}
        </Stack>
      )}
    </Modal>
  )
}
