import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import {
  IconAlertTriangle,
  IconDeviceFloppy,
  IconEye,
  IconFilePlus,
  IconPrinter,
  IconSend,
  IconTrash,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { GuidelineState, GuidelineVersionInfo, GuidelineView, SessionInfo } from '@shared/api/types'
import type { AnnualGuideline } from '@shared/guideline/model'
import type { Violation } from '@shared/guideline/violation'
import type { PolicyConstraintValues } from '@shared/guideline/constraints'
import { notifySuccess, useApi } from '../../api'
import { ConfirmModal } from '../../components/ConfirmModal'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { formatDate, formatDateTime } from '../../format'
import { useLang } from '../../i18n'
import { fieldOf, limitsOf, zodValidate } from '../../forms/zodForm'
import { can } from '../../routes'
import { useApiData } from '../../useApiData'
import { GuidelineDocument } from './GuidelineDocument'
import { GuidelineEditor } from './GuidelineEditor'

export const VALIDATE_DEBOUNCE_MS = 300

const STATE_COLOR: Record<GuidelineState, string> = {
  draft: 'gray',
  publicity: 'orange',
  inForce: 'green',
  superseded: 'gray',
}

/** The route of a version's print view. */
export function printRoute(year: number, version: number): string {
  return `guideline/print/${year}/${version}`
}

/** 考核指引: the version in force, the draft (HR edits, the head publishes), and every version. */
export function GuidelinePage({ session, onNavigate }: { session: SessionInfo; onNavigate: (route: string) => void }) {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [reading, setReading] = useState<number | null>(null)
  const canDraft = can(session.roles, 'guideline.draft')
  const canEdit = can(session.roles, 'guideline.edit')
  const canPublish = can(session.roles, 'guideline.publish')
  const canPolicy = can(session.roles, 'policy.read')

  // One year's guideline and the policy's limits for it: a late answer for a year no longer
  // selected is dropped (useApiData).
  const guideline = useApiData('guideline.get', { year }, [])
  const view = guideline.data
  const setView = guideline.setData
  const policy = useApiData('policy.get', canPolicy && canDraft ? { year } : null, [], { notify: false })
  const constraints: PolicyConstraintValues | null = policy.data?.constraints ?? null

  const current = view?.current ?? null

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('guideline.title')}
        lead={t('guideline.lead')}
        actions={
          <Group align="flex-end">
            <YearSelect value={year} onChange={setYear} testid="guideline-year" label={t('guideline.year')} />
            <Button
              variant="default"
              leftSection={<IconPrinter size={18} />}
              disabled={!current}
              onClick={() => current && onNavigate(printRoute(year, current.version))}
              data-testid="guideline-print"
            >
              {t('guideline.print')}
            </Button>
          </Group>
        }
      />
      {view === null ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <>
          {view.calendarWarnings.length > 0 && (
            <CalendarWarnings warnings={view.calendarWarnings} />
          )}
          <CurrentCard view={view} />
          {canDraft && (
            <DraftSection
              key={`${year}:${view.draft?.updatedAt ?? 'none'}:${current?.version ?? 0}`}
              year={year}
              view={view}
              canEdit={canEdit}
              canPublish={canPublish}
              constraints={constraints}
              onView={setView}
            />
          )}
          {!canDraft && current && (
            <Card withBorder radius="md" padding="xl">
              <GuidelineDocument guideline={current.guideline} info={current} unitName={session.unitName} />
            </Card>
          )}
          <VersionsCard versions={view.versions} onRead={setReading} onPrint={(v) => onNavigate(printRoute(year, v))} />
        </>
      )}
      <VersionModal year={year} version={reading} unitName={session.unitName} onClose={() => setReading(null)} />
    </Stack>
  )
}

function CalendarWarnings({ warnings }: { warnings: GuidelineView['calendarWarnings'] }) {
  const lang = useLang()
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} data-testid="guideline-calendar-warnings">
      {warnings.map((w) => (
        <Text size="sm" key={`${w.code}-${w.year}`}>
          {lang === 'zh' ? w.zh : w.en}
        </Text>
      ))}
    </Alert>
  )
}

/** 公示期：2026年1月6日 至 2026年1月12日（5个工作日），2026年1月13日起生效: from day 1, the day after publishing. */
export function usePublicityLine(): (info: GuidelineVersionInfo, days: number) => string | null {
  const { t } = useTranslation()
  const lang = useLang()
  return useCallback(
    (info, days) =>
      info.publicityStart && info.publicityEnd
        ? t('guideline.publicityLine', {
            from: formatDate(info.publicityFrom ?? info.publicityStart, lang),
            end: formatDate(info.publicityEnd, lang),
            days,
            effective: info.effectiveOn ? formatDate(info.effectiveOn, lang) : '—',
          })
        : null,
    [t, lang],
  )
}

