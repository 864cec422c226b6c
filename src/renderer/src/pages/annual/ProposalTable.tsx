import { Fragment, useMemo, useState } from 'react'
import { Alert, Badge, Button, Card, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconCalendarEvent, IconListDetails, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { TIE, type AnnualPersonView, type AnnualRoundView } from '@shared/annual'
import { CHANNELS, CHANNEL_LABELS } from '@shared/guideline/model'
import { notifySuccess, useApi } from '../../api'
import { can } from '../../routes'
import { useLang } from '../../i18n'
import { formatDate, todayIso } from '../../format'
import { DateField } from '../../components/DateField'
import { ConfirmModal } from '../../components/ConfirmModal'
import { DecideModal } from './DecideModal'
import { ExplainDrawer, GradeBadge, ScoreCell, VetoBadges } from './parts'

/** The people in ranking order (unranked last, by 工号), and where the quota line falls: after the K-th eligible person. */
export function rankingOrder(round: AnnualRoundView): { rows: AnnualPersonView[]; lineAfter: number } {
  const rows = [...round.people].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank || a.staffNo.localeCompare(b.staffNo)
    if (a.rank !== null) return -1
    if (b.rank !== null) return 1
    return a.staffNo.localeCompare(b.staffNo)
  })
  let lineAfter = -1
  if (round.K > 0) {
    let seen = 0
    for (let i = 0; i < rows.length; i++) {
      const p = rows[i]!
      if (p.status === 'graded' && p.eligible && p.rank !== null) seen++
      if (seen === round.K) {
        lineAfter = i
        break
      }
    }
  }
  return { rows, lineAfter }
}

/** Why the head cannot confirm yet, or null. */
export function confirmBlock(round: AnnualRoundView): 'tie' | 'quota' | 'inputs' | null {
  if (round.people.some((p) => p.grade === TIE)) return 'tie'
  if (round.excellentCount > round.K) return 'quota'
  if (round.inputsChanged) return 'inputs'
  return null
}

