import { Group, List, Progress, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { checkPassword, PASSWORD_RULE } from '../password'

const LEVEL_VALUE = { empty: 0, weak: 30, fair: 70, strong: 100 } as const
const LEVEL_COLOR = { empty: 'gray', weak: 'red', fair: 'yellow', strong: 'green' } as const
const LEVEL_KEY = {
  empty: 'password.levelEmpty',
  weak: 'password.levelWeak',
  fair: 'password.levelFair',
  strong: 'password.levelStrong',
} as const

/** The password rule, with a live check of what has been typed so far. */
export function PasswordRuleHint({ password, testId }: { password: string; testId?: string }) {
  const { t } = useTranslation()
  const check = checkPassword(password)
  const item = (ok: boolean, text: string) => (
    <List.Item
      icon={
        <ThemeIcon color={ok ? 'green' : password ? 'red' : 'gray'} size={18} radius="xl" variant="light">
          {ok ? <IconCheck size={12} /> : <IconX size={12} />}
        </ThemeIcon>
      }
    >
      <Text size="sm" c={ok ? undefined : password ? 'red.8' : 'dimmed'}>
        {text}
      </Text>
    </List.Item>
  )
  return (
    <Stack gap={6} data-testid={testId ?? 'password-rule'} aria-live="polite">
      <Text size="sm" c="dimmed">
        {t('password.rule', { ...PASSWORD_RULE })}
      </Text>
      <List spacing={4} size="sm" center>
        {item(check.lengthOk, t('password.length', { ...PASSWORD_RULE, count: check.length }))}
        {item(check.classesOk, t('password.classes', { ...PASSWORD_RULE, count: check.classes }))}
      </List>
      <Group gap="sm" wrap="nowrap">
        <Progress
          value={LEVEL_VALUE[check.level]}
          color={LEVEL_COLOR[check.level]}
          size="sm"
          style={{ flex: 1 }}
          aria-hidden
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('password.strength', { level: t(LEVEL_KEY[check.level]) })}
        </Text>
      </Group>
    </Stack>
  )
}
