import { useMemo, useState } from 'react'
import { BarChart } from '@mantine/charts'
import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConsolidatedRow, UnitYearView } from '@shared/bundles'
import { useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { UnitTable, type UnitColumn } from '../../components/UnitTable'
import { YearSelect } from '../../components/YearSelect'
import { downloadFile } from '../../files'
import { formatDateTime } from '../../format'
import { useLang } from '../../i18n'
import { useApiData } from '../../useApiData'

const GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const
const GRADE_COLORS: Record<(typeof GRADES)[number], string> = {
  优秀: 'teal.6',
  称职: 'navy.5',
  基本称职: 'yellow.6',
  不称职: 'red.6',
  不定等次: 'gray.5',
}

function UnitCard({ u, year }: { u: UnitYearView; year: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const filing = async (what: 'report' | 'roster') => {
    const r = await run(what === 'report' ? 'bundles.filingReport' : 'bundles.filingRoster', { year, unitUid: u.unit.uid })
    if (r.ok) downloadFile(r.value)
  }
  return (
    <Card withBorder radius="md" padding="md" data-testid={`unit-card-${u.unit.code}`} style={u.overQuota ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} truncate>
            {u.unit.name}
          </Text>
          {u.overQuota && (
            <Badge color="red" data-testid={`unit-card-${u.unit.code}-over`}>
              {t('packages.overQuota')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('packages.nk', { N: u.N, K: u.K })}
          <Text span ml="md" fw={600} c={u.overQuota ? 'red' : undefined}>
            {t('packages.excellentVsK', { n: u.excellent, K: u.K })}
          </Text>
        </Text>
        <Text size="sm" c="dimmed">
          {u.approval
            ? t('packages.approval', { document: u.approval.document, count: u.approval.count ?? '—', rate: u.approval.rate ?? '—' })
            : t('packages.noApproval')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('packages.appeals', u.appeals)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('packages.receivedAt', { at: formatDateTime(u.receivedAt, lang) })}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => void filing('report')} data-testid={`unit-card-${u.unit.code}-report`}>
            {t('packages.filingReport')}
          </Button>
          <Button size="xs" variant="default" onClick={() => void filing('roster')} data-testid={`unit-card-${u.unit.code}-roster`}>
            {t('packages.filingRoster')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

/** 汇总结果 (superior): every unit's year as its results package gave it. */
export function ConsolidatedPage() {
  const { t } = useTranslation()
  const { run } = useApi()
  const [year, setYear] = useState(new Date().getFullYear() - 1)
  const [unit, setUnit] = useState('')
  const [grade, setGrade] = useState('')
  const view = useApiData('bundles.consolidated', { year }, [year])
  const v = view.data
  const units = useMemo(() => (v ? v.units.filter((u) => !unit || u.unit.uid === unit) : []), [v, unit])
  const rows = useMemo(() => (v ? v.rows.filter((r) => (!unit || r.unitUid === unit) && (!grade || r.grade === grade)) : []), [v, unit, grade])
  const chart = units.map((u) => ({ name: u.unit.name, ...u.counts }))
  const num = (x: number | null) => (x === null ? '—' : x.toFixed(2))
  const columns: UnitColumn<ConsolidatedRow>[] = [
    { key: 'unit', label: t('packages.unit'), value: (r) => r.unitName, width: 150 },
    { key: 'staffNo', label: t('packages.staffNo'), value: (r) => r.staffNo, mono: true, width: 90 },
    { key: 'name', label: t('packages.name'), value: (r) => r.name, width: 90 },
    { key: 'department', label: t('packages.department'), value: (r) => r.department ?? '', width: 120 },
    { key: 'post', label: t('packages.postRank'), value: (r) => [r.post, r.rank].filter(Boolean).join(' / '), width: 160 },
    { key: 'grade', label: t('packages.grade'), value: (r) => r.grade, width: 90 },
    { key: 'T', label: 'T', value: (r) => r.T, render: (r) => num(r.T), align: 'right', width: 70 },
    { key: 'democratic', label: t('packages.democratic'), value: (r) => r.democratic, render: (r) => num(r.democratic), align: 'right', width: 90 },
    { key: 'leadership', label: t('packages.leadership'), value: (r) => r.leadership, render: (r) => num(r.leadership), align: 'right', width: 90 },
    { key: 'quarterly', label: t('packages.quarterly'), value: (r) => r.quarterly, render: (r) => num(r.quarterly), align: 'right', width: 90 },
  ]
  const exportAll = async () => {
    const r = await run('bundles.exportConsolidated', { year })
    if (r.ok) downloadFile(r.value)
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('packages.consolidatedTitle')}
        lead={t('packages.consolidatedLead')}
        actions={
          <Button variant="default" onClick={() => void exportAll()} disabled={!v || v.rows.length === 0} data-testid="consolidated-export">
            {t('packages.exportConsolidated')}
          </Button>
        }
      />
      <Group align="flex-end">
        <YearSelect value={year} onChange={setYear} testid="consolidated-year" label={t('common.year')} />
        <NativeSelect
          label={t('packages.unit')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          data={[{ value: '', label: t('packages.allUnits') }, ...(v?.units ?? []).map((u) => ({ value: u.unit.uid, label: u.unit.name }))]}
          w={240}
          data-testid="consolidated-unit"
        />
        <NativeSelect
          label={t('packages.grade')}
          value={grade}
          onChange={(e) => setGrade(e.currentTarget.value)}
          data={[{ value: '', label: t('packages.allGrades') }, ...GRADES.map((g) => ({ value: g, label: g }))]}
          w={160}
          data-testid="consolidated-grade"
        />
      </Group>
      {v && v.units.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed" data-testid="consolidated-empty">
            {t('packages.noResults', { year })}
          </Text>
        </Card>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {units.map((u) => (
              <UnitCard key={u.unit.uid} u={u} year={year} />
            ))}
          </SimpleGrid>
          {chart.length > 0 && (
            <Card withBorder padding="lg" data-testid="consolidated-chart">
              <Title order={5} mb="sm">
                {t('packages.distribution')}
              </Title>
              <BarChart
                h={Math.max(160, 48 * chart.length + 60)}
                data={chart}
                dataKey="name"
                type="stacked"
                orientation="vertical"
                yAxisProps={{ width: 140, interval: 0 }}
                withLegend
                series={GRADES.map((g) => ({ name: g, label: g, color: GRADE_COLORS[g] }))}
              />
            </Card>
          )}
          <UnitTable
            rows={rows}
            columns={columns}
            getKey={(r) => `${r.unitUid}-${r.staffNo}`}
            department={(r) => r.department}
            exportName={t('packages.consolidatedFile', { year })}
            empty={t('packages.noRows')}
            testid="consolidated-people"
            dense
            minWidth={1040}
          />
        </>
      )}
    </Stack>
  )
}
