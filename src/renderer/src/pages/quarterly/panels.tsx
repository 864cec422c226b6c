import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, MultiSelect, NumberInput, Select, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconSend, IconSparkles, IconUsersGroup } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { AssessorTrainingReminder } from '../training/AssessorTrainingReminder'
import { contract } from '@shared/api/contract'
import type { PersonSummary } from '@shared/api/types'
import { GONE_STATUSES } from '@shared/org'
import {
  QUARTERLY_STATUS_FLAG_LABELS,
  type AssignPeersResult,
  type AutoAssignPeersResult,
  type PeerAssignmentView,
  type Quarter,
  type QuarterlyGradeName,
  type QuarterlyStatusRow,
} from '@shared/quarterly'
import { notifySuccess, useApi } from '../../api'
import { formatDate, formatDateTime, formatNumber, formatQuarter } from '../../format'
import { useLang } from '../../i18n'
import { UnitTable, type UnitColumn } from '../../components/UnitTable'
import { useApiData } from '../../useApiData'
import { fieldOf, limitsOf } from '../../forms/zodForm'

// The inputs' bounds are the contract's (quarterly.submitSummary / quarterly.peerRate).
const SUMMARY = fieldOf(contract['quarterly.submitSummary'].input, 'text')
const SUMMARY_LIMITS = limitsOf(SUMMARY)
const PEER_SCORE = fieldOf(contract['quarterly.peerRate'].input, 'score')
const PEER_SCORE_LIMITS = limitsOf(PEER_SCORE)

export const GRADE_COLORS: Record<QuarterlyGradeName, string> = { good: 'green', fairlyGood: 'teal', fair: 'yellow', poor: 'red' }

