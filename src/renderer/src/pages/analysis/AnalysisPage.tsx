import { useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core'
import { BarChart, RadarChart, ScatterChart } from '@mantine/charts'
import { IconAlertTriangle, IconDownload, IconRotate } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ANNUAL_STAGE_LABELS, type AnnualStage } from '@shared/annual'
import { ANALYSIS_GRADES, BIAS_SOURCE_LABELS, type AnalysisView, type RaterBiasRow, type TeamGroupRow } from '@shared/analysis'
import { DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'
import { notifySuccess, useApi } from '../../api'
import { downloadFile } from '../../files'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { useLang } from '../../i18n'
import { useGradeLabel } from '../annual/parts'

const GRADE_COLORS: Record<(typeof ANALYSIS_GRADES)[number], string> = {
  优秀: 'teal.6',
  称职: 'blue.5',
  基本称职: 'yellow.6',
  不称职: 'red.6',
  不定等次: 'gray.5',
}

const num = (x: number | null) => (x === null ? '—' : x.toFixed(2))

/** 团队分析: departments and posts, weak spots, rater bias and 轮流坐庄, for HR and the leadership group. */
export function AnalysisPage() {
  const { t } = useTranslation()
  // The analysis is of a graded year: by default the last one.
  const [year, setYear] = useState(() => new Date().getFullYear() - 1)
  const view = useApiData('analysis.team', { year }, [year], { notify: false })
  const { run } = useApi()
  const [exporting, setExporting] = useState(false)
  const doExport = async () => {
    setExporting(true)
    const r = await run('analysis.export', { year })
    setExporting(false)
    if (r.ok) {
      downloadFile(r.value)
      notifySuccess(t('analysis.exported', { file: r.value.fileName }))
    }
  }
  const v = view.data
  return (
    <Stack gap="md" maw={1240}>
      <PageHeader
        title={t('analysis.title')}
        lead={t('analysis.lead')}
        actions={
          <Group align="flex-end">
            <YearSelect value={year} onChange={setYear} testid="analysis-year" label={t('analysis.year')} />
            <Button leftSection={<IconDownload size={16} />} variant="light" onClick={() => void doExport()} loading={exporting} disabled={!v} data-testid="analysis-export">
              {t('analysis.export')}
            </Button>
          </Group>
        }
      />
      {v === null ? (
        view.error ? (
          <Alert color="yellow" data-testid="analysis-none">
            {view.error.code === 'ANALYSIS_NO_ROUND' ? t('analysis.noRound') : view.error.code}
          </Alert>
        ) : (
          <Group justify="center" py={48}>
            <Loader size="sm" />
          </Group>
        )
      ) : (
        <Analysis v={v} />
      )}
    </Stack>
  )
}

function Analysis({ v }: { v: AnalysisView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const gradeLabel = useGradeLabel()
  const short = v.posts.filter((p) => p.short)
  const deptData = v.departments.map((d) => ({ name: d.name, meanT: d.meanT ?? 0 }))
  const radarData = DIMENSIONS.map((d) => {
    const m = v.dimensions.find((x) => x.dimension === d)?.mean ?? null
    return { dimension: `${DIMENSION_LABELS[d][lang]} ${num(m)}`, mean: m ?? 0 }
  })
  // The radar starts a little below the lowest mean, so differences between dimensions show.
  const radarMin = Math.max(0, Math.floor(Math.min(...radarData.map((d) => d.mean)) / 10) * 10 - 10)
  const gradeData = v.departments.map((d) => ({ name: d.name, ...Object.fromEntries(ANALYSIS_GRADES.map((g) => [g, d.grades[g]])) }))
  const tMin = Math.floor(Math.min(...v.departments.map((d) => d.meanT ?? 100), v.unitMeanT ?? 100) - 5)
  return (
    <>
      <Group gap="lg" data-testid="analysis-summary">
        <Text size="sm">{t('analysis.stage', { stage: ANNUAL_STAGE_LABELS[v.stage as AnnualStage]?.[lang] ?? v.stage })}</Text>
        <Text size="sm" fw={600}>
          {t('analysis.unitMean', { mean: num(v.unitMeanT) })}
        </Text>
        <Text size="sm">{t('analysis.postSd', { sd: num(v.postSd) })}</Text>
      </Group>

      {v.rotation.map((a) => (
        <Alert key={a.department} color="orange" icon={<IconRotate size={18} />} title={t('analysis.rotationTitle')} data-testid="analysis-rotation">
          {t('analysis.rotationAlert', {
            department: a.department,
            sequence: a.sequence.map((s) => `${s.year} ${s.names.join('、')}`).join(' → '),
            holders: a.holders,
            members: a.members,
          })}
        </Alert>
      ))}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Alert color={short.length ? 'red' : 'gray'} icon={<IconAlertTriangle size={18} />} title={t('analysis.shortTitle')} data-testid="analysis-short">
          {short.length ? t('analysis.shortText', { posts: short.map((p) => `${p.name}（${num(p.meanT)}）`).join('、') }) : t('analysis.shortNone')}
        </Alert>
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('analysis.weakTitle')} data-testid="analysis-weak">
          <Stack gap={4}>
            <Text size="sm">{t('analysis.weakDims', { dims: v.weakDimensions.map((d) => DIMENSION_LABELS[d][lang]).join('、') || '—' })}</Text>
            <Text size="sm">
              {t('analysis.weakIndicators', { list: v.weakIndicators.map((i) => `${i.name} ${num(i.mean)}`).join('；') || '—' })}
            </Text>
          </Stack>
        </Alert>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="lg" data-testid="analysis-dept-chart">
          <Text fw={600} mb="sm">
            {t('analysis.meanTByDept')}
          </Text>
          <BarChart
            h={280}
            data={deptData}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'meanT', label: t('analysis.meanT'), color: 'navy.6' }]}
            xAxisProps={{ domain: [Math.max(0, tMin), 100] }}
            yAxisProps={{ width: 110, interval: 0 }}
            getBarColor={(x) => (v.unitMeanT !== null && x < v.unitMeanT ? 'orange.6' : 'navy.6')}
            referenceLines={v.unitMeanT === null ? [] : [{ x: v.unitMeanT, color: 'red.6', label: t('analysis.unitMean', { mean: num(v.unitMeanT) }), labelPosition: 'top' }]}
            withBarValueLabel
            valueFormatter={(x) => x.toFixed(2)}
          />
        </Card>
        <Card withBorder padding="lg" data-testid="analysis-radar">
          <Text fw={600} mb="sm">
            {t('analysis.radar')}
          </Text>
          <RadarChart h={260} data={radarData} dataKey="dimension" series={[{ name: 'mean', label: t('analysis.mean'), color: 'navy.6', opacity: 0.25 }]}
            withTooltip
            withDots
            withPolarRadiusAxis
            polarRadiusAxisProps={{ domain: [radarMin, 100], tick: false, axisLine: false }}
          />
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg" data-testid="analysis-grades">
        <Text fw={600} mb="sm">
          {t('analysis.grades')}
        </Text>
        <BarChart
          h={240}
          data={gradeData}
          dataKey="name"
          type="stacked"
          withLegend
          series={ANALYSIS_GRADES.map((g) => ({ name: g, label: gradeLabel(g), color: GRADE_COLORS[g] }))}
        />
      </Card>

      <Tabs defaultValue="departments" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="departments" data-testid="analysis-tab-departments">
            {t('analysis.departments')}
          </Tabs.Tab>
          <Tabs.Tab value="posts" data-testid="analysis-tab-posts">
            {t('analysis.posts')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="departments" pt="sm">
          <GroupTable rows={v.departments} testid="analysis-departments" />
        </Tabs.Panel>
        <Tabs.Panel value="posts" pt="sm">
          <GroupTable rows={v.posts} testid="analysis-posts" />
        </Tabs.Panel>
      </Tabs>

      <Bias v={v} />
    </>
  )
}

