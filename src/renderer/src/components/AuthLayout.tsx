import type { ReactNode } from 'react'
import { Badge, Box, Center, Container, Group, Paper, Text } from '@mantine/core'
import { IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'

/** The frame of every screen before the app shell: brand bar, language switch, centred card. */
export function AuthLayout({ children, width = 460, demo }: { children: ReactNode; width?: number; demo?: boolean }) {
  const { t } = useTranslation()
  return (
    <Box className="auth-page">
      <Box className="brand-stripe" />
      <Group justify="space-between" px="xl" py="md">
        <Group gap="sm">
          <IconShieldCheck size={28} color="var(--mantine-color-navy-7)" />
          <div>
            <Text fw={700} size="lg" lh={1.2}>
              {t('app.name')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
          {demo && (
            <Badge color="orange" variant="filled" ml="sm">
              {t('common.demoBadge')}
            </Badge>
          )}
        </Group>
        <LanguageSwitch />
      </Group>
      <Center py={40} px="md">
        <Container size={width} w="100%" p={0}>
          <Paper withBorder shadow="sm" radius="md" p={36}>
            {children}
          </Paper>
          <Text ta="center" size="xs" c="dimmed" mt="md">
            {t('app.offline')}
          </Text>
        </Container>
      </Center>
    </Box>
  )
}
