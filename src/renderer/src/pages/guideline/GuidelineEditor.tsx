import { memo, useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react'
import {
  Alert,
  Badge,
  Card,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Lang } from '@shared/errors'
import {
  CHANNELS,
  DIMENSIONS,
  POST_CATEGORIES,
  SURVEY_LEVEL_LABELS,
  type AnnualGuideline,
  type Dimension,
  type Indicator,
  type PostCategory,
  type SurveyLevelPoints,
} from '@shared/guideline/model'
import type { Violation } from '@shared/guideline/violation'
import { boundValue, fieldFormat, policyBoundOf, WEIGHT_SUM, type PolicyConstraintValues } from '@shared/guideline/constraints'
import { DateField } from '../../components/DateField'
import { formatNumber } from '../../format'
import { useLang } from '../../i18n'
import { categoryLabel } from '../org/labels'
import { countUnder, getAt, removeAt, setAt, sumHundredths, violationsByPath } from './paths'

type OnField = (path: string, value: unknown) => void

export type EditorTab = PostCategory | 'common'

/** The tab that shows the input at `path`. */
export function tabOfPath(path: string): EditorTab {
  const m = /^categories\.(general|enforcement|technical)\b/.exec(path)
  return (m?.[1] as PostCategory | undefined) ?? 'common'
}

export interface GuidelineEditorProps {
  value: AnnualGuideline
  setValue: Dispatch<SetStateAction<AnnualGuideline>>
  violations: Violation[]
  readOnly: boolean
  /**
   * The numbers of the policy in force (from `policy.get`), for bound hints and the target of every
   * weight sum (P10). Which number binds which input, and each input's range, decimals and unit,
   * are the shared constraint table's (shared/guideline/constraints.ts), as main's validation reads it.
   */
  constraints: PolicyConstraintValues | null
}

/**
 * The guideline editor (《年度绩效考核指引》): one tab per post category with the five dimensions and
 * their indicators, and one tab for channels, grades, quota, publicity and appeal. Every violation
 * the server reports is listed and marked on its input (`data-path`).
 */
export function GuidelineEditor({ value, setValue, violations, readOnly, constraints }: GuidelineEditorProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const [tab, setTab] = useState<EditorTab>('general')
  const byPath = useMemo(() => violationsByPath(violations), [violations])
  const errorAt = useCallback(
    (path: string) => {
      const list = byPath.get(path)
      return list ? list.map((v) => (lang === 'zh' ? v.zh : v.en)).join('；') : undefined
    },
    [byPath, lang],
  )
  const onField: OnField = useCallback((path, v) => setValue((g) => setAt(g, path, v)), [setValue])
  // P6: an approval that states a rate replaces the policy's bound (the table says where it sits).
  const approvedRate = typeof value.quota.approval?.rate === 'number' ? value.quota.approval.rate : undefined
  const ctx: FieldCtx = { onField, readOnly, errorAt, constraints, approvedRate, lang }

  const locate = (path: string) => {
    setTab(tabOfPath(path))
    window.setTimeout(() => {
      const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      if (el instanceof HTMLInputElement) el.focus({ preventScroll: true })
    }, 50)
  }

  const tabCount = (tabKey: EditorTab) =>
    tabKey === 'common'
      ? violations.filter((v) => tabOfPath(v.path) === 'common').length
      : countUnder(violations, `categories.${tabKey}`)

  return (
    <Stack gap="md">
      <ViolationList violations={violations} lang={lang} onLocate={locate} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as EditorTab)} variant="outline">
        <Tabs.List>
          {[...POST_CATEGORIES, 'common' as const].map((key) => {
            const n = tabCount(key)
            return (
              <Tabs.Tab
                key={key}
                value={key}
                data-testid={`guideline-tab-${key}`}
                rightSection={
                  n > 0 ? (
                    <Badge size="xs" color="red" circle>
                      {n}
                    </Badge>
                  ) : undefined
                }
              >
                {key === 'common' ? t('guideline.tabCommon') : categoryLabel(key, lang)}
              </Tabs.Tab>
            )
          })}
        </Tabs.List>
        {POST_CATEGORIES.map((cat) => (
          <Tabs.Panel key={cat} value={cat} pt="md">
            <CategoryPanel category={cat} value={value} ctx={ctx} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="common" pt="md">
          <CommonPanel value={value} setValue={setValue} ctx={ctx} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

interface FieldCtx {
  onField: OnField
  readOnly: boolean
  errorAt: (path: string) => string | undefined
  constraints: PolicyConstraintValues | null
  approvedRate: number | undefined
  lang: Lang
}

function ViolationList({
  violations,
  lang,
  onLocate,
}: {
  violations: Violation[]
  lang: Lang
  onLocate: (path: string) => void
}) {
  const { t } = useTranslation()
  if (violations.length === 0) {
    return (
      <Alert color="green" icon={<IconCircleCheck />} data-testid="guideline-violations" data-count={0}>
        {t('guideline.noViolations')}
      </Alert>
    )
  }
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle />}
      title={t('guideline.violationsTitle', { count: violations.length })}
      data-testid="guideline-violations"
      data-count={violations.length}
    >
      <List spacing={4} size="sm" listStyleType="none">
        {violations.map((v, i) => (
          <List.Item key={`${v.id}-${v.path}-${i}`} data-testid={`guideline-violation-${v.id}`} data-path={v.path}>
            <UnstyledButton onClick={() => onLocate(v.path)} className="violation-item">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="sm" color={v.id === 'SCHEMA' ? 'orange' : 'red'} variant="filled" miw={58}>
                  {v.id}
                </Badge>
                <Text size="sm">{lang === 'zh' ? v.zh : v.en}</Text>
              </Group>
            </UnstyledButton>
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}

/** A number input bound to a path; memoised so one edit re-renders one input. */
const NumField = memo(function NumField({
  path,
  label,
  value,
  error,
  onField,
  readOnly,
  description,
  w,
  size = 'sm',
}: {
  path: string
  label?: string
  value: unknown
  error: string | undefined
  onField: OnField
  readOnly: boolean
  description?: string
  w?: number | string
  size?: 'xs' | 'sm'
}) {
  // Range, decimals and unit from the shared table: the same limits main parses the guideline with.
  const format = fieldFormat(path)
  return (
    <NumberInput
      label={label}
      description={description}
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      onChange={(v) => onField(path, v)}
      decimalScale={format.decimals}
      allowDecimal={format.decimals > 0}
      allowNegative={false}
      min={format.min}
      max={format.max}
      clampBehavior="strict"
      suffix={format.unit?.zh === '%' ? '%' : undefined}
      error={error}
      readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'}
      hideControls
      w={w}
      size={size}
      // The bound hint goes under the input, so inputs of one row stay aligned.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      aria-label={label ? undefined : path}
      data-path={path}
    />
  )
})

/** A field of the guideline: the bound hint names the policy number (or approval) the table binds it by. */
function Num({
  path,
  label,
  value,
  ctx,
  w,
  size,
}: {
  path: string
  label?: string
  value: unknown
  ctx: FieldCtx
  w?: number | string
  size?: 'xs' | 'sm'
}) {
  const { t } = useTranslation()
  const bound = policyBoundOf(path)
  const found = bound ? boundValue(bound, ctx.constraints, ctx.approvedRate) : undefined
  const unit = fieldFormat(path).unit?.[ctx.lang]
  const description =
    bound && found
      ? t(`guideline.bound.${found.from === 'approval' ? 'maxApproved' : bound.op === '>=' ? 'min' : bound.op === '<=' ? 'max' : 'eq'}`, {
          n: `${formatNumber(found.value)}${unit ? `${unit === '%' ? '' : ' '}${unit}` : ''}`,
          id: bound.id,
        })
      : undefined
  return (
    <NumField
      path={path}
      label={label}
      value={value}
      error={ctx.errorAt(path)}
      onField={ctx.onField}
      readOnly={ctx.readOnly}
      description={description}
      w={w}
      size={size}
    />
  )
}

/** 合计 100 ✓ / 合计 95 ✗ for one weight set. */
function WeightSum({ path, values, ctx }: { path: string; values: unknown[]; ctx: FieldCtx }) {
  const { t } = useTranslation()
  const total = sumHundredths(values)
  const target = ctx.constraints?.[WEIGHT_SUM.key]
  const ok = target !== undefined ? total === Math.round(target * 100) : ctx.errorAt(path) === undefined
  const error = ctx.errorAt(path)
  return (
    <Stack gap={2} align="flex-end">
      <Text
        size="sm"
        fw={600}
        c={ok ? 'green.8' : 'red.8'}
        data-path={path}
        data-testid={`sum-${path}`}
        data-ok={ok}
      >
        {t(ok ? 'guideline.sumOk' : 'guideline.sumBad', { total: formatNumber(total / 100) })}
      </Text>
      {error && !ok && (
        <Text size="xs" c="red.8" maw={420} ta="right">
          {error}
        </Text>
      )}
    </Stack>
  )
}

function CategoryPanel({ category, value, ctx }: { category: PostCategory; value: AnnualGuideline; ctx: FieldCtx }) {
  const { t } = useTranslation()
  const dims = value.categories[category].dimensions
  const base = `categories.${category}.dimensions`
  return (
    <Stack gap="md" data-testid={`guideline-panel-${category}`}>
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-start" mb="xs">
          <Stack gap={0}>
            <Title order={5}>{t('guideline.dimensionWeights')}</Title>
            <Text size="xs" c="dimmed">
              {t('guideline.dimensionWeightsHint')}
            </Text>
          </Stack>
          <WeightSum path={base} values={DIMENSIONS.map((d) => dims[d].weight)} ctx={ctx} />
        </Group>
        <SimpleGrid cols={5} spacing="sm">
          {DIMENSIONS.map((d) => (
            <Num key={d} path={`${base}.${d}.weight`} label={t(`guideline.dim.${d}`)} value={dims[d].weight} ctx={ctx} />
          ))}
        </SimpleGrid>
      </Card>
      {DIMENSIONS.map((d) => (
        <DimensionCard key={d} dimension={d} path={`${base}.${d}`} indicators={dims[d].indicators} weight={dims[d].weight} ctx={ctx} />
      ))}
    </Stack>
  )
}

const SOURCE_COLOR: Record<Indicator['source'], string> = { rated: 'navy', metric: 'teal', survey: 'grape', review: 'red' }

function DimensionCard({
  dimension,
  path,
  indicators,
  weight,
  ctx,
}: {
  dimension: Dimension
  path: string
  indicators: Indicator[]
  weight: unknown
  ctx: FieldCtx
}) {
  const { t } = useTranslation()
  return (
    <Card withBorder radius="md" padding="md" data-testid={`guideline-dimension-${path}`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Group gap="xs">
          <Title order={5}>{t(`guideline.dim.${dimension}`)}</Title>
          <Text size="sm" c="dimmed">
            {t(`guideline.dimDesc.${dimension}`)}
          </Text>
          <Badge variant="light" color="gray">
            {t('guideline.weightBadge', { n: typeof weight === 'number' ? formatNumber(weight) : '—' })}
          </Badge>
        </Group>
        <WeightSum path={`${path}.indicators`} values={indicators.map((i) => i.weight)} ctx={ctx} />
      </Group>
      <Table verticalSpacing={6} horizontalSpacing="xs" className="gl-indicators">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="18%">{t('guideline.colIndicator')}</Table.Th>
            <Table.Th w={110}>{t('guideline.colSource')}</Table.Th>
            <Table.Th w={110}>{t('guideline.colWeight')}</Table.Th>
            <Table.Th>{t('guideline.colEvidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((ind, i) => (
            <IndicatorRows key={`${ind.id}-${i}`} indicator={ind} path={`${path}.indicators.${i}`} ctx={ctx} />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}

function IndicatorRows({ indicator: ind, path, ctx }: { indicator: Indicator; path: string; ctx: FieldCtx }) {
  const { t } = useTranslation()
  const params = <IndicatorParams indicator={ind} path={path} ctx={ctx} />
  return (
    <>
      <Table.Tr data-testid={`indicator-${path}`}>
        <Table.Td>
          <TextField path={`${path}.name`} value={ind.name} ctx={ctx} ariaLabel={t('guideline.colIndicator')} />
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={SOURCE_COLOR[ind.source]} radius="sm" size="md" className="source-badge" mt={6}>
            {t(`guideline.source.${ind.source}`)}
          </Badge>
          {ind.source === 'metric' && (
            <Text size="xs" c="dimmed" mt={2}>
              {t('guideline.ruleLine', { rule: t(`guideline.rule.${ind.rule.name}`) })}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Num path={`${path}.weight`} value={ind.weight} ctx={ctx} />
        </Table.Td>
        <Table.Td>
          <TextField path={`${path}.evidence`} value={ind.evidence} ctx={ctx} ariaLabel={t('guideline.colEvidence')} />
        </Table.Td>
      </Table.Tr>
      {hasParams(ind) && (
        <Table.Tr className="gl-params-row">
          <Table.Td />
          <Table.Td colSpan={3}>{params}</Table.Td>
        </Table.Tr>
      )}
    </>
  )
}

function hasParams(ind: Indicator): boolean {
  if (ind.source === 'metric') return ind.rule.name === 'attendance' || ind.rule.name === 'task_completion'
  return ind.source === 'survey' || ind.source === 'review'
}

function IndicatorParams({ indicator: ind, path, ctx }: { indicator: Indicator; path: string; ctx: FieldCtx }) {
  const { t } = useTranslation()
  const small = { ctx, size: 'xs' as const, w: 120 }
  if (ind.source === 'metric' && ind.rule.name === 'attendance') {
    return (
      <Group gap="md" align="flex-end">
        <Num path={`${path}.rule.pointsPerLateOrEarly`} label={t('guideline.param.pointsPerLateOrEarly')} value={ind.rule.pointsPerLateOrEarly} {...small} />
        <Num path={`${path}.rule.pointsPerAbsentDay`} label={t('guideline.param.pointsPerAbsentDay')} value={ind.rule.pointsPerAbsentDay} {...small} />
      </Group>
    )
  }
  if (ind.source === 'metric' && ind.rule.name === 'task_completion') {
    return (
      <Group gap="md" align="flex-end">
        <Num
          path={`${path}.rule.lateCompletionCreditPercent`}
          label={t('guideline.param.lateCompletionCreditPercent')}
          value={ind.rule.lateCompletionCreditPercent}
         
          {...small}
        />
      </Group>
    )
  }
  if (ind.source === 'survey') {
    return (
      <Group gap="md" align="flex-end">
        <Num path={`${path}.minResponses`} label={t('guideline.param.minResponses')} value={ind.minResponses} {...small} />
        {(Object.keys(SURVEY_LEVEL_LABELS) as (keyof SurveyLevelPoints)[]).map((k) => (
          <Num
            key={k}
            path={`${path}.levelPoints.${k}`}
            label={SURVEY_LEVEL_LABELS[k][ctx.lang]}
            value={ind.levelPoints[k]}
            {...small}
            w={90}
          />
        ))}
      </Group>
    )
  }
  if (ind.source === 'review') {
    return (
      <Group gap="md" align="flex-end">
        <Num path={`${path}.pointsPerMinorFinding`} label={t('guideline.param.pointsPerMinorFinding')} value={ind.pointsPerMinorFinding} {...small} />
      </Group>
    )
  }
  return null
}

/** A text input bound to a path (indicator name, evidence). */
function TextField({ path, value, ctx, ariaLabel }: { path: string; value: string; ctx: FieldCtx; ariaLabel: string }) {
  return (
    <TextFieldInput path={path} value={value} onField={ctx.onField} readOnly={ctx.readOnly} error={ctx.errorAt(path)} ariaLabel={ariaLabel} />
  )
}

const TextFieldInput = memo(function TextFieldInput({
  path,
  value,
  onField,
  readOnly,
  error,
  ariaLabel,
}: {
  path: string
  value: string
  onField: OnField
  readOnly: boolean
  error: string | undefined
  ariaLabel: string
}) {
  return (
    <TextInput
      value={value}
      onChange={(e) => onField(path, e.currentTarget.value)}
      readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'}
      error={error}
      size="sm"
      aria-label={ariaLabel}
      data-path={path}
    />
  )
})

function CommonPanel({
  value: g,
  setValue,
  ctx,
}: {
  value: AnnualGuideline
  setValue: Dispatch<SetStateAction<AnnualGuideline>>
  ctx: FieldCtx
}) {
  const { t } = useTranslation()
  const approval = g.quota.approval
  const approvalMode: 'rate' | 'count' = approval?.count !== undefined ? 'count' : 'rate'
  const setApproval = (on: boolean) =>
    setValue((v) => (on ? setAt(v, 'quota.approval', { documentNumber: '', rate: v.quota.excellentRate }) : removeAt(v, 'quota.approval')))
  const setApprovalMode = (mode: 'rate' | 'count') =>
    setValue((v) => {
      const a = (getAt(v, 'quota.approval') ?? {}) as Record<string, unknown>
      const { rate: _r, count: _c, ...rest } = a
      return setAt(v, 'quota.approval', mode === 'rate' ? { ...rest, rate: '' } : { ...rest, count: '' })
    })
  const ch = g.channels

  return (
    <Stack gap="md" data-testid="guideline-panel-common">
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-start" mb="xs">
          <Stack gap={0}>
            <Title order={5}>{t('guideline.channelsTitle')}</Title>
            <Text size="xs" c="dimmed">
              {t('guideline.channelsHint')}
            </Text>
          </Stack>
          <WeightSum path="channels" values={CHANNELS.map((c) => ch[c].weight)} ctx={ctx} />
        </Group>
        <SimpleGrid cols={3} spacing="sm">
          {CHANNELS.map((c) => (
            <Num key={c} path={`channels.${c}.weight`} label={t(`guideline.channel.${c}`)} value={ch[c].weight} ctx={ctx} />
          ))}
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder radius="md" padding="md">
          <Title order={5} mb="xs">
            {t('guideline.democraticTitle')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <Num path="channels.democratic.minBallots" label={t('guideline.field.minBallots')} value={ch.democratic.minBallots} ctx={ctx} />
            <Num
              path="channels.democratic.recipientVoterShare"
              label={t('guideline.field.recipientVoterShare')}
              value={ch.democratic.recipientVoterShare}
             
              ctx={ctx}
            />
          </SimpleGrid>
          <Text size="sm" fw={500} mt="sm" mb={4}>
            {t('guideline.field.ballotPoints')}
          </Text>
          <SimpleGrid cols={4} spacing="sm">
            {(['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const).map((k) => (
              <Num key={k} path={`channels.democratic.ballotPoints.${k}`} label={t(`guideline.grade.${k}`)} value={ch.democratic.ballotPoints[k]} ctx={ctx} />
            ))}
          </SimpleGrid>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Title order={5} mb="xs">
            {t('guideline.quarterlyTitle')}
          </Title>
          <Num path="channels.quarterly.peerWeight" label={t('guideline.field.peerWeight')} value={ch.quarterly.peerWeight} ctx={ctx} w={200} />
          <Text size="sm" fw={500} mt="sm" mb={4}>
            {t('guideline.field.quarterlyCutoffs')}
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            {(['goodMin', 'fairlyGoodMin', 'fairMin'] as const).map((k) => (
              <Num key={k} path={`channels.quarterly.gradeCutoffs.${k}`} label={t(`guideline.quarterlyGrade.${k}`)} value={ch.quarterly.gradeCutoffs[k]} ctx={ctx} />
            ))}
          </SimpleGrid>
          <Text size="sm" fw={500} mt="sm" mb={4}>
            {t('guideline.field.nineBox')}
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            {(['middleMin', 'highMin'] as const).map((k) => (
              <Num key={k} path={`channels.quarterly.nineBoxCutoffs.${k}`} label={t(`guideline.nineBox.${k}`)} value={ch.quarterly.nineBoxCutoffs[k]} ctx={ctx} />
            ))}
          </SimpleGrid>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Title order={5} mb="xs">
            {t('guideline.gradesTitle')}
          </Title>
          <SimpleGrid cols={3} spacing="sm">
            {(['excellentMin', 'competentMin', 'basicallyCompetentMin'] as const).map((k) => (
              <Num key={k} path={`grades.${k}`} label={t(`guideline.gradeMin.${k}`)} value={g.grades[k]} ctx={ctx} />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('guideline.gradesHint')}
          </Text>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Title order={5} mb="xs">
            {t('guideline.quotaTitle')}
          </Title>
          <Group align="flex-end" gap="md">
            <Num path="quota.excellentRate" label={t('guideline.field.excellentRate')} value={g.quota.excellentRate} ctx={ctx} w={200} />
            <Switch
              label={t('guideline.field.approval')}
              checked={approval !== undefined}
              onChange={(e) => setApproval(e.currentTarget.checked)}
              disabled={ctx.readOnly}
              mb={8}
              data-testid="guideline-approval-switch"
            />
          </Group>
          {approval !== undefined && (
            <Stack gap="sm" mt="sm" className="gl-approval">
              <SimpleGrid cols={2} spacing="sm">
                <TextInput
                  label={t('guideline.field.documentNumber')}
                  value={approval.documentNumber}
                  onChange={(e) => ctx.onField('quota.approval.documentNumber', e.currentTarget.value)}
                  readOnly={ctx.readOnly}
                  error={ctx.errorAt('quota.approval.documentNumber')}
                  withAsterisk
                  data-path="quota.approval.documentNumber"
                />
                <TextInput
                  label={t('guideline.field.issuedBy')}
                  value={approval.issuedBy ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value
                    setValue((g2) => (v ? setAt(g2, 'quota.approval.issuedBy', v) : removeAt(g2, 'quota.approval.issuedBy')))
                  }}
                  readOnly={ctx.readOnly}
                  error={ctx.errorAt('quota.approval.issuedBy')}
                  data-path="quota.approval.issuedBy"
                />
                <DateField
                  label={t('guideline.field.issuedOn')}
                  value={approval.issuedOn ?? null}
                  onChange={(v) => setValue((g2) => (v ? setAt(g2, 'quota.approval.issuedOn', v) : removeAt(g2, 'quota.approval.issuedOn')))}
                  readOnly={ctx.readOnly}
                  clearable
                  error={ctx.errorAt('quota.approval.issuedOn')}
                />
              </SimpleGrid>
              <Group align="flex-end" gap="md">
                <SegmentedControl
                  value={approvalMode}
                  onChange={(m) => setApprovalMode(m as 'rate' | 'count')}
                  disabled={ctx.readOnly}
                  data={[
                    { value: 'rate', label: t('guideline.field.approvedRate') },
                    { value: 'count', label: t('guideline.field.approvedCount') },
                  ]}
                />
                {approvalMode === 'rate' ? (
                  <Num path="quota.approval.rate" value={approval.rate} ctx={ctx} w={140} />
                ) : (
                  <Num path="quota.approval.count" value={approval.count} ctx={ctx} w={140} />
                )}
              </Group>
            </Stack>
          )}
        </Card>
        <Card withBorder radius="md" padding="md">
          <Title order={5} mb="xs">
            {t('guideline.publicityTitle')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <Num
              path="publicity.guidelineWorkingDays"
              label={t('guideline.field.guidelineWorkingDays')}
              value={g.publicity.guidelineWorkingDays}
             
              ctx={ctx}
            />
            <Num
              path="publicity.resultsWorkingDays"
              label={t('guideline.field.resultsWorkingDays')}
              value={g.publicity.resultsWorkingDays}
             
              ctx={ctx}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Group gap="xs" mb="xs">
            <IconLock size={16} color="var(--mantine-color-gray-6)" />
            <Title order={5}>{t('guideline.appealTitle')}</Title>
          </Group>
          <SimpleGrid cols={2} spacing="sm">
            <Num
              path="appeal.windowWorkingDays"
              label={t('guideline.field.windowWorkingDays')}
              value={g.appeal.windowWorkingDays}
             
              ctx={{ ...ctx, readOnly: true }}
            />
            <Num
              path="appeal.answerCalendarDays"
              label={t('guideline.field.answerCalendarDays')}
              value={g.appeal.answerCalendarDays}
             
              ctx={{ ...ctx, readOnly: true }}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('guideline.appealHint')}
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  )
}