function GroupTable({ rows, testid }: { rows: readonly TeamGroupRow[]; testid: string }) {
  const { t } = useTranslation()
  const lang = useLang()
  const gradeLabel = useGradeLabel()
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid={testid} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analysis.name')}</Table.Th>
              <Table.Th ta="right">{t('analysis.people')}</Table.Th>
              <Table.Th ta="right">{t('analysis.meanT')}</Table.Th>
              {DIMENSIONS.map((d) => (
                <Table.Th key={d} ta="right">
                  {DIMENSION_LABELS[d][lang]}
                </Table.Th>
              ))}
              {ANALYSIS_GRADES.map((g) => (
                <Table.Th key={g} ta="right">
                  {gradeLabel(g)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('analysis.quarters')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.name} data-testid={`${testid}-row`} bg={r.short ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{r.name}</Text>
                    {r.short && (
                      <Badge color="red" size="xs" variant="light">
                        {t('analysis.shortTitle')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{r.people}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {num(r.meanT)}
                </Table.Td>
                {r.dimensions.map((d) => (
                  <Table.Td key={d.dimension} ta="right" ff="monospace">
                    {num(d.mean)}
                  </Table.Td>
                ))}
                {ANALYSIS_GRADES.map((g) => (
                  <Table.Td key={g} ta="right">
                    {r.grades[g] || ''}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{t('analysis.quartersOf', { failed: r.quartersFailed, rated: r.quartersRated })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  )
}

function Bias({ v }: { v: AnalysisView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const th = v.thresholds
  const compared = v.bias.filter((b): b is RaterBiasRow & { offset: number } => b.offset !== null)
  const offsetData = compared.map((b) => ({ rater: `${b.raterName}`, offset: b.offset }))
  const scatter = [
    { color: 'navy.6', name: BIAS_SOURCE_LABELS.leadership[lang], data: v.bias.filter((b) => b.source === 'leadership').map((b) => ({ mean: b.mean, sd: b.sd })) },
    { color: 'teal.6', name: BIAS_SOURCE_LABELS.quarterly[lang], data: v.bias.filter((b) => b.source === 'quarterly').map((b) => ({ mean: b.mean, sd: b.sd })) },
  ].filter((s) => s.data.length > 0)
  return (
    <Card withBorder padding="lg" data-testid="analysis-bias">
      <Text fw={600}>{t('analysis.biasTitle')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('analysis.biasLead', { sd: th.uniformSdBelow, min: th.uniformMinPeople, share: th.lenientSharePercent, score: th.lenientScore })}
      </Text>
      {v.bias.length === 0 ? (
        <Text c="dimmed">{t('analysis.noBias')}</Text>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {offsetData.length > 0 && (
              <div data-testid="analysis-offset-chart">
                <Text size="sm" fw={500} mb={4}>
                  {t('analysis.offset')}
                </Text>
                <BarChart
                  h={220}
                  data={offsetData}
                  dataKey="rater"
                  series={[{ name: 'offset', label: t('analysis.offset'), color: 'navy.6' }]}
                  getBarColor={(x) => (x >= 0 ? 'orange.6' : 'blue.6')}
                  referenceLines={[{ y: 0, color: 'gray.6' }]}
                  withBarValueLabel
                  valueFormatter={(x) => (x > 0 ? '+' : '') + x.toFixed(2)}
                />
              </div>
            )}
            <div data-testid="analysis-scatter">
              <Text size="sm" fw={500} mb={4}>
                {t('analysis.mean')} × {t('analysis.sd')}
              </Text>
              <ScatterChart
                h={220}
                data={scatter}
                dataKey={{ x: 'mean', y: 'sd' }}
                xAxisProps={{ domain: [Math.max(0, Math.floor(Math.min(...v.bias.map((b) => b.mean)) - 5)), 100] }}
                xAxisLabel={t('analysis.mean')}
                yAxisLabel={t('analysis.sd')}
                withLegend
                referenceLines={[{ y: th.uniformSdBelow, color: 'red.5', label: `${t('analysis.uniform')} < ${th.uniformSdBelow}` }]}
              />
            </div>
          </SimpleGrid>
          <Table striped fz="sm" data-testid="analysis-bias-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.source')}</Table.Th>
                <Table.Th>{t('analysis.rater')}</Table.Th>
                <Table.Th ta="right">{t('analysis.people')}</Table.Th>
                <Table.Th ta="right">{t('analysis.mean')}</Table.Th>
                <Table.Th ta="right">{t('analysis.sd')}</Table.Th>
                <Table.Th ta="right">{t('analysis.offset')}</Table.Th>
                <Table.Th ta="right">{t('analysis.lenientShare')}</Table.Th>
                <Table.Th>{t('analysis.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.bias.map((b) => (
                <Table.Tr key={`${b.source}-${b.raterId}`} data-testid="analysis-bias-row">
                  <Table.Td>{BIAS_SOURCE_LABELS[b.source][lang]}</Table.Td>
                  <Table.Td>
                    {b.raterName}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {b.raterStaffNo}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{b.people}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {num(b.mean)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {num(b.sd)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" c={b.offset === null ? 'dimmed' : b.offset > 0 ? 'orange.8' : 'blue.8'}>
                    {b.offset === null ? '—' : (b.offset > 0 ? '+' : '') + b.offset.toFixed(2)}
                  </Table.Td>
                  <Table.Td ta="right">{b.lenientSharePercent.toFixed(2)}%</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {b.uniform && (
                        <Badge color="grape" size="sm" variant="light" data-testid="analysis-flag-uniform">
                          {t('analysis.uniform')}
                        </Badge>
                      )}
                      {b.lenient && (
                        <Badge color="orange" size="sm" variant="light" data-testid="analysis-flag-lenient">
                          {t('analysis.lenient')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Text size="sm" c="dimmed" mt="md" data-testid="analysis-rotation-none">
        {v.rotation.length
          ? null
          : v.rotationYears.length === th.rotationYears
            ? t('analysis.rotationNone', { years: v.rotationYears.join('、') })
            : t('analysis.rotationShort', { n: th.rotationYears })}
      </Text>
    </Card>
  )
}
