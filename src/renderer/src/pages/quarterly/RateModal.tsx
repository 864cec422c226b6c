import { useEffect, useState } from 'react'
import { Alert, Button, Card, Checkbox, Group, Loader, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconClipboardList } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { AssessorTrainingReminder } from '../training/AssessorTrainingReminder'
import { contract } from '@shared/api/contract'
import type { Quarter, QuarterlyDetail, QuarterlyStatusRow } from '@shared/quarterly'
import { notifySuccess, useApi } from '../../api'
import { formatDate, formatDateTime, formatNumber, formatQuarter } from '../../format'
import { useLang } from '../../i18n'
import { ScoreBasis } from './panels'
import { fieldOf, limitsOf } from '../../forms/zodForm'

// The inputs' bounds are the contract's (quarterly.rate / quarterly.amend).
const RATING = fieldOf(contract['quarterly.rate'].input, 'performance')
const RATING_LIMITS = limitsOf(RATING)
const FAIL_REASON_LIMITS = limitsOf(fieldOf(contract['quarterly.rate'].input, 'failReason'))
const AMEND_REASON_LIMITS = limitsOf(fieldOf(contract['quarterly.amend'].input, 'reason'))

/**
 * The supervisor's rating of a direct report's quarter: 业绩, 潜力, optional 不达标 with a reason;
 * only in the rating phase, warned first (and asked to confirm) when the person has no 小结. In
 * `amend` mode, HR's recorded correction of a closed quarter's rating, with its reason.
 */
