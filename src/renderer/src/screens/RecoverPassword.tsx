import { useState } from 'react'
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call, useDescribeError } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields'

/** 使用恢复码重设密码 (`auth.recover`), reached from the login screen. */
export function RecoverPassword({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [username, setUsername] = useState('')
  const [code, setCode] = useState('')
  const [newPassword, setNew] = useState('')
  const [confirm, setConfirm] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const { weak, mismatch } = newPasswordProblems(newPassword, confirm)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (!username.trim() || !code.trim()) {
      setError(t('recover.required'))
      return
    }
    if (weak || mismatch) return
    setBusy(true)
    setError(null)
    const result = await call('auth.recover', { username: username.trim(), recoveryCode: code.trim(), newPassword })
    setBusy(false)
    if (result.ok) onDone()
    else setError(describe(result.error))
  }

  return (
    <AuthLayout width={500}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="recover-form">
        <Stack gap="md">
          <Title order={2}>{t('recover.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('recover.lead')}
          </Text>
          <TextInput
            label={t('recover.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            data-autofocus
            data-testid="recover-username"
          />
          <TextInput
            label={t('recover.code')}
            description={t('recover.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            classNames={{ input: 'mono' }}
            data-testid="recover-code"
          />
          <NewPasswordFields
            password={newPassword}
            confirm={confirm}
            onPassword={setNew}
            onConfirm={setConfirm}
            tried={tried}
            labels={{ password: t('recover.newPassword'), confirm: t('recover.confirm') }}
            testIds={{ password: 'recover-new', confirm: 'recover-confirm' }}
          />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="recover-error" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="space-between" mt="sm">
            <Anchor component="button" type="button" size="sm" onClick={onBack}>
              {t('recover.back')}
            </Anchor>
            <Button type="submit" loading={busy} data-testid="recover-submit">
              {t('recover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  )
}
