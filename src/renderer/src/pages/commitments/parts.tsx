import { Badge, Button, Group, Stack, Table, Text, Timeline } from '@mantine/core'
import { IconCircleCheck, IconClockHour4, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CommitmentLetterView, CommitmentRecord, CommitmentState, CommitmentTaskView, RevisionChange } from '@shared/commitments'
import { formatDate, formatDateTime, formatNumber, todayIso } from '../../format'
import { useLang } from '../../i18n'

export const STATE_COLORS: Record<CommitmentState | 'none', string> = {
  none: 'gray',
  draft: 'gray',
  submitted: 'yellow',
  returned: 'red',
  approved: 'teal',
  publicity: 'blue',
  inForce: 'green',
  superseded: 'gray',
}

export function StateBadge({ state, testid }: { state: CommitmentState | null; testid?: string }) {
  const { t } = useTranslation()
  const s = state ?? 'none'
  return (
    <Badge color={STATE_COLORS[s]} variant={s === 'inForce' || s === 'submitted' ? 'filled' : 'light'} data-testid={testid}>
      {t(`commitments.state.${s}`)}
    </Badge>
  )
}

/** The route of the A4 print view of a letter. */
export const printRoute = (l: Pick<CommitmentLetterView, 'personId' | 'year' | 'version'>) =>
  `commitments/print/${l.personId}/${l.year}/${l.version}`

export function PrintButton({ letter, onNavigate }: { letter: CommitmentLetterView; onNavigate: (route: string) => void }) {
  const { t } = useTranslation()
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={<IconPrinter size={14} />}
      onClick={() => onNavigate(printRoute(letter))}
      data-testid="commitments-print"
    >
      {t('commitments.print')}
    </Button>
  )
}

