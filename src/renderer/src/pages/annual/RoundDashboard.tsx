import { useState } from 'react'
import { Alert, Anchor, Button, Card, Group, List, Loader, NumberInput, Progress, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle, IconCircleCheck, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { SessionInfo } from '@shared/api/types'
import type { AnnualBlockerView, AnnualRoundView } from '@shared/annual'
import { notifySuccess, useApi } from '../../api'
import { allowedPages, can, type PageKey } from '../../routes'
import { useLang } from '../../i18n'
import { formatDateTime } from '../../format'
import { fieldOf, limitsOf, zodValidate } from '../../forms/zodForm'
import { StageStepper } from './parts'

const APPROVAL = contract['annual.recordApproval'].input
const DOCUMENT_LIMITS = limitsOf(fieldOf(APPROVAL, 'document'))

/** The page that clears each kind of blocker (routes.ts keys). */
const BLOCKER_PAGES: Record<string, PageKey> = {
  DEMOCRATIC_ROUND_INVALID: 'democratic',
  DEMOCRATIC_ROUND_OPEN: 'democratic',
  REVIEW_PENDING: 'integrity',
  RATING_MISSING: 'leadership',
}

/** The round's head: stages, N and K with the quota words, the approval, what blocks grading, and 拟定等次. */
export function RoundDashboard({
  session,
  round,
  onChanged,
  onNavigate,
}: {
  session: SessionInfo
  round: AnnualRoundView
  onChanged: (round: AnnualRoundView) => void
  onNavigate: (route: string) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [busy, setBusy] = useState(false)
  const canManage = can(session.roles, 'annual.manage')
  const canPropose = canManage && (round.stage === 'open' || round.stage === 'proposed')

  const propose = async () => {
    setBusy(true)
    const r = await run('annual.propose', { year: round.year })
    setBusy(false)
    if (r.ok) {
      onChanged(r.value)
      notifySuccess(t('annual.proposed'))
    }
  }

  return (
    <Card withBorder padding="lg" data-testid="annual-dashboard">
      <Stack gap="md">
        <StageStepper stage={round.stage} />
        {round.inputsChanged && round.stage === 'proposed' && (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('annual.inputsChangedTitle')} data-testid="annual-inputs-changed">
            {t('annual.inputsChanged')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('annual.N')}
            </Text>
            <Title order={3} data-testid="annual-n">
              {round.N}
            </Title>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('annual.K')}
            </Text>
            <Title order={3} data-testid="annual-k">
              {round.K}
            </Title>
            <Text size="sm" data-testid="annual-quota">
              {round.quota[lang]}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('annual.proposedAt')}
            </Text>
            <Text fw={500}>{round.proposedAt ? formatDateTime(round.proposedAt, lang) : t('annual.notProposed')}</Text>
            {round.confirmedAt && (
              <Text size="sm" c="dimmed">
                {t('annual.confirmedAt', { at: formatDateTime(round.confirmedAt, lang) })}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <Approval round={round} canRecord={canManage && (round.stage === 'open' || round.stage === 'proposed')} onChanged={onChanged} />
        <Blockers blockers={round.blockers} pages={allowedPages(session.roles)} onNavigate={onNavigate} />
        {canPropose && (
          <Stack gap="xs">
            <Group>
              <Button
                leftSection={round.stage === 'proposed' ? <IconRefresh size={18} /> : undefined}
                onClick={() => void propose()}
                disabled={busy || round.blockers.length > 0}
                data-testid="annual-propose"
              >
                {round.stage === 'proposed' ? t('annual.proposeAgain') : t('annual.propose')}
              </Button>
              {round.blockers.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('annual.proposeBlocked')}
                </Text>
              )}
            </Group>
            {busy && (
              <Stack gap={4} data-testid="annual-proposing">
                <Group gap="xs">
                  <Loader size="xs" />
                  <Text size="sm">{t('annual.proposing', { count: round.people.length })}</Text>
                </Group>
                <Progress value={100} animated striped />
              </Stack>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}

function Blockers({ blockers, pages, onNavigate }: { blockers: readonly AnnualBlockerView[]; pages: readonly PageKey[]; onNavigate: (route: string) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (blockers.length === 0) {
    return (
      <Group gap="xs" data-testid="annual-no-blockers">
        <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" />
        <Text size="sm">{t('annual.noBlockers')}</Text>
      </Group>
    )
  }
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('annual.blockersTitle', { count: blockers.length })} data-testid="annual-blockers">
      <List size="sm" spacing={4}>
        {blockers.map((b, i) => {
          const page = BLOCKER_PAGES[b.code]
          return (
            <List.Item key={i} data-testid={`annual-blocker-${b.code}`}>
              {lang === 'zh' ? b.zh : b.en}
              {page && pages.includes(page) && (
                <>
                  {' '}
                  <Anchor
                    href={`#/${page}`}
                    onClick={(e) => {
                      e.preventDefault()
                      onNavigate(page)
                    }}
                    data-testid={`annual-blocker-link-${b.code}`}
                  >
                    {t('annual.goTo', { page: t(`nav.${page}`) })}
                  </Anchor>
                </>
              )}
            </List.Item>
          )
        })}
      </List>
    </Alert>
  )
}

interface ApprovalValues {
  document: string
  mode: 'count' | 'rate'
  amount: number | string
}

/** The superior's approval of the 优秀 quota (document number, count or rate); HR records it. */
function Approval({ round, canRecord, onChanged }: { round: AnnualRoundView; canRecord: boolean; onChanged: (round: AnnualRoundView) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState(false)
  const toInput = (v: ApprovalValues) => ({
    year: round.year,
    document: v.document,
    ...(v.mode === 'count' ? { count: v.amount === '' ? undefined : Number(v.amount) } : { rate: v.amount === '' ? undefined : Number(v.amount) }),
  })
  const form = useForm<ApprovalValues>({
    initialValues: { document: round.approval?.document ?? '', mode: round.approval?.rate != null ? 'rate' : 'count', amount: round.approval?.count ?? round.approval?.rate ?? '' },
    validate: zodValidate(APPROVAL, lang, toInput, { count: 'amount', rate: 'amount', year: '' }),
  })
  const save = async (v: ApprovalValues) => {
    setBusy(true)
    const r = await run('annual.recordApproval', toInput(v) as Parameters<typeof run<'annual.recordApproval'>>[1])
    setBusy(false)
    if (r.ok) {
      setEditing(false)
      onChanged(r.value)
      notifySuccess(t('annual.approvalSaved'))
    }
  }
  const a = round.approval
  return (
    <Stack gap="xs" data-testid="annual-approval">
      <Group gap="sm">
        <Text size="sm" fw={500}>
          {t('annual.approval')}
        </Text>
        <Text size="sm" data-testid="annual-approval-text">
          {a
            ? a.count !== null
              ? t('annual.approvalCount', { document: a.document, count: a.count })
              : t('annual.approvalRate', { document: a.document, rate: a.rate })
            : t('annual.noApproval')}
        </Text>
        {canRecord && !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="annual-approval-edit">
            {a ? t('annual.approvalChange') : t('annual.approvalRecord')}
          </Button>
        )}
      </Group>
      {editing && (
        <form onSubmit={form.onSubmit((v) => void save(v))}>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('annual.approvalDocument')} w={240} maxLength={DOCUMENT_LIMITS.maxLength} {...form.getInputProps('document')} data-testid="annual-approval-document" />
            <SegmentedControl
              data={[
                { value: 'count', label: t('annual.approvalByCount') },
                { value: 'rate', label: t('annual.approvalByRate') },
              ]}
              {...form.getInputProps('mode')}
            />
            <NumberInput
              label={form.values.mode === 'count' ? t('annual.approvalCountLabel') : t('annual.approvalRateLabel')}
              w={140}
              min={0}
              allowDecimal={form.values.mode === 'rate'}
              {...form.getInputProps('amount')}
              data-testid="annual-approval-amount"
            />
            <Button type="submit" loading={busy} data-testid="annual-approval-save">
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  )
}
