import { useEffect, useState } from 'react'
import { Alert, Button, Card, Checkbox, Group, Loader, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconClipboardList } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Quarter, QuarterlyDetail, QuarterlyStatusRow } from '@shared/quarterly'
import { notifySuccess, useApi } from '../../api'
import { formatDate, formatDateTime } from '../../format'
import { useLang } from '../../i18n'

/** The supervisor's rating of a direct report's quarter: 业绩, 潜力, optional 不达标 with a reason. */
export function RateModal({
  row,
  year,
  quarter,
  onClose,
  onRated,
  onNavigate,
}: {
  row: QuarterlyStatusRow | null
  year: number
  quarter: Quarter
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

  useEffect(() => {
    setDetail(null)
    setProblem(null)
    setPerformance(row?.rating?.performance ?? '')
    setPotential(row?.rating?.potential ?? '')
    setFail(row?.rating?.failReason != null)
    setReason(row?.rating?.failReason ?? '')
    if (!row) return
    let live = true
    void run('quarterly.get', { personId: row.personId, year, quarter }).then((r) => {
      if (live && r.ok) setDetail(r.value)
    })
    return () => {
      live = false
    }
  }, [row, year, quarter, run])

  const valid = (v: number | string): v is number => typeof v === 'number' && v >= 0 && v <= 100

  const submit = async () => {
    if (!row) return
    if (!valid(performance) || !valid(potential)) return setProblem(t('quarterly.needScores'))
    if (fail && !reason.trim()) return setProblem(t('quarterly.needFailReason'))
    setBusy(true)
    const r = await run(
      'quarterly.rate',
      { personId: row.personId, year, quarter, performance, potential, failMark: fail, ...(fail ? { failReason: reason.trim() } : {}) },
      { notify: false },
    )
    setBusy(false)
    if (!r.ok) return setProblem(describe(r.error))
    notifySuccess(t(r.value.openedFollowups.length > 0 ? 'quarterly.followupsOpened' : 'quarterly.rated'))
    onRated(r.value.status)
  }

  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      title={row ? t('quarterly.rateTitle', { name: row.name, year, quarter }) : ''}
      size="xl"
      centered
    >
      {row && (
        <Stack gap="sm" data-testid="quarterly-rate-form">
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
              </Stack>
            )}
          </Card>
          <Group grow>
            <NumberInput label={t('quarterly.performance')} value={performance} onChange={setPerformance} min={0} max={100} decimalScale={2} required data-testid="quarterly-performance" />
            <NumberInput label={t('quarterly.potential')} value={potential} onChange={setPotential} min={0} max={100} decimalScale={2} required data-testid="quarterly-potential" />
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
              maxLength={1000}
              data-testid="quarterly-fail-reason"
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
            <Button loading={busy} onClick={() => void submit()} data-testid="quarterly-rate-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
