import { Alert, Badge, Button, Card, EmptyState, Group, Loader, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core'
import { IconArrowRight, IconChecklist, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { HomeTimeline, SessionInfo } from '@shared/api/types'
import { isAdminRole } from '@shared/roles'
import { useApiData } from '../useApiData'
import { normalizeRoute } from '../routes'
import { formatDate, formatQuarter } from '../format'
import { useLang } from '../i18n'

/** 'users.mustChangePassword' → 'usersMustChangePassword' (the key under `tasks.`). */
export function taskKey(kind: string): string {
  return kind.replace(/[._-]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase())
}

type Translate = (key: string, options?: Record<string, string | number>) => string

/**
 * What comes next in the cycle for these roles, as one sentence: the nearest quarter date still
 * ahead (the 小结 for staff, the rating window for supervisors and the leadership group, its end for
 * HR), else the annual evaluation.
 */
export function nextStepText(timeline: HomeTimeline, roles: readonly string[], t: Translate, lang: 'zh' | 'en'): string {
  const rates = roles.some((r) => r === 'leader' || r === 'leaderHead' || r === 'supervisor')
  const hr = roles.includes('hr')
  const day = (d: string) => formatDate(d, lang)
  for (const q of timeline.quarters) {
    const quarter = formatQuarter(timeline.year, q.quarter, lang)
    if (q.phase === 'closed') continue
    if (q.phase === 'notStarted' || q.phase === 'open') {
      if (hr || rates) return t('home.next.quarterEnd', { quarter, date: day(q.to) })
      return t('home.next.summary', { quarter, date: day(q.summaryDueOn) })
    }
    if (q.phase === 'summaryDue' && !hr && !rates) return t('home.next.summary', { quarter, date: day(q.summaryDueOn) })
    return t(hr ? 'home.next.hrRating' : 'home.next.rating', { quarter, date: day(q.ratingEndsOn) })
  }
  const annual = timeline.steps.find((s) => s.step === 'annual')
  return t('home.next.annual', { year: timeline.year, date: day(annual?.from ?? `${timeline.year + 1}-01-01`) })
}

const STEP_COLOR = { done: 'gray', now: 'green', next: 'blue' } as const

/** The year's cycle (RULES.md §1): each step with its dates and state, and what comes next for this role. */
function TimelineCard({ timeline, roles }: { timeline: HomeTimeline; roles: readonly string[] }) {
  const { t } = useTranslation()
  const lang = useLang()
  const active = timeline.steps.reduce((n, s, i) => (s.state !== 'next' ? i : n), -1)
  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-timeline">
      <Stack gap="md">
        <Title order={4}>{t('home.timelineTitle', { year: timeline.year })}</Title>
        <Text fw={500} c="navy.7" data-testid="home-next">
          {nextStepText(timeline, roles, t, lang)}
        </Text>
        <Timeline active={active} bulletSize={18} lineWidth={2}>
          {timeline.steps.map((s) => (
            <Timeline.Item
              key={s.step}
              title={
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {t(`home.step.${s.step}`)}
                  </Text>
                  <Badge size="sm" variant="light" color={STEP_COLOR[s.state]}>
                    {t(`home.stepState.${s.state}`)}
                  </Badge>
                </Group>
              }
              data-testid={`home-step-${s.step}`}
            >
              <Text size="xs" c="dimmed">
                {t('home.stepDates', { from: formatDate(s.from, lang), to: formatDate(s.to, lang) })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  )
}

/** 首页: greeting, what the role is for, the year's cycle, and the pending tasks from `home.tasks`. */
export function HomePage({ session, onNavigate }: { session: SessionInfo; onNavigate: (route: string) => void }) {
  const { t, i18n } = useTranslation()
  const lang = useLang()
  const hasContentRole = session.roles.some((r) => !isAdminRole(r))
  // The one hook for reads: answers for a page already left are dropped (useApiData).
  const timeline = useApiData('home.timeline', hasContentRole ? {} : null, [], { notify: false }).data
  const taskList = useApiData('home.tasks', {}, [])
  const tasks = taskList.data
  const failed = taskList.error !== null

  const taskLabel = (kind: string) => {
    const key = `tasks.${taskKey(kind)}`
    return i18n.exists(key) ? t(key) : kind
  }

  // Administrators get a line on what their role is for; content roles get the year's timeline instead.
  const hints = session.roles.filter(isAdminRole).map((r) => t(`home.roleHint.${r}`))
  if (session.roles.length === 0) hints.push(t('home.roleHint.content'))

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
      {timeline && <TimelineCard timeline={timeline} roles={session.roles} />}
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
                  <Stack gap={2}>
                    <Text fw={500}>{taskLabel(task.kind)}</Text>
                    {task.dueOn && (
                      <Text size="sm" c="dimmed" data-testid={`task-due-${task.kind}`}>
                        {t('home.dueOn', { date: formatDate(task.dueOn, lang) })}
                      </Text>
                    )}
                  </Stack>
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
