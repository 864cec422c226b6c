import { useEffect, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { IconArrowRight, IconCheck, IconClockHour4, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { FileImportCard } from '../components/FileImportCard'
import type { PolicyView, SessionInfo } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { useApiData } from '../useApiData'
import { useForm } from '@mantine/form'
import { contract } from '@shared/api/contract'
import { fieldOf, zodValidate } from '../forms/zodForm'
import { PageHeader } from '../components/PageHeader'
import { YearSelect } from '../components/YearSelect'
import { readFileAsBase64 } from '../files'
import { formatDateTime, formatNumber, formatPolicyVersion } from '../format'
import { useLang } from '../i18n'
import { can } from '../routes'
import { POLICY_CONSTRAINT_KEYS, kindOfPolicyConstraint, type PolicyConstraintKey } from '@shared/guideline/constraints'

/** How each constraint's number reads (a weight, a percent, working or calendar days): the shared constraint table's. */
function constraintUnit(key: string): 'weight' | 'percent' | 'workingDays' | 'calendarDays' {
  const kind = (POLICY_CONSTRAINT_KEYS as readonly string[]).includes(key) ? kindOfPolicyConstraint(key as PolicyConstraintKey) : 'weight'
  return kind === 'percent' || kind === 'workingDays' || kind === 'calendarDays' ? kind : 'weight'
}

/** How each number of the `results` and `appeals` sections reads (RULES.md §7–§8). */
const SECTION_UNITS: Record<string, 'percent' | 'months' | 'years' | 'points' | 'people' | 'calendarDays' | 'plain'> = {
  bonusPercentExcellent: 'percent',
  bonusPercentCompetent: 'percent',
  bonusPercentBasic: 'percent',
  bonusPercentIncompetent: 'percent',
  rectificationMonths: 'months',
  reassignmentMonthsMin: 'months',
  reassignmentMonthsMax: 'months',
  meritConsecutiveExcellent: 'years',
  dismissalConsecutiveIncompetent: 'years',
  trainingNeedGapPoints: 'points',
  trainingNeedFloor: 'points',
  biasUniformSdBelow: 'points',
  biasUniformMinPeople: 'people',
  biasLenientSharePercent: 'percent',
  biasLenientScore: 'points',
  rotationYears: 'years',
  reviewDays: 'calendarDays',
  reviewDecisionDays: 'calendarDays',
  appealAfterReviewDays: 'calendarDays',
  appealDirectDays: 'calendarDays',
  appealDecisionDays: 'calendarDays',
  appealExtensionDays: 'calendarDays',
}

const SECURITY_UNITS: Record<string, 'chars' | 'classes' | 'times' | 'minutes' | 'days' | 'plain'> = {
  passwordMinLength: 'chars',
  passwordMinClasses: 'classes',
  maxFailedLogins: 'times',
  lockoutMinutes: 'minutes',
  idleLockMinutes: 'minutes',
  auditRetentionDays: 'days',
}

/** The decision's reason as the contract declares it (policy.decide), and its length limit for the field. */
const REASON = fieldOf(contract['policy.decide'].input, 'reason')
const REASON_MAX = contract['policy.decide'].input.shape.reason.unwrap().maxLength ?? undefined

/** The P-number of a constraint key: P3_serviceIndicatorMin → P3. */
export function constraintId(key: string): string {
  return /^(P\d+)_/.exec(key)?.[1] ?? key
}

/** 考核政策: the policy in force for the year, its history, HR's import and the head's decision. */
export function PolicyPage({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation()
  const lang = useLang()
  const [year, setYear] = useState(() => new Date().getFullYear())
  // Only the selected year's answer shows: a late answer for the year before is dropped.
  const { data: policy, reload, setData: setPolicy } = useApiData('policy.get', { year }, [])
  const [deciding, setDeciding] = useState<'approve' | 'refuse' | null>(null)
  const canPropose = can(session.roles, 'policy.propose')
  const canApprove = can(session.roles, 'policy.approve')

  const constraintLabel = (key: string) =>
    i18n.exists(`policy.constraint.${key}`) ? t(`policy.constraint.${key}`) : key
  const securityLabel = (key: string) => (i18n.exists(`policy.security.${key}`) ? t(`policy.security.${key}`) : key)
  const constraintValue = (key: string, v: number | boolean | null) => {
    if (v === null) return t('common.none')
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no')
    return t(`policy.unit.${constraintUnit(key)}`, { n: formatNumber(v) })
  }
  const securityValue = (key: string, v: number | boolean) =>
    typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : t(`policy.unit.${SECURITY_UNITS[key] ?? 'plain'}`, { n: v })
  const sectionLabel = (section: string, key: string) => (i18n.exists(`policy.${section}.${key}`) ? t(`policy.${section}.${key}`) : key)
  const sectionValue = (key: string, v: number) => t(`policy.unit.${SECTION_UNITS[key] ?? 'plain'}`, { n: formatNumber(v) })
  // A pending change names its field with its section: constraints.P6_excellentShareMax, security.lockoutMinutes.
  const changeLabel = (key: string) => {
    if (key.startsWith('annual.sanctionEffects.')) return t('policy.annual.sanctionChange', { name: key.slice('annual.sanctionEffects.'.length) })
    if (key === 'annual.uniformBallotsInvalid') return t('policy.annual.uniform')
    const [section, field] = key.includes('.') ? (key.split('.', 2) as [string, string]) : ['constraints', key]
    if (section === 'results' || section === 'appeals') return sectionLabel(section, field)
    return section === 'security' ? securityLabel(field) : constraintLabel(field)
  }
  const changeValue = (key: string, v: number | boolean | string | null) => {
    const [section, field] = key.includes('.') ? (key.split('.', 2) as [string, string]) : ['constraints', key]
    if (v === null) return t('common.none')
    if (typeof v === 'string') return i18n.exists(`policy.annual.effect.${v}`) ? t(`policy.annual.effect.${v}`) : v
    if (section === 'annual') return typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : String(v)
    if ((section === 'results' || section === 'appeals') && typeof v === 'number') return sectionValue(field, v)
    return section === 'security' ? securityValue(field, v) : constraintValue(field, v)
  }
  const statusLabel = (s: string) => (i18n.exists(`policy.status.${s}`) ? t(`policy.status.${s}`) : s)

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={t('policy.title')}
        lead={t('policy.lead')}
        actions={<YearSelect value={year} onChange={setYear} testid="policy-year" label={t('policy.year')} />}
      />
      {policy === null ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <>
          {policy.pending && (
            <Card withBorder radius="md" padding="lg" className="card-attention" data-testid="policy-pending">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <IconClockHour4 size={20} color="var(--mantine-color-orange-7)" />
                      <Title order={4}>{t('policy.pendingTitle')}</Title>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('policy.pendingMeta', {
                        version: formatPolicyVersion(policy.pending.version, lang),
                        by: policy.pending.proposedBy,
                        at: formatDateTime(policy.pending.proposedAt, lang),
                      })}
                    </Text>
                  </Stack>
                  {canApprove && (
                    <Group gap="xs">
                      <Button
                        color="green"
                        leftSection={<IconCheck size={16} />}
                        onClick={() => setDeciding('approve')}
                        data-testid="policy-approve"
                      >
                        {t('policy.approve')}
                      </Button>
                      <Button
                        variant="default"
                        color="red"
                        leftSection={<IconX size={16} />}
                        onClick={() => setDeciding('refuse')}
                        data-testid="policy-refuse"
                      >
                        {t('policy.refuse')}
                      </Button>
                    </Group>
                  )}
                </Group>
                {policy.pending.changes.length === 0 ? (
                  <Text size="sm">{t('policy.noChanges')}</Text>
                ) : (
                  <Table verticalSpacing={6} data-testid="policy-changes">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('policy.colItem')}</Table.Th>
                        <Table.Th w={160}>{t('policy.colFrom')}</Table.Th>
                        <Table.Th w={40} />
                        <Table.Th w={160}>{t('policy.colTo')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {policy.pending.changes.map((c) => (
                        <Table.Tr key={c.key} data-testid={`policy-change-${c.key}`}>
                          <Table.Td>{changeLabel(c.key)}</Table.Td>
                          <Table.Td c="dimmed" td="line-through">
                            {changeValue(c.key, c.from)}
                          </Table.Td>
                          <Table.Td>
                            <IconArrowRight size={14} />
                          </Table.Td>
                          <Table.Td fw={600}>{changeValue(c.key, c.to)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                {!canApprove && (
                  <Text size="sm" c="dimmed">
                    {t('policy.pendingWaiting')}
                  </Text>
                )}
              </Stack>
            </Card>
          )}

          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Title order={4}>{t('policy.inForce', { year: policy.year })}</Title>
                  <Text size="sm" c="dimmed" data-testid="policy-source">
                    {t('policy.versionLine', { version: formatPolicyVersion(policy.version, lang), source: t(`policy.source.${policy.source}`) })}
                    {policy.approvedBy &&
                      ` · ${t('policy.approvedLine', {
                        by: policy.approvedBy,
                        at: policy.approvedAt ? formatDateTime(policy.approvedAt, lang) : '',
                      })}`}
                  </Text>
                </Stack>
                <Badge variant="light" color={policy.source === 'default' ? 'gray' : 'teal'}>
                  {t(`policy.source.${policy.source}`)}
                </Badge>
              </Group>
              <Table verticalSpacing={8} striped data-testid="policy-constraints">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('policy.colId')}</Table.Th>
                    <Table.Th>{t('policy.colConstraint')}</Table.Th>
                    <Table.Th w={180} ta="right">
                      {t('policy.colValue')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {Object.entries(policy.constraints).map(([key, value]) => (
                    <Table.Tr key={key} data-testid={`policy-constraint-${key}`}>
                      <Table.Td>
                        <Badge variant="outline" radius="sm" w={46}>
                          {constraintId(key)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{constraintLabel(key)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {constraintValue(key, value)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Card>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Card withBorder radius="md" padding="lg">
              <Stack gap="sm">
                <Title order={4}>{t('policy.securityTitle')}</Title>
                <Table verticalSpacing={6} data-testid="policy-security">
                  <Table.Tbody>
                    {Object.entries(policy.security).map(([key, value]) => (
                      <Table.Tr key={key}>
                        <Table.Td>{securityLabel(key)}</Table.Td>
                        <Table.Td ta="right" fw={500}>
                          {securityValue(key, value)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Stack gap="sm">
                <Title order={4}>{t('policy.annual.title')}</Title>
                <Text size="sm" c="dimmed">
                  {t('policy.annual.lead')}
                </Text>
                <Table verticalSpacing={6} data-testid="policy-sanctions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('policy.annual.colName')}</Table.Th>
                      <Table.Th>{t('policy.annual.colEffect')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {policy.annual.sanctions.map((x) => (
                      <Table.Tr key={x.name}>
                        <Table.Td>{x.name}</Table.Td>
                        <Table.Td>{t(`policy.annual.effect.${x.effect}`)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Text size="sm">
                  {t('policy.annual.uniform')}：{policy.annual.uniformBallotsInvalid ? t('policy.annual.uniformInvalid') : t('policy.annual.uniformCounted')}
                </Text>
              </Stack>
            </Card>
            {(['results', 'appeals'] as const).map((section) => (
              <Card key={section} withBorder radius="md" padding="lg">
                <Stack gap="sm">
                  <Title order={4}>{t(`policy.${section}Title`)}</Title>
                  <Text size="sm" c="dimmed">
                    {t(`policy.${section}Lead`)}
                  </Text>
                  <Table verticalSpacing={6} data-testid={`policy-${section}`}>
                    <Table.Tbody>
                      {Object.entries(policy[section]).map(([key, value]) => (
                        <Table.Tr key={key}>
                          <Table.Td>{sectionLabel(section, key)}</Table.Td>
                          <Table.Td ta="right" fw={500}>
                            {sectionValue(key, value)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              </Card>
            ))}
            <Stack gap="lg">
              {canPropose && <PolicyImport year={year} onImported={reload} />}
              <Card withBorder radius="md" padding="lg">
                <Stack gap="sm">
                  <Title order={4}>{t('policy.historyTitle')}</Title>
                  {policy.history.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('policy.historyEmpty')}
                    </Text>
                  ) : (
                    <Table verticalSpacing={6} data-testid="policy-history">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('policy.colVersion')}</Table.Th>
                          <Table.Th>{t('policy.colStatus')}</Table.Th>
                          <Table.Th>{t('policy.colDecided')}</Table.Th>
                          <Table.Th>{t('policy.colReason')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {policy.history.map((h) => (
                          <Table.Tr key={h.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {formatPolicyVersion(h.version, lang)}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {i18n.exists(`policy.source.${h.source}`) ? t(`policy.source.${h.source}`) : h.source}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Badge variant="light" color={h.status === 'refused' ? 'red' : h.status === 'pending' ? 'orange' : h.status === 'superseded' ? 'gray' : 'green'}>
                                {statusLabel(h.status)}
                              </Badge>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{h.decidedBy ?? t('common.none')}</Text>
                              <Text size="xs" c="dimmed">
                                {h.decidedAt ? formatDateTime(h.decidedAt, lang) : ''}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{h.reason ?? t('common.none')}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Stack>
              </Card>
            </Stack>
          </SimpleGrid>
        </>
      )}
      <DecisionModal
        mode={deciding}
        pendingId={policy?.pending?.id ?? null}
        onClose={() => setDeciding(null)}
        onDone={(view, approved) => {
          setDeciding(null)
          setPolicy(view)
          notifySuccess(t(approved ? 'policy.approved' : 'policy.refused'))
        }}
      />
    </Stack>
  )
}

function PolicyImport({ year, onImported }: { year: number; onImported: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!file) return
    setBusy(true)
    try {
      const content = await readFileAsBase64(file)
      const r = await run('policy.import', { year, file: content })
      if (r.ok) {
        notifySuccess(t('policy.importDone'))
        setFile(null)
        onImported()
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <FileImportCard
      title={t('policy.importTitle')}
      text={t('policy.importText', { year })}
      fileLabel={t('policy.importFile')}
      accept=".json"
      file={file}
      onFile={setFile}
      busy={busy}
      onSubmit={() => void submit()}
      submitLabel={t('policy.importSubmit')}
      testId="policy-import"
    />
  )
}

function DecisionModal({
  mode,
  pendingId,
  onClose,
  onDone,
}: {
  mode: 'approve' | 'refuse' | null
  pendingId: number | null
  onClose: () => void
  onDone: (view: PolicyView, approved: boolean) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const needsReason = mode === 'refuse'
  // The reason's limits are the contract's (policy.decide); that a refusal needs one is this form's.
  const checkReason = zodValidate<{ reason: string }>(REASON, lang, (v) => v.reason.trim() || undefined, { '': 'reason' })
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: (values) => {
      const errors = checkReason(values)
      if (!errors.reason && needsReason && values.reason.trim().length < 2) errors.reason = t('policy.reasonRequired')
      return errors
    },
  })

  const { reset } = form
  useEffect(() => {
    reset()
    setError(null)
  }, [mode, reset])

  const submit = async ({ reason }: { reason: string }) => {
    if (pendingId === null || mode === null) return
    setBusy(true)
    setError(null)
    const approve = mode === 'approve'
    const r = await run(
      'policy.decide',
      { id: pendingId, approve, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { notify: false },
    )
    setBusy(false)
    if (r.ok) onDone(r.value, approve)
    else setError(describe(r.error))
  }

  return (
    <Modal
      opened={mode !== null}
      onClose={onClose}
      title={mode === 'approve' ? t('policy.approveTitle') : t('policy.refuseTitle')}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{mode === 'approve' ? t('policy.approveText') : t('policy.refuseText')}</Text>
        <Textarea
          label={t('policy.reason')}
          description={needsReason ? t('policy.reasonRequired') : t('policy.reasonOptional')}
          {...form.getInputProps('reason')}
          withAsterisk={needsReason}
          rows={3}
          maxLength={REASON_MAX}
          data-testid="policy-reason"
        />
        {error && (
          <Alert color="red" role="alert" data-testid="policy-decide-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={mode === 'approve' ? 'green' : 'red'}
            loading={busy}
            onClick={() => form.onSubmit((values) => void submit(values))()}
            data-testid="policy-decide-submit"
          >
            {mode === 'approve' ? t('policy.approve') : t('policy.refuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
