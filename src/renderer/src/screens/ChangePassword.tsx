import { useState } from 'react'
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { call, notifySuccess, useDescribeError } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields'

/** Forced password change (首次登录或重置后). */
export function ChangePassword({
  session,
  onChanged,
  onSignOut,
}: {
  session: SessionInfo
  onChanged: (session: SessionInfo) => void
  onSignOut: () => void
}) {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [oldPassword, setOld] = useState('')
  const [newPassword, setNew] = useState('')
  const [confirm, setConfirm] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const { weak, mismatch } = newPasswordProblems(newPassword, confirm)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (!oldPassword || weak || mismatch) return
    setBusy(true)
    setError(null)
    const result = await call('auth.changePassword', { oldPassword, newPassword })
    setBusy(false)
    if (result.ok) {
      notifySuccess(t('changePassword.done'))
      onChanged(result.value)
    } else setError(describe(result.error))
  }

  return (
    <AuthLayout width={480} demo={session.demo}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="change-password-form">
        <Stack gap="md">
          <Title order={2}>{t('changePassword.title')}</Title>
          <Text c="dimmed" size="sm">
            {session.displayName}（{session.username}）· {t('changePassword.lead')}
          </Text>
          <PasswordInput
            label={t('changePassword.oldPassword')}
            value={oldPassword}
            onChange={(e) => setOld(e.currentTarget.value)}
            autoComplete="current-password"
            data-autofocus
            data-testid="change-old"
          />
          <NewPasswordFields
            password={newPassword}
            confirm={confirm}
            onPassword={setNew}
            onConfirm={setConfirm}
            tried={tried}
            labels={{ password: t('changePassword.newPassword'), confirm: t('changePassword.confirm') }}
            testIds={{ password: 'change-new', confirm: 'change-confirm' }}
          />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="change-error" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="space-between" mt="sm">
            <Anchor component="button" type="button" size="sm" onClick={onSignOut}>
              {t('lock.logout')}
            </Anchor>
            <Button type="submit" loading={busy} data-testid="change-submit">
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  )
}
