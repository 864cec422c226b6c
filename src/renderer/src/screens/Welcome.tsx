import { useState } from 'react'
import { Alert, Button, Card, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconBuildingBank, IconPresentation } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call, useDescribeError } from '../api'
import { AuthLayout } from '../components/AuthLayout'

/** First start: set up a real unit, or open the demo unit. */
export function Welcome({ onSetup, onDemoOpened }: { onSetup: () => void; onDemoOpened: () => void }) {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const openDemo = async () => {
    setBusy(true)
    setError(null)
    const result = await call('setup.openDemo')
    setBusy(false)
    if (result.ok) onDemoOpened()
    else setError(describe(result.error))
  }

  return (
    <AuthLayout width={760}>
      <Stack gap="xl">
        <Stack gap={6}>
          <Title order={2}>{t('welcome.title')}</Title>
          <Text c="dimmed">{t('welcome.lead')}</Text>
        </Stack>
        {error && (
          <Alert color="red" data-testid="welcome-error">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Card withBorder padding="lg" radius="md" className="choice-card">
            <Stack gap="sm" style={{ flex: 1 }}>
              <ThemeIcon size={44} radius="md" variant="light">
                <IconBuildingBank size={26} />
              </ThemeIcon>
              <Text fw={600} size="lg">
                {t('welcome.setupTitle')}
              </Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {t('welcome.setupText')}
              </Text>
              <Button onClick={onSetup} data-testid="welcome-setup" fullWidth>
                {t('welcome.setupButton')}
              </Button>
            </Stack>
          </Card>
          <Card withBorder padding="lg" radius="md" className="choice-card">
            <Stack gap="sm" style={{ flex: 1 }}>
              <ThemeIcon size={44} radius="md" variant="light" color="orange">
                <IconPresentation size={26} />
              </ThemeIcon>
              <Text fw={600} size="lg">
                {t('welcome.demoTitle')}
              </Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {t('welcome.demoText')}
              </Text>
              <Button
                variant="default"
                onClick={() => void openDemo()}
                loading={busy}
                data-testid="welcome-demo"
                fullWidth
              >
                {t('welcome.demoButton')}
              </Button>
            </Stack>
          </Card>
        </SimpleGrid>
      </Stack>
    </AuthLayout>
  )
}
