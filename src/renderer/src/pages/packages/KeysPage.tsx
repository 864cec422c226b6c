import { useState } from 'react'
import { Alert, Badge, Button, Card, FileInput, Group, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { KeyCardView, OfficeView } from '@shared/bundles'
import type { FileContent } from '@shared/api/types'
import { notifySuccess, useApi } from '../../api'
import { ConfirmModal } from '../../components/ConfirmModal'
import { PageHeader } from '../../components/PageHeader'
import { downloadFile, readFileAsBase64 } from '../../files'
import { formatDateTime } from '../../format'
import { useLang } from '../../i18n'
import { useApiData } from '../../useApiData'
import { Fingerprint, kindName } from './parts'

/** The registered offices: at a unit its superior, at the superior every unit (下级单位). */
export function OfficesTable({ offices, onRevoke }: { offices: readonly OfficeView[]; onRevoke?: (o: OfficeView) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (offices.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="offices-empty">
        {t('packages.noOffices')}
      </Text>
    )
  const last = (x: OfficeView['lastSent']) => (x ? `${kindName(x.kind, lang)} #${x.sequence} · ${formatDateTime(x.at, lang)}` : '—')
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder data-testid="offices-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('packages.officeName')}</Table.Th>
            <Table.Th>{t('packages.officeCode')}</Table.Th>
            <Table.Th>{t('packages.officeKind')}</Table.Th>
            <Table.Th>{t('packages.keyStatus')}</Table.Th>
            <Table.Th>{t('packages.lastSent')}</Table.Th>
            <Table.Th>{t('packages.lastReceived')}</Table.Th>
            <Table.Th>{t('packages.unacknowledged')}</Table.Th>
            {onRevoke && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offices.map((o) => (
            <Table.Tr key={o.uid} data-testid={`office-${o.code}`}>
              <Table.Td fw={600}>{o.name}</Table.Td>
              <Table.Td ff="monospace">{o.code}</Table.Td>
              <Table.Td>{t(`packages.kinds.${o.kind}`)}</Table.Td>
              <Table.Td>
                <Badge color={o.keyStatus === 'active' ? 'green' : 'red'} variant="light" data-testid={`office-${o.code}-status`}>
                  {t(`packages.keyStatuses.${o.keyStatus}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{last(o.lastSent)}</Table.Td>
              <Table.Td>{last(o.lastReceived)}</Table.Td>
              <Table.Td>
                {o.unacknowledged > 0 ? (
                  <Badge color="orange" variant="light">
                    {o.unacknowledged}
                  </Badge>
                ) : (
                  '0'
                )}
              </Table.Td>
              {onRevoke && (
                <Table.Td>
                  {o.keyStatus === 'active' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => onRevoke(o)} data-testid={`office-${o.code}-revoke`}>
                      {t('packages.revokePeer')}
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

/** 密钥与机关: this office's key card, the offices it exchanges packages with, and importing a card. */
export function KeysPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const own = useApiData('keycards.own', {}, [])
  const offices = useApiData('keycards.offices', {}, [])
  const [action, setAction] = useState<'rotate' | 'revokeOwn' | null>(null)
  const [reason, setReason] = useState('')
  const [peer, setPeer] = useState<OfficeView | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [content, setContent] = useState<FileContent | null>(null)
  const [card, setCard] = useState<KeyCardView | null>(null)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)

  const exportCard = async () => {
    const r = await run('keycards.exportCard')
    if (r.ok) downloadFile(r.value)
  }
  const printForm = async () => {
    const r = await run('keycards.registrationForm')
    if (r.ok) downloadFile(r.value)
  }
  const changeOwn = async () => {
    if (!action) return
    const r = await run(action === 'rotate' ? 'keycards.rotate' : 'keycards.revokeOwn', { reason: reason.trim() })
    if (r.ok) {
      own.setData(r.value)
      notifySuccess(action === 'rotate' ? t('packages.rotated') : t('packages.revokedOwn'))
      setAction(null)
      setReason('')
    }
  }
  const revokePeer = async () => {
    if (!peer) return
    const key = peer.keys.find((k) => k.status === 'active')
    if (!key) return
    const r = await run('keycards.revokePeer', { officeUid: peer.uid, keyId: key.keyId, reason: reason.trim() })
    if (r.ok) {
      notifySuccess(t('packages.revokedPeer'))
      setPeer(null)
      setReason('')
      offices.reload()
    }
  }
  const inspect = async () => {
    if (!file) return
    setBusy(true)
    const c = await readFileAsBase64(file)
    setContent(c)
    const r = await run('keycards.inspect', { file: c })
    setBusy(false)
    setCard(r.ok ? r.value : null)
  }
  const importCard = async () => {
    if (!content) return
    setBusy(true)
    const r = await run('keycards.import', { file: content, fingerprint: typed })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('packages.cardImported', { name: r.value.name }))
      setFile(null)
      setCard(null)
      setTyped('')
      offices.reload()
    }
  }
  const digits = (s: string) => s.replace(/\D/g, '')
  const typedMatches = card !== null && digits(typed).length === 60 && digits(typed) === digits(card.fingerprint)

  const o = own.data
  return (
    <Stack gap="lg">
      <PageHeader title={t('packages.keysTitle')} lead={t('packages.keysLead')} />
      <Card withBorder radius="md" padding="lg" data-testid="own-card">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('packages.ownCard')}</Title>
            {o && (
              <Badge variant="light" size="lg">
                {t(`packages.kinds.${o.office.kind}`)}
              </Badge>
            )}
          </Group>
          {o && (
            <>
              <Text>
                <Text span fw={600}>
                  {o.office.name}
                </Text>
                <Text span c="dimmed" ml="sm" ff="monospace">
                  {o.office.code}
                </Text>
              </Text>
              {o.current ? (
                <>
                  <Text size="sm" c="dimmed">
                    {t('packages.keyId')}：
                    <Text span ff="monospace" c="dark" data-testid="own-key-id">
                      {o.current.keyId}
                    </Text>
                    <Text span ml="md">
                      {t('packages.createdAt')}：{formatDateTime(o.current.createdAt, lang)}
                    </Text>
                  </Text>
                  <Text size="sm" fw={600}>
                    {t('packages.fingerprint')}
                  </Text>
                  <Fingerprint value={o.current.fingerprint} testid="own-fingerprint" />
                </>
              ) : (
                <Alert color="yellow">{t('packages.noOwnKey')}</Alert>
              )}
              {!o.holdsKeys && <Alert color="yellow">{t('packages.noKeysHeld')}</Alert>}
              <Group>
                <Button disabled={!o.current} onClick={() => void exportCard()} data-testid="own-export">
                  {t('packages.exportCard')}
                </Button>
                <Button variant="default" disabled={!o.current} onClick={() => void printForm()} data-testid="own-form">
                  {t('packages.printForm')}
                </Button>
                <Button variant="default" disabled={!o.holdsKeys} onClick={() => setAction('rotate')} data-testid="own-rotate">
                  {t('packages.rotate')}
                </Button>
                <Button variant="subtle" color="red" disabled={!o.holdsKeys} onClick={() => setAction('revokeOwn')} data-testid="own-revoke">
                  {t('packages.revokeOwn')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Card>

      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={4}>{o?.office.kind === 'superior' ? t('packages.subordinates') : t('packages.offices')}</Title>
          <OfficesTable offices={offices.data ?? []} onRevoke={(x) => setPeer(x)} />
        </Stack>
      </Card>

      <Card withBorder radius="md" padding="lg" data-testid="card-import">
        <Stack gap="sm">
          <Title order={4}>{t('packages.importCard')}</Title>
          <Text size="sm" c="dimmed">
            {t('packages.importCardText')}
          </Text>
          <Group align="flex-end">
            <FileInput
              style={{ flex: 1 }}
              label={t('packages.cardFile')}
              placeholder={t('roster.filePlaceholder')}
              accept=".json,application/json"
              value={file}
              onChange={(f) => {
                setFile(f)
                setCard(null)
                setTyped('')
              }}
              clearable
              leftSection={<IconUpload size={16} />}
              fileInputProps={{ 'data-testid': 'card-file' } as React.ComponentProps<'input'>}
            />
            <Button disabled={!file} loading={busy && !card} onClick={() => void inspect()} data-testid="card-inspect">
              {t('packages.inspect')}
            </Button>
          </Group>
          {card && (
            <Stack gap="sm" data-testid="card-view">
              <Text>
                <Text span fw={600}>
                  {card.office.name}
                </Text>
                <Text span c="dimmed" ml="sm">
                  {card.office.code} · {t(`packages.kinds.${card.office.kind}`)} · {t('packages.keyId')} {card.keyId}
                </Text>
              </Text>
              <Fingerprint value={card.fingerprint} testid="card-fingerprint" />
              <Alert color={card.effect === 'refused' ? 'red' : card.effect === 'known' ? 'gray' : 'blue'} data-testid="card-effect">
                {t(`packages.effects.${card.effect}`)}
                {card.refusal ? `：${lang === 'zh' ? card.refusal.zh : card.refusal.en}` : ''}
              </Alert>
              {card.effect !== 'refused' && card.effect !== 'known' && (
                <>
                  <TextInput
                    label={t('packages.typeFingerprint')}
                    description={t('packages.typeFingerprintHint')}
                    value={typed}
                    onChange={(e) => setTyped(e.currentTarget.value)}
                    ff="monospace"
                    error={typed !== '' && digits(typed).length >= 60 && !typedMatches ? t('packages.fingerprintMismatch') : undefined}
                    data-testid="card-typed"
                  />
                  <Group>
                    <Button variant="default" onClick={() => setTyped(card.fingerprint)} data-testid="card-confirm-same">
                      {t('packages.confirmSame')}
                    </Button>
                    <Button disabled={!typedMatches} loading={busy} onClick={() => void importCard()} data-testid="card-import-button">
                      {t('packages.registerCard')}
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          )}
        </Stack>
      </Card>

      <ConfirmModal
        opened={action !== null || peer !== null}
        title={action === 'rotate' ? t('packages.rotate') : action === 'revokeOwn' ? t('packages.revokeOwn') : t('packages.revokePeer')}
        danger={action !== 'rotate'}
        onCancel={() => {
          setAction(null)
          setPeer(null)
          setReason('')
        }}
        onConfirm={() => (peer ? revokePeer() : changeOwn())}
      >
        <Stack gap="sm">
          <Text size="sm">
            {action === 'rotate'
              ? t('packages.rotateText')
              : action === 'revokeOwn'
                ? t('packages.revokeOwnText')
                : t('packages.revokePeerText', { name: peer?.name ?? '' })}
          </Text>
          <Textarea label={t('packages.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk data-testid="keys-reason" />
        </Stack>
      </ConfirmModal>
    </Stack>
  )
}
