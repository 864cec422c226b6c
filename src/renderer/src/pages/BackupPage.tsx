import { useEffect, useState } from 'react'
import { Alert, Button, Card, Code, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconDatabaseExport, IconDatabaseImport, IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo, BackupSigningKeyView } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { BackupInfoView } from '../components/BackupInfoView'
import { ConfirmModal } from '../components/ConfirmModal'
import { PageHeader } from '../components/PageHeader'

type Action = 'create' | 'verify' | 'restore'

/** 备份与恢复 (系统管理员): create, verify and restore a backup folder. */
export function BackupPage({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const [folders, setFolders] = useState<Record<Action, string>>({ create: '', verify: '', restore: '' })
  const [busy, setBusy] = useState<Action | null>(null)
  const [result, setResult] = useState<{ action: Action; info: BackupInfo } | null>(null)
  const [confirmRestore, setConfirmRestore] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Action, string>>>({})
  // Verify and restore: the password at backup time (or recovery code), and the fingerprint from paper.
  const [secrets, setSecrets] = useState<Record<'verify' | 'restore', { password: string; fingerprint: string }>>({
    verify: { password: '', fingerprint: '' },
    restore: { password: '', fingerprint: '' },
  })
  const [signingKey, setSigningKey] = useState<BackupSigningKeyView | null>(null)

  useEffect(() => {
    void run('backup.signingKey', {}, { notify: false }).then((r) => {
      if (r.ok) setSigningKey(r.value)
    })
  }, [run])

  const go = async (action: Action) => {
    const folder = folders[action].trim()
    if (!folder) return
    setBusy(action)
    setResult(null)
    setErrors({})
    const extra = action === 'create' ? null : secrets[action]
    const fingerprint = extra?.fingerprint.trim() || undefined
    const r =
      action === 'create'
        ? await run('backup.create', { folder }, { notify: false })
        : action === 'verify'
          ? await run('backup.verify', { folder, password: extra?.password || undefined, fingerprint }, { notify: false })
          : await run('backup.restore', { folder, password: extra?.password ?? '', fingerprint }, { notify: false })
    setBusy(null)
    if (!r.ok) {
      setErrors({ [action]: describe(r.error) })
      return
    }
    setResult({ action, info: r.value })
    // The backup went into a new subfolder: verify (and restore) that exact folder next.
    if (action === 'create') setFolders((f) => ({ ...f, verify: r.value.folder, restore: f.restore || r.value.folder }))
    if (action === 'create') notifySuccess(t('backup.created'))
    if (action === 'verify') notifySuccess(t('backup.verified'))
    if (action === 'restore') {
      notifySuccess(t('backup.restored'))
      onRestored()
    }
  }

  // Only the desktop app has a system folder dialog (window.kaoheDesktop); the browser keeps the typed path.
  const desktop = window.kaoheDesktop
  const pickFolder = async (action: Action) => {
    if (!desktop) return
    const chosen = await desktop.pickFolder()
    if (chosen.ok && chosen.value !== null) {
      const value = chosen.value
      setFolders((f) => ({ ...f, [action]: value }))
    }
  }

  const card = (action: Action, icon: React.ReactNode, color: string | undefined, danger = false) => (
    <Card withBorder radius="md" padding="lg" className="choice-card">
      <Stack gap="sm" style={{ flex: 1 }}>
        <ThemeIcon size={40} radius="md" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Title order={4}>{t(`backup.${action}Title`)}</Title>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {t(`backup.${action}Text`)}
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('backup.folder')}
            description={t('backup.folderHint')}
            value={folders[action]}
            onChange={(e) => {
              const value = e.currentTarget.value
              setFolders((f) => ({ ...f, [action]: value }))
            }}
            data-testid={`backup-${action}-folder`}
          />
          {desktop && (
            <Button variant="default" onClick={() => void pickFolder(action)} data-testid={`backup-${action}-pick`}>
              {t('backup.pickFolder')}
            </Button>
          )}
        </Group>
        {action !== 'create' && (
          <>
            <PasswordInput
              label={t('backup.password')}
              description={t('backup.passwordHint')}
              value={secrets[action].password}
              withAsterisk={action === 'restore'}
              autoComplete="current-password"
              onChange={(e) => {
                const value = e.currentTarget.value
                setSecrets((x) => ({ ...x, [action]: { ...x[action], password: value } }))
              }}
              data-testid={`backup-${action}-password`}
            />
            <TextInput
              label={t('backup.fingerprint')}
              description={t('backup.fingerprintHint')}
              value={secrets[action].fingerprint}
              onChange={(e) => {
                const value = e.currentTarget.value
                setSecrets((x) => ({ ...x, [action]: { ...x[action], fingerprint: value } }))
              }}
              data-testid={`backup-${action}-fingerprint`}
            />
          </>
        )}
        {errors[action] && (
          <Alert color="red" icon={<IconAlertTriangle />} p="xs" data-testid={`backup-${action}-error`} role="alert">
            <Text size="sm">{errors[action]}</Text>
          </Alert>
        )}
        <Button
          color={danger ? 'red' : undefined}
          variant={danger ? 'light' : action === 'create' ? 'filled' : 'default'}
          loading={busy === action}
          disabled={!folders[action].trim() || (action === 'restore' && !secrets.restore.password) || (busy !== null && busy !== action)}
          onClick={() => (danger ? setConfirmRestore(true) : void go(action))}
          data-testid={`backup-${action}`}
        >
          {t(`backup.${action}`)}
        </Button>
      </Stack>
    </Card>
  )

  return (
    <Stack gap="lg">
      <PageHeader title={t('backup.title')} lead={t('backup.lead')} />
      {signingKey && (
        <Card withBorder radius="md" padding="lg" data-testid="backup-signing-key">
          <Stack gap="xs">
            <Title order={5}>{t('backup.keyTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('backup.keyText')}
            </Text>
            <Code block style={{ fontSize: 16, letterSpacing: 1 }} data-testid="backup-fingerprint">
              {signingKey.fingerprint}
            </Code>
          </Stack>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {card('create', <IconDatabaseExport size={22} />, undefined)}
        {card('verify', <IconShieldCheck size={22} />, 'green')}
        {card('restore', <IconDatabaseImport size={22} />, 'red', true)}
      </SimpleGrid>
      {result && (
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm">
            <Title order={5}>
              {t('backup.infoTitle')} · {t(`backup.${result.action}`)}
            </Title>
            <BackupInfoView info={result.info} />
            {result.info.signingKeyFingerprint && (
              <Text size="sm">
                {t('backup.infoFingerprint')}：<Code>{result.info.signingKeyFingerprint}</Code>
              </Text>
            )}
          </Stack>
        </Card>
      )}
      <ConfirmModal
        opened={confirmRestore}
        title={t('backup.restoreConfirmTitle')}
        danger
        confirmLabel={t('backup.restoreSubmit')}
        onCancel={() => setConfirmRestore(false)}
        onConfirm={async () => {
          setConfirmRestore(false)
          await go('restore')
        }}
      >
        <Stack gap="sm">
          <Alert color="red" icon={<IconAlertTriangle />} data-testid="backup-restore-warning">
            {t('backup.restoreConfirmText')}
          </Alert>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {t('backup.restoreFolder', { folder: folders.restore.trim() })}
          </Text>
        </Stack>
      </ConfirmModal>
    </Stack>
  )
}