/** Submitted, reviewed, publicity and in-force lines of a letter. */
export function LetterMeta({ letter }: { letter: CommitmentLetterView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const lines: string[] = []
  if (letter.submittedAt) lines.push(t('commitments.submittedAt', { at: formatDateTime(letter.submittedAt, lang) }))
  if (letter.reviewedBy && letter.reviewedAt) lines.push(t('commitments.reviewedBy', { name: letter.reviewedBy, at: formatDateTime(letter.reviewedAt, lang) }))
  if (letter.publicityStart && letter.publicityEnd) {
    lines.push(
      t('commitments.publicityDates', {
        from: formatDate(letter.publicityFrom ?? letter.publicityStart, lang),
        end: formatDate(letter.publicityEnd, lang),
        days: letter.publicityWorkingDays ?? '—',
      }),
    )
  }
  if (letter.effectiveOn) lines.push(t('commitments.effectiveOn', { date: formatDate(letter.effectiveOn, lang) }))
  if (lines.length === 0) return null
  return (
    <Stack gap={4}>
      <Group gap="lg" data-testid="commitments-meta">
        {lines.map((l) => (
          <Text key={l} size="sm" c="dimmed">
            {l}
          </Text>
        ))}
      </Group>
      {/* An end date counted on an estimated calendar keeps its warning for as long as it is one. */}
      {letter.publicityWarnings.map((w) => (
        <Text key={`${w.code}-${w.year}`} size="sm" c="orange" data-testid="commitments-publicity-warning">
          {lang === 'zh' ? w.zh : w.en}
        </Text>
      ))}
    </Stack>
  )
}

function Completion({ task }: { task: CommitmentTaskView }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (task.withdrawn) return <Badge color="gray" variant="outline">{t('commitments.withdrawn')}</Badge>
  if (task.completedOn) {
    return (
      <Badge color="green" variant="light" leftSection={<IconCircleCheck size={12} />}>
        {t('commitments.completedOn', { date: formatDate(task.completedOn, lang) })}
      </Badge>
    )
  }
  if (task.deadline < todayIso()) return <Badge color="red" variant="light">{t('commitments.overdue')}</Badge>
  return (
    <Badge color="gray" variant="light" leftSection={<IconClockHour4 size={12} />}>
      {t('commitments.notCompleted')}
    </Badge>
  )
}

/** The tasks of a letter as a table; `action` adds a last column (e.g. record completion). */
export function TaskTable({
  letter,
  showCompletion,
  action,
}: {
  letter: CommitmentLetterView
  showCompletion: boolean
  action?: (task: CommitmentTaskView) => React.ReactNode
}) {
  const { t } = useTranslation()
  const lang = useLang()
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="commitments-tasks">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('commitments.colKey')}</Table.Th>
          <Table.Th>{t('commitments.colTitle')}</Table.Th>
          <Table.Th w={120}>{t('commitments.colTarget')}</Table.Th>
          <Table.Th w={150}>{t('commitments.colDeadline')}</Table.Th>
          <Table.Th>{t('commitments.colGoal')}</Table.Th>
          {showCompletion && <Table.Th w={170}>{t('commitments.colCompletion')}</Table.Th>}
          {action && <Table.Th w={130} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {letter.tasks.map((task) => (
          <Table.Tr key={task.key} data-testid={`commitments-task-${task.key}`} style={task.withdrawn ? { opacity: 0.55 } : undefined}>
            <Table.Td className="mono">{task.key}</Table.Td>
            <Table.Td td={task.withdrawn ? 'line-through' : undefined}>{task.title}</Table.Td>
            <Table.Td>
              {formatNumber(task.target)} {task.unit}
            </Table.Td>
            <Table.Td>
              {formatDate(task.deadline, lang)}
              {task.originalDeadline && task.originalDeadline !== task.deadline && (
                <Text size="xs" c="dimmed">
                  {t('commitments.deadlineChanged', { date: formatDate(task.originalDeadline, lang) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{task.goal}</Table.Td>
            {showCompletion && (
              <Table.Td>
                <Completion task={task} />
              </Table.Td>
            )}
            {action && <Table.Td>{action(task)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** One revision change as a line of text. */
export function changeText(c: RevisionChange, t: (k: string, o?: Record<string, unknown>) => string, lang: 'zh' | 'en'): string {
  if (c.op === 'withdraw') return t('commitments.changeWithdraw', { key: c.taskKey })
  if (c.op === 'add') {
    return `${t('commitments.changeAdd', { title: c.title })}（${formatNumber(c.target)} ${c.unit}，${formatDate(c.deadline, lang)}，${c.goal}）`
  }
  const parts: string[] = []
  if (c.title !== undefined) parts.push(`${t('commitments.colTitle')}：${c.title}`)
  if (c.target !== undefined) parts.push(`${t('commitments.colTarget')}：${formatNumber(c.target)}${c.unit !== undefined ? ` ${c.unit}` : ''}`)
  else if (c.unit !== undefined) parts.push(`${t('commitments.colUnit')}：${c.unit}`)
  if (c.deadline !== undefined) parts.push(`${t('commitments.colDeadline')}：${formatDate(c.deadline, lang)}`)
  if (c.goal !== undefined) parts.push(`${t('commitments.colGoal')}：${c.goal}`)
  return `${t('commitments.changeRevise', { key: c.taskKey })}：${parts.join('；')}`
}

/** Versions and revision requests, oldest first. */
export function History({ record }: { record: CommitmentRecord }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (record.versions.length <= 1 && record.revisions.length === 0) return null
  return (
    <Stack gap="xs" data-testid="commitments-history">
      <Text fw={600}>{t('commitments.history')}</Text>
      <Timeline bulletSize={14} lineWidth={2} active={record.versions.length - 1}>
        {record.versions.map((v) => (
          <Timeline.Item key={`v${v.version}`} title={t('commitments.historyVersion', { version: v.version, state: t(`commitments.state.${v.state}`) })}>
            {v.effectiveOn && (
              <Text size="xs" c="dimmed">
                {t('commitments.historyEffective', { date: formatDate(v.effectiveOn, lang) })}
              </Text>
            )}
            {v.revisionReason && (
              <Text size="xs" c="dimmed">
                {v.revisionReason}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {record.revisions.map((r) => (
        <Stack key={r.id} gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }} data-testid={`commitments-revision-${r.id}`}>
          <Group gap="xs">
            <Badge size="sm" color={r.state === 'approved' ? 'green' : r.state === 'refused' ? 'red' : 'yellow'} variant="light">
              {t(`commitments.revisionState.${r.state}`)}
            </Badge>
            <Text size="sm">{t('commitments.revisionLine', { at: formatDateTime(r.requestedAt, lang), version: r.version, reason: r.reason })}</Text>
          </Group>
          {r.changes.map((c, i) => (
            <Text key={i} size="xs" c="dimmed">
              · {changeText(c, t, lang)}
            </Text>
          ))}
          {r.decidedAt && (
            <Text size="xs">
              {t('commitments.revisionDecision', { by: r.decidedBy ?? t('common.none'), at: formatDateTime(r.decidedAt, lang), state: t(`commitments.revisionState.${r.state}`) })}
              {r.decisionReason ? ` ${t('commitments.revisionDecisionReason', { reason: r.decisionReason })}` : ''}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  )
}
