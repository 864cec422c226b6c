import { useState } from 'react'
import { Badge, Button, Card, FileInput, Group, NativeSelect, NumberInput, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import { IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DOWNWARD_KINDS, type DownwardKind, type OfficeKind, type PackageView } from '@shared/bundles'
import { notifySuccess, useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { downloadFile, readFileAsBase64 } from '../../files'
import { formatBytes, formatDateTime } from '../../format'
import { useLang } from '../../i18n'
import { useApiData } from '../../useApiData'
import { Inbox, kindName } from './parts'
import { OfficesTable } from './KeysPage'

/** The package log (bundles.list), sent and received, with whether a receipt acknowledged it. */
function PackageLog({ rows, onResend, testid }: { rows: readonly PackageView[]; onResend?: (p: PackageView) => void; testid: string }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid={`${testid}-empty`}>
        {t('packages.noPackages')}
      </Text>
    )
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder data-testid={testid}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('packages.at')}</Table.Th>
            <Table.Th>{t('packages.direction')}</Table.Th>
            <Table.Th>{t('packages.kind')}</Table.Th>
            <Table.Th>{t('packages.peer')}</Table.Th>
            <Table.Th>{t('packages.sequence')}</Table.Th>
            <Table.Th>{t('packages.summary')}</Table.Th>
            <Table.Th>{t('packages.size')}</Table.Th>
            <Table.Th>{t('packages.acknowledged')}</Table.Th>
            {onResend && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={`${p.direction}-${p.packageId}`} data-testid={`package-${p.packageId}`}>
              <Table.Td>{formatDateTime(p.at, lang)}</Table.Td>
              <Table.Td>{t(`packages.directions.${p.direction}`)}</Table.Td>
              <Table.Td>{kindName(p.kind, lang)}</Table.Td>
              <Table.Td>{p.peer.name}</Table.Td>
              <Table.Td>{p.sequence}</Table.Td>
              <Table.Td>{lang === 'zh' ? p.summary.zh : p.summary.en}</Table.Td>
              <Table.Td>{formatBytes(p.bytes)}</Table.Td>
              <Table.Td>
                {p.acknowledgedAt ? (
                  <Badge color="green" variant="light" data-testid={`package-${p.packageId}-ack`}>
                    {formatDateTime(p.acknowledgedAt, lang)}
                  </Badge>
                ) : p.kind === 'receipt' ? (
                  '—'
                ) : (
                  <Badge color="orange" variant="light" data-testid={`package-${p.packageId}-pending`}>
                    {t('packages.notAcknowledged')}
                  </Badge>
                )}
              </Table.Td>
              {onResend && (
                <Table.Td>
                  {p.direction === 'out' && !p.acknowledgedAt && p.kind !== 'receipt' && (
                    <Button size="xs" variant="subtle" onClick={() => onResend(p)} data-testid={`package-${p.packageId}-resend`}>
                      {t('packages.resend')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function useResend() {
  const { run } = useApi()
  return async (p: PackageView) => {
    const r = await run('bundles.resend', { packageId: p.packageId })
    if (r.ok) downloadFile(r.value)
  }
}

/** At a unit: the year's 上报包, what is not acknowledged, the inbox, the log and the 备案 documents. */
function UnitPackages() {
  const { t } = useTranslation()
  const { run } = useApi()
  const [year, setYear] = useState(new Date().getFullYear() - 1)
  const log = useApiData('bundles.list', {}, [])
  const resend = useResend()
  const [busy, setBusy] = useState(false)
  const exportResults = async () => {
    setBusy(true)
    const r = await run('bundles.exportResults', { year })
    setBusy(false)
    if (r.ok) {
      downloadFile(r.value)
      notifySuccess(t('packages.exported', { to: r.value.recipient.name, sequence: r.value.sequence }))
      log.reload()
    }
  }
  const filing = async (what: 'report' | 'roster') => {
    const r = await run(what === 'report' ? 'bundles.filingReport' : 'bundles.filingRoster', { year })
    if (r.ok) downloadFile(r.value)
  }
  const pending = (log.data ?? []).filter((p) => p.direction === 'out' && !p.acknowledgedAt && p.kind !== 'receipt')
  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg" data-testid="export-results">
        <Stack gap="sm">
          <Title order={4}>{t('packages.exportTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('packages.exportText')}
          </Text>
          <Group align="flex-end">
            <YearSelect value={year} onChange={setYear} testid="export-year" label={t('common.year')} />
            <Button loading={busy} onClick={() => void exportResults()} data-testid="export-button">
              {t('packages.exportButton')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('packages.pendingTitle')}</Title>
          <PackageLog rows={pending} onResend={(p) => void resend(p)} testid="pending" />
        </Stack>
      </Card>
      <Inbox onImported={log.reload} />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('packages.filingTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('packages.filingText', { year })}
          </Text>
          <Group>
            <Button variant="default" onClick={() => void filing('report')} data-testid="filing-report">
              {t('packages.filingReport')}
            </Button>
            <Button variant="default" onClick={() => void filing('roster')} data-testid="filing-roster">
              {t('packages.filingRoster')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('packages.logTitle')}</Title>
          <PackageLog rows={log.data ?? []} testid="package-log" />
        </Stack>
      </Card>
    </Stack>
  )
}

/** At the superior: 下发 — a downward package for one unit. */
function Downward({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const offices = useApiData('keycards.offices', {}, [])
  const [unit, setUnit] = useState('')
  const [kind, setKind] = useState<DownwardKind>('policy')
  const [year, setYear] = useState(new Date().getFullYear())
  const [file, setFile] = useState<File | null>(null)
  const [doc, setDoc] = useState('')
  const [count, setCount] = useState<number | string>('')
  const [rate, setRate] = useState<number | string>('')
  const [busy, setBusy] = useState(false)
  const units = (offices.data ?? []).filter((o) => o.kind === 'unit' && o.keyStatus === 'active')
  const ready = unit !== '' && (kind === 'quota' ? doc.trim() !== '' : file !== null)
  const send = async () => {
    setBusy(true)
    const quota =
      kind === 'quota'
        ? { document: doc.trim(), ...(typeof count === 'number' ? { count } : {}), ...(typeof rate === 'number' ? { rate } : {}) }
        : undefined
    const content = kind !== 'quota' && file ? await readFileAsBase64(file) : undefined
    const r = await run('bundles.exportDownward', { officeUid: unit, kind, year, ...(content ? { file: content } : {}), ...(quota ? { quota } : {}) })
    setBusy(false)
    if (r.ok) {
      downloadFile(r.value)
      notifySuccess(t('packages.exported', { to: r.value.recipient.name, sequence: r.value.sequence }))
      onSent()
    }
  }
  return (
    <Card withBorder radius="md" padding="lg" data-testid="downward">
      <Stack gap="sm">
        <Title order={4}>{t('packages.downwardTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('packages.downwardText')}
        </Text>
        <Group align="flex-end">
          <NativeSelect
            label={t('packages.unit')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            data={[{ value: '', label: t('packages.chooseUnit') }, ...units.map((o) => ({ value: o.uid, label: `${o.name}（${o.code}）` }))]}
            w={280}
            data-testid="downward-unit"
          />
          <NativeSelect
            label={t('packages.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as DownwardKind)}
            data={DOWNWARD_KINDS.map((k) => ({ value: k, label: kindName(k, lang) }))}
            w={200}
            data-testid="downward-kind"
          />
          <YearSelect value={year} onChange={setYear} testid="downward-year" label={t('common.year')} />
        </Group>
        {kind === 'quota' ? (
          <Group align="flex-end">
            <TextInput label={t('packages.quotaDocument')} value={doc} onChange={(e) => setDoc(e.currentTarget.value)} w={320} withAsterisk data-testid="downward-doc" />
            <NumberInput label={t('packages.quotaCount')} value={count} onChange={setCount} min={0} w={140} data-testid="downward-count" />
            <NumberInput label={t('packages.quotaRate')} value={rate} onChange={setRate} min={0} max={100} suffix="%" w={140} data-testid="downward-rate" />
          </Group>
        ) : (
          <FileInput
            label={t('packages.downwardFile')}
            placeholder={t('roster.filePlaceholder')}
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconUpload size={16} />}
            maw={560}
            fileInputProps={{ 'data-testid': 'downward-file' } as React.ComponentProps<'input'>}
          />
        )}
        <Group>
          <Button disabled={!ready} loading={busy} onClick={() => void send()} data-testid="downward-button">
            {t('packages.downwardButton')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

/** At the superior: 下级单位, 收件箱, 下发 and the log, as tabs. */
function SuperiorPackages() {
  const { t } = useTranslation()
  const log = useApiData('bundles.list', {}, [])
  const offices = useApiData('keycards.offices', {}, [])
  const resend = useResend()
  const reload = () => {
    log.reload()
    offices.reload()
  }
  return (
    <Tabs defaultValue="inbox" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="inbox" data-testid="tab-inbox">
          {t('packages.tabInbox')}
        </Tabs.Tab>
        <Tabs.Tab value="units" data-testid="tab-units">
          {t('packages.subordinates')}
        </Tabs.Tab>
        <Tabs.Tab value="downward" data-testid="tab-downward">
          {t('packages.tabDownward')}
        </Tabs.Tab>
        <Tabs.Tab value="log" data-testid="tab-log">
          {t('packages.logTitle')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="inbox">
        <Inbox onImported={reload} />
      </Tabs.Panel>
      <Tabs.Panel value="units">
        <OfficesTable offices={offices.data ?? []} />
      </Tabs.Panel>
      <Tabs.Panel value="downward">
        <Downward onSent={reload} />
      </Tabs.Panel>
      <Tabs.Panel value="log">
        <PackageLog rows={log.data ?? []} onResend={(p) => void resend(p)} testid="package-log" />
      </Tabs.Panel>
    </Tabs>
  )
}

/** 上报与下发 (unit) / 收件与下发 (superior). */
export function PackagesPage({ officeKind }: { officeKind: OfficeKind }) {
  const { t } = useTranslation()
  return (
    <Stack gap={0}>
      <PageHeader
        title={officeKind === 'superior' ? t('packages.superiorTitle') : t('packages.unitTitle')}
        lead={officeKind === 'superior' ? t('packages.superiorLead') : t('packages.unitLead')}
      />
      {officeKind === 'superior' ? <SuperiorPackages /> : <UnitPackages />}
    </Stack>
  )
}
