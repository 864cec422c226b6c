import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconAlertTriangle, IconKey, IconLockOpen, IconUserPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { SessionInfo, UserSummary } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { ConfirmModal } from '../components/ConfirmModal'
import { PageHeader } from '../components/PageHeader'
import { PasswordRuleHint } from '../components/PasswordRuleHint'
import { RoleBadges } from '../components/RoleBadges'
import { formatDateTime } from '../format'
import { useLang } from '../i18n'
import { fieldOf, zodValidate } from '../forms/zodForm'
import { checkPassword, USERNAME_RE } from '../password'
import { ResetRequestsCard } from './ResetRequestsCard'
import { isAdminRole } from '@shared/roles'

const DISPLAY_NAME = fieldOf(contract['users.add'].input, 'displayName')

/** 用户管理 (系统管理员): list, add, disable/enable, reset password. */
export function UsersPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [users, setUsers] = useState<UserSummary[] | null>(null)
  const [adding, setAdding] = useState(false)
  const [toggling, setToggling] = useState<UserSummary | null>(null)
  const [resetting, setResetting] = useState<UserSummary | null>(null)
  const [requested, setRequested] = useState(0)

  /** A content account's reset is only requested here; the security administrator approves it. */
  const startReset = async (u: UserSummary) => {
    if (u.roles.every((r) => isAdminRole(r))) {
      setResetting(u)
      return
    }
    const r = await run('users.requestReset', { userId: u.id })
    if (r.ok) {
      notifySuccess(t('users.requestDone', { name: u.displayName }))
      setRequested((n) => n + 1)
    }
  }

  const load = useCallback(async () => {
    const r = await run('users.list')
    if (r.ok) setUsers(r.value)
  }, [run])

  useEffect(() => {
    void load()
  }, [load])

  const toggle = async () => {
    if (!toggling) return
    const disabled = !toggling.disabled
    const r = await run('users.setDisabled', { userId: toggling.id, disabled })
    if (r.ok) {
      notifySuccess(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { name: r.value.displayName }))
      setToggling(null)
      await load()
    }
  }

  /** A lockout after too many wrong passwords ends now rather than at its time. */
  const unlock = async (u: UserSummary) => {
    const r = await run('users.unlock', { userId: u.id })
    if (r.ok) {
      notifySuccess(t('users.unlockedDone', { name: u.displayName }))
      await load()
    }
  }

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('users.title')}
        lead={t('users.lead')}
        actions={
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setAdding(true)} data-testid="users-add">
            {t('users.add')}
          </Button>
        }
      />
      <Card withBorder padding={0} radius="md">
        {users === null ? (
          <Group p="xl" justify="center">
            <Loader size="sm" />
          </Group>
        ) : users.length === 0 ? (
          <Text p="xl" c="dimmed" ta="center">
            {t('users.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.colUsername')}</Table.Th>
                  <Table.Th>{t('users.colDisplayName')}</Table.Th>
                  <Table.Th>{t('users.colRoles')}</Table.Th>
                  <Table.Th>{t('users.colStatus')}</Table.Th>
                  <Table.Th>{t('users.colMustChange')}</Table.Th>
                  <Table.Th>{t('users.colLockedUntil')}</Table.Th>
                  <Table.Th ta="right">{t('users.colActions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => {
                  // main reports lockedUntil only while the lockout lasts (on its own clock)
                  const locked = u.lockedUntil !== null
                  return (
                    <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                      <Table.Td className="mono">{u.username}</Table.Td>
                      <Table.Td>{u.displayName}</Table.Td>
                      <Table.Td>
                        <RoleBadges roles={u.roles} empty={t('users.noRoles')} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Badge color={u.disabled ? 'gray' : 'green'} variant="light">
                            {u.disabled ? t('users.disabled') : t('users.active')}
                          </Badge>
                          {locked && (
                            <Badge color="red" variant="light" data-testid={`user-locked-${u.username}`}>
                              {t('users.locked')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {u.mustChangePassword ? (
                          <Badge color="yellow" variant="light">
                            {t('common.yes')}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('common.no')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {u.lockedUntil ? (
                          <Text size="sm" c={locked ? 'red.8' : 'dimmed'}>
                            {formatDateTime(u.lockedUntil, lang)}
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('common.none')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          {locked && (
                            <Button
                              size="xs"
                              variant="light"
                              color="orange"
                              leftSection={<IconLockOpen size={14} />}
                              onClick={() => void unlock(u)}
                              data-testid={`user-unlock-${u.username}`}
                            >
                              {t('users.unlock')}
                            </Button>
                          )}
                          <Button
                            size="xs"
                            variant="default"
                            leftSection={<IconKey size={14} />}
                            onClick={() => void startReset(u)}
                            data-testid={`user-reset-${u.username}`}
                          >
                            {u.roles.every((r) => isAdminRole(r)) ? t('users.resetPassword') : t('users.requestReset')}
                          </Button>
                          <Button
                            size="xs"
                            variant={u.disabled ? 'light' : 'subtle'}
                            color={u.disabled ? 'green' : 'red'}
                            onClick={() => setToggling(u)}
                            disabled={u.id === session.userId}
                            data-testid={`user-toggle-${u.username}`}
                          >
                            {u.disabled ? t('users.enable') : t('users.disable')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <ResetRequestsCard session={session} reloadKey={requested} />
      <AddUserModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(u) => {
          setAdding(false)
          notifySuccess(t('users.added', { name: u.displayName }))
          void load()
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(u) => {
          setResetting(null)
          notifySuccess(t('users.resetDone', { name: u.displayName }))
          void load()
        }}
      />
      <ConfirmModal
        opened={toggling !== null}
        title={toggling?.disabled ? t('users.enableTitle') : t('users.disableTitle')}
        danger={!toggling?.disabled}
        confirmLabel={toggling?.disabled ? t('users.enable') : t('users.disable')}
        onCancel={() => setToggling(null)}
        onConfirm={toggle}
      >
        <Text size="sm">
          {toggling &&
            t(toggling.disabled ? 'users.enableText' : 'users.disableText', {
              name: toggling.displayName,
              username: toggling.username,
            })}
        </Text>
      </ConfirmModal>
    </Stack>
  )
}

function AddUserModal({
  opened,
  onClose,
  onAdded,
}: {
  opened: boolean
  onClose: () => void
  onAdded: (u: UserSummary) => void
}) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const lang = useLang()
  const checkDisplayName = zodValidate<string>(DISPLAY_NAME, lang, (v) => v, { '': 'displayName' })
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (opened) {
      setUsername('')
      setDisplayName('')
      setPassword('')
      setConfirm('')
      setTried(false)
      setError(null)
    }
  }, [opened])

  const errors = {
    username: USERNAME_RE.test(username.trim()) ? undefined : t('wizard.usernameInvalid'),
    // 1–40 characters: users.add's own schema, worded in the UI language.
    displayName: checkDisplayName(displayName).displayName as string | undefined,
    password: checkPassword(password).ok ? undefined : t('password.weak'),
    confirm: confirm === password ? undefined : t('password.mismatch'),
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (Object.values(errors).some(Boolean)) return
    setBusy(true)
    setError(null)
    const r = await run(
      'users.add',
      { username: username.trim(), displayName: displayName.trim(), password },
      { notify: false },
    )
    setBusy(false)
    if (r.ok) onAdded(r.value)
    else setError(describe(r.error))
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('users.addTitle')} size="lg" centered>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="user-add-form">
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput
              label={t('wizard.username')}
              description={t('wizard.usernameHint')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={tried ? errors.username : undefined}
              withAsterisk
              autoComplete="off"
              data-autofocus
              data-testid="user-add-username"
            />
            <TextInput
              label={t('wizard.displayName')}
              description={'\u00a0'}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={tried ? errors.displayName : undefined}
              withAsterisk
              data-testid="user-add-displayName"
            />
          </Group>
          <Group grow align="flex-start">
            <PasswordInput
              label={t('users.initialPassword')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={tried ? errors.password : undefined}
              withAsterisk
              autoComplete="new-password"
              data-testid="user-add-password"
            />
            <PasswordInput
              label={t('users.confirmPassword')}
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={tried ? errors.confirm : undefined}
              withAsterisk
              autoComplete="new-password"
              data-testid="user-add-confirm"
            />
          </Group>
          <PasswordRuleHint password={password} />
          <Text size="sm" c="dimmed">
            {t('users.addNote')}
          </Text>
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="user-add-error" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="user-add-submit">
              {t('users.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: UserSummary | null
  onClose: () => void
  onDone: (u: UserSummary) => void
}) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setPassword('')
    setConfirm('')
    setTried(false)
    setError(null)
  }, [user])

  const weak = !checkPassword(password).ok
  const mismatch = confirm !== password

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (!user || weak || mismatch) return
    setBusy(true)
    setError(null)
    const r = await run('users.resetPassword', { userId: user.id, password }, { notify: false })
    setBusy(false)
    if (r.ok) onDone(r.value)
    else setError(describe(r.error))
  }

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      size="md"
      centered
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="user-reset-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('users.resetNote')}
          </Text>
          <PasswordInput
            label={t('users.initialPassword')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={tried && weak ? t('password.weak') : undefined}
            withAsterisk
            autoComplete="new-password"
            data-autofocus
            data-testid="user-reset-password"
          />
          <PasswordInput
            label={t('users.confirmPassword')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={tried && mismatch ? t('password.mismatch') : undefined}
            withAsterisk
            autoComplete="new-password"
            data-testid="user-reset-confirm"
          />
          <PasswordRuleHint password={password} />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="user-reset-error" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy} data-testid="user-reset-submit">
              {t('users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
