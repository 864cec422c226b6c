import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Card, Divider, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconArrowBackUp, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { CommitmentRecord, CommitmentTaskView } from '@shared/commitments'
import { notifySuccess, useApi } from '../../api'
import { ConfirmModal } from '../../components/ConfirmModal'
import { DateField } from '../../components/DateField'
import { todayIso } from '../../format'
import { fieldOf, limitsOf } from '../../forms/zodForm'
import { useLang } from '../../i18n'
import { changeText, History, LetterMeta, PrintButton, StateBadge, TaskTable } from './parts'

/** The reasons' bounds, from the contract's own schemas. */
const RETURN_REASON = limitsOf(fieldOf(contract['commitments.review'].input, 'reason'))
const REFUSE_REASON = limitsOf(fieldOf(contract['commitments.decideRevision'].input, 'reason'))

export type LetterMode = 'review' | 'view' | 'decide'

const APPROVED = ['approved', 'publicity', 'inForce'] as const
export const isApprovedState = (s: string | null | undefined) => (APPROVED as readonly string[]).includes(s ?? '')

/**
 * Another person's letter: supervisors approve or return it and record completions (`review`),
 * the leadership group decides a pending revision (`decide`), HR and leaders read it (`view`).
 */
export function LetterModal({
  who,
  year,
  mode,
  onClose,
  onChanged,
  onNavigate,
}: {
  who: { personId: number; name: string } | null
  year: number
  mode: LetterMode
  onClose: () => void
  onChanged: () => void
  onNavigate: (route: string) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [record, setRecord] = useState<CommitmentRecord | null>(null)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmApprove, setConfirmApprove] = useState(false)
  const [completing, setCompleting] = useState<CommitmentTaskView | null>(null)
  const [completedOn, setCompletedOn] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!who) return
    setRecord(null)
    const r = await run('commitments.get', { personId: who.personId, year })
    if (r.ok) setRecord(r.value)
  }, [run, who, year])

  useEffect(() => {
    setReason('')
    setProblem(null)
    setCompleting(null)
    void load()
  }, [load])

  const changed = (r: CommitmentRecord, message: string) => {
    notifySuccess(message)
    setRecord(r)
    setReason('')
    setProblem(null)
    onChanged()
  }

  const review = async (decision: 'approve' | 'return') => {
    if (!who) return
    if (decision === 'return' && !reason.trim()) return setProblem(t('commitments.needReturnReason'))
    setBusy(true)
    const r = await run(
      'commitments.review',
      { personId: who.personId, year, decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { notify: false },
    )
    setBusy(false)
    setConfirmApprove(false)
    if (!r.ok) return setProblem(describe(r.error))
    changed(r.value, t(decision === 'approve' ? 'commitments.approved' : 'commitments.returned'))
  }

  const pending = record?.revisions.find((x) => x.state === 'pending') ?? null
  const decide = async (approve: boolean) => {
    if (!pending) return
    if (!approve && !reason.trim()) return setProblem(t('commitments.needRefuseReason'))
    setBusy(true)
    const r = await run(
      'commitments.decideRevision',
      { requestId: pending.id, approve, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { notify: false },
    )
    setBusy(false)
    if (!r.ok) return setProblem(describe(r.error))
    changed(r.value, t(approve ? 'commitments.revisionApproved' : 'commitments.revisionRefused'))
  }

  const complete = async (day: string | null) => {
    if (!who || !completing) return
    setBusy(true)
    const r = await run('commitments.complete', { personId: who.personId, year, taskKey: completing.key, completedOn: day }, { notify: false })
    setBusy(false)
    if (!r.ok) return setProblem(describe(r.error))
    setCompleting(null)
    changed(r.value, t('commitments.completionSaved'))
  }

  const letter = record?.current ?? null
  const approved = isApprovedState(letter?.state)
  const title = who ? t(mode === 'review' && letter?.state === 'submitted' ? 'commitments.reviewTitle' : 'commitments.viewTitle', { name: who.name, year }) : ''

  return (
    <Modal opened={who !== null} onClose={onClose} title={title} size="80rem" centered>
      {record === null ? (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      ) : letter === null ? (
        <Text c="dimmed" py="lg" ta="center">
          {t('commitments.noLetter', { year })}
        </Text>
      ) : (
        <Stack gap="md" data-testid="commitments-letter">
          <Group justify="space-between">
            <Group gap="sm">
              <StateBadge state={letter.state} testid="commitments-letter-state" />
              <Text size="sm" c="dimmed">
                {t('commitments.version', { version: letter.version })}
              </Text>
            </Group>
            <PrintButton letter={letter} onNavigate={onNavigate} />
          </Group>
          <LetterMeta letter={letter} />
          {letter.state === 'returned' && letter.returnReason && (
            <Alert color="orange" title={t('commitments.returnedTitle')}>
              {letter.returnReason}
            </Alert>
          )}
          <TaskTable
            letter={letter}
            showCompletion={approved}
            action={
              mode === 'review' && approved
                ? (task) =>
                    !task.withdrawn && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconCircleCheck size={14} />}
                        onClick={() => {
                          setCompleting(task)
                          setCompletedOn(task.completedOn ?? todayIso())
                        }}
                        data-testid={`commitments-complete-${task.key}`}
                      >
                        {t('commitments.recordCompletion')}
                      </Button>
                    )
                : undefined
            }
          />
          {completing && (
            <Card withBorder padding="sm" data-testid="commitments-completion">
              <Group align="flex-end" gap="sm">
                <Text fw={600} size="sm" style={{ flex: 1 }}>
                  {t('commitments.completionTitle', { task: `${completing.key} ${completing.title}` })}
                </Text>
                <DateField label={t('commitments.completionDate')} value={completedOn} onChange={setCompletedOn} maxDate={todayIso()} w={190} />
                {completing.completedOn && (
                  <Button variant="subtle" color="red" onClick={() => void complete(null)} loading={busy}>
                    {t('commitments.clearCompletion')}
                  </Button>
                )}
                <Button variant="default" onClick={() => setCompleting(null)}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={() => void complete(completedOn)} disabled={!completedOn} loading={busy} data-testid="commitments-completion-save">
                  {t('common.save')}
                </Button>
              </Group>
            </Card>
          )}

          {mode === 'review' && letter.state === 'submitted' && (
            <Stack gap="xs">
              <Divider />
              <Textarea
                label={t('commitments.returnReason')}
                placeholder={t('commitments.returnReasonPlaceholder')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                rows={2}
                maxLength={RETURN_REASON.maxLength}
                data-testid="commitments-return-reason"
              />
              <Group justify="flex-end">
                <Button
                  variant="light"
                  color="orange"
                  leftSection={<IconArrowBackUp size={16} />}
                  loading={busy}
                  onClick={() => void review('return')}
                  data-testid="commitments-return"
                >
                  {t('commitments.returnLetter')}
                </Button>
                <Button color="green" leftSection={<IconCheck size={16} />} onClick={() => setConfirmApprove(true)} data-testid="commitments-approve">
                  {t('commitments.approve')}
                </Button>
              </Group>
            </Stack>
          )}

          {mode === 'decide' && pending && (
            <Card withBorder padding="md" bg="var(--mantine-color-yellow-0)" data-testid="commitments-decide">
              <Stack gap="xs">
                <Text fw={600}>{t('commitments.decideTitle', { name: who?.name ?? '', year, version: pending.version })}</Text>
                {pending.changes.map((c, i) => (
                  <Text key={i} size="sm">
                    · {changeText(c, t, lang)}
                  </Text>
                ))}
                <Text size="sm">
                  {t('commitments.revisionReason')}：{pending.reason}
                </Text>
                <Textarea
                  label={t('commitments.refuseReason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  rows={2}
                  maxLength={REFUSE_REASON.maxLength}
                  data-testid="commitments-refuse-reason"
                />
                <Group justify="flex-end">
                  <Button variant="light" color="red" leftSection={<IconX size={16} />} loading={busy} onClick={() => void decide(false)} data-testid="commitments-refuse">
                    {t('commitments.refuseRevision')}
                  </Button>
                  <Button color="green" leftSection={<IconCheck size={16} />} loading={busy} onClick={() => void decide(true)} data-testid="commitments-approve-revision">
                    {t('commitments.approveRevision')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          )}

          {problem && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="commitments-review-error">
              {problem}
            </Alert>
          )}
          <History record={record} />
        </Stack>
      )}
      <ConfirmModal
        opened={confirmApprove}
        title={t('commitments.approve')}
        confirmLabel={t('commitments.approve')}
        onCancel={() => setConfirmApprove(false)}
        onConfirm={() => review('approve')}
      >
        {t('commitments.approveConfirm')}
      </ConfirmModal>
    </Modal>
  )
}
