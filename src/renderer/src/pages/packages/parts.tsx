import { useState } from 'react'
import { Alert, Badge, Button, Card, FileInput, Group, List, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCheck, IconUpload, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { PACKAGE_CHECKS, PACKAGE_CHECK_NAMES, PACKAGE_KIND_NAMES, type CheckOutcome, type ImportPreview, type ImportResult, type PackageKind } from '@shared/bundles'
import type { FileContent } from '@shared/api/types'
import { notifySuccess, useApi } from '../../api'
import { downloadFile, readFileAsBase64 } from '../../files'
import { useLang } from '../../i18n'

/** "12345 67890 …": the fingerprint as read aloud, big and monospace so it is compared group by group. */
export function Fingerprint({ value, testid }: { value: string; testid: string }) {
  return (
    <Text ff="monospace" fz={22} fw={600} lh={1.6} style={{ wordSpacing: '0.4em', letterSpacing: '0.04em' }} data-testid={testid}>
      {value}
    </Text>
  )
}

export function kindName(kind: PackageKind, lang: 'zh' | 'en'): string {
  return PACKAGE_KIND_NAMES[kind][lang]
}

/** Every check in PACKAGE_CHECKS order: ✓ passed, ✗ failed with the reason, the rest not reached. */
export function CheckList({ checks }: { checks: readonly CheckOutcome[] }) {
  const lang = useLang()
  const { t } = useTranslation()
  return (
    <List spacing={4} data-testid="package-checks" listStyleType="none">
      {PACKAGE_CHECKS.map((name) => {
        const c = checks.find((x) => x.check === name)
        return (
          <List.Item
            key={name}
            data-testid={`check-${name}`}
            data-ok={c ? String(c.ok) : 'none'}
            icon={
              <ThemeIcon size={20} radius="xl" color={!c ? 'gray' : c.ok ? 'green' : 'red'} variant={c ? 'filled' : 'light'}>
                {c && !c.ok ? <IconX size={14} /> : <IconCheck size={14} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={600}>
              {PACKAGE_CHECK_NAMES[name][lang]}
            </Text>
            <Text size="sm" span c={c && !c.ok ? 'red' : 'dimmed'} ml="sm">
              {c ? (lang === 'zh' ? c.zh : c.en) : t('packages.notReached')}
            </Text>
          </List.Item>
        )
      })}
    </List>
  )
}

/**
 * The inbox, the same at a unit and at the superior: pick a package file, see every check and the
 * dry run's changes, import, carry the receipt back.
 */
export function Inbox({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [content, setContent] = useState<FileContent | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState(false)

  const check = async () => {
    if (!file) return
    setBusy(true)
    setResult(null)
    const c = await readFileAsBase64(file)
    setContent(c)
    const r = await run('bundles.preview', { file: c })
    setBusy(false)
    setPreview(r.ok ? r.value : null)
  }
  const doImport = async () => {
    if (!content) return
    setBusy(true)
    const r = await run('bundles.import', { file: content })
    setBusy(false)
    if (r.ok) {
      setResult(r.value)
      notifySuccess(r.value.alreadyImported ? t('packages.importedAgain') : t('packages.imported'))
      onImported?.()
    }
  }

  return (
    <Card withBorder radius="md" padding="lg" data-testid="inbox">
      <Stack gap="sm">
        <Title order={4}>{t('packages.inboxTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('packages.inboxText')}
        </Text>
        <Group align="flex-end">
          <FileInput
            style={{ flex: 1 }}
            label={t('packages.packageFile')}
            placeholder={t('roster.filePlaceholder')}
            accept=".kaohe,.age,application/octet-stream"
            value={file}
            onChange={(f) => {
              setFile(f)
              setPreview(null)
              setResult(null)
            }}
            clearable
            leftSection={<IconUpload size={16} />}
            fileInputProps={{ 'data-testid': 'inbox-file' } as React.ComponentProps<'input'>}
          />
          <Button disabled={!file} loading={busy && !preview} onClick={() => void check()} data-testid="inbox-verify">
            {t('packages.verify')}
          </Button>
        </Group>
        {preview && (
          <Stack gap="sm" data-testid="inbox-preview">
            {preview.ok ? (
              <Alert color="green" title={t('packages.allChecksPassed')} data-testid="inbox-ok">
                {preview.alreadyImported ? t('packages.alreadyImported') : t('packages.readyToImport')}
              </Alert>
            ) : (
              <Alert color="red" title={t('packages.rejected')} data-testid="inbox-rejected">
                {preview.failed ? PACKAGE_CHECK_NAMES[preview.failed][lang] : ''}
              </Alert>
            )}
            <Table withTableBorder variant="vertical" maw={640}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={140}>{t('packages.sender')}</Table.Th>
                  <Table.Td data-testid="inbox-sender">{preview.sender ? `${preview.sender.name}（${preview.sender.code}）` : '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('packages.kind')}</Table.Th>
                  <Table.Td data-testid="inbox-kind">{preview.kind ? kindName(preview.kind, lang) : '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('packages.sequence')}</Table.Th>
                  <Table.Td>{preview.sequence ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('packages.period')}</Table.Th>
                  <Table.Td>{preview.period ?? '—'}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <CheckList checks={preview.checks} />
            {preview.ok && (
              <>
                <Text fw={600} size="sm">
                  {t('packages.changes')}
                </Text>
                {preview.changes.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('packages.noChanges')}
                  </Text>
                ) : (
                  <List size="sm" data-testid="inbox-changes">
                    {preview.changes.map((c, i) => (
                      <List.Item key={`${c.what}-${i}`}>{lang === 'zh' ? c.zh : c.en}</List.Item>
                    ))}
                  </List>
                )}
                <Group>
                  <Button loading={busy} disabled={result !== null} onClick={() => void doImport()} data-testid="inbox-import">
                    {t('packages.import')}
                  </Button>
                  {result?.receipt && (
                    <Button
                      variant="light"
                      onClick={() => result.receipt && downloadFile(result.receipt)}
                      data-testid="inbox-receipt"
                    >
                      {t('packages.downloadReceipt')}
                    </Button>
                  )}
                  {result && (
                    <Badge color="green" variant="light" data-testid="inbox-done">
                      {t('packages.importDone')}
                    </Badge>
                  )}
                </Group>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