/** A flag badge grows in height and wraps its words rather than truncating them. */
const FLAG_BADGE_STYLES = {
  root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
  // keep-all: English wraps between words, Chinese (互评人不足) is never broken inside a word.
  label: { whiteSpace: 'normal', wordBreak: 'keep-all', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
} as const

export function GradeBadge({ grade, testid }: { grade: QuarterlyGradeName | null; testid?: string }) {
  const { t } = useTranslation()
  if (!grade) return <Text c="dimmed">{t('common.none')}</Text>
  return (
    <Badge color={GRADE_COLORS[grade]} variant={grade === 'good' ? 'filled' : 'light'} styles={FLAG_BADGE_STYLES} data-testid={testid}>
      {t(`quarterly.grade.${grade}`)}
    </Badge>
  )
}

export function StandardBadge({ meets, testid }: { meets: boolean | null; testid?: string }) {
  const { t } = useTranslation()
  if (meets === null) return <Text c="dimmed">{t('common.none')}</Text>
  return (
    <Badge color={meets ? 'green' : 'red'} variant={meets ? 'light' : 'filled'} styles={FLAG_BADGE_STYLES} data-testid={testid}>
      {meets ? t('quarterly.meets') : t('quarterly.fails')}
    </Badge>
  )
}

/** How the score is made, with the weights of the guideline in force (the row's scoreBasis). */
export function ScoreBasis({ row }: { row: Pick<QuarterlyStatusRow, 'scoreBasis'> }) {
  const { t } = useTranslation()
  const b = row.scoreBasis
  if (!b) return null
  return (
    <Text size="xs" c="dimmed" data-testid="quarterly-score-basis">
      {b.peerPercent > 0
        ? t('quarterly.scoreBasisPeers', {
            sup: formatNumber(b.supervisorPercent),
            peer: formatNumber(b.peerPercent),
            perf: formatNumber(b.performance),
            mean: b.peerMean !== null ? formatNumber(b.peerMean) : t('quarterly.scoreBasisHiddenMean'),
            count: b.peerCount,
          })
        : t('quarterly.scoreBasisNoPeers', { perf: formatNumber(b.performance) })}
    </Text>
  )
}

const GRADE_ORDER: Record<QuarterlyGradeName, number> = { good: 0, fairlyGood: 1, fair: 2, poor: 3 }

/** The quarter's status for the people in scope; `rate` offers the rating to direct reports. */
export function StatusTable({
  rows,
  canRate,
  onRate,
  canAmend = () => false,
  onAmend = () => undefined,
  exportName,
}: {
  rows: QuarterlyStatusRow[]
  canRate: (row: QuarterlyStatusRow) => boolean
  onRate: (row: QuarterlyStatusRow) => void
  /** HR's correction of a closed quarter's rating (a recorded amendment). */
  canAmend?: (row: QuarterlyStatusRow) => boolean
  onAmend?: (row: QuarterlyStatusRow) => void
  /** The export's file name (季度评估-2026年第一季度). */
  exportName?: string
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const columns = useMemo<UnitColumn<QuarterlyStatusRow>[]>(
    () => [
      { key: 'staffNo', label: t('org.colStaffNo'), value: (r) => r.staffNo, width: 80, mono: true },
      { key: 'name', label: t('org.colName'), value: (r) => r.name, width: 80, nowrap: true },
      { key: 'department', label: t('commitments.colDepartment'), value: (r) => r.department, nowrap: true },
      {
        key: 'summary',
        label: t('quarterly.colSummary'),
        width: 96,
        value: (r) => (r.summarySubmittedAt ? t('quarterly.submittedOn') : t('quarterly.notSubmitted')),
        exportValue: (r) => (r.summarySubmittedAt ? `${t('quarterly.submittedOn')} ${formatDateTime(r.summarySubmittedAt, lang)}` : t('quarterly.notSubmitted')),
        compare: (a, b) => Number(Boolean(b.summarySubmittedAt)) - Number(Boolean(a.summarySubmittedAt)),
        render: (r) =>
          r.summarySubmittedAt ? (
            <Tooltip label={formatDateTime(r.summarySubmittedAt, lang)}>
              <Badge color="green" variant="light">
                {t('quarterly.submittedOn')}
              </Badge>
            </Tooltip>
          ) : (
            <Badge color="gray" variant="light">
              {t('quarterly.notSubmitted')}
            </Badge>
          ),
      },
      { key: 'performance', label: t('quarterly.colPerformance'), width: 64, value: (r) => r.rating?.performance ?? null, render: (r) => (r.rating ? formatNumber(r.rating.performance) : null) },
      { key: 'potential', label: t('quarterly.colPotential'), width: 64, value: (r) => r.rating?.potential ?? null, render: (r) => (r.rating ? formatNumber(r.rating.potential) : null) },
      {
        key: 'peers',
        label: t('quarterly.colPeers'),
        width: 64,
        value: (r) => r.peersRated,
        exportValue: (r) => t('quarterly.peersValue', { rated: r.peersRated, assigned: r.peersAssigned }),
        searchable: false,
        render: (r) => (
          <Tooltip label={r.peerMean !== null ? t('quarterly.peerMean', { mean: formatNumber(r.peerMean) }) : t('quarterly.flag.NO_PEER_RATINGS')}>
            <Text size="sm" c={r.flags.includes('FEW_PEERS') ? 'orange' : undefined}>
              {t('quarterly.peersValue', { rated: r.peersRated, assigned: r.peersAssigned })}
            </Text>
          </Tooltip>
        ),
      },
      {
        key: 'score',
        label: t('quarterly.colScore'),
        width: 64,
        value: (r) => r.score,
        exportValue: (r) => (r.score !== null ? Number(r.score.toFixed(2)) : null),
        render: (r) => (
          <Text size="sm" fw={600} data-testid={`quarterly-score-${r.personId}`}>
            {r.score !== null ? r.score.toFixed(2) : t('common.none')}
          </Text>
        ),
      },
      {
        key: 'grade',
        label: t('quarterly.colGrade'),
        // “fairly good” wraps inside its badge (FLAG_BADGE_STYLES) rather than widening the table.
        width: 76,
        value: (r) => (r.grade ? t(`quarterly.grade.${r.grade}`) : null),
        compare: (a, b) => (a.grade ? GRADE_ORDER[a.grade] : 9) - (b.grade ? GRADE_ORDER[b.grade] : 9),
        render: (r) => <GradeBadge grade={r.grade} testid={`quarterly-grade-${r.personId}`} />,
      },
      {
        key: 'standard',
        label: t('quarterly.colStandard'),
        width: 76,
        value: (r) => (r.meetsStandard === null ? null : r.meetsStandard ? t('quarterly.meets') : t('quarterly.fails')),
        render: (r) => <StandardBadge meets={r.meetsStandard} testid={`quarterly-standard-${r.personId}`} />,
      },
      {
        key: 'flags',
        label: t('quarterly.colFlags'),
        // A floor, not a size: the badges wrap, one under another, so the whole table fits the
        // page at 1366 px in English too and no badge is cut at the card's edge.
        width: 88,
        sortable: false,
        value: (r) => r.flags.map((f) => t(`quarterly.flag.${f}`)).join('、'),
        render: (r) =>
          r.flags.length === 0 ? null : (
            <Group gap={4}>
              {r.flags.map((f) => (
                <Tooltip key={f} label={QUARTERLY_STATUS_FLAG_LABELS[f][lang]} multiline maw={280}>
                  <Badge
                    size="sm"
                    variant="outline"
                    color={f === 'NOT_RATED' || f === 'NO_SUMMARY' ? 'gray' : 'orange'}
                    // Long English flags ("summary changed after rating") wrap inside the badge instead of being cut to "summ…".
                    styles={FLAG_BADGE_STYLES}
                    data-testid={`quarterly-flag-${r.personId}-${f}`}
                  >
                    {t(`quarterly.flag.${f}`)}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          ),
      },
      {
        key: 'action',
        label: '',
        // No floor: as wide as its button, and nothing where the viewer cannot rate.
        sortable: false,
        exported: false,
        searchable: false,
        value: () => null,
        render: (r) =>
          canRate(r) ? (
            <Button size="compact-sm" variant={r.rating ? 'subtle' : 'light'} onClick={() => onRate(r)} data-testid={`quarterly-rate-${r.personId}`}>
              {r.rating ? t('quarterly.rerate') : t('quarterly.rate')}
            </Button>
          ) : canAmend(r) ? (
            <Button size="compact-sm" variant="subtle" color="orange" onClick={() => onAmend(r)} data-testid={`quarterly-amend-${r.personId}`}>
              {t('quarterly.amend')}
            </Button>
          ) : (
            <span />
          ),
      },
    ],
    [t, lang, canRate, onRate, canAmend, onAmend],
  )
  return (
    <UnitTable
      rows={rows}
      columns={columns}
      getKey={(r) => r.personId}
      department={(r) => r.department}
      summary={(shown) =>
        t('unitTable.quarterly', {
          shown: shown.length,
          summaries: shown.filter((r) => r.summarySubmittedAt).length,
          rated: shown.filter((r) => r.rating).length,
        })
      }
      {...(exportName ? { exportName, sheetName: t('quarterly.title') } : {})}
      empty={t('quarterly.empty')}
      testid="quarterly-status"
      rowTestId={(r) => `quarterly-row-${r.personId}`}
      minWidth={1060}
      dense
    />
  )
}

/**
 * 《季度工作小结》: the person writes, saves drafts of and submits their own; editable until the
 * quarter's rating phase ends (a change after the rating is noted), closed with the quarter.
 */
export function SummaryPanel({ personId, year, quarter, onChanged }: { personId: number; year: number; quarter: Quarter; onChanged: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  // A late answer for a quarter no longer selected is dropped (useApiData).
  const loaded = useApiData('quarterly.get', { personId, year, quarter }, [], { notify: false })
  const detail = loaded.data
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // The text box starts from what was loaded: the draft if there is one, else the submitted 小结.
  useEffect(() => {
    setProblem(null)
    if (loaded.data) setText(loaded.data.draft?.text ?? loaded.data.summary ?? '')
  }, [loaded.data])

  const submit = async (draft: boolean) => {
    if (!text.trim()) return setProblem(t('quarterly.needSummary'))
    setBusy(true)
    const r = await run('quarterly.submitSummary', { personId, year, quarter, text: text.trim(), ...(draft ? { draft: true } : {}) }, { notify: false })
    setBusy(false)
    if (!r.ok) return setProblem(describe(r.error))
    setProblem(null)
    loaded.setData(r.value)
    notifySuccess(t(draft ? 'quarterly.summaryDraftSaved' : 'quarterly.summarySaved'))
    if (!draft) onChanged()
  }

  const shownProblem = problem ?? (loaded.error ? describe(loaded.error) : null)
  if (detail === null && !shownProblem) {
    return (
      <Group justify="center" py={40}>
        <Loader size="sm" />
      </Group>
    )
  }
  const locked = detail?.phase.phase === 'closed'
  return (
    <Card withBorder radius="md" padding="lg" data-testid="quarterly-summary">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            {t('quarterly.summaryTitle')}
            <Text span c="dimmed" size="sm" ml="sm" fw={400}>
              {formatQuarter(year, quarter, lang)}
            </Text>
          </Text>
          {detail?.summarySubmittedAt && (
            <Badge color="green" variant="light">
              {t('quarterly.summaryAt', { at: formatDateTime(detail.summarySubmittedAt, lang) })}
            </Badge>
          )}
        </Group>
        {locked && <Alert color="blue">{t('quarterly.summaryClosed')}</Alert>}
        {detail && !locked && (
          <Text size="xs" c="dimmed" data-testid="quarterly-summary-until">
            {t('quarterly.summaryEditableUntil', { date: formatDate(detail.phase.ratingEndsOn, lang) })}
          </Text>
        )}
        {detail?.draft && (
          <Badge color="gray" variant="light" data-testid="quarterly-summary-draft">
            {t('quarterly.summaryDraftAt', { at: formatDateTime(detail.draft.savedAt, lang) })}
          </Badge>
        )}
        <Textarea
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          placeholder={t('quarterly.summaryPlaceholder')}
          autosize
          minRows={8}
          maxRows={20}
          maxLength={SUMMARY_LIMITS.maxLength}
          readOnly={locked}
          aria-label={t('quarterly.summaryTitle')}
          data-testid="quarterly-summary-text"
        />
        {shownProblem && (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="quarterly-summary-error">
            {shownProblem}
          </Alert>
        )}
        {!locked && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {text.length} / {SUMMARY_LIMITS.maxLength}
            </Text>
            <Group gap="sm">
              <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={busy} onClick={() => void submit(true)} data-testid="quarterly-summary-draft-save">
                {t('quarterly.summaryDraft')}
              </Button>
              <Button leftSection={<IconSend size={16} />} loading={busy} onClick={() => void submit(false)} data-testid="quarterly-summary-submit">
                {t('quarterly.summarySubmit')}
              </Button>
            </Group>
          </Group>
        )}
        {detail && detail.rating && (
          <Group gap="md" data-testid="quarterly-my-result">
            <Text fw={600} size="sm">
              {t('quarterly.myResult')}
            </Text>
            <Text size="sm">
              {t('quarterly.colScore')} {detail.score !== null ? detail.score.toFixed(2) : t('common.none')}
            </Text>
            <GradeBadge grade={detail.grade} />
            <StandardBadge meets={detail.meetsStandard} />
            {detail.score !== null && <ScoreBasis row={detail} />}
          </Group>
        )}
      </Stack>
    </Card>
  )
}

/** 我的互评任务: only the caller's own assignments, with their own score. */
export function PeerPanel({ year, quarter }: { year: number; quarter: Quarter }) {
  const { t } = useTranslation()
  const { run } = useApi()
  // A late answer for a quarter no longer selected is dropped (useApiData); a failed load shows as empty.
  const loaded = useApiData('quarterly.myPeerAssignments', { year, quarter }, [])
  const rows = loaded.data ?? (loaded.error ? [] : null)
  const [scores, setScores] = useState<Record<number, number | string>>({})
  const [busy, setBusy] = useState<number | null>(null)

  // Each assignment's box starts at its saved score; what is typed in the others survives a save.
  useEffect(() => {
    const list = loaded.data
    if (!list) return
    setScores((prev) => {
      const next = { ...prev }
      for (const a of list) if (!(a.id in next)) next[a.id] = a.myScore ?? ''
      return next
    })
  }, [loaded.data])

  const save = async (a: PeerAssignmentView) => {
    const score = scores[a.id]
    if (typeof score !== 'number' || !PEER_SCORE.safeParse(score).success) return
    setBusy(a.id)
    const r = await run('quarterly.peerRate', { assignmentId: a.id, score })
    setBusy(null)
    if (r.ok) {
      notifySuccess(t('quarterly.peerSaved'))
      if (loaded.data) loaded.setData(loaded.data.map((x) => (x.id === a.id ? r.value : x)))
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('quarterly.peerLead')}
      </Text>
      <AssessorTrainingReminder year={year} />
      <Card withBorder radius="md" padding={0}>
        {rows === null ? (
          <Group justify="center" py={40}>
            <Loader size="sm" />
          </Group>
        ) : rows.length === 0 ? (
          <Text c="dimmed" ta="center" py={40} data-testid="quarterly-peer-empty">
            {t('quarterly.peerEmpty')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="quarterly-peer-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('org.colStaffNo')}</Table.Th>
                <Table.Th>{t('org.colName')}</Table.Th>
                <Table.Th>{t('commitments.colDepartment')}</Table.Th>
                <Table.Th w={110}>{t('commitments.colState')}</Table.Th>
                <Table.Th w={160}>{t('quarterly.peerScore')}</Table.Th>
                <Table.Th w={120} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id} data-testid={`quarterly-peer-${a.id}`}>
                  <Table.Td className="mono">{a.rateeStaffNo}</Table.Td>
                  <Table.Td>{a.rateeName}</Table.Td>
                  <Table.Td>{a.department ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {a.myScore !== null ? (
                      <Badge color="green" variant="light">
                        {t('quarterly.peerDone', { score: formatNumber(a.myScore) })}
                      </Badge>
                    ) : (
                      <Badge color="yellow" variant="light">
                        {t('quarterly.peerTodo')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('quarterly.peerScore')}
                      value={scores[a.id] ?? ''}
                      onChange={(v) => setScores((prev) => ({ ...prev, [a.id]: v }))}
                      min={PEER_SCORE_LIMITS.min}
                      max={PEER_SCORE_LIMITS.max}
                      decimalScale={2}
                      w={120}
                      data-testid={`quarterly-peer-score-${a.id}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconCheck size={14} />}
                      loading={busy === a.id}
                      disabled={typeof scores[a.id] !== 'number'}
                      onClick={() => void save(a)}
                      data-testid={`quarterly-peer-save-${a.id}`}
                    >
                      {t('quarterly.peerSave')}
                    </Button>
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

/** 互评安排 (HR): for a rater, the same-department people they rate; warns below 3 peers. */
export function AssignPanel({
  people,
  rows,
  year,
  quarter,
  onAssigned,
}: {
  people: PersonSummary[]
  rows: QuarterlyStatusRow[]
  year: number
  quarter: Quarter
  onAssigned: () => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [rater, setRater] = useState<string | null>(null)
  const [ratees, setRatees] = useState<string[]>([])
  const [result, setResult] = useState<AssignPeersResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const inPost = useMemo(() => people.filter((p) => !(GONE_STATUSES as readonly string[]).includes(p.status)), [people])
  const raterPerson = inPost.find((p) => String(p.id) === rater) ?? null
  const colleagues = raterPerson ? inPost.filter((p) => p.id !== raterPerson.id && p.departmentId === raterPerson.departmentId) : []

  const label = (p: PersonSummary) => `${p.name}（${p.staffNo}${p.departmentName ? ` · ${p.departmentName}` : ''}）`

  const assign = useCallback(async () => {
    if (!rater || ratees.length === 0) return
    setBusy(true)
    const r = await run('quarterly.assignPeers', { year, quarter, raterId: Number(rater), rateeIds: ratees.map(Number) }, { notify: false })
    setBusy(false)
    if (!r.ok) {
      setResult(null)
      return setProblem(describe(r.error))
    }
    setProblem(null)
    setResult(r.value)
    notifySuccess(t('quarterly.assigned'))
    onAssigned()
  }, [rater, ratees, run, year, quarter, describe, t, onAssigned])

  const few = rows.filter((r) => r.flags.includes('FEW_PEERS'))
  const [auto, setAuto] = useState<AutoAssignPeersResult | null>(null)
  const autoAssign = useCallback(async () => {
    setBusy(true)
    const r = await run('quarterly.autoAssignPeers', { year, quarter }, { notify: false })
    setBusy(false)
    if (!r.ok) {
      setAuto(null)
      return setProblem(describe(r.error))
    }
    setProblem(null)
    setAuto(r.value)
    notifySuccess(t('quarterly.autoAssigned', { count: r.value.created.length }))
    onAssigned()
  }, [run, year, quarter, describe, t, onAssigned])
  const closed = rows[0]?.phase.phase === 'closed'

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('quarterly.assignLead')}
      </Text>
      <Card withBorder radius="md" padding="md" data-testid="quarterly-auto-assign">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Text size="sm">{t('quarterly.autoAssignLead', { min: auto?.minPeerRaters ?? rows[0]?.phase.minPeerRaters ?? '' })}</Text>
          <Button leftSection={<IconSparkles size={16} />} loading={busy} disabled={closed} onClick={() => void autoAssign()} data-testid="quarterly-auto-assign-run" style={{ flexShrink: 0 }}>
            {t('quarterly.autoAssign')}
          </Button>
        </Group>
        {auto && auto.short.length > 0 && (
          <Alert color="yellow" mt="sm" icon={<IconAlertTriangle />} data-testid="quarterly-auto-assign-short">
            {t('quarterly.autoAssignShort', { min: auto.minPeerRaters, names: auto.short.map((x) => `${x.rateeName}（${x.peers}）`).join('、') })}
          </Alert>
        )}
      </Card>
      <Card withBorder radius="md" padding="md" data-testid="quarterly-assign">
        <Group align="flex-end" gap="md" wrap="nowrap">
          <Select
            label={t('quarterly.rater')}
            data={inPost.map((p) => ({ value: String(p.id), label: label(p) }))}
            value={rater}
            onChange={(v) => {
              setRater(v)
              setRatees([])
              setResult(null)
            }}
            searchable
            w={300}
            data-testid="quarterly-assign-rater"
          />
          <MultiSelect
            label={t('quarterly.ratees')}
            data={colleagues.map((p) => ({ value: String(p.id), label: label(p) }))}
            value={ratees}
            onChange={setRatees}
            searchable
            disabled={!raterPerson}
            style={{ flex: 1 }}
            data-testid="quarterly-assign-ratees"
          />
          <Button
            leftSection={<IconUsersGroup size={16} />}
            disabled={!rater || ratees.length === 0}
            loading={busy}
            onClick={() => void assign()}
            data-testid="quarterly-assign-save"
          >
            {t('quarterly.assign')}
          </Button>
        </Group>
        {problem && (
          <Alert color="red" mt="sm" icon={<IconAlertTriangle />} role="alert" data-testid="quarterly-assign-error">
            {problem}
          </Alert>
        )}
        {result && result.warnings.length > 0 && (
          <Alert color="orange" mt="sm" icon={<IconAlertTriangle />} title={t('quarterly.fewPeersTitle', { min: auto?.minPeerRaters ?? rows[0]?.phase.minPeerRaters ?? '' })} data-testid="quarterly-assign-warnings">
            {result.warnings.map((w) => (
              <div key={w.rateeId}>{w[lang]}</div>
            ))}
          </Alert>
        )}
      </Card>
      <Card withBorder radius="md" padding="md">
        <Text fw={600} size="sm" mb="xs">
          {t('quarterly.peersPerPerson')}
        </Text>
        {few.length > 0 && (
          <Alert color="orange" variant="light" mb="sm" icon={<IconAlertTriangle />} data-testid="quarterly-few-peers">
            {t('quarterly.fewPeersTitle', { min: auto?.minPeerRaters ?? rows[0]?.phase.minPeerRaters ?? '' })}：{t('quarterly.peersCount', { count: few.length })}
          </Alert>
        )}
        <Group gap="xs">
          {rows.map((r) => (
            <Badge key={r.personId} variant="light" color={r.flags.includes('FEW_PEERS') ? 'orange' : 'gray'} size="lg" tt="none">
              {r.name} · {t('quarterly.peersCount', { count: r.peersAssigned })}
            </Badge>
          ))}
        </Group>
      </Card>
    </Stack>
  )
}
