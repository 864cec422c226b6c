import { useCallback, useMemo, useState } from 'react'
import { Group, Loader, SegmentedControl, Stack, Tabs, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { QUARTERS, type Quarter, type QuarterlyStatusRow } from '@shared/quarterly'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { formatQuarter, quarterName } from '../../format'
import { useLang } from '../../i18n'
import { YearSelect } from '../../components/YearSelect'
import { can, routeQuery } from '../../routes'
import { useUnitPeople } from '../ledger/people'
import { Followups, NineBox } from './NineBox'
import { AssignPanel, PeerPanel, StatusTable, SummaryPanel } from './panels'
import { PhaseCard } from './PhaseCard'
import { RateModal } from './RateModal'

const currentQuarter = (): Quarter => (Math.floor(new Date().getMonth() / 3) + 1) as Quarter

/** 季度评估: status, one's own summary, peer reviews, peer assignments, the 9-box and follow-ups. */
export function QuarterlyPage({ session, onNavigate }: { session: SessionInfo; onNavigate: (route: string) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const people = useUnitPeople(session)
  // A home card opens the tab (and quarter) it counts: quarterly?tab=summary&year=2026&quarter=4.
  const [asked] = useState(routeQuery)
  const [year, setYear] = useState(() => Number(asked.get('year')) || new Date().getFullYear())
  const [quarter, setQuarter] = useState<Quarter>(() => {
    const q = Number(asked.get('quarter'))
    return q >= 1 && q <= 4 ? (q as Quarter) : currentQuarter()
  })
  const [rating, setRating] = useState<QuarterlyStatusRow | null>(null)
  const [amending, setAmending] = useState<QuarterlyStatusRow | null>(null)
  const [tab, setTab] = useState<string | null>(() => asked.get('tab'))

  // One quarter's status: a late answer for a quarter no longer selected is dropped (useApiData).
  const status = useApiData('quarterly.status', { year, quarter }, [])
  const rows = status.error ? [] : status.data
  const load = status.reload
  const setRows = status.setData

  const meId = useMemo(() => {
    if (people.me) return people.me.id
    if (!can(session.roles, 'org.read') && rows && rows.length === 1) return rows[0]!.personId
    return null
  }, [people.me, rows, session.roles])
  const reportIds = useMemo(() => new Set(people.reports.map((p) => p.id)), [people.reports])
  const phase = rows?.[0]?.phase ?? null
  // A supervisor rates direct reports in the rating phase only; once closed, HR records amendments.
  const canRate = useCallback((row: QuarterlyStatusRow) => reportIds.has(row.personId) && row.phase.phase === 'rating', [reportIds])
  const canManage = can(session.roles, 'quarterly.manage')
  const canAmend = useCallback((row: QuarterlyStatusRow) => canManage && row.phase.phase === 'closed' && row.rating !== null, [canManage])

  const tabs = [
    'status',
    ...(meId !== null ? ['summary'] : []),
    ...(can(session.roles, 'quarterly.peerRate') ? ['peer'] : []),
    ...(can(session.roles, 'quarterly.assignPeers') ? ['assign'] : []),
    // Everyone may see their own box; the tab is for those who see others' (main narrows a supervisor's to their chain).
    ...(can(session.roles, 'quarterly.nineBox') && (can(session.roles, 'org.read') || session.roles.includes('supervisor')) ? ['ninebox'] : []),
    ...(can(session.roles, 'quarterly.followups') ? ['followups'] : []),
  ]
  const active = tab && tabs.includes(tab) ? tab : 'status'
  const label: Record<string, string> = {
    status: t('quarterly.tabStatus'),
    summary: t('quarterly.tabSummary'),
    peer: t('quarterly.tabPeer'),
    assign: t('quarterly.tabAssign'),
    ninebox: t('quarterly.tabNineBox'),
    followups: t('quarterly.tabFollowups'),
  }

  return (
    <Stack gap="md" maw={1320}>
      <PageHeader
        title={t('quarterly.title')}
        lead={t('quarterly.lead')}
        actions={
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <YearSelect value={year} onChange={setYear} testid="quarterly-year" label={t('quarterly.year')} />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('quarterly.quarter')}
              </Text>
              <SegmentedControl
                value={String(quarter)}
                onChange={(v) => setQuarter(Number(v) as Quarter)}
                data={QUARTERS.map((q) => ({ value: String(q), label: quarterName(q, lang) }))}
                data-testid="quarterly-quarter"
              />
            </Stack>
          </Group>
        }
      />
      {phase && <PhaseCard phase={phase} canReopen={canManage} onReopened={() => void load()} />}
      <Tabs value={active} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`quarterly-tab-${k}`}>
              {label[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="status">
          {rows === null || !people.loaded ? (
            <Group justify="center" py={48}>
              <Loader size="sm" />
            </Group>
          ) : (
            <StatusTable
              rows={rows}
              canRate={canRate}
              onRate={setRating}
              canAmend={canAmend}
              onAmend={setAmending}
              exportName={`${t('quarterly.title')}-${formatQuarter(year, quarter, lang)}`}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="summary">
          {meId !== null && <SummaryPanel personId={meId} year={year} quarter={quarter} onChanged={() => void load()} />}
        </Tabs.Panel>
        <Tabs.Panel value="peer">
          <PeerPanel year={year} quarter={quarter} />
        </Tabs.Panel>
        <Tabs.Panel value="assign">
          <AssignPanel people={people.all} rows={rows ?? []} year={year} quarter={quarter} onAssigned={() => void load()} />
        </Tabs.Panel>
        <Tabs.Panel value="ninebox">
          <NineBox year={year} quarter={quarter} />
        </Tabs.Panel>
        <Tabs.Panel value="followups">
          <Followups people={people.all} />
        </Tabs.Panel>
      </Tabs>
      <RateModal
        row={rating}
        year={year}
        quarter={quarter}
        onClose={() => setRating(null)}
        onNavigate={onNavigate}
        onRated={(rated) => {
          setRating(null)
          if (rows) setRows(rows.map((r) => (r.personId === rated.personId ? rated : r)))
        }}
      />
      <RateModal
        row={amending}
        mode="amend"
        year={year}
        quarter={quarter}
        onClose={() => setAmending(null)}
        onNavigate={onNavigate}
        onRated={() => {
          setAmending(null)
          void load()
        }}
      />
    </Stack>
  )
}
