import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea, Timeline } from '@mantine/core'
import { LineChart } from '@mantine/charts'
import { IconDeviceFloppy, IconDownload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import type { ArchiveView, TrainingSuggestion } from '@shared/archive'
import type { ProposedGrade } from '@shared/annual'
import { CHANNELS, CHANNEL_LABELS, DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'
import { notifySuccess, useApi } from '../../api'
import { downloadFile } from '../../files'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { useLang } from '../../i18n'
import { can } from '../../routes'
import { GradeBadge } from '../annual/parts'

const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2))
const DIM_COLORS = ['red.6', 'blue.6', 'teal.6', 'grape.6', 'orange.6'] as const

/** 成长档案: a person's years, the T and dimension trends, needs, forms, appeals, follow-ups; HR edits the suggestion table. */
export function ArchivePage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const hr = can(session.roles, 'archive.suggestions')
  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t('archive.title')} lead={t('archive.lead')} />
      {hr ? (
        <Tabs defaultValue="archive" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="archive" data-testid="archive-tab-archive">
              {t('archive.tabArchive')}
            </Tabs.Tab>
            <Tabs.Tab value="suggestions" data-testid="archive-tab-suggestions">
              {t('archive.tabSuggestions')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="archive" pt="md">
            <PersonArchive />
          </Tabs.Panel>
          <Tabs.Panel value="suggestions" pt="md">
            <SuggestionEditor />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <PersonArchive />
      )}
    </Stack>
  )
}

function PersonArchive() {
  const { t } = useTranslation()
  const { run } = useApi()
  const people = useApiData('archive.people', {}, [])
  const [personId, setPersonId] = useState<number | null>(null)
  useEffect(() => {
    if (personId === null && people.data?.length === 1) setPersonId(people.data[0]!.personId)
  }, [people.data, personId])
  const archive = useApiData('archive.show', personId === null ? null : { personId }, [personId])
  const [printing, setPrinting] = useState(false)
  const print = async () => {
    if (personId === null) return
    setPrinting(true)
    const r = await run('archive.print', { personId })
    setPrinting(false)
    if (r.ok) {
      downloadFile(r.value)
      notifySuccess(t('archive.printed', { file: r.value.fileName }))
    }
  }
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('archive.person')}
          placeholder={t('archive.pick')}
          searchable
          w={360}
          data-testid="archive-person"
          data={(people.data ?? []).map((p) => ({ value: String(p.personId), label: `${p.staffNo} ${p.name}${p.department ? ` · ${p.department}` : ''}` }))}
          value={personId === null ? null : String(personId)}
          onChange={(v) => setPersonId(v === null ? null : Number(v))}
          nothingFoundMessage={t('archive.nobody')}
        />
        <Button leftSection={<IconDownload size={16} />} disabled={archive.data === null} loading={printing} onClick={() => void print()} data-testid="archive-print">
          {t('archive.print')}
        </Button>
      </Group>
      {personId === null ? (
        <Card withBorder padding="lg">
          <Text c="dimmed">{t('archive.pickLead')}</Text>
        </Card>
      ) : archive.data === null ? (
        archive.error ? (
          <Alert color="red">{t('archive.loadFailed')}</Alert>
        ) : (
          <Group justify="center" py={48}>
            <Loader size="sm" />
          </Group>
        )
      ) : (
        <ArchiveBody view={archive.data} />
      )}
    </Stack>
  )
}

