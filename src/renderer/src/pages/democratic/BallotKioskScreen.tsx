import { useEffect, useMemo, useState } from 'react'
import { Alert, Anchor, Badge, Box, Button, Center, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconHeartHandshake } from '@tabler/icons-react'
import { useIdle } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { BALLOT_LEVELS, type BallotLevel } from '@shared/annual'
import type { BallotCell, BallotStart } from '@shared/democratic'
import { VOTER_CATEGORY_LABELS } from '@shared/democratic'
import { DIMENSIONS, DIMENSION_LABELS, type Dimension } from '@shared/guideline/model'
import { call, useDescribeError } from '../../api'
import { useLang } from '../../i18n'
import { KioskExit } from '../../screens/KioskScreen'
import { LEVEL_KEY } from './levels'

/** How long "感谢您参加民主测评" stays before the screen returns to code entry. */
export const BALLOT_THANKS_MS = 4000
/** A ballot left untouched this long is dropped, so a voter who walked away leaves nothing for the next. */
export const BALLOT_IDLE_RESET_MS = 5 * 60_000

const BLANK = ''
type Choices = Record<string, BallotLevel>
const cellKey = (personId: number, d: Dimension) => `${personId}:${d}`

/**
 * 民主测评 ballot kiosk (issue 9 item 1): a voter types the code from their slip, rates every
 * participant on 德能勤绩廉 in one screen (a cell may stay blank), and submits; the screen thanks them
 * and returns to code entry with nothing of their ballot left in it. Main refuses every other
 * method until the starter's password ends the kiosk.
 */
