import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Card, Grid, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { LEDGER_KIND_LABELS, type LedgerKind } from '@shared/ledger'
import type { SheetEvidence, SheetView } from '@shared/api/leadership'
import { notifySuccess, useApi } from '../../api'
import { ConfirmModal } from '../../components/ConfirmModal'
import { formatDate, formatDateTime, formatNumber } from '../../format'
import { useLang } from '../../i18n'
import { useApiData } from '../../useApiData'
import { AssessorTrainingReminder } from '../training/AssessorTrainingReminder'

/**
 * One person's evaluation sheet for the signed-in member: the rated indicators with 0–100 inputs on
 * the left, the evidence on the right (metrics with their inputs and N/A, quarterly scores, ledger
 * highlights, letter tasks, 小结). Drafts save; submit locks.
 */
export function SheetPanel({ year, personId, onChanged }: { year: number; personId: number; onChanged: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const sheet = useApiData('leadership.sheet', { year, personId }, [year, personId])
  const [scores, setScores] = useState<Record<string, number | string>>({})
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)

  useEffect(() => {
    if (!sheet.data) return
    setScores(Object.fromEntries(sheet.data.indicators.map((i) => [i.id, i.score ?? ''])))
  }, [sheet.data])

  if (!sheet.data) {
    return (
      <Group justify="center" py={48}>
        <Loader size="sm" />
      </Group>
    )
  }
  const s: SheetView = sheet.data
  const locked = s.status === 'submitted'
  const numeric = Object.fromEntries(Object.entries(scores).filter(([, v]) => typeof v === 'number')) as Record<string, number>

  const save = async (submit: boolean) => {
    setBusy(true)
    const r = await run('leadership.saveSheet', { year, personId, scores: numeric, ...(submit ? { submit: true } : {}) })
    setBusy(false)
    setConfirming(false)
    if (!r.ok) return
    sheet.setData(r.value)
    notifySuccess(t(submit ? 'sheets.submitted' : 'sheets.saved'))
    onChanged()
  }

  return (
    <Stack gap="md" data-testid="sheet-panel">
      <AssessorTrainingReminder year={year} />
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={4}>{s.person.name}</Title>
          <Text c="dimmed" size="sm">
            {s.person.staffNo} · {s.person.department ?? ''} · {s.person.post}
          </Text>
          {s.person.riskPost && (
            <Badge color="orange" variant="light">
              {t('sheets.riskPost')}
            </Badge>
          )}
        </Group>
        {locked && s.submittedAt && (
          <Badge leftSection={<IconLock size={12} />} color="gray" variant="light" data-testid="sheet-locked">
            {t('sheets.lockedAt', { at: formatDateTime(s.submittedAt, lang) })}
          </Badge>
        )}
      </Group>
      {s.recused ? (
        <Alert color="gray" data-testid="sheet-recused">
          {t('sheets.recusedNote', { reason: t(s.recused === 'self' ? 'sheets.reasonSelf' : 'sheets.reasonRelative') })}
        </Alert>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder radius="md" padding="md">
              <Stack gap="sm">
                <Text fw={600}>{t('sheets.scoresTitle')}</Text>
                {s.indicators.map((i) => (
                  <NumberInput
                    key={i.id}
                    label={t('sheets.scoreLabel', { name: i.name, weight: i.weight })}
                    description={i.evidenceHint}
                    min={0}
                    max={100}
                    decimalScale={2}
                    clampBehavior="strict"
                    disabled={locked}
                    value={scores[i.id] ?? ''}
                    onChange={(v) => setScores((prev) => ({ ...prev, [i.id]: v }))}
                    data-testid={`sheet-score-${i.id}`}
                  />
                ))}
                {!locked && (
                  <Group justify="flex-end" mt="xs">
                    <Button variant="default" loading={busy} onClick={() => void save(false)} data-testid="sheet-save">
                      {t('sheets.saveDraft')}
                    </Button>
                    <Button loading={busy} onClick={() => setConfirming(true)} data-testid="sheet-submit">
                      {t('sheets.submit')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Evidence evidence={s.evidence} />
          </Grid.Col>
        </Grid>
      )}
      <ConfirmModal opened={confirming} title={t('sheets.submit')} onCancel={() => setConfirming(false)} onConfirm={() => save(true)}>
        <Text size="sm">{t('sheets.submitConfirm', { name: s.person.name })}</Text>
      </ConfirmModal>
    </Stack>
  )
}

function Evidence({ evidence }: { evidence: SheetEvidence }) {
  const { t } = useTranslation()
  const lang = useLang()
  const none = (
    <Text size="sm" c="dimmed">
      {t('sheets.none')}
    </Text>
  )
  return (
    <Card withBorder radius="md" padding="md" data-testid="sheet-evidence">
      <Stack gap="md">
        <Text fw={600}>{t('sheets.evidenceTitle')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('sheets.metricsTitle')}
          </Text>
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {evidence.metrics.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td w={110}>{m.name}</Table.Td>
                  <Table.Td w={96}>
                    {m.score === null && m.flags.some((f) => f === 'REVIEW_MISSING' || f === 'REVIEW_PENDING') ? (
                      <Badge color="orange" variant="light" size="sm">
                        {t('sheets.reviewBlocked')}
                      </Badge>
                    ) : m.score === null ? (
                      <Badge color="gray" variant="light" size="sm">
                        {t('sheets.na')}
                      </Badge>
                    ) : (
                      formatNumber(m.score)
                    )}
                  </Table.Td>
                  <Table.Td c="dimmed">{lang === 'zh' ? m.inputs.zh : m.inputs.en}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('sheets.quarterlyTitle')}
          </Text>
          <Group gap="lg">
            {evidence.quarterly.map((q) => (
              <Text key={q.quarter} size="sm">
                {t('sheets.quarterLabel', { q: q.quarter })}：<b>{q.score === null ? '—' : formatNumber(q.score)}</b>
              </Text>
            ))}
          </Group>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('sheets.ledgerTitle')}
          </Text>
          {evidence.ledger.length
            ? evidence.ledger.map((l, i) => (
                <Text key={i} size="sm">
                  {formatDate(l.day, lang)} · {LEDGER_KIND_LABELS[l.kind as LedgerKind]?.[lang] ?? l.kind} · {l.text}
                </Text>
              ))
            : none}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('sheets.tasksTitle')}
          </Text>
          {evidence.tasks.length
            ? evidence.tasks.map((task, i) => (
                <Text key={i} size="sm">
                  {task.title} · {task.deadline ? formatDate(task.deadline, lang) : ''} ·{' '}
                  {task.completedOn ? t('sheets.taskDone', { date: formatDate(task.completedOn, lang) }) : t('sheets.taskOpen')}
                </Text>
              ))
            : none}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('sheets.summariesTitle')}
          </Text>
          {evidence.summaries.length
            ? evidence.summaries.map((s) => (
                <Text key={s.quarter} size="sm" lineClamp={3}>
                  {t('sheets.quarterLabel', { q: s.quarter })}：{s.text}
                </Text>
              ))
            : none}
        </Stack>
      </Stack>
    </Card>
  )
}
