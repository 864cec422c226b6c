import { useEffect, useState } from 'react'
import { Alert, Button, Card, EmptyState, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconArrowRight, IconChecklist, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { HomeTask, SessionInfo } from '@shared/api/types'
import { isAdminRole } from '@shared/roles'
import { useApi } from '../api'
import { normalizeRoute } from '../routes'

/** 'users.mustChangePassword' → 'usersMustChangePassword' (the key under `tasks.`). */
export function taskKey(kind: string): string {
  return kind.replace(/[._-]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** 首页: greeting, what the role is for, and the pending tasks from `home.tasks`. */
export function HomePage({ session, onNavigate }: { session: SessionInfo; onNavigate: (route: string) => void }) {
  const { t, i18n } = useTranslation()
  const { run } = useApi()
  const [tasks, setTasks] = useState<HomeTask[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let live = true
    void run('home.tasks').then((r) => {
      if (!live) return
      if (r.ok) setTasks(r.value)
      else setFailed(true)
    })
    return () => {
      live = false
    }
  }, [run])

  const taskLabel = (kind: string) => {
    const key = `tasks.${taskKey(kind)}`
    return i18n.exists(key) ? t(key) : kind
  }

  const hints = session.roles.filter(isAdminRole).map((r) => t(`home.roleHint.${r}`))
  if (session.roles.some((r) => !isAdminRole(r)) || session.roles.length === 0) hints.push(t('home.roleHint.content'))

  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap={4}>
        <Title order={2} fw={600}>
          {t('home.greeting', { name: session.displayName })}
        </Title>
        <Text c="dimmed">
          {t('home.rolesLine', { roles: session.roles.map((r) => t(`roles.${r}`)).join('、') || t('common.none') })}
        </Text>
      </Stack>
      {hints.length > 0 && (
        <Alert variant="light" icon={<IconInfoCircle />}>
          <Stack gap={2}>
            {hints.map((h) => (
              <Text size="sm" key={h}>
                {h}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Stack gap="md">
        <Title order={4}>{t('home.tasksTitle')}</Title>
        {tasks === null && !failed && <Loader size="sm" />}
        {tasks !== null && tasks.length === 0 && (
          <Card withBorder padding="xl" radius="md" data-testid="tasks-empty">
            <EmptyState
              icon={<IconChecklist size={28} />}
              withIndicatorBackground
              title={t('home.empty')}
              description={t('home.emptyText')}
            />
          </Card>
        )}
        {tasks !== null && tasks.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            {tasks.map((task) => (
              <Card key={`${task.kind}:${task.route}`} withBorder padding="lg" radius="md" data-testid={`task-${task.kind}`}>
                <Stack gap="sm" h="100%" justify="space-between">
                  <Text fw={500}>{taskLabel(task.kind)}</Text>
                  <Group justify="space-between" align="flex-end">
                    <Text fz={32} fw={700} c="navy.7" lh={1}>
                      {t('home.count', { count: task.count })}
                    </Text>
                    {normalizeRoute(task.route) !== 'home' && (
                      <Button
                        variant="light"
                        size="xs"
                        rightSection={<IconArrowRight size={14} />}
                        onClick={() => onNavigate(task.route)}
                      >
                        {t('home.go')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  )
}