function CurrentCard({ view }: { view: GuidelineView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const publicityLine = usePublicityLine()
  const current = view.current
  if (!current) {
    return (
      <Card withBorder radius="md" padding="lg" data-testid="guideline-current">
        <Group gap="sm">
          <Badge variant="light" color="gray" data-testid="guideline-state">
            {t('guideline.state.none')}
          </Badge>
          <Text c="dimmed">{t('guideline.noneYet', { year: view.year })}</Text>
        </Group>
      </Card>
    )
  }
  const line = publicityLine(current, current.guideline.publicity.guidelineWorkingDays)
  return (
    <Card withBorder radius="md" padding="lg" data-testid="guideline-current" className={current.state === 'publicity' ? 'card-attention' : undefined}>
      <Stack gap={6}>
        <Group gap="sm">
          <Title order={4}>{t('guideline.currentTitle', { year: view.year, version: current.version })}</Title>
          <Badge color={STATE_COLOR[current.state]} variant={current.state === 'inForce' ? 'filled' : 'light'} data-testid="guideline-state">
            {t(`guideline.state.${current.state}`)}
          </Badge>
        </Group>
        {line && (
          <Text fw={500} data-testid="guideline-publicity">
            {line}
          </Text>
        )}
        {current.state === 'publicity' &&
          view.versions
            .filter((v) => v.state === 'inForce' && v.version !== current.version)
            .map((v) => (
              <Text size="sm" key={v.version} data-testid="guideline-still-in-force">
                {t('guideline.stillInForce', { version: v.version })}
              </Text>
            ))}
        <Text size="sm" c="dimmed">
          {current.publishedAt &&
            t('guideline.publishedLine', { by: current.publishedBy ?? t('common.none'), at: formatDateTime(current.publishedAt, lang) })}
          {current.reason && ` · ${t('guideline.reasonLine', { reason: current.reason })}`}
        </Text>
      </Stack>
    </Card>
  )
}

function DraftSection({
  year,
  view,
  canEdit,
  canPublish,
  constraints,
  onView,
}: {
  year: number
  view: GuidelineView
  canEdit: boolean
  canPublish: boolean
  constraints: PolicyConstraintValues | null
  onView: (v: GuidelineView) => void
}) {
  const { t } = useTranslation()
  const { run } = useApi()
  const draft = view.draft
  const [starting, setStarting] = useState(false)
  const [creating, setCreating] = useState(false)

  // The first draft of a year starts from the shipped defaults; a revision starts from the version in force.
  const startFirst = async () => {
    setCreating(true)
    const r = await run('guideline.saveDraft', { year })
    setCreating(false)
    if (r.ok) onView(r.value)
  }

  if (!draft) {
    return (
      <Card withBorder radius="md" padding="lg" data-testid="guideline-no-draft">
        <Group justify="space-between">
          <Text c="dimmed">{view.current ? t('guideline.noDraft') : t('guideline.noDraftFirst', { year })}</Text>
          {canEdit && (
            <Button
              leftSection={<IconFilePlus size={18} />}
              loading={creating}
              onClick={() => (view.current ? setStarting(true) : void startFirst())}
              data-testid="guideline-start-revision"
            >
              {view.current ? t('guideline.startRevision') : t('guideline.startFirst')}
            </Button>
          )}
        </Group>
        <StartRevisionModal
          opened={starting}
          year={year}
          onClose={() => setStarting(false)}
          onDone={(v) => {
            setStarting(false)
            onView(v)
          }}
        />
      </Card>
    )
  }
  return (
    <DraftWorkspace
      year={year}
      draft={draft}
      hasCurrent={view.current !== null}
      canEdit={canEdit}
      canPublish={canPublish}
      constraints={constraints}
      onView={onView}
    />
  )
}

type Draft = NonNullable<GuidelineView['draft']>

function DraftWorkspace({
  year,
  draft,
  hasCurrent,
  canEdit,
  canPublish,
  constraints,
  onView,
}: {
  year: number
  draft: Draft
  hasCurrent: boolean
  canEdit: boolean
  canPublish: boolean
  constraints: PolicyConstraintValues | null
  onView: (v: GuidelineView) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [edited, setEdited] = useState<AnnualGuideline>(draft.guideline)
  const [violations, setViolations] = useState<Violation[]>(draft.violations)
  const [validating, setValidating] = useState(false)
  const [busy, setBusy] = useState<'save' | null>(null)
  const [discarding, setDiscarding] = useState(false)
  const [publishing, setPublishing] = useState(false)
  const [debounced] = useDebouncedValue(edited, VALIDATE_DEBOUNCE_MS)
  const lastValidated = useRef<AnnualGuideline>(draft.guideline)
  const seq = useRef(0)
  const savedJson = useMemo(() => JSON.stringify(draft.guideline), [draft.guideline])
  const dirty = useMemo(() => edited !== draft.guideline && JSON.stringify(edited) !== savedJson, [edited, draft.guideline, savedJson])

  // Live validation: ~300 ms after the last edit, ask main (the one place that knows the policy).
  useEffect(() => {
    if (debounced === lastValidated.current) return
    lastValidated.current = debounced
    const mine = ++seq.current
    setValidating(true)
    void run('guideline.validate', { guideline: debounced }, { notify: false }).then((r) => {
      if (mine !== seq.current) return
      setValidating(false)
      if (r.ok) setViolations(r.value)
    })
  }, [debounced, run])

  const pending = validating || edited !== debounced

  const save = async () => {
    setBusy('save')
    const r = await run('guideline.saveDraft', { year, guideline: edited, ...(draft.reason ? { reason: draft.reason } : {}) })
    setBusy(null)
    if (r.ok) {
      notifySuccess(t('guideline.saved'))
      onView(r.value)
    }
  }

  const discard = async () => {
    const r = await run('guideline.discardDraft', { year })
    setDiscarding(false)
    if (r.ok) {
      notifySuccess(t('guideline.discarded'))
      onView(r.value)
    }
  }

  const publish = async () => {
    const r = await run('guideline.publish', { year })
    setPublishing(false)
    if (r.ok) {
      const c = r.value.current
      notifySuccess(
        c?.publicityEnd && c.effectiveOn
          ? t('guideline.publishedNotice', { end: formatDate(c.publicityEnd, lang), effective: formatDate(c.effectiveOn, lang) })
          : t('guideline.publishedShort'),
      )
      onView(r.value)
    }
  }

  const publishBlocked = violations.length > 0 || pending || dirty
  const publishHint = dirty
    ? t('guideline.publishNeedsSave')
    : violations.length > 0
      ? t('guideline.publishBlocked', { count: violations.length })
      : null

  return (
    <Card withBorder radius="md" padding="lg" data-testid="guideline-draft">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="sm">
              <Title order={4}>{hasCurrent ? t('guideline.revisionTitle') : t('guideline.draftTitle', { year })}</Title>
              <Badge variant="light" color="gray">
                {t('guideline.state.draft')}
              </Badge>
              {dirty && (
                <Badge variant="light" color="yellow" data-testid="guideline-dirty">
                  {t('guideline.unsaved')}
                </Badge>
              )}
              {pending && (
                <Group gap={4}>
                  <Loader size={14} />
                  <Text size="xs" c="dimmed">
                    {t('guideline.checking')}
                  </Text>
                </Group>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('guideline.draftMeta', { at: formatDateTime(draft.updatedAt, lang), by: draft.updatedBy ?? t('common.none') })}
              {draft.reason && ` · ${t('guideline.reasonLine', { reason: draft.reason })}`}
            </Text>
          </Stack>
          <Group gap="xs">
            {canEdit && (
              <>
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setDiscarding(true)}
                  data-testid="guideline-discard"
                >
                  {t('guideline.discard')}
                </Button>
                <Button
                  leftSection={<IconDeviceFloppy size={18} />}
                  loading={busy === 'save'}
                  disabled={!dirty}
                  onClick={() => void save()}
                  data-testid="guideline-save"
                >
                  {t('guideline.save')}
                </Button>
              </>
            )}
            {canPublish && (
              <Tooltip label={publishHint} disabled={publishHint === null} multiline w={260}>
                <span>
                  <Button
                    color="red.8"
                    leftSection={<IconSend size={18} />}
                    disabled={publishBlocked}
                    onClick={() => setPublishing(true)}
                    data-testid="guideline-publish"
                  >
                    {t('guideline.publish')}
                  </Button>
                </span>
              </Tooltip>
            )}
          </Group>
        </Group>
        {!canEdit && (
          <Text size="sm" c="dimmed">
            {t('guideline.readOnlyDraft')}
          </Text>
        )}
        <GuidelineEditor value={edited} setValue={setEdited} violations={violations} readOnly={!canEdit} constraints={constraints} />
      </Stack>
      <ConfirmModal
        opened={discarding}
        title={t('guideline.discardTitle')}
        danger
        confirmLabel={t('guideline.discard')}
        onCancel={() => setDiscarding(false)}
        onConfirm={discard}
      >
        <Text size="sm">{t('guideline.discardText')}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={publishing}
        title={t('guideline.publishTitle', { year })}
        confirmLabel={t('guideline.publish')}
        onCancel={() => setPublishing(false)}
        onConfirm={publish}
      >
        <Stack gap="xs">
          <Text size="sm">{t('guideline.publishText', { days: edited.publicity.guidelineWorkingDays })}</Text>
          <Text size="sm">{hasCurrent ? t('guideline.publishRevisionText') : t('guideline.publishFirstText')}</Text>
          {draft.reason && (
            <Text size="sm" c="dimmed">
              {t('guideline.reasonLine', { reason: draft.reason })}
            </Text>
          )}
        </Stack>
      </ConfirmModal>
    </Card>
  )
}

const REVISION_REASON = fieldOf(contract['guideline.startRevision'].input, 'reason')
const REVISION_REASON_LIMITS = limitsOf(REVISION_REASON)

function StartRevisionModal({
  opened,
  year,
  onClose,
  onDone,
}: {
  opened: boolean
  year: number
  onClose: () => void
  onDone: (v: GuidelineView) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [reason, setReason] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (opened) {
      setReason('')
      setTried(false)
      setError(null)
    }
  }, [opened])

  // The reason's limits are guideline.startRevision's own schema, worded in the UI language.
  const problem = zodValidate<string>(REVISION_REASON, lang, (v) => v, { '': 'reason' })(reason).reason as string | undefined
  const invalid = problem !== undefined
  const submit = async () => {
    setTried(true)
    if (invalid) return
    setBusy(true)
    setError(null)
    const r = await run('guideline.startRevision', { year, reason: reason.trim() }, { notify: false })
    setBusy(false)
    if (r.ok) onDone(r.value)
    else setError(describe(r.error))
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('guideline.startRevision')} centered>
      <Stack gap="md">
        <Text size="sm">{t('guideline.startRevisionText')}</Text>
        <Textarea
          label={t('guideline.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried ? problem : undefined}
          withAsterisk
          rows={3}
          maxLength={REVISION_REASON_LIMITS.maxLength}
          data-testid="guideline-reason"
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void submit()} data-testid="guideline-reason-submit">
            {t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function VersionsCard({
  versions,
  onRead,
  onPrint,
}: {
  versions: GuidelineVersionInfo[]
  onRead: (version: number) => void
  onPrint: (version: number) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const published = versions.filter((v) => v.state !== 'draft')
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={4}>{t('guideline.versionsTitle')}</Title>
        {published.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('guideline.versionsEmpty')}
          </Text>
        ) : (
          <Table verticalSpacing={8} data-testid="guideline-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('guideline.colVersion')}</Table.Th>
                <Table.Th w={120}>{t('guideline.colState')}</Table.Th>
                <Table.Th>{t('guideline.colPublicity')}</Table.Th>
                <Table.Th>{t('guideline.colEffective')}</Table.Th>
                <Table.Th>{t('guideline.colPublished')}</Table.Th>
                <Table.Th>{t('guideline.colReason')}</Table.Th>
                <Table.Th w={170} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...published]
                .sort((a, b) => b.version - a.version)
                .map((v) => (
                  <Table.Tr key={v.version} data-testid={`guideline-version-${v.version}`}>
                    <Table.Td fw={600}>{t('guideline.versionN', { version: v.version })}</Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOR[v.state]} variant="light">
                        {t(`guideline.state.${v.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {v.publicityStart && v.publicityEnd
                        ? `${formatDate(v.publicityFrom ?? v.publicityStart, lang)} – ${formatDate(v.publicityEnd, lang)}`
                        : t('common.none')}
                    </Table.Td>
                    <Table.Td>{v.effectiveOn ? formatDate(v.effectiveOn, lang) : t('common.none')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{v.publishedBy ?? t('common.none')}</Text>
                      <Text size="xs" c="dimmed">
                        {v.publishedAt ? formatDateTime(v.publishedAt, lang) : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={v.reason ? undefined : 'dimmed'}>
                        {v.reason ?? t('common.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" leftSection={<IconEye size={14} />} onClick={() => onRead(v.version)} data-testid={`guideline-read-${v.version}`}>
                          {t('guideline.read')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconPrinter size={14} />} onClick={() => onPrint(v.version)}>
                          {t('guideline.print')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  )
}

function VersionModal({
  year,
  version,
  unitName,
  onClose,
}: {
  year: number
  version: number | null
  unitName: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [data, setData] = useState<(GuidelineVersionInfo & { guideline: AnnualGuideline }) | null>(null)
  useEffect(() => {
    setData(null)
    if (version === null) return
    let live = true
    void run('guideline.version', { year, version }).then((r) => {
      if (live && r.ok) setData(r.value)
    })
    return () => {
      live = false
    }
  }, [run, year, version])
  return (
    <Modal opened={version !== null} onClose={onClose} size={960} title={t('guideline.versionTitle', { year, version: version ?? '' })}>
      {data === null ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <Stack gap="md">
          {data.state === 'superseded' && data.reason && (
            <Alert color="gray" variant="light">
              {t('guideline.reasonLine', { reason: data.reason })}
            </Alert>
          )}
          <GuidelineDocument guideline={data.guideline} info={data} unitName={unitName} />
        </Stack>
      )}
    </Modal>
  )
}
