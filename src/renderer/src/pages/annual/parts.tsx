import { Badge, Drawer, Group, Loader, Stack, Stepper, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ANNUAL_STAGES, ANNUAL_STAGE_LABELS, PENDING, TIE, UNGRADED, type AnnualPersonView, type AnnualStage, type ProposedGrade } from '@shared/annual'
import { useApiData } from '../../useApiData'
import { useLang } from '../../i18n'

/** Where a grade's words live in the i18n `annual.grade` namespace (the domain keeps the Chinese word). */
const GRADE_KEYS: Record<ProposedGrade, string> = {
  优秀: 'excellent',
  称职: 'competent',
  基本称职: 'basic',
  不称职: 'incompetent',
  [UNGRADED]: 'ungraded',
  [TIE]: 'tie',
  [PENDING]: 'pending',
}

const GRADE_COLORS: Record<ProposedGrade, string> = {
  优秀: 'teal',
  称职: 'blue',
  基本称职: 'yellow',
  不称职: 'red',
  [UNGRADED]: 'gray',
  [TIE]: 'orange',
  [PENDING]: 'gray',
}

export function useGradeLabel(): (grade: ProposedGrade) => string {
  const { t } = useTranslation()
  return (grade) => t(`annual.grade.${GRADE_KEYS[grade]}`)
}

export function GradeBadge({ grade, testid, size }: { grade: ProposedGrade | null; testid?: string; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const label = useGradeLabel()
  if (grade === null) return <Text c="dimmed">—</Text>
  return (
    <Badge color={GRADE_COLORS[grade]} variant={grade === TIE ? 'filled' : 'light'} size={size} data-testid={testid}>
      {label(grade)}
    </Badge>
  )
}

/** A channel score, or 不适用 when the channel is N/A for the person. */
export function ScoreCell({ score, testid }: { score: number | null; testid?: string }) {
  const { t } = useTranslation()
  return score === null ? (
    <Text size="sm" c="dimmed" data-testid={testid}>
      {t('annual.na')}
    </Text>
  ) : (
    <Text size="sm" ff="monospace" data-testid={testid}>
      {score.toFixed(2)}
    </Text>
  )
}

/** The vetoes of a person, each with its reasons in a tooltip. */
export function VetoBadges({ person }: { person: AnnualPersonView }) {
  const lang = useLang()
  if (person.vetoes.length === 0) return <Text c="dimmed">—</Text>
  return (
    <Group gap={4} wrap="nowrap">
      {person.vetoes.map((v) => {
        const why = person.reasons.filter((r) => r.veto === v).map((r) => (lang === 'zh' ? r.zh : r.en))
        return (
          <Tooltip key={v} label={why.join(lang === 'zh' ? '；' : '; ') || v} multiline maw={360} withArrow>
            <Badge color="red" variant="outline" style={{ cursor: 'help' }} data-testid={`annual-veto-${person.staffNo}-${v}`}>
              {v}
            </Badge>
          </Tooltip>
        )
      })}
    </Group>
  )
}

/** The round's stages: 汇总评分 → 拟定 → 确认 → 公示 → 确定. */
export function StageStepper({ stage }: { stage: AnnualStage }) {
  const { t } = useTranslation()
  const lang = useLang()
  const at = ANNUAL_STAGES.indexOf(stage)
  // 'final' is the last step done: every step shows completed.
  const active = stage === 'final' ? ANNUAL_STAGES.length : at
  return (
    <Stepper active={active} size="sm" data-testid="annual-stepper" data-stage={stage}>
      {ANNUAL_STAGES.map((s, i) => (
        <Stepper.Step key={s} label={t(`annual.step.${s}`)} description={i === at && ANNUAL_STAGE_LABELS[s][lang] !== t(`annual.step.${s}`) ? ANNUAL_STAGE_LABELS[s][lang] : undefined} />
      ))}
    </Stepper>
  )
}

/** The lines of a 计算明细, in the UI language. */
export function ExplanationLines({ lines }: { lines: readonly { zh: string; en: string }[] }) {
  const lang = useLang()
  return (
    <Stack gap={6} data-testid="annual-explain-lines">
      {lines.map((l, i) => (
        <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {lang === 'zh' ? l.zh : l.en}
        </Text>
      ))}
    </Stack>
  )
}

/** 计算明细 of one person (annual.explain), in a drawer. */
export function ExplainDrawer({ year, person, onClose }: { year: number; person: { personId: number; name: string; staffNo: string } | null; onClose: () => void }) {
  const { t } = useTranslation()
  const explain = useApiData('annual.explain', person ? { year, personId: person.personId } : null, [])
  return (
    <Drawer
      opened={person !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={person ? t('annual.explainTitle', { name: person.name, staffNo: person.staffNo }) : ''}
      data-testid="annual-explain"
    >
      {explain.data ? (
        <ExplanationLines lines={explain.data.lines} />
      ) : explain.error ? (
        <Text c="red">{t('annual.loadFailed')}</Text>
      ) : (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      )}
    </Drawer>
  )
}
