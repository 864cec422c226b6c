import { useEffect, useState } from 'react'
import { ActionIcon, Alert, Button, Card, Group, Modal, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { CommitmentLetterView, CommitmentRecord, RevisionChange } from '@shared/commitments'
import { notifySuccess, useApi } from '../../api'
import { DateField } from '../../components/DateField'
import { fieldOf, itemsOf, limitsOf, zodValidate } from '../../forms/zodForm'
import { useLang } from '../../i18n'

/**
 * The bounds of a change and of its reason, from the contract's own schemas: a change's fields
 * are a draft task's (revise makes them optional), the list and the reason are the request's.
 */
const REQUEST = contract['commitments.requestRevision'].input
const CHANGES = itemsOf(fieldOf(REQUEST, 'changes'))
const REASON = fieldOf(REQUEST, 'reason')
const REASON_LIMITS = limitsOf(REASON)
const TASK = itemsOf(fieldOf(contract['commitments.saveDraft'].input, 'tasks')).element
const LIMITS = {
  title: limitsOf(fieldOf(TASK, 'title')),
  target: limitsOf(fieldOf(TASK, 'target')),
  unit: limitsOf(fieldOf(TASK, 'unit')),
  goal: limitsOf(fieldOf(TASK, 'goal')),
}

interface Draft {
  op: 'revise' | 'withdraw' | 'add'
  taskKey: string
  title: string
  target: number | string
  unit: string
  deadline: string | null
  goal: string
}

const blank = (letter: CommitmentLetterView): Draft => ({
  op: 'revise',
  taskKey: letter.tasks.find((x) => !x.withdrawn)?.key ?? '',
  title: '',
  target: '',
  unit: '',
  deadline: null,
  goal: '',
})

/** 动态调整: the person lists what to change (revise, withdraw, add) and why. */
export function RevisionModal({
  letter,
  opened,
  onClose,
  onDone,
}: {
  letter: CommitmentLetterView
  opened: boolean
  onClose: () => void
  onDone: (r: CommitmentRecord) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [changes, setChanges] = useState<Draft[]>([])
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (opened) {
      setChanges([blank(letter)])
      setReason('')
      setProblem(null)
    }
  }, [opened, letter])

  const set = (i: number, patch: Partial<Draft>) => setChanges((prev) => prev.map((c, j) => (j === i ? { ...c, ...patch } : c)))
  const live = letter.tasks.filter((x) => !x.withdrawn)

  const toChange = (d: Draft): RevisionChange | null => {
    if (d.op === 'withdraw') return d.taskKey ? { op: 'withdraw', taskKey: d.taskKey } : null
    if (d.op === 'add') {
      if (!d.title.trim() || typeof d.target !== 'number' || !d.unit.trim() || !d.deadline || !d.goal.trim()) return null
      return { op: 'add', title: d.title.trim(), target: d.target, unit: d.unit.trim(), deadline: d.deadline, goal: d.goal.trim() }
    }
    if (!d.taskKey) return null
    const c: RevisionChange = { op: 'revise', taskKey: d.taskKey }
    if (d.title.trim()) c.title = d.title.trim()
    if (typeof d.target === 'number') c.target = d.target
    if (d.unit.trim()) c.unit = d.unit.trim()
    if (d.deadline) c.deadline = d.deadline
    if (d.goal.trim()) c.goal = d.goal.trim()
    return Object.keys(c).length > 2 ? c : null
  }

  const submit = async () => {
    const list = changes.map(toChange)
    if (list.length === 0 || list.some((c) => c === null)) return setProblem(t('commitments.needChanges'))
    const reasonProblem = zodValidate<string>(REASON, lang, (v) => v, { '': 'reason' })(reason).reason
    if (reasonProblem) return setProblem(`${t('commitments.revisionReason')}：${String(reasonProblem)}`)
    setBusy(true)
    const r = await run(
      'commitments.requestRevision',
      { personId: letter.personId, year: letter.year, changes: list as RevisionChange[], reason: reason.trim() },
      { notify: false },
    )
    setBusy(false)
    if (!r.ok) return setProblem(describe(r.error))
    notifySuccess(t('commitments.revisionRequested'))
    onDone(r.value)
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('commitments.revisionTitle')} size="xl" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('commitments.revisionHint')}
        </Text>
        {changes.map((d, i) => (
          <Card key={i} withBorder padding="sm" data-testid={`commitments-change-${i}`}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Group gap="sm" align="flex-end">
                  <NativeSelect
                    label={t('commitments.change', { n: i + 1 })}
                    value={d.op}
                    onChange={(e) => set(i, { op: e.currentTarget.value as Draft['op'] })}
                    data={(['revise', 'withdraw', 'add'] as const).map((op) => ({ value: op, label: t(`commitments.op.${op}`) }))}
                    w={150}
                    data-testid={`commitments-change-op-${i}`}
                  />
                  {d.op !== 'add' && (
                    <NativeSelect
                      label={t('commitments.changeTask')}
                      value={d.taskKey}
                      onChange={(e) => set(i, { taskKey: e.currentTarget.value })}
                      data={live.map((x) => ({ value: x.key, label: `${x.key} ${x.title}` }))}
                      w={360}
                      data-testid={`commitments-change-task-${i}`}
                    />
                  )}
                </Group>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('commitments.removeTask')}
                  onClick={() => setChanges((prev) => prev.filter((_, j) => j !== i))}
                  disabled={changes.length === 1}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              {d.op !== 'withdraw' && (
                <Group gap="sm" grow align="flex-start">
                  <TextInput
                    label={t('commitments.colTitle')}
                    placeholder={d.op === 'revise' ? t('commitments.unchanged') : ''}
                    value={d.title}
                    maxLength={LIMITS.title.maxLength}
                    onChange={(e) => set(i, { title: e.currentTarget.value })}
                    data-testid={`commitments-change-title-${i}`}
                  />
                  <NumberInput
                    label={t('commitments.colTarget')}
                    placeholder={d.op === 'revise' ? t('commitments.unchanged') : ''}
                    value={d.target}
                    min={LIMITS.target.min}
                    max={LIMITS.target.max}
                    hideControls
                    onChange={(v) => set(i, { target: v })}
                    maw={120}
                  />
                  <TextInput
                    label={t('commitments.colUnit')}
                    placeholder={d.op === 'revise' ? t('commitments.unchanged') : ''}
                    value={d.unit}
                    maxLength={LIMITS.unit.maxLength}
                    onChange={(e) => set(i, { unit: e.currentTarget.value })}
                    maw={100}
                  />
                  <DateField
                    label={t('commitments.colDeadline')}
                    placeholder={d.op === 'revise' ? t('commitments.unchanged') : ''}
                    value={d.deadline}
                    onChange={(v) => set(i, { deadline: v })}
                    minDate={`${letter.year}-01-01`}
                    maxDate={`${letter.year}-12-31`}
                    clearable
                    maw={180}
                  />
                  <TextInput
                    label={t('commitments.colGoal')}
                    placeholder={d.op === 'revise' ? t('commitments.unchanged') : ''}
                    value={d.goal}
                    maxLength={LIMITS.goal.maxLength}
                    onChange={(e) => set(i, { goal: e.currentTarget.value })}
                  />
                </Group>
              )}
            </Stack>
          </Card>
        ))}
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          onClick={() => setChanges((prev) => [...prev, blank(letter)])}
          disabled={CHANGES.maxItems !== undefined && changes.length >= CHANGES.maxItems}
          style={{ alignSelf: 'flex-start' }}
          data-testid="commitments-add-change"
        >
          {t('commitments.addChange')}
        </Button>
        <Textarea
          label={t('commitments.revisionReason')}
          placeholder={t('commitments.revisionReasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          rows={3}
          maxLength={REASON_LIMITS.maxLength}
          data-testid="commitments-revision-reason"
        />
        {problem && (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="commitments-revision-error">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void submit()} data-testid="commitments-revision-submit">
            {t('commitments.requestRevision')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