export function RateModal({
  row,
  year,
  quarter,
  mode = 'rate',
  onClose,
  onRated,
  onNavigate,
}: {
  row: QuarterlyStatusRow | null
  year: number
  quarter: Quarter
  mode?: 'rate' | 'amend'
  onClose: () => void
  onRated: (status: QuarterlyStatusRow) => void
  onNavigate: (route: string) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [detail, setDetail] = useState<QuarterlyDetail | null>(null)
  const [performance, setPerformance] = useState<number | string>('')
  const [potential, setPotential] = useState<number | string>('')
  const [fail, setFail] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmNoSummary, setConfirmNoSummary] = useState(false)
  const [amendReason, setAmendReason] = useState('')

  useEffect(() => {
    setDetail(null)
    setProblem(null)
    setPerformance(row?.rating?.performance ?? '')
    setPotential(row?.rating?.potential ?? '')
    setFail(row?.rating?.failReason != null)
    setReason(row?.rating?.failReason ?? '')
    setConfirmNoSummary(false)
    setAmendReason('')
    if (!row) return
    let live = true
    void run('quarterly.get', { personId: row.personId, year, quarter }).then((r) => {
      if (live && r.ok) setDetail(r.value)
    })
    return () => {
      live = false
    }
  }, [row, year, quarter, run])

  // quarterly.rate's own rating schema (0–100, two decimals), not re-typed bounds.
  const valid = (v: number | string): v is number => typeof v === 'number' && RATING.safeParse(v).success

  const submit = async () => {
    if (!row) return
    if (!valid(performance) || !valid(potential)) return setProblem(t('quarterly.needScores', { min: RATING_LIMITS.min, max: RATING_LIMITS.max }))
    if (fail && !reason.trim()) return setProblem(t('quarterly.needFailReason'))
    const base = { personId: row.personId, year, quarter, performance, potential, failMark: fail, ...(fail ? { failReason: reason.trim() } : {}) }
    if (mode === 'amend') {
      if (!amendReason.trim()) return setProblem(t('quarterly.needReason'))
      setBusy(true)
      const r = await run('quarterly.amend', { ...base, reason: amendReason.trim() }, { notify: false })
      setBusy(false)
      if (!r.ok) return setProblem(describe(r.error))
      notifySuccess(t('quarterly.amended'))
      return onRated(r.value)
    }
    if (noSummary && !confirmNoSummary) return setProblem(t('quarterly.needConfirmWithoutSummary'))
    setBusy(true)
    const r = await run('quarterly.rate', { ...base, ...(noSummary ? { withoutSummary: true } : {}) }, { notify: false })
    setBusy(false)
    if (!r.ok) return setProblem(describe(r.error))
    notifySuccess(t(r.value.openedFollowups.length > 0 ? 'quarterly.followupsOpened' : 'quarterly.rated'))
    onRated(r.value.status)
  }

  const noSummary = detail !== null && detail.summary === null
  const phase = row?.phase
  // Rating is for the rating phase; an amendment for a closed quarter (the server checks both).
  const blocked = phase ? (mode === 'amend' ? phase.phase !== 'closed' : phase.phase !== 'rating') : false

  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      title={row ? t(mode === 'amend' ? 'quarterly.amendTitle' : 'quarterly.rateTitle', { name: row.name, quarterText: formatQuarter(year, quarter, lang) }) : ''}
      size="xl"
      centered
    >
      {row && (
        <Stack gap="sm" data-testid="quarterly-rate-form">
          {mode === 'rate' && <AssessorTrainingReminder year={year} />}
          {mode === 'amend' && <Alert color="orange">{t('quarterly.amendLead')}</Alert>}
          {mode === 'rate' && phase && phase.phase === 'closed' && (
            <Alert color="gray" data-testid="quarterly-rate-closed">
              {t('quarterly.closedNoChange', { date: formatDate(phase.closesOn, lang) })}
            </Alert>
          )}
          {mode === 'rate' && phase && phase.phase !== 'closed' && phase.phase !== 'rating' && (
            <Alert color="yellow" data-testid="quarterly-rate-not-yet">
              {t('quarterly.notRatingPhase', { phase: t(`quarterly.phase.${phase.phase}`), from: formatDate(phase.ratingFrom, lang) })}
            </Alert>
          )}
          <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)">
            {detail === null ? (
              <Loader size="xs" />
            ) : (
              <Stack gap={6}>
                <Group justify="space-between">
                  <Text fw={600} size="sm">
                    {t('quarterly.summaryOf')}
                    {detail.summarySubmittedAt && (
                      <Text span c="dimmed" size="xs" ml="xs">
                        {t('quarterly.summaryAt', { at: formatDateTime(detail.summarySubmittedAt, lang) })}
                      </Text>
                    )}
                  </Text>
                  <Group gap="xs">
                    <Text size="sm" c="dimmed" data-testid="quarterly-ledger-count">
                      {t('quarterly.ledgerCount', { count: detail.ledgerEntries, from: formatDate(detail.from, lang), to: formatDate(detail.to, lang) })}
                    </Text>
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconClipboardList size={14} />}
                      onClick={() => onNavigate('ledger')}
                      data-testid="quarterly-open-ledger"
                    >
                      {t('quarterly.openLedger')}
                    </Button>
                  </Group>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowY: 'auto' }} mah={200} c={detail.summary ? undefined : 'dimmed'}>
                  {detail.summary ?? t('quarterly.noSummary')}
                </Text>
                {detail.flags.includes('SUMMARY_CHANGED_AFTER_RATING') && detail.summarySubmittedAt && (
                  <Text size="xs" c="orange.8" data-testid="quarterly-summary-changed">
                    {t('quarterly.summaryChangedAfterRating', { at: formatDateTime(detail.summarySubmittedAt, lang) })}
                  </Text>
                )}
                {detail.rating && <ScoreBasis row={detail} />}
                {detail.amendments.length > 0 && (
                  <Stack gap={2} data-testid="quarterly-amendments">
                    <Text size="xs" fw={600}>
                      {t('quarterly.amendments')}
                    </Text>
                    {detail.amendments.map((a) => (
                      <Text key={a.id} size="xs" c="dimmed">
                        {t('quarterly.amendmentLine', {
                          at: formatDateTime(a.amendedAt, lang),
                          by: a.amendedBy ?? '',
                          fromPerf: a.before ? formatNumber(a.before.performance) : '—',
                          toPerf: formatNumber(a.after.performance),
                          fromPot: a.before ? formatNumber(a.before.potential) : '—',
                          toPot: formatNumber(a.after.potential),
                          reason: a.reason,
                        })}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Stack>
            )}
          </Card>
          <Group grow>
            <NumberInput label={t('quarterly.performance')} value={performance} onChange={setPerformance} min={RATING_LIMITS.min} max={RATING_LIMITS.max} decimalScale={2} required data-testid="quarterly-performance" />
            <NumberInput label={t('quarterly.potential')} value={potential} onChange={setPotential} min={RATING_LIMITS.min} max={RATING_LIMITS.max} decimalScale={2} required data-testid="quarterly-potential" />
          </Group>
          <Checkbox label={t('quarterly.failMark')} checked={fail} onChange={(e) => setFail(e.currentTarget.checked)} color="red" data-testid="quarterly-fail" />
          {fail && (
            <Textarea
              label={t('quarterly.failReason')}
              placeholder={t('quarterly.failReasonPlaceholder')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              rows={3}
              maxLength={FAIL_REASON_LIMITS.maxLength}
              data-testid="quarterly-fail-reason"
            />
          )}
          {mode === 'rate' && !blocked && noSummary && (
            <Alert color="yellow" icon={<IconAlertTriangle />} data-testid="quarterly-no-summary-warning">
              <Stack gap="xs">
                <Text size="sm">{t('quarterly.noSummaryWarn', { name: row.name })}</Text>
                <Checkbox
                  label={t('quarterly.confirmWithoutSummary')}
                  checked={confirmNoSummary}
                  onChange={(e) => setConfirmNoSummary(e.currentTarget.checked)}
                  data-testid="quarterly-confirm-without-summary"
                />
              </Stack>
            </Alert>
          )}
          {mode === 'amend' && (
            <Textarea
              label={t('quarterly.amendReason')}
              value={amendReason}
              onChange={(e) => setAmendReason(e.currentTarget.value)}
              required
              rows={3}
              maxLength={AMEND_REASON_LIMITS.maxLength}
              data-testid="quarterly-amend-reason"
            />
          )}
          {problem && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="quarterly-rate-error">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={busy}
              disabled={blocked || detail === null || (mode === 'rate' && noSummary && !confirmNoSummary)}
              onClick={() => void submit()}
              data-testid="quarterly-rate-submit"
            >
              {mode === 'amend' ? t('quarterly.amend') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
