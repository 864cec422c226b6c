import { useEffect, useState } from 'react'
import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Table, TextInput, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconPlus, IconSend, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { CommitmentRecord, CommitmentTaskInput } from '@shared/commitments'
import { notifySuccess, useApi } from '../../api'
import { ConfirmModal } from '../../components/ConfirmModal'
import { DateField } from '../../components/DateField'
import { fieldOf, itemsOf, limitsOf } from '../../forms/zodForm'

/** A task's bounds and the number of tasks, from the contract's own schema for a draft. */
const TASKS = itemsOf(fieldOf(contract['commitments.saveDraft'].input, 'tasks'))
const LIMITS = {
  title: limitsOf(fieldOf(TASKS.element, 'title')),
  target: limitsOf(fieldOf(TASKS.element, 'target')),
  unit: limitsOf(fieldOf(TASKS.element, 'unit')),
  goal: limitsOf(fieldOf(TASKS.element, 'goal')),
}

interface Row {
  key?: string
  title: string
  target: number | string
  unit: string
  deadline: string | null
  goal: string
}

const emptyRow = (year: number): Row => ({ title: '', target: '', unit: '', deadline: `${year}-12-31`, goal: '' })

/** The draft (or returned) letter as editable rows: add and remove tasks, save, submit. */
export function DraftEditor({
  personId,
  year,
  record,
  onSaved,
}: {
  personId: number
  year: number
  record: CommitmentRecord
  onSaved: (record: CommitmentRecord) => void
}) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const [rows, setRows] = useState<Row[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)

  useEffect(() => {
    const tasks = record.current?.tasks ?? []
    setRows(
      tasks.length > 0
        ? tasks.map((x) => ({ key: x.key, title: x.title, target: x.target, unit: x.unit, deadline: x.deadline, goal: x.goal }))
        : [emptyRow(year)],
    )
    setProblem(null)
  }, [record, year])

  const set = (i: number, patch: Partial<Row>) => setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  /** The rows as API tasks, or a problem; blank rows are left out. */
  const tasks = (): CommitmentTaskInput[] | string => {
    const filled = rows.filter((r) => r.title.trim() || r.unit.trim() || r.goal.trim() || r.target !== '')
    const out: CommitmentTaskInput[] = []
    for (const [i, r] of filled.entries()) {
      if (!r.title.trim() || typeof r.target !== 'number' || !r.unit.trim() || !r.deadline || !r.goal.trim()) {
        return t('commitments.taskIncomplete', { row: rows.indexOf(r) + 1 || i + 1 })
      }
      out.push({ ...(r.key ? { key: r.key } : {}), title: r.title.trim(), target: r.target, unit: r.unit.trim(), deadline: r.deadline, goal: r.goal.trim() })
    }
    return out
  }

  const save = async (): Promise<CommitmentRecord | null> => {
    const list = tasks()
    if (typeof list === 'string') {
      setProblem(list)
      return null
    }
    setProblem(null)
    setBusy(true)
    const r = await run('commitments.saveDraft', { personId, year, tasks: list }, { notify: false })
    setBusy(false)
    if (!r.ok) {
      setProblem(describe(r.error))
      return null
    }
    return r.value
  }

  const askSubmit = () => {
    const list = tasks()
    if (typeof list === 'string') return setProblem(list)
    if (list.length === 0) return setProblem(t('commitments.needTasks'))
    setProblem(null)
    setConfirming(true)
  }

  const submit = async () => {
    const saved = await save()
    if (!saved) {
      setConfirming(false)
      return
    }
    const r = await run('commitments.submit', { personId, year }, { notify: false })
    setConfirming(false)
    if (!r.ok) {
      onSaved(saved)
      setProblem(describe(r.error))
      return
    }
    notifySuccess(t('commitments.submitted'))
    onSaved(r.value)
  }

  return (
    <Stack gap="sm" data-testid="commitments-editor">
      <Table withTableBorder verticalSpacing={6} horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>#</Table.Th>
            <Table.Th>{t('commitments.colTitle')}</Table.Th>
            <Table.Th w={110}>{t('commitments.colTarget')}</Table.Th>
            <Table.Th w={90}>{t('commitments.colUnit')}</Table.Th>
            <Table.Th w={170}>{t('commitments.colDeadline')}</Table.Th>
            <Table.Th>{t('commitments.colGoal')}</Table.Th>
            <Table.Th w={44} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i} data-testid={`commitments-row-${i}`}>
              <Table.Td c="dimmed">{i + 1}</Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('commitments.colTitle')}
                  placeholder={t('commitments.titlePlaceholder')}
                  value={r.title}
                  maxLength={LIMITS.title.maxLength}
                  onChange={(e) => set(i, { title: e.currentTarget.value })}
                  data-testid={`commitments-title-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('commitments.colTarget')}
                  value={r.target}
                  min={LIMITS.target.min}
                  max={LIMITS.target.max}
                  hideControls
                  onChange={(v) => set(i, { target: v })}
                  data-testid={`commitments-target-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('commitments.colUnit')}
                  placeholder={t('commitments.unitPlaceholder')}
                  value={r.unit}
                  maxLength={LIMITS.unit.maxLength}
                  onChange={(e) => set(i, { unit: e.currentTarget.value })}
                  data-testid={`commitments-unit-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <DateField
                  aria-label={t('commitments.colDeadline')}
                  value={r.deadline}
                  onChange={(v) => set(i, { deadline: v })}
                  minDate={`${year}-01-01`}
                  maxDate={`${year}-12-31`}
                  data-testid={`commitments-deadline-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('commitments.colGoal')}
                  placeholder={t('commitments.goalPlaceholder')}
                  value={r.goal}
                  maxLength={LIMITS.goal.maxLength}
                  onChange={(e) => set(i, { goal: e.currentTarget.value })}
                  data-testid={`commitments-goal-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <Tooltip label={t('commitments.removeTask')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('commitments.removeTask')}
                    onClick={() => setRows((prev) => (prev.length > 1 ? prev.filter((_, j) => j !== i) : [emptyRow(year)]))}
                    data-testid={`commitments-remove-${i}`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problem && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="commitments-error">
          {problem}
        </Alert>
      )}
      <Group justify="space-between">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setRows((prev) => [...prev, emptyRow(year)])}
          disabled={TASKS.maxItems !== undefined && rows.length >= TASKS.maxItems}
          data-testid="commitments-add-task"
        >
          {t('commitments.addTask')}
        </Button>
        <Group gap="sm">
          <Button
            variant="default"
            loading={busy && !confirming}
            onClick={() =>
              void save().then((r) => {
                if (r) {
                  notifySuccess(t('commitments.saved'))
                  onSaved(r)
                }
              })
            }
            data-testid="commitments-save"
          >
            {t('commitments.saveDraft')}
          </Button>
          <Button leftSection={<IconSend size={16} />} onClick={askSubmit} data-testid="commitments-submit">
            {t('commitments.submit')}
          </Button>
        </Group>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('commitments.submit')}
        confirmLabel={t('commitments.submit')}
        onCancel={() => setConfirming(false)}
        onConfirm={submit}
      >
        {t('commitments.submitConfirm')}
      </ConfirmModal>
    </Stack>
  )
}
