import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { IconAlertTriangle, IconPlus, IconScale } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { UserRoles } from '@shared/api/types'
import { ADMIN_ROLES, CONTENT_ROLES, isAdminRole, type Role } from '@shared/roles'
import { notifySuccess, useApi } from '../api'
import { ConfirmModal } from '../components/ConfirmModal'
import { PageHeader } from '../components/PageHeader'

/** The role an account already holds that `role` may not be combined with (三员分立), if any. */
export function conflictingRole(role: Role, held: readonly Role[]): Role | undefined {
  return held.find((h) => h !== role && (isAdminRole(role) || isAdminRole(h)))
}

/** 角色管理 (安全管理员): grant and revoke roles, with the separation-of-duties rule explained. */
export function RolesPage() {
  const { t } = useTranslation()
  const { run } = useApi()
  const [rows, setRows] = useState<UserRoles[] | null>(null)
  const [granting, setGranting] = useState<UserRoles | null>(null)
  const [revoking, setRevoking] = useState<{ user: UserRoles; role: Role } | null>(null)

  const load = useCallback(async () => {
    const r = await run('roles.list')
    if (r.ok) setRows(r.value)
  }, [run])

  useEffect(() => {
    void load()
  }, [load])

  const revoke = async () => {
    if (!revoking) return
    const r = await run('roles.revoke', { userId: revoking.user.userId, role: revoking.role })
    if (r.ok) {
      notifySuccess(t('rolesPage.revoked', { name: r.value.displayName, role: t(`roles.${revoking.role}`) }))
    }
    setRevoking(null)
    await load()
  }

  return (
    <Stack gap={0}>
      <PageHeader title={t('rolesPage.title')} lead={t('rolesPage.lead')} />
      <Alert variant="light" icon={<IconScale />} title={t('rolesPage.ruleTitle')} mb="lg" data-testid="roles-rule">
        {t('rolesPage.ruleText')}
      </Alert>
      <Card withBorder padding={0} radius="md">
        {rows === null ? (
          <Group p="xl" justify="center">
            <Loader size="sm" />
          </Group>
        ) : rows.length === 0 ? (
          <Text p="xl" c="dimmed" ta="center">
            {t('rolesPage.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="roles-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rolesPage.colUser')}</Table.Th>
                  <Table.Th>{t('rolesPage.colStatus')}</Table.Th>
                  <Table.Th>{t('rolesPage.colRoles')}</Table.Th>
                  <Table.Th ta="right">{t('rolesPage.colActions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((u) => (
                  <Table.Tr key={u.userId} data-testid={`role-row-${u.username}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" className="mono">
                        {u.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={u.disabled ? 'gray' : 'green'} variant="light">
                        {u.disabled ? t('users.disabled') : t('users.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {u.roles.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('users.noRoles')}
                        </Text>
                      ) : (
                        <Group gap={6}>
                          {u.roles.map((role) => (
                            <Badge
                              key={role}
                              variant="light"
                              color={isAdminRole(role) ? 'navy' : 'teal'}
                              radius="sm"
                              pr={3}
                              rightSection={
                                <CloseButton
                                  size="xs"
                                  variant="transparent"
                                  aria-label={t('rolesPage.revokeLabel', { role: t(`roles.${role}`) })}
                                  onClick={() => setRevoking({ user: u, role })}
                                  data-testid={`role-revoke-${u.username}-${role}`}
                                />
                              }
                            >
                              {t(`roles.${role}`)}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconPlus size={14} />}
                          onClick={() => setGranting(u)}
                          data-testid={`role-grant-${u.username}`}
                        >
                          {t('rolesPage.grant')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <GrantModal
        user={granting}
        onClose={() => setGranting(null)}
        onGranted={(u, role) => {
          setGranting(null)
          notifySuccess(t('rolesPage.granted', { name: u.displayName, role: t(`roles.${role}`) }))
          void load()
        }}
      />
      <ConfirmModal
        opened={revoking !== null}
        title={t('rolesPage.revokeTitle')}
        danger
        onCancel={() => setRevoking(null)}
        onConfirm={revoke}
      >
        <Text size="sm">
          {revoking &&
            t('rolesPage.revokeText', { name: revoking.user.displayName, role: t(`roles.${revoking.role}`) })}
        </Text>
      </ConfirmModal>
    </Stack>
  )
}

function GrantModal({
  user,
  onClose,
  onGranted,
}: {
  user: UserRoles | null
  onClose: () => void
  onGranted: (u: UserRoles, role: Role) => void
}) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const [role, setRole] = useState<Role>('staff')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setError(null)
    if (user) setRole(CONTENT_ROLES.find((r) => !user.roles.includes(r)) ?? 'staff')
  }, [user])

  const held = user?.roles ?? []
  const conflict = conflictingRole(role, held)

  const submit = async () => {
    if (!user) return
    setBusy(true)
    setError(null)
    const r = await run('roles.grant', { userId: user.userId, role }, { notify: false })
    setBusy(false)
    if (r.ok) onGranted(r.value, role)
    else setError(describe(r.error))
  }

  const option = (r: Role) => ({ value: r, label: t(`roles.${r}`), disabled: held.includes(r) })

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('rolesPage.grantTitle', { name: user.displayName }) : ''}
      size="md"
      centered
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('rolesPage.current', {
            roles: held.map((r) => t(`roles.${r}`)).join('、') || t('users.noRoles'),
          })}
        </Text>
        <NativeSelect
          label={t('rolesPage.role')}
          value={role}
          onChange={(e) => {
            setRole(e.currentTarget.value as Role)
            setError(null)
          }}
          data={[
            { group: t('rolesPage.groupContent'), items: CONTENT_ROLES.map(option) },
            { group: t('rolesPage.groupAdmin'), items: ADMIN_ROLES.map(option) },
          ]}
          data-testid="role-grant-select"
        />
        <Text size="sm" c="dimmed">
          {t('rolesPage.ruleText')}
        </Text>
        {conflict && !error && (
          <Text size="sm" c="orange.8" data-testid="role-conflict-hint">
            {t('rolesPage.conflictHint', { role: t(`roles.${role}`), other: t(`roles.${conflict}`) })}
          </Text>
        )}
        {error && (
          <Alert color="red" icon={<IconAlertTriangle />} data-testid="role-error" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} data-testid="role-grant-submit">
            {t('rolesPage.grantSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
