import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, Textarea } from '@mantine/core'
import { IconAward, IconCheck, IconDownload, IconListCheck, IconStar, IconUserMinus, IconUserPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import type { ProposedGrade } from '@shared/annual'
import { FOLLOWUP_KINDS, yuan, type BonusTable, type FollowUpKind, type FollowUpStatus, type FollowUpView, type OutcomeListEntry } from '@shared/outcomes'
import { notifySuccess, useApi } from '../../api'
import { downloadFile } from '../../files'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { useLang } from '../../i18n'
import { can, routeQuery } from '../../routes'
import { GradeBadge } from '../annual/parts'

type Tab = 'bonus' | 'followups' | 'lists' | 'flags'
const STATUS_COLOR: Record<FollowUpStatus, string> = { open: 'blue', overdue: 'red', done: 'teal', cancelled: 'gray' }
const GRADES = new Set(['优秀', '称职', '基本称职', '不称职', '不定等次', '待定'])

function Grade({ grade }: { grade: string }) {
  return GRADES.has(grade) ? <GradeBadge grade={grade as ProposedGrade} size="sm" /> : <Text size="sm">{grade}</Text>
}

/** 结果应用 (RULES.md §8): bonus table, follow-ups, commendation list and talent pool, flags. */
export function OutcomesPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const reader = can(session.roles, 'outcomes.read')
  const hr = can(session.roles, 'outcomes.manage')
  const [year, setYear] = useState(() => Number(routeQuery().get('year')) || new Date().getFullYear() - 1)
  const [tab, setTab] = useState<Tab>(() => {
    const q = routeQuery().get('tab')
    return reader ? ((['bonus', 'followups', 'lists', 'flags'] as const).find((x) => x === q) ?? 'bonus') : 'followups'
  })
  const [reloads, setReloads] = useState(0)
  const { run } = useApi()
  const [generating, setGenerating] = useState(false)
  const generate = async () => {
    setGenerating(true)
    const r = await run('outcomes.generate', { year })
    setGenerating(false)
    if (r.ok) {
      notifySuccess(t('outcomes.generated', { created: r.value.created, existing: r.value.existing, cancelled: r.value.cancelled, listed: r.value.listed }))
      setReloads((n) => n + 1)
    }
  }
  return (
    <Stack gap="md" maw={1240}>
      <PageHeader
        title={t('outcomes.title')}
        lead={t('outcomes.lead')}
        actions={
          <Group align="flex-end">
            <YearSelect value={year} onChange={setYear} testid="outcomes-year" label={t('outcomes.year')} />
            {hr && (
              <Button leftSection={<IconListCheck size={16} />} onClick={() => void generate()} loading={generating} data-testid="outcomes-generate">
                {t('outcomes.generate')}
              </Button>
            )}
          </Group>
        }
      />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          {reader && (
            <Tabs.Tab value="bonus" data-testid="outcomes-tab-bonus">
              {t('outcomes.tabBonus')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="followups" data-testid="outcomes-tab-followups">
            {t('outcomes.tabFollowups')}
          </Tabs.Tab>
          {reader && (
            <Tabs.Tab value="lists" data-testid="outcomes-tab-lists">
              {t('outcomes.tabLists')}
            </Tabs.Tab>
          )}
          {reader && (
            <Tabs.Tab value="flags" data-testid="outcomes-tab-flags">
              {t('outcomes.tabFlags')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        {reader && (
          <Tabs.Panel value="bonus">
            <BonusPanel year={year} hr={hr} reloads={reloads} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="followups">
          <FollowupsPanel year={year} reloads={reloads} />
        </Tabs.Panel>
        {reader && (
          <Tabs.Panel value="lists">
            <ListsPanel year={year} hr={hr} reloads={reloads} />
          </Tabs.Panel>
        )}
        {reader && (
          <Tabs.Panel value="flags">
            <FlagsPanel year={year} reloads={reloads} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  )
}

function Loading() {
  return (
    <Group justify="center" py={48}>
      <Loader size="sm" />
    </Group>
  )
}

function Stat({ label, value, color, testid }: { label: string; value: string; color?: string; testid: string }) {
  return (
    <Card withBorder padding="md" data-testid={testid}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Card>
  )
}

const money = (fen: number | null) => (fen === null ? '—' : `¥${yuan(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`)

function BonusPanel({ year, hr, reloads }: { year: number; hr: boolean; reloads: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const view = useApiData('outcomes.bonus', { year }, [year, reloads])
  const { run } = useApi()
  const [base, setBase] = useState<number | string>('')
  const [budget, setBudget] = useState<number | string>('')
  const [saving, setSaving] = useState(false)
  const [exporting, setExporting] = useState(false)
  const v: BonusTable | null = view.data
  useEffect(() => {
    setBase(v?.baseFen == null ? '' : v.baseFen / 100)
    setBudget(v?.budgetFen == null ? '' : v.budgetFen / 100)
  }, [v?.baseFen, v?.budgetFen])
  if (!v) return <Loading />
  const toFen = (x: number | string) => Math.round(Number(x) * 100)
  const save = async () => {
    setSaving(true)
    const r = await run('outcomes.setBonus', { year, baseFen: toFen(base), budgetFen: toFen(budget) })
    setSaving(false)
    if (r.ok) {
      notifySuccess(t('outcomes.bonusSaved'))
      view.reload()
    }
  }
  const doExport = async () => {
    setExporting(true)
    const r = await run('outcomes.exportBonus', { year })
    setExporting(false)
    if (r.ok) {
      downloadFile(r.value)
      notifySuccess(t('outcomes.exported', { file: r.value.fileName }))
    }
  }
  const over = v.remainingFen !== null && v.remainingFen < 0
  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <NumberInput label={t('outcomes.base')} value={base} onChange={setBase} min={0} decimalScale={2} thousandSeparator="," prefix="¥" w={200} disabled={!hr} data-testid="bonus-base" />
            <NumberInput label={t('outcomes.budget')} value={budget} onChange={setBudget} min={0} decimalScale={2} thousandSeparator="," prefix="¥" w={220} disabled={!hr} data-testid="bonus-budget" />
            {hr && (
              <Button onClick={() => void save()} loading={saving} disabled={base === '' || budget === ''} data-testid="bonus-save">
                {t('outcomes.saveBonus')}
              </Button>
            )}
          </Group>
          <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void doExport()} loading={exporting} disabled={!v.final} data-testid="bonus-export">
            {t('outcomes.export')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mt="sm">
          {t('outcomes.coefficients', v.percents)}
        </Text>
      </Card>
      {!v.final ? (
        <Alert color="yellow" data-testid="bonus-not-final">
          {t('outcomes.notFinal', { year })}
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('outcomes.base')} value={money(v.baseFen)} testid="bonus-stat-base" />
            <Stat label={t('outcomes.total')} value={money(v.totalFen)} testid="bonus-total" />
            <Stat label={t('outcomes.budget')} value={money(v.budgetFen)} testid="bonus-stat-budget" />
            <Stat
              label={over ? t('outcomes.overBudget') : t('outcomes.underBudget')}
              value={v.remainingFen === null ? '—' : money(Math.abs(v.remainingFen))}
              color={v.remainingFen === null ? undefined : over ? 'red.7' : 'teal.7'}
              testid="bonus-remaining"
            />
          </SimpleGrid>
          <Card withBorder padding={0}>
            <Table striped highlightOnHover verticalSpacing={6} data-testid="bonus-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outcomes.staffNo')}</Table.Th>
                  <Table.Th>{t('outcomes.name')}</Table.Th>
                  <Table.Th>{t('outcomes.department')}</Table.Th>
                  <Table.Th>{t('outcomes.grade')}</Table.Th>
                  <Table.Th ta="right">{t('outcomes.percent')}</Table.Th>
                  <Table.Th ta="right">{t('outcomes.amount')}</Table.Th>
                  <Table.Th>{t('outcomes.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.rows.map((r) => (
                  <Table.Tr key={r.personId}>
                    <Table.Td>{r.staffNo}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.department ?? '—'}</Table.Td>
                    <Table.Td>
                      <Grade grade={r.grade} />
                    </Table.Td>
                    <Table.Td ta="right">{r.percent === null ? '—' : `${r.percent}%`}</Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {money(r.amountFen)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {r.reason?.[lang] ?? ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </>
      )}
    </Stack>
  )
}

function FollowupsPanel({ year, reloads }: { year: number; reloads: number }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<FollowUpKind | null>(null)
  const [overdue, setOverdue] = useState(false)
  const view = useApiData('outcomes.followups', { year, ...(kind ? { kind } : {}), ...(overdue ? { overdue: true } : {}) }, [year, kind, overdue, reloads])
  const [completing, setCompleting] = useState<FollowUpView | null>(null)
  const list = view.data
  return (
    <Stack gap="md">
      <Group>
        <Select
          placeholder={t('outcomes.allKinds')}
          clearable
          value={kind}
          onChange={(v) => setKind(v as FollowUpKind | null)}
          data={FOLLOWUP_KINDS.map((k) => ({ value: k, label: t(`outcomes.kind.${k}`) }))}
          w={240}
          aria-label={t('outcomes.kindFilter')}
          data-testid="followups-kind"
        />
        <Switch label={t('outcomes.overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} data-testid="followups-overdue" />
      </Group>
      {!list ? (
        <Loading />
      ) : list.length === 0 ? (
        <Alert color="gray" data-testid="followups-empty">
          {t('outcomes.noFollowups')}
        </Alert>
      ) : (
        <Card withBorder padding={0}>
          <Table striped verticalSpacing={6} data-testid="followups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outcomes.person')}</Table.Th>
                <Table.Th>{t('outcomes.item')}</Table.Th>
                <Table.Th>{t('outcomes.owner')}</Table.Th>
                <Table.Th>{t('outcomes.due')}</Table.Th>
                <Table.Th>{t('outcomes.status')}</Table.Th>
                <Table.Th>{t('outcomes.doneNote')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((f) => (
                <Table.Tr key={f.id} data-testid={`followup-${f.id}`}>
                  <Table.Td>
                    {f.name}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {f.staffNo} · {f.department ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`outcomes.kind.${f.kind}`)}</Table.Td>
                  <Table.Td>{f.ownerRole === 'hr' ? t('outcomes.hrOwner') : (f.ownerName ?? '—')}</Table.Td>
                  <Table.Td>{f.earliestOn ? `${f.earliestOn} ～ ${f.dueOn}` : f.dueOn}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[f.status]} variant="light">
                      {t(`outcomes.statusLabel.${f.status}`)}
                      {f.doneOn ? ` ${f.doneOn}` : ''}
                    </Badge>
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Text size="sm" lineClamp={2}>
                      {f.note ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {f.mayComplete && (
                      <Button size="xs" variant="light" leftSection={<IconCheck size={14} />} onClick={() => setCompleting(f)} data-testid={`followup-complete-${f.id}`}>
                        {t('outcomes.complete')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <CompleteModal
        followup={completing}
        onClose={() => setCompleting(null)}
        onDone={() => {
          setCompleting(null)
          view.reload()
        }}
      />
    </Stack>
  )
}

function CompleteModal({ followup, onClose, onDone }: { followup: FollowUpView | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => setNote(''), [followup?.id])
  const submit = async () => {
    if (!followup) return
    setBusy(true)
    const r = await run('outcomes.completeFollowup', { id: followup.id, note })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('outcomes.completed'))
      onDone()
    }
  }
  return (
    <Modal opened={followup !== null} onClose={onClose} title={t('outcomes.completeTitle')} size="lg">
      {followup && (
        <Stack>
          <Text size="sm">
            {followup.name}（{followup.staffNo}）· {t(`outcomes.kind.${followup.kind}`)} · {t('outcomes.due')} {followup.dueOn}
          </Text>
          <Textarea label={t('outcomes.doneNote')} description={t('outcomes.doneNoteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={3} data-testid="followup-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={busy} disabled={note.trim() === ''} data-testid="followup-submit">
              {t('outcomes.complete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

function EntryTable({ entries, testid, onRemove }: { entries: OutcomeListEntry[]; testid: string; onRemove?: (e: OutcomeListEntry) => void }) {
  const { t } = useTranslation()
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={`${testid}-empty`}>
        {t('outcomes.listEmpty')}
      </Text>
    )
  return (
    <Table verticalSpacing={4} data-testid={testid}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('outcomes.person')}</Table.Th>
          <Table.Th>{t('outcomes.reason')}</Table.Th>
          <Table.Th>{t('outcomes.status')}</Table.Th>
          {onRemove && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id} c={e.removedAt ? 'dimmed' : undefined}>
            <Table.Td>
              {e.name}
              <Text span size="xs" c="dimmed" ml={6}>
                {e.staffNo} · {e.department ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td miw={150}>
              <Text size="sm">{e.reason}</Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {e.removedAt ? (
                <Badge color="gray" variant="light" title={e.removedReason ?? ''}>
                  {t('outcomes.removed')}：{e.removedReason}
                </Badge>
              ) : (
                <Badge color={e.source === 'grade' ? 'blue' : 'grape'} variant="light" style={{ minWidth: 'max-content' }}>
                  {t(`outcomes.source.${e.source}`)}
                </Badge>
              )}
            </Table.Td>
            {onRemove && (
              <Table.Td>
                {!e.removedAt && (
                  <Button size="xs" variant="subtle" color="red" leftSection={<IconUserMinus size={14} />} onClick={() => onRemove(e)} data-testid={`talent-remove-${e.id}`}>
                    {t('outcomes.remove')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function ListsPanel({ year, hr, reloads }: { year: number; hr: boolean; reloads: number }) {
  const { t } = useTranslation()
  const view = useApiData('outcomes.lists', { year }, [year, reloads])
  const people = useApiData('outcomes.bonus', hr ? { year } : null, [year, hr])
  const { run } = useApi()
  const [removing, setRemoving] = useState<OutcomeListEntry | null>(null)
  const [adding, setAdding] = useState(false)
  const [personId, setPersonId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const v = view.data
  if (!v) return <Loading />
  const close = () => {
    setRemoving(null)
    setAdding(false)
    setReason('')
    setPersonId(null)
  }
  const submit = async () => {
    setBusy(true)
    const r = removing ? await run('outcomes.removeTalent', { entryId: removing.id, reason }) : await run('outcomes.addTalent', { year, personId: Number(personId), reason })
    setBusy(false)
    if (r.ok) {
      close()
      view.reload()
    }
  }
  const inPool = new Set(v.talentPool.filter((e) => !e.removedAt).map((e) => e.personId))
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Card withBorder padding="lg">
        <Group gap="xs" mb="sm">
          <IconAward size={20} />
          <Text fw={600}>{t('outcomes.commendation', { n: v.commendation.length })}</Text>
        </Group>
        <EntryTable entries={v.commendation} testid="commendation-list" />
      </Card>
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <IconStar size={20} />
            <Text fw={600}>{t('outcomes.talentPool', { n: v.talentPool.filter((e) => !e.removedAt).length })}</Text>
          </Group>
          {hr && (
            <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setAdding(true)} data-testid="talent-add">
              {t('outcomes.addTalent')}
            </Button>
          )}
        </Group>
        <EntryTable entries={v.talentPool} testid="talent-pool" onRemove={hr ? setRemoving : undefined} />
      </Card>
      <Modal opened={removing !== null || adding} onClose={close} title={removing ? t('outcomes.removeTitle', { name: removing.name }) : t('outcomes.addTalent')}>
        <Stack>
          {adding && (
            <Select
              label={t('outcomes.person')}
              searchable
              value={personId}
              onChange={setPersonId}
              data={(people.data?.rows ?? []).filter((r) => !inPool.has(r.personId)).map((r) => ({ value: String(r.personId), label: `${r.name}（${r.staffNo}）` }))}
              data-testid="talent-person"
            />
          )}
          <Textarea label={t('outcomes.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid="talent-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={busy} disabled={reason.trim() === '' || (adding && !personId)} data-testid="talent-submit">
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SimpleGrid>
  )
}

function FlagsPanel({ year, reloads }: { year: number; reloads: number }) {
  const { t } = useTranslation()
  const view = useApiData('outcomes.lists', { year }, [year, reloads])
  const v = view.data
  if (!v) return <Loading />
  if (v.flagged.length === 0)
    return (
      <Alert color="gray" data-testid="flags-empty">
        {t('outcomes.noFlags')}
      </Alert>
    )
  return (
    <Card withBorder padding={0}>
      <Table verticalSpacing={8} data-testid="flags-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('outcomes.person')}</Table.Th>
            <Table.Th>{t('outcomes.grade')}</Table.Th>
            <Table.Th>{t('outcomes.flags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.flagged.map((f) => (
            <Table.Tr key={f.personId}>
              <Table.Td>
                {f.name}
                <Text span size="xs" c="dimmed" ml={6}>
                  {f.staffNo} · {f.department ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Grade grade={f.grade} />
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {f.flags.merit && (
                    <Badge color="yellow" variant="filled" data-testid={`flag-merit-${f.staffNo}`}>
                      {t('outcomes.flagMerit')}
                    </Badge>
                  )}
                  {f.flags.dismissal && (
                    <Badge color="red" variant="filled" data-testid={`flag-dismissal-${f.staffNo}`}>
                      {t('outcomes.flagDismissal')}
                    </Badge>
                  )}
                  {f.flags.ineligibleNextYear && (
                    <Badge color="orange" variant="light">
                      {t('outcomes.flagIneligible', { next: year + 1 })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
