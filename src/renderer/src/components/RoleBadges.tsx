import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isAdminRole, type Role } from '@shared/roles'

/** Roles as badges: administrator roles in the primary colour, content roles in grey-blue. */
export function RoleBadges({ roles, empty }: { roles: readonly Role[]; empty?: string }) {
  const { t } = useTranslation()
  if (roles.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty ?? t('common.none')}
      </Text>
    )
  }
  return (
    <Group gap={6}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color={isAdminRole(role) ? 'navy' : 'teal'} radius="sm">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  )
}