function ArchiveBody({ view }: { view: ArchiveView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const graded = view.years.filter((y) => y.source === 'kaohe')
  const tData = graded.map((y) => ({ year: String(y.year), T: y.T, ...Object.fromEntries(CHANNELS.map((c) => [c, y.channels?.[c] ?? null])) }))
  const dimData = graded.map((y) => ({ year: String(y.year), ...Object.fromEntries(y.dimensions.map((d) => [d.dimension, d.score])) }))
  const all = graded.flatMap((y) => [y.T, ...y.dimensions.map((d) => d.score), ...CHANNELS.map((c) => y.channels?.[c] ?? null)]).filter((v): v is number => v !== null)
  const lo = all.length ? Math.max(0, Math.floor(Math.min(...all) / 5) * 5 - 5) : 0
  const step = 100 - lo > 40 ? 10 : 5
  const ticks = Array.from({ length: Math.floor((100 - lo) / step) + 1 }, (_, i) => lo + i * step)
  return (
    <Stack gap="md" data-testid="archive-view">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Card withBorder padding="lg">
          <Text fw={600} size="lg" data-testid="archive-name">
            {view.person.name}
          </Text>
          <Text size="sm" c="dimmed">
            {view.person.staffNo} · {view.person.department ?? '—'} · {view.person.post}
          </Text>
          <Text fw={600} mt="md" mb="xs">
            {t('archive.timeline')}
          </Text>
          <Timeline active={view.years.length - 1} bulletSize={18} lineWidth={2} data-testid="archive-timeline">
            {[...view.years].reverse().map((y) => (
              <Timeline.Item key={y.year} title={<Group gap="xs">{String(y.year)}<GradeBadge grade={y.grade as ProposedGrade} size="sm" /></Group>}>
                <Text size="xs" c="dimmed">
                  {y.source === 'kaohe' ? t('archive.tLine', { T: num(y.T), rank: y.rank ?? '—' }) : t('archive.prior')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
        <Card withBorder padding="lg" data-testid="archive-t-chart">
          <Text fw={600} mb="xs">
            {t('archive.tChart')}
          </Text>
          {graded.length ? (
            <LineChart
              h={260}
              data={tData}
              dataKey="year"
              series={[
                { name: 'T', label: 'T', color: 'navy.7' },
                ...CHANNELS.map((c, i) => ({ name: c, label: CHANNEL_LABELS[c][lang], color: (['blue.4', 'teal.5', 'orange.5'] as const)[i]!, strokeDasharray: '5 5' })),
              ]}
              curveType="linear"
              connectNulls
              withLegend
              yAxisProps={{ domain: [lo, 100], ticks }}
            />
          ) : (
            <Text c="dimmed">{t('archive.noYears')}</Text>
          )}
        </Card>
        <Card withBorder padding="lg" data-testid="archive-dim-chart">
          <Text fw={600} mb="xs">
            {t('archive.dimChart')}
          </Text>
          {graded.length ? (
            <LineChart
              h={260}
              data={dimData}
              dataKey="year"
              series={DIMENSIONS.map((d, i) => ({ name: d, label: DIMENSION_LABELS[d][lang], color: DIM_COLORS[i]! }))}
              curveType="linear"
              connectNulls
              withLegend
              yAxisProps={{ domain: [lo, 100], ticks }}
            />
          ) : (
            <Text c="dimmed">{t('archive.noYears')}</Text>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg">
        <Text fw={600} mb="xs">
          {t('archive.years')}
        </Text>
        <Table striped data-testid="archive-years">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('archive.year')}</Table.Th>
              <Table.Th>{t('archive.grade')}</Table.Th>
              <Table.Th ta="right">T</Table.Th>
              {CHANNELS.map((c) => (
                <Table.Th key={c} ta="right">
                  {CHANNEL_LABELS[c][lang]}
                </Table.Th>
              ))}
              {DIMENSIONS.map((d) => (
                <Table.Th key={d} ta="right">
                  {DIMENSION_LABELS[d][lang]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.years.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {y.year}
                  {y.source === 'prior' && (
                    <Badge ml={6} size="xs" variant="light" color="gray">
                      {t('archive.priorShort')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td miw={110}>
                  <GradeBadge grade={y.grade as ProposedGrade} size="sm" />
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {num(y.T)}
                </Table.Td>
                {CHANNELS.map((c) => (
                  <Table.Td key={c} ta="right" ff="monospace">
                    {num(y.channels?.[c])}
                  </Table.Td>
                ))}
                {DIMENSIONS.map((d) => (
                  <Table.Td key={d} ta="right" ff="monospace">
                    {num(y.dimensions.find((x) => x.dimension === d)?.score)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Section title={t('archive.needs')} testid="archive-needs" empty={!view.needs.length}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('archive.year')}</Table.Th>
              <Table.Th>{t('archive.item')}</Table.Th>
              <Table.Th ta="right">{t('archive.score')}</Table.Th>
              <Table.Th ta="right">{t('archive.unitMean')}</Table.Th>
              <Table.Th>{t('archive.reason')}</Table.Th>
              <Table.Th>{t('archive.suggestion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.needs.map((n) => (
              <Table.Tr key={`${n.year}-${n.key}`}>
                <Table.Td>{n.year}</Table.Td>
                <Table.Td>{n.label[lang]}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {num(n.score)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {num(n.unitMean)}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={n.reason === 'belowFloor' ? 'red' : 'orange'}>
                    {t(`archive.reasons.${n.reason}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{n.suggestion}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('archive.forms')} testid="archive-forms" empty={!view.forms.length}>
          <SmallTable
            headers={[t('archive.year'), t('archive.version'), t('archive.grade'), t('archive.status'), t('archive.deliveredOn')]}
            rows={view.forms.map((f) => [String(f.year), `v${f.version}`, f.grade, t(`archive.formStatus.${f.status}`), f.deliveredOn ?? '—'])}
          />
        </Section>
        <Section title={t('archive.appeals')} testid="archive-appeals" empty={!view.appeals.length}>
          <SmallTable
            headers={[t('archive.year'), t('archive.route'), t('archive.filedOn'), t('archive.dueOn'), t('archive.status'), t('archive.gradeChange')]}
            rows={view.appeals.map((a) => [String(a.year), t(`archive.routes.${a.route}`), a.filedOn, a.dueOn, t(`archive.appealStatus.${a.status}`), a.gradeAfter ? `${a.gradeBefore} → ${a.gradeAfter}` : a.gradeBefore])}
          />
        </Section>
        <Section title={t('archive.followups')} testid="archive-followups" empty={!view.followups.length}>
          <SmallTable
            headers={[t('archive.year'), t('archive.item'), t('archive.owner'), t('archive.dueOn'), t('archive.doneOn')]}
            rows={view.followups.map((f) => [String(f.year), f.label[lang], f.ownerName ?? '—', f.dueOn, f.doneOn ?? '—'])}
          />
        </Section>
        <Section title={t('archive.enrolments')} testid="archive-enrolments" empty={!view.enrolments.length}>
          <SmallTable
            headers={[t('archive.year'), t('archive.item'), t('archive.session'), t('archive.status')]}
            rows={view.enrolments.map((e) => [String(e.year), e.need, e.sessionTitle ?? '—', t(`archive.enrolmentStatus.${e.status}`)])}
          />
        </Section>
      </SimpleGrid>
    </Stack>
  )
}

function Section({ title, testid, empty, children }: { title: string; testid: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="lg" data-testid={testid}>
      <Text fw={600} mb="xs">
        {title}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('archive.none')}
        </Text>
      ) : (
        children
      )}
    </Card>
  )
}

function SmallTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  return (
    <Table fz="sm">
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            {r.map((c, j) => (
              <Table.Td key={j}>{c}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function SuggestionEditor() {
  const { t } = useTranslation()
  const lang = useLang()
  const list = useApiData('archive.suggestions', {}, [])
  return (
    <Card withBorder padding="lg" data-testid="archive-suggestions">
      <Text fw={600}>{t('archive.suggestionsTitle')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('archive.suggestionsLead')}
      </Text>
      {list.data === null ? (
        <Group justify="center" py={32}>
          <Loader size="sm" />
        </Group>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('archive.item')}</Table.Th>
              <Table.Th>{t('archive.suggestion')}</Table.Th>
              <Table.Th w={200}>{t('archive.updated')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((s) => (
              <SuggestionRow key={s.key} row={s} lang={lang} onSaved={list.setData} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}

function SuggestionRow({ row, lang, onSaved }: { row: TrainingSuggestion; lang: 'zh' | 'en'; onSaved: (rows: TrainingSuggestion[]) => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [text, setText] = useState(row.suggestion)
  const [saving, setSaving] = useState(false)
  useEffect(() => setText(row.suggestion), [row.suggestion])
  const save = async () => {
    setSaving(true)
    const r = await run('archive.setSuggestion', { key: row.key, suggestion: text })
    setSaving(false)
    if (r.ok) {
      onSaved(r.value)
      notifySuccess(t('archive.saved', { item: row.label[lang] }))
    }
  }
  return (
    <Table.Tr data-testid={`suggestion-${row.key}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {row.label[lang]}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {row.key}
        </Text>
      </Table.Td>
      <Table.Td>
        <Textarea autosize minRows={1} maxRows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} error={text.trim() === '' ? t('archive.emptySuggestion') : undefined} data-testid={`suggestion-${row.key}-text`} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {row.updatedAt ? `${row.updatedBy ?? ''} ${row.updatedAt.slice(0, 10)}` : t('archive.seeded')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" leftSection={<IconDeviceFloppy size={14} />} disabled={text.trim() === '' || text === row.suggestion} loading={saving} onClick={() => void save()} data-testid={`suggestion-${row.key}-save`}>
          {t('archive.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  )
}
