import { useState } from 'react'
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle, IconPresentation } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo, SetupStatus } from '@shared/api/types'
import { call, useDescribeError } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { useLang } from '../i18n'

/** 登录. AUTH_FAILED and ACCOUNT_LOCKED are shown inline; the demo unit lists its logins. */
export function Login({
  status,
  notice,
  onSignedIn,
  onRecover,
}: {
  status: SetupStatus
  notice?: string | null
  onSignedIn: (session: SessionInfo) => void
  /** Opens the recovery-code screen; hidden in the demo unit. */
  onRecover?: () => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const describe = useDescribeError()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!username.trim() || !password) {
      setError(t('login.required'))
      return
    }
    setBusy(true)
    setError(null)
    const result = await call('auth.login', { username: username.trim(), password })
    setBusy(false)
    if (result.ok) onSignedIn(result.value)
    else {
      setError(describe(result.error))
      setPassword('')
    }
  }

  return (
    <AuthLayout width={status.demo ? 640 : 440} demo={status.demo}>
      <Stack gap="lg">
        <Title order={2}>{t('login.title')}</Title>
        {status.demo && (
          <Alert color="orange" variant="light" icon={<IconPresentation />} data-testid="demo-banner">
            {t('login.demoBanner')}
          </Alert>
        )}
        {notice && (
          <Alert variant="light" icon={<IconInfoCircle />}>
            {notice}
          </Alert>
        )}
        <form onSubmit={(e) => void submit(e)} data-testid="login-form" noValidate>
          <Stack gap="md">
            <TextInput
              label={t('login.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              data-autofocus
              data-testid="login-username"
            />
            <PasswordInput
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              data-testid="login-password"
            />
            {error && (
              <Alert color="red" icon={<IconAlertTriangle />} data-testid="login-error" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy} fullWidth size="md" data-testid="login-submit">
              {t('login.submit')}
            </Button>
            {onRecover && !status.demo && (
              <Group justify="center">
                <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRecover} data-testid="login-recover">
                  {t('login.forgot')}
                </Anchor>
              </Group>
            )}
          </Stack>
        </form>
        {status.demo && status.demoLogins.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('login.demoTable')}
            </Text>
            <Table highlightOnHover withTableBorder striped data-testid="demo-logins">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('login.demoWho')}</Table.Th>
                  <Table.Th>{t('login.demoUser')}</Table.Th>
                  <Table.Th>{t('login.demoPassword')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.demoLogins.map((d) => (
                  <Table.Tr
                    key={d.username}
                    style={{ cursor: 'pointer' }}
                    bg={username === d.username ? 'var(--mantine-color-navy-0)' : undefined}
                    tabIndex={0}
                    data-testid={`demo-login-${d.username}`}
                    onClick={() => {
                      setUsername(d.username)
                      setPassword(d.password)
                      setError(null)
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault()
                        setUsername(d.username)
                        setPassword(d.password)
                      }
                    }}
                  >
                    <Table.Td>{lang === 'zh' ? d.zh : d.en}</Table.Td>
                    <Table.Td className="mono">{d.username}</Table.Td>
                    <Table.Td className="mono">{d.password}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </AuthLayout>
  )
}
