import { useCallback, useEffect, useState } from 'react'
import { Alert, Anchor, Box, Button, Card, Center, Group, Loader, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { IconAlertTriangle, IconArrowLeft, IconMoodHappy, IconMoodSad, IconMoodSmile, IconMoodEmpty, IconMoodCry, IconHeartHandshake } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { KIOSK_LEVELS, type KioskLevel, type KioskOfficial, type KioskOfficials } from '@shared/kiosk'
import { call, notifySuccess, useApi, useDescribeError } from '../api'
import { useSessionEvents } from '../sessionEvents'

/** How long "谢谢您的评价" stays before the screen returns to the start. */
export const KIOSK_THANKS_MS = 3000

const LEVEL_LOOK: Record<KioskLevel, { color: string; Icon: typeof IconMoodHappy }> = {
  verySatisfied: { color: 'green', Icon: IconMoodHappy },
  satisfied: { color: 'teal', Icon: IconMoodSmile },
  fairlySatisfied: { color: 'yellow', Icon: IconMoodEmpty },
  dissatisfied: { color: 'orange', Icon: IconMoodSad },
  veryDissatisfied: { color: 'red', Icon: IconMoodCry },
}

type Step = { kind: 'department' } | { kind: 'official'; departmentId: number | null } | { kind: 'rate'; official: KioskOfficial } | { kind: 'thanks' }

/**
 * 现场评价: the full-screen kiosk a service recipient uses — department → official → five big level
 * buttons → thanks. No app chrome, no navigation; a discreet 退出 asks for the starter's password.
 */
export function KioskScreen({ session, onExited }: { session: SessionInfo; onExited: (s: SessionInfo) => void }) {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [data, setData] = useState<KioskOfficials | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [step, setStep] = useState<Step>({ kind: 'department' })
  const [exiting, setExiting] = useState(false)

  const home = useCallback((d: KioskOfficials | null): Step => {
    if (!d) return { kind: 'department' }
    if (d.departmentId !== null || d.departments.length <= 1) return { kind: 'official', departmentId: d.departmentId ?? d.departments[0]?.id ?? null }
    return { kind: 'department' }
  }, [])

  useEffect(() => {
    void call('kiosk.officials').then((r) => {
      if (r.ok) {
        setData(r.value)
        setStep(home(r.value))
      } else setError(describe(r.error))
    })
  }, [describe, home])

  useEffect(() => {
    if (step.kind !== 'thanks') return
    const id = window.setTimeout(() => setStep(home(data)), KIOSK_THANKS_MS)
    return () => window.clearTimeout(id)
  }, [step, data, home])

  const rate = async (official: KioskOfficial, level: KioskLevel) => {
    const r = await call('kiosk.rate', { personId: official.personId, level })
    if (r.ok) {
      setError(null)
      setStep({ kind: 'thanks' })
    } else setError(describe(r.error))
  }

  const bigCard = (key: string | number, label: string, sub: string | null, onClick: () => void, testId: string) => (
    <UnstyledButton key={key} onClick={onClick} data-testid={testId}>
      <Card withBorder radius="lg" p="xl" shadow="sm" mih={120} style={{ display: 'flex', justifyContent: 'center' }}>
        <Text fz={28} fw={600} ta="center">
          {label}
        </Text>
        {sub && (
          <Text fz={20} c="dimmed" ta="center">
            {sub}
          </Text>
        )}
      </Card>
    </UnstyledButton>
  )

  let body: React.ReactNode
  if (!data && !error) body = <Center h="60vh"><Loader size="xl" /></Center>
  else if (step.kind === 'thanks') {
    body = (
      <Center h="60vh" data-testid="kiosk-thanks">
        <Stack align="center" gap="lg">
          <IconHeartHandshake size={120} color="var(--mantine-color-green-6)" />
          <Title order={1} fz={56}>{t('kiosk.thanks')}</Title>
          <Text fz={24} c="dimmed">{t('kiosk.thanksLead')}</Text>
        </Stack>
      </Center>
    )
  } else if (data && step.kind === 'department') {
    body = (
      <Stack gap="xl">
        <Title order={2} fz={36} ta="center">{t('kiosk.pickDepartment')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
          {data.departments.map((d) => bigCard(d.id, d.name, null, () => setStep({ kind: 'official', departmentId: d.id }), `kiosk-dept-${d.id}`))}
        </SimpleGrid>
        {!data.departments.length && <Text fz={24} ta="center" c="dimmed">{t('kiosk.none')}</Text>}
      </Stack>
    )
  } else if (data && step.kind === 'official') {
    const list = data.officials.filter((o) => o.departmentId === step.departmentId)
    const canGoBack = home(data).kind === 'department'
    body = (
      <Stack gap="xl">
        <Title order={2} fz={36} ta="center">{t('kiosk.pickOfficial')}</Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="lg">
          {list.map((o) => bigCard(o.personId, o.name, o.post || null, () => setStep({ kind: 'rate', official: o }), `kiosk-official-${o.personId}`))}
        </SimpleGrid>
        {!list.length && <Text fz={24} ta="center" c="dimmed">{t('kiosk.none')}</Text>}
        {canGoBack && (
          <Center>
            <Button size="xl" variant="default" leftSection={<IconArrowLeft />} onClick={() => setStep({ kind: 'department' })} data-testid="kiosk-back">
              {t('kiosk.back')}
            </Button>
          </Center>
        )}
      </Stack>
    )
  } else if (step.kind === 'rate') {
    const o = step.official
    body = (
      <Stack gap="xl">
        <Title order={2} fz={36} ta="center">{t('kiosk.rate', { name: o.name })}</Title>
        {o.post && <Text fz={22} c="dimmed" ta="center">{o.post}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="lg">
          {KIOSK_LEVELS.map((level) => {
            const { color, Icon } = LEVEL_LOOK[level]
            return (
              <Button
                key={level}
                h={200}
                radius="lg"
                color={color}
                variant="filled"
                onClick={() => void rate(o, level)}
                data-testid={`kiosk-level-${level}`}
              >
                <Stack align="center" gap="sm">
                  <Icon size={72} />
                  <Text fz={26} fw={700}>{t(`kiosk.levels.${level}`)}</Text>
                </Stack>
              </Button>
            )
          })}
        </SimpleGrid>
        <Center>
          <Button size="xl" variant="default" leftSection={<IconArrowLeft />} onClick={() => setStep({ kind: 'official', departmentId: o.departmentId })} data-testid="kiosk-back">
            {t('kiosk.back')}
          </Button>
        </Center>
      </Stack>
    )
  }

  return (
    <Box mih="100vh" p="xl" bg="var(--mantine-color-gray-0)" data-testid="kiosk-screen" style={{ userSelect: 'none' }}>
      <Stack gap="xl" maw={1400} mx="auto">
        <Group justify="space-between" align="baseline">
          <Stack gap={0}>
            <Title order={1} fz={44}>{t('kiosk.title')}</Title>
            <Text fz={20} c="dimmed">{session.unitName}</Text>
          </Stack>
        </Group>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="kiosk-error">
            {error}
          </Alert>
        )}
        {body}
      </Stack>
      <Anchor
        component="button"
        type="button"
        c="dimmed"
        size="xs"
        onClick={() => setExiting(true)}
        // Top right: notifications appear bottom right and must never cover the way out.
        style={{ position: 'fixed', right: 12, top: 8, opacity: 0.5 }}
        data-testid="kiosk-exit"
      >
        {t('kiosk.exit')}
      </Anchor>
      <KioskExit opened={exiting} session={session} onClose={() => setExiting(false)} onExited={onExited} />
    </Box>
  )
}

export function KioskExit({ opened, session, onClose, onExited }: { opened: boolean; session: SessionInfo; onClose: () => void; onExited: (s: SessionInfo) => void }) {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const close = () => {
    setPassword('')
    setError(null)
    onClose()
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!password) return
    setBusy(true)
    const r = await call('kiosk.exit', { password })
    setBusy(false)
    setPassword('')
    if (r.ok) {
      setError(null)
      onExited(r.value)
    } else setError(describe(r.error))
  }
  return (
    <Modal opened={opened} onClose={close} title={t('kiosk.exitTitle')} centered>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="kiosk-exit-form">
        <Stack>
          <Text size="sm">{t('kiosk.exitLead', { name: session.displayName })}</Text>
          <PasswordInput label={t('kiosk.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus data-testid="kiosk-exit-password" />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="kiosk-exit-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy} data-testid="kiosk-exit-submit">{t('kiosk.exitSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** For HR on the import page: 开启现场评价, optionally for one department. */
export function KioskStartCard() {
  const { t } = useTranslation()
  const { run } = useApi()
  const { sessionMayHaveChanged } = useSessionEvents()
  const [departments, setDepartments] = useState<{ value: string; label: string }[]>([])
  const [dept, setDept] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void call('org.departments.list').then((r) => {
      if (r.ok) setDepartments(r.value.map((d) => ({ value: String(d.id), label: d.name })))
    })
  }, [])
  const start = async () => {
    setBusy(true)
    const r = await run('kiosk.start', dept ? { departmentId: Number(dept) } : {})
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('kiosk.start'))
      sessionMayHaveChanged()
    }
  }
  return (
    <Card withBorder padding="lg" data-testid="kiosk-start-card">
      <Stack gap="sm">
        <Title order={4}>{t('kiosk.startTitle')}</Title>
        <Text size="sm" c="dimmed">{t('kiosk.startText')}</Text>
        <Group align="flex-end">
          <Select
            label={t('kiosk.department')}
            placeholder={t('kiosk.allDepartments')}
            data={departments}
            value={dept}
            onChange={setDept}
            clearable
            w={260}
            data-testid="kiosk-start-department"
          />
          <Button onClick={() => void start()} loading={busy} data-testid="kiosk-start">
            {t('kiosk.start')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
