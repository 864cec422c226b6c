import { useState } from 'react'
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconLockOpen } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { QuarterPhase, QuarterPhaseView } from '@shared/quarterly'
import { notifySuccess, useApi } from '../../api'
import { formatDate, formatQuarter } from '../../format'
import { useLang } from '../../i18n'
import { fieldOf, limitsOf } from '../../forms/zodForm'

/** The reopening reason takes what quarterly.reopen takes. */
const REASON = fieldOf(contract['quarterly.reopen'].input, 'reason')
const REASON_LIMITS = limitsOf(REASON)

const PHASE_COLORS: Record<QuarterPhase, string> = { notStarted: 'gray', open: 'blue', summaryDue: 'yellow', rating: 'teal', closed: 'gray' }

/** The quarter's phase and its dates (core/quarterly/phases.ts); HR can reopen a closed quarter with a reason. */
export function PhaseCard({ phase, canReopen, onReopened }: { phase: QuarterPhaseView; canReopen: boolean; onReopened: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const d = (x: string) => formatDate(x, lang)

  const reopen = async () => {
    if (!REASON.safeParse(reason).success) return setProblem(t('quarterly.needReason'))
    setBusy(true)
    const r = await run('quarterly.reopen', { year: phase.year, quarter: phase.quarter, reason: reason.trim() }, { notify: false })
    setBusy(false)
    if (!r.ok) return setProblem(describe(r.error))
    notifySuccess(t('quarterly.reopened'))
    setOpen(false)
    setReason('')
    onReopened()
  }

  return (
    <Card withBorder radius="md" padding="sm" data-testid="quarterly-phase">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Text fw={600} size="sm">
              {t('quarterly.phaseTitle')}
            </Text>
            <Badge color={PHASE_COLORS[phase.phase]} variant={phase.phase === 'closed' ? 'outline' : 'light'} data-testid="quarterly-phase-badge">
              {t(`quarterly.phase.${phase.phase}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" data-testid="quarterly-phase-dates">
            {t('quarterly.phaseDates', {
              from: d(phase.from),
              to: d(phase.to),
              summaryDue: d(phase.summaryDueOn),
              summaryDays: phase.summaryDueWorkingDays,
              ratingFrom: d(phase.ratingFrom),
              ratingEnds: d(phase.ratingEndsOn),
              ratingDays: phase.ratingWorkingDays,
              closes: d(phase.closesOn),
            })}
          </Text>
          {phase.reopened && (
            <Text size="xs" c="teal.8" data-testid="quarterly-phase-reopened">
              {t('quarterly.phaseReopened', { until: d(phase.reopened.openUntil), reason: phase.reopened.reason })}
            </Text>
          )}
        </Stack>
        {canReopen && phase.phase === 'closed' && (
          // Never squeezed by the long dates beside it (重新开放 cut to 重新开).
          <Button size="xs" variant="light" leftSection={<IconLockOpen size={14} />} onClick={() => setOpen(true)} style={{ flexShrink: 0 }} data-testid="quarterly-reopen">
            {t('quarterly.reopen')}
          </Button>
        )}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('quarterly.reopenTitle', { quarter: formatQuarter(phase.year, phase.quarter, lang) })} centered>
        <Stack gap="sm">
          <Text size="sm">{t('quarterly.reopenLead', { days: phase.ratingWorkingDays })}</Text>
          <Textarea label={t('quarterly.reopenReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required rows={3} maxLength={REASON_LIMITS.maxLength} data-testid="quarterly-reopen-reason" />
          {problem && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void reopen()} data-testid="quarterly-reopen-submit">
              {t('quarterly.reopen')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}
