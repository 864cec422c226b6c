import { useState } from 'react'
import { Alert, Anchor, Button, Center, Group, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { call, useDescribeError } from '../api'
import { AuthLayout } from '../components/AuthLayout'

/** 会话已锁定: unlock with the password, or sign out. */
export function LockScreen({
  session,
  onUnlocked,
  onSignOut,
}: {
  session: SessionInfo
  onUnlocked: (session: SessionInfo) => void
  onSignOut: () => void
}) {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!password) return
    setBusy(true)
    setError(null)
    const result = await call('auth.unlock', { password })
    setBusy(false)
    setPassword('')
    if (result.ok) onUnlocked(result.value)
    else if (result.error.code === 'NOT_AUTHENTICATED') onSignOut()
    else setError(describe(result.error))
  }

  return (
    <AuthLayout width={420} demo={session.demo}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="unlock-form">
        <Stack gap="md">
          <Center>
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconLock size={30} />
            </ThemeIcon>
          </Center>
          <Title order={2} ta="center">
            {t('lock.title')}
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            {t('lock.lead', { name: session.displayName })}
          </Text>
          <Text size="sm" ta="center">
            {session.unitName}
          </Text>
          <PasswordInput
            label={t('lock.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            data-autofocus
            data-testid="unlock-password"
          />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="unlock-error" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy} fullWidth data-testid="unlock-submit">
            {t('lock.submit')}
          </Button>
          <Group justify="center">
            <Anchor component="button" type="button" size="sm" onClick={onSignOut} data-testid="unlock-logout">
              {t('lock.logout')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  )
}
