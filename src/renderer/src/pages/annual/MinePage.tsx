import { useState } from 'react'
import { Alert, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { RadarChart } from '@mantine/charts'
import { IconCalendarEvent } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { CHANNELS, CHANNEL_LABELS, DIMENSION_LABELS } from '@shared/guideline/model'
import type { AnnualPersonView } from '@shared/annual'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { formatDate } from '../../format'
import { useLang } from '../../i18n'
import { ExplanationLines, GradeBadge, ScoreCell } from './parts'

/** 我的年度结果: one's own grade once published; after publicity, one's T, channels, dimension profile and 计算明细. */
export function MinePage() {
  const { t } = useTranslation()
  const lang = useLang()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const mine = useApiData('annual.mine', { year }, [])
  const m = mine.data
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('annual.mineTitle')} lead={t('annual.mineLead')} actions={<YearSelect value={year} onChange={setYear} testid="annual-mine-year" label={t('annual.year')} />} />
      {m === null ? (
        mine.error ? (
          <Alert color="red">{t('annual.loadFailed')}</Alert>
        ) : (
          <Group justify="center" py={48}>
            <Loader size="sm" />
          </Group>
        )
      ) : m.grade === null ? (
        <Card withBorder padding="lg">
          <Text c="dimmed" data-testid="annual-mine-none">
            {t('annual.mineNone', { year })}
          </Text>
        </Card>
      ) : (
        <>
          <Card withBorder padding="lg" data-testid="annual-mine">
            <Group justify="space-between" align="flex-start">
              <Stack gap={6}>
                <Text size="sm" c="dimmed">
                  {t('annual.mineGrade', { year })}
                </Text>
                <GradeBadge grade={m.grade} size="xl" testid="annual-mine-grade" />
              </Stack>
              {m.publicity && (
                <Group gap={6}>
                  <IconCalendarEvent size={18} />
                  <Text size="sm" data-testid="annual-mine-publicity">
                    {m.stage === 'publicity'
                      ? t('annual.minePublicity', { until: formatDate(m.publicity.until, lang) })
                      : t('annual.publicityRange', { from: formatDate(m.publicity.from, lang), until: formatDate(m.publicity.until, lang) })}
                  </Text>
                </Group>
              )}
            </Group>
          </Card>
          {m.person ? (
            <>
              <Scores person={m.person} />
              {m.explanation && (
                <Card withBorder padding="lg" data-testid="annual-mine-explain">
                  <Text fw={600} mb="sm">
                    {t('annual.explain')}
                  </Text>
                  <ExplanationLines lines={m.explanation.lines} />
                </Card>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="annual-mine-later">
              {t('annual.mineScoresLater')}
            </Text>
          )}
        </>
      )}
    </Stack>
  )
}

function Scores({ person }: { person: AnnualPersonView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const data = person.dimensions.map((d) => ({
    dimension: DIMENSION_LABELS[d.dimension][lang],
    leadership: d.leadership ?? 0,
    democratic: d.democratic ?? 0,
  }))
  const series = [
    ...(person.dimensions.some((d) => d.leadership !== null) ? [{ name: 'leadership', label: CHANNEL_LABELS.leadership[lang], color: 'navy.6', opacity: 0.25 }] : []),
    ...(person.dimensions.some((d) => d.democratic !== null) ? [{ name: 'democratic', label: CHANNEL_LABELS.democratic[lang], color: 'teal.6', opacity: 0.2 }] : []),
  ]
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder padding="lg" data-testid="annual-mine-scores">
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{t('annual.mineT')}</Text>
            <Title order={3} ff="monospace" data-testid="annual-mine-t">
              {person.T === null ? t('annual.na') : person.T.toFixed(2)}
            </Title>
          </Group>
          {CHANNELS.map((c) => (
            <Group key={c} justify="space-between">
              <Text size="sm">
                {CHANNEL_LABELS[c][lang]}
                {person.channels[c].score !== null && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('annual.weightShare', { w: String(person.channels[c].effectiveWeight) })}
                  </Text>
                )}
              </Text>
              <ScoreCell score={person.channels[c].score} testid={`annual-mine-${c}`} />
            </Group>
          ))}
          {person.dimensions.length > 0 && (
            <Table mt="sm" withTableBorder={false} verticalSpacing={4} data-testid="annual-mine-dimensions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('annual.dimension')}</Table.Th>
                  <Table.Th ta="right">{CHANNEL_LABELS.leadership[lang]}</Table.Th>
                  <Table.Th ta="right">{CHANNEL_LABELS.democratic[lang]}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.dimensions.map((d) => (
                  <Table.Tr key={d.dimension}>
                    <Table.Td>{DIMENSION_LABELS[d.dimension][lang]}</Table.Td>
                    <Table.Td ta="right">
                      <ScoreCell score={d.leadership} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <ScoreCell score={d.democratic} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg" data-testid="annual-mine-radar">
        <Text fw={600} mb="xs">
          {t('annual.profile')}
        </Text>
        {series.length ? (
          <RadarChart h={260} data={data} dataKey="dimension" series={series} withLegend withPolarRadiusAxis polarRadiusAxisProps={{ domain: [0, 100], tick: false, axisLine: false }} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('annual.na')}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  )
}