export function BallotKioskScreen({ session, onExited }: { session: SessionInfo; onExited: (s: SessionInfo) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const describe = useDescribeError()
  const [code, setCode] = useState('')
  const [ballot, setBallot] = useState<BallotStart | null>(null)
  const [choices, setChoices] = useState<Choices>({})
  const [thanks, setThanks] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [exiting, setExiting] = useState(false)

  // Every way back to code entry forgets the ballot: the next voter sees nothing of it.
  const reset = () => {
    setCode('')
    setBallot(null)
    setChoices({})
    setError(null)
  }

  const idle = useIdle(BALLOT_IDLE_RESET_MS, { initialState: false, events: ['keydown', 'mousedown', 'touchstart', 'wheel'] })
  useEffect(() => {
    if (idle) reset()
  }, [idle])

  useEffect(() => {
    if (!thanks) return
    const id = window.setTimeout(() => setThanks(false), BALLOT_THANKS_MS)
    return () => window.clearTimeout(id)
  }, [thanks])

  const begin = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!code.trim()) return
    setBusy(true)
    const r = await call('democratic.ballotBegin', { code })
    setBusy(false)
    if (r.ok) {
      setError(null)
      setChoices({})
      setBallot(r.value)
    } else setError(describe(r.error))
  }

  const submit = async () => {
    if (!ballot) return
    const cells: BallotCell[] = Object.entries(choices).map(([k, level]) => {
      const [personId, dimension] = k.split(':') as [string, Dimension]
      return { personId: Number(personId), dimension, level }
    })
    setBusy(true)
    const r = await call('democratic.ballotSubmit', { code, cells })
    setBusy(false)
    if (r.ok) {
      reset()
      setThanks(true)
    } else setError(describe(r.error))
  }

  const rated = useMemo(() => {
    if (!ballot) return 0
    return ballot.participants.filter((p) => DIMENSIONS.some((d) => choices[cellKey(p.personId, d)])).length
  }, [ballot, choices])

  const options = [
    ...BALLOT_LEVELS.map((l) => ({ value: l, label: t(`democratic.short.${LEVEL_KEY[l]}`) })),
    { value: BLANK, label: t('democratic.blank') },
  ]

  let body: React.ReactNode
  if (thanks) {
    body = (
      <Center h="60vh" data-testid="ballot-thanks">
        <Stack align="center" gap="lg">
          <IconHeartHandshake size={120} color="var(--mantine-color-green-6)" />
          <Title order={1} fz={48}>{t('democratic.thanks')}</Title>
          <Text fz={22} c="dimmed">{t('democratic.thanksLead')}</Text>
        </Stack>
      </Center>
    )
  } else if (!ballot) {
    body = (
      <Center h="55vh">
        <Paper withBorder radius="lg" p="xl" w={560} shadow="sm">
          <form onSubmit={(e) => void begin(e)} noValidate data-testid="ballot-code-form">
            <Stack gap="lg">
              <Title order={2} fz={32} ta="center">{t('democratic.enterCode')}</Title>
              <Text c="dimmed" ta="center">{t('democratic.enterCodeLead')}</Text>
              <TextInput
                size="xl"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                placeholder="XXXX-XXXX-XXXX"
                autoComplete="off"
                autoFocus
                styles={{ input: { textAlign: 'center', letterSpacing: 4, fontFamily: 'monospace' } }}
                aria-label={t('democratic.enterCode')}
                data-testid="ballot-code"
              />
              <Button type="submit" size="xl" loading={busy} data-testid="ballot-begin">{t('democratic.begin')}</Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    )
  } else {
    body = (
      <Stack gap="md" data-testid="ballot-sheet">
        <Group justify="space-between" align="center">
          <Group gap="sm">
            <Title order={2}>{t('democratic.ballotTitle', { year: ballot.year })}</Title>
            <Badge size="lg" variant="light">{VOTER_CATEGORY_LABELS[ballot.category][lang]}</Badge>
          </Group>
          <Text fz="lg" fw={600} data-testid="ballot-progress">
            {t('democratic.progress', { rated, total: ballot.participants.length })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">{t('democratic.ballotLead')}</Text>
        <Paper withBorder radius="md">
          <Table verticalSpacing={6} stickyHeader highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>{t('democratic.colName')}</Table.Th>
                {DIMENSIONS.map((d) => (
                  <Table.Th key={d} ta="center">{DIMENSION_LABELS[d].zh}{lang === 'en' ? ` ${DIMENSION_LABELS[d].en}` : ''}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ballot.participants.map((p) => (
                <Table.Tr key={p.personId} data-testid={`ballot-row-${p.personId}`}>
                  <Table.Td>
                    <Text fw={600} size="sm">{p.name}</Text>
                    <Text size="xs" c="dimmed">{[p.department, p.post].filter(Boolean).join(' · ')}</Text>
                  </Table.Td>
                  {DIMENSIONS.map((d) => {
                    const k = cellKey(p.personId, d)
                    return (
                      <Table.Td key={d} ta="center">
                        <SegmentedControl
                          size="xs"
                          color="blue"
                          data={options}
                          value={choices[k] ?? BLANK}
                          onChange={(v) =>
                            setChoices((c) => {
                              const next = { ...c }
                              if (v === BLANK) delete next[k]
                              else next[k] = v as BallotLevel
                              return next
                            })
                          }
                          aria-label={`${p.name} ${DIMENSION_LABELS[d].zh}`}
                          data-testid={`ballot-cell-${p.personId}-${d}`}
                        />
                      </Table.Td>
                    )
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" size="lg" onClick={reset} data-testid="ballot-cancel">{t('democratic.cancel')}</Button>
          <Button size="lg" onClick={() => void submit()} loading={busy} data-testid="ballot-submit">{t('democratic.submit')}</Button>
        </Group>
      </Stack>
    )
  }

  return (
    <Box mih="100vh" p="xl" bg="var(--mantine-color-gray-0)" data-testid="ballot-kiosk">
      <Stack gap="lg" maw={1400} mx="auto">
        <Stack gap={0}>
          <Title order={1} fz={36}>{t('democratic.kioskTitle')}</Title>
          <Text fz={18} c="dimmed">{session.unitName}</Text>
        </Stack>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="ballot-error">
            {error}
          </Alert>
        )}
        {body}
      </Stack>
      <Anchor component="button" type="button" c="dimmed" size="xs" onClick={() => setExiting(true)} style={{ position: 'fixed', right: 12, top: 8, opacity: 0.5 }} data-testid="kiosk-exit">
        {t('kiosk.exit')}
      </Anchor>
      <KioskExit opened={exiting} session={session} onClose={() => setExiting(false)} onExited={onExited} />
    </Box>
  )
}