/** 拟定等次: the ranking with the quota line, the boundary tie, vetoes, the group's changes, confirmation and publicity. */
export function ProposalTable({ session, round, onChanged }: { session: SessionInfo; round: AnnualRoundView; onChanged: (round: AnnualRoundView) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [deciding, setDeciding] = useState<AnnualPersonView | null>(null)
  const [explaining, setExplaining] = useState<AnnualPersonView | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [publishing, setPublishing] = useState(false)
  const [startOn, setStartOn] = useState<string | null>(todayIso())
  const { rows, lineAfter } = useMemo(() => rankingOrder(round), [round])
  const canDecide = can(session.roles, 'annual.decide') && round.stage === 'proposed'
  const canConfirm = can(session.roles, 'annual.confirm') && round.stage === 'proposed'
  const canPublish = can(session.roles, 'annual.manage') && round.stage === 'confirmed'
  const undecidedTie = round.people.some((p) => p.grade === TIE)
  const block = confirmBlock(round)
  const blockText = block ? t(`annual.confirmBlocked.${block}`) : null
  const cols = 12

  if (round.stage === 'open') {
    return (
      <Card withBorder padding="lg">
        <Text c="dimmed" data-testid="annual-no-proposal">
          {t('annual.noProposal')}
        </Text>
      </Card>
    )
  }

  const quotaLine = (
    <Table.Tr data-testid="annual-quota-line">
      <Table.Td colSpan={cols} p={0}>
        <Group gap="xs" px="sm" py={2} style={{ borderTop: '2px dashed var(--mantine-color-red-6)' }}>
          <Text size="xs" c="red.7" fw={600}>
            {t('annual.quotaLine', { k: round.K })}
          </Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  )

  return (
    <Card withBorder padding="lg" data-testid="annual-proposal">
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="sm">
            <Text fw={600}>{t('annual.proposalTitle')}</Text>
            <Badge size="lg" color={round.excellentCount > round.K ? 'red' : 'teal'} variant="light" data-testid="annual-excellent-count">
              {t('annual.excellentCount', { count: round.excellentCount, k: round.K })}
            </Badge>
          </Group>
          <Group gap="sm">
            {canConfirm && (
              <>
                {blockText && (
                  <Text size="sm" c="orange.8" data-testid="annual-confirm-reason">
                    {blockText}
                  </Text>
                )}
                <Tooltip label={blockText ?? ''} disabled={!blockText} withArrow>
                  <span>
                    <Button color="teal" disabled={block !== null} onClick={() => setConfirming(true)} data-testid="annual-confirm">
                      {t('annual.confirm')}
                    </Button>
                  </span>
                </Tooltip>
              </>
            )}
            {canPublish && (
              <Group gap="xs" align="flex-end">
                <DateField label={t('annual.publishStart')} value={startOn} onChange={setStartOn} minDate={todayIso()} w={180} data-testid="annual-publish-start" />
                <Button leftSection={<IconCalendarEvent size={18} />} disabled={!startOn} onClick={() => setPublishing(true)} data-testid="annual-publish">
                  {t('annual.publish')}
                </Button>
              </Group>
            )}
          </Group>
        </Group>
        {round.publicity && (
          <Alert color="blue" icon={<IconCalendarEvent />} title={t('annual.publicityTitle')} data-testid="annual-publicity">
            <Text size="sm" data-testid="annual-publicity-until">
              {t('annual.publicityRange', { from: formatDate(round.publicity.from, lang), until: formatDate(round.publicity.until, lang) })}
            </Text>
            {round.publicity.warnings.map((w, i) => (
              <Text key={i} size="sm" c="orange.8">
                {w[lang]}
              </Text>
            ))}
          </Alert>
        )}
        {round.boundaryTie && round.boundaryTie.length > 0 && (
          <Alert
            color={undecidedTie ? 'orange' : 'gray'}
            icon={<IconAlertTriangle />}
            title={undecidedTie ? t('annual.tieBanner') : t('annual.tieDecided')}
            data-testid="annual-tie-banner"
          >
            {t('annual.tieNames', { names: round.boundaryTie.map((p) => `${p.name}（${p.staffNo}）`).join(lang === 'zh' ? '、' : ', ') })}
          </Alert>
        )}
        <ScrollArea>
          <Table striped={false} highlightOnHover miw={1000} data-testid="annual-table" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56} style={{ whiteSpace: 'nowrap' }}>
                  {t('annual.colRank')}
                </Table.Th>
                <Table.Th w={60}>{t('annual.colStaffNo')}</Table.Th>
                <Table.Th w={72}>{t('annual.colName')}</Table.Th>
                <Table.Th>{t('annual.colDepartment')}</Table.Th>
                {CHANNELS.map((c) => (
                  <Table.Th key={c} w={80} ta="right">
                    {CHANNEL_LABELS[c][lang]}
                  </Table.Th>
                ))}
                <Table.Th w={72} ta="right">
                  T
                </Table.Th>
                <Table.Th w={96}>{t('annual.colProposed')}</Table.Th>
                <Table.Th w={120}>{t('annual.colGrade')}</Table.Th>
                <Table.Th w={64}>{t('annual.colVetoes')}</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {round.K === 0 && quotaLine}
              {rows.map((p, i) => {
                const tied = p.proposed === TIE
                return (
                  <Fragment key={p.personId}>
                    <Table.Tr
                      data-testid={`annual-row-${p.staffNo}`}
                      data-tied={tied || undefined}
                      bg={tied ? 'var(--mantine-color-orange-0)' : undefined}
                    >
                      <Table.Td>{p.rank ?? '—'}</Table.Td>
                      <Table.Td ff="monospace">{p.staffNo}</Table.Td>
                      <Table.Td fw={500}>{p.name}</Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate maw={120}>
                          {p.department ?? '—'}
                        </Text>
                        {p.note && (
                          <Text size="xs" c="dimmed">
                            {p.note[lang]}
                          </Text>
                        )}
                      </Table.Td>
                      {CHANNELS.map((c) => (
                        <Table.Td key={c} ta="right">
                          <ScoreCell score={p.channels[c].score} testid={`annual-score-${p.staffNo}-${c}`} />
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">
                        <ScoreCell score={p.T} />
                      </Table.Td>
                      <Table.Td>
                        <GradeBadge grade={p.proposed} />
                      </Table.Td>
                      <Table.Td>
                        {p.changeReason ? (
                          <Tooltip label={t('annual.changedBecause', { reason: p.changeReason })} multiline maw={360} withArrow>
                            <Group gap={2} wrap="nowrap" data-testid={`annual-grade-${p.staffNo}`} style={{ cursor: 'help' }}>
                              <GradeBadge grade={p.grade} />
                              <IconPencil size={14} color="var(--mantine-color-orange-7)" aria-label={t('annual.changed')} />
                            </Group>
                          </Tooltip>
                        ) : (
                          <span data-testid={`annual-grade-${p.staffNo}`}>
                            <GradeBadge grade={p.grade} />
                          </span>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <VetoBadges person={p} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {canDecide && p.status === 'graded' && !p.forced && (
                            <Button size="compact-xs" variant={tied ? 'filled' : 'light'} color={tied ? 'orange' : undefined} onClick={() => setDeciding(p)} data-testid={`annual-decide-${p.staffNo}`}>
                              {t('annual.decide')}
                            </Button>
                          )}
                          <Button size="compact-xs" variant="subtle" px={4} leftSection={<IconListDetails size={14} />} onClick={() => setExplaining(p)} data-testid={`annual-explain-${p.staffNo}`}>
                            {t('annual.explain')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {i === lineAfter && quotaLine}
                  </Fragment>
                )
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
      <DecideModal
        year={round.year}
        person={deciding}
        onClose={() => setDeciding(null)}
        onDecided={(r) => {
          setDeciding(null)
          onChanged(r)
        }}
      />
      <ExplainDrawer year={round.year} person={explaining} onClose={() => setExplaining(null)} />
      <ConfirmModal
        opened={confirming}
        title={t('annual.confirmTitle')}
        confirmLabel={t('annual.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          const r = await run('annual.confirm', { year: round.year })
          setConfirming(false)
          if (r.ok) {
            notifySuccess(t('annual.confirmed'))
            onChanged(r.value)
          }
        }}
      >
        <Text size="sm">{t('annual.confirmText', { count: round.excellentCount, k: round.K })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={publishing}
        title={t('annual.publishTitle')}
        confirmLabel={t('annual.publish')}
        onCancel={() => setPublishing(false)}
        onConfirm={async () => {
          const r = await run('annual.publish', { year: round.year, ...(startOn ? { startOn } : {}) })
          setPublishing(false)
          if (r.ok) {
            notifySuccess(t('annual.published'))
            onChanged(r.value)
          }
        }}
      >
        <Text size="sm">{t('annual.publishText', { from: startOn ? formatDate(startOn, lang) : '' })}</Text>
      </ConfirmModal>
    </Card>
  )
}
