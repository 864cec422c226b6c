import { useEffect, useState } from 'react'
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import { ANNUAL_GRADES, TIE, type AnnualGrade, type AnnualPersonView, type AnnualRoundView } from '@shared/annual'
import { notifySuccess, useApi } from '../../api'
import { fieldOf, itemsOf, limitsOf } from '../../forms/zodForm'
import { GradeBadge, useGradeLabel } from './parts'

// The reason's bounds are the contract's (annual.decide changes[].reason).
const REASON_LIMITS = limitsOf(fieldOf(itemsOf(fieldOf(contract['annual.decide'].input, 'changes')).element, 'reason'))

/** Whether a decision needs its written reason: a grade other than the proposal (a tie's decision too). */
export function reasonRequired(proposed: AnnualPersonView['proposed'], grade: AnnualGrade): boolean {
  return grade !== proposed
}

/**
 * 调整: a leadership-group member sets one person's grade. A grade other than the proposal — and a
 * boundary tie's decision — takes a written reason (main refuses it without one, and audits it).
 */
export function DecideModal({
  year,
  person,
  onClose,
  onDecided,
}: {
  year: number
  person: AnnualPersonView | null
  onClose: () => void
  onDecided: (round: AnnualRoundView) => void
}) {
  const { t } = useTranslation()
  const gradeLabel = useGradeLabel()
  const { run, describe } = useApi()
  const [grade, setGrade] = useState<AnnualGrade>('称职')
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!person) return
    const current = person.grade
    setGrade((ANNUAL_GRADES as readonly string[]).includes(current) ? (current as AnnualGrade) : '称职')
    setReason(person.changeReason ?? '')
    setReasonError(null)
    setProblem(null)
  }, [person])

  if (!person) return <Modal opened={false} onClose={onClose} title="" />
  const needsReason = reasonRequired(person.proposed, grade)
  // Not eligible for 优秀 (a veto): the choice is not offered.
  const choices = ANNUAL_GRADES.filter((g) => g !== '优秀' || person.eligible)

  const submit = async () => {
    if (needsReason && reason.trim() === '') {
      setReasonError(t('annual.reasonRequired'))
      return
    }
    setBusy(true)
    setProblem(null)
    const r = await run('annual.decide', { year, changes: [{ personId: person.personId, grade, ...(needsReason ? { reason: reason.trim() } : {}) }] }, { notify: false })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('annual.decided', { name: person.name }))
      onDecided(r.value)
    } else setProblem(describe(r.error))
  }

  return (
    <Modal opened onClose={onClose} title={t('annual.decideTitle', { name: person.name, staffNo: person.staffNo })} size="lg" data-testid="annual-decide">
      <Stack gap="md">
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t('annual.colProposed')}
          </Text>
          <GradeBadge grade={person.proposed} />
          {person.proposed === TIE && (
            <Text size="sm" c="orange.8">
              {t('annual.tieDecideHint')}
            </Text>
          )}
        </Group>
        <NativeSelect
          label={t('annual.decideGrade')}
          value={grade}
          onChange={(e) => {
            setGrade(e.currentTarget.value as AnnualGrade)
            setReasonError(null)
          }}
          data={choices.map((g) => ({ value: g, label: gradeLabel(g) }))}
          data-testid="annual-decide-grade"
        />
        <Textarea
          label={t('annual.decideReason')}
          description={needsReason ? t('annual.decideReasonHint') : t('annual.decideReasonNone')}
          withAsterisk={needsReason}
          disabled={!needsReason}
          rows={3}
          maxLength={REASON_LIMITS.maxLength}
          value={needsReason ? reason : ''}
          onChange={(e) => {
            setReason(e.currentTarget.value)
            setReasonError(null)
          }}
          error={reasonError}
          data-testid="annual-decide-reason"
        />
        {problem && (
          <Alert color="red" data-testid="annual-decide-error">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} data-testid="annual-decide-save">
            {t('annual.decideSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
