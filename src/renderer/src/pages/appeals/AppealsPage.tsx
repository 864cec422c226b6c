import { useState } from 'react'
import { Alert, Badge, Button, Card, Checkbox, Group, Loader, Modal, NativeSelect, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { APPEAL_GRADES, type AppealGrade, type AppealView } from '@shared/appeals'
import { notifySuccess, useApi } from '../../api'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { useLang } from '../../i18n'
import { can } from '../../routes'

const STATUS_COLOR: Record<AppealView['status'], string> = { pending: 'blue', upheld: 'green', refused: 'gray', withdrawn: 'gray' }

/** 申诉: the person's own (window, deadline, calendar warning, file, answers); the leadership group's list and answer dialog. */
export function AppealsPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear() - 1)
  const group = can(session.roles, 'appeals.answer') || session.roles.includes('hr')
  return (
    <Stack gap="md" maw={1180}>
      <PageHeader title={t('appeals.title')} />
      <YearSelect value={year} onChange={setYear} testid="appeals-year" label={t('appeals.year')} />
      <Mine year={year} />
      {group && <GroupList year={year} canAnswer={can(session.roles, 'appeals.answer')} />}
    </Stack>
  )
}

function Warnings({ list, testid }: { list: { zh: string; en: string }[]; testid: string }) {
  const lang = useLang()
  if (!list.length) return null
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid={testid}>
      {list.map((w) => w[lang]).join(' ')}
    </Alert>
  )
}

function Mine({ year }: { year: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const win = useApiData('appeals.window', { year }, [year], { notify: false })
  const mine = useApiData('appeals.list', { year }, [year], { notify: false })
  const [items, setItems] = useState<string[]>([])
  const [grade, setGrade] = useState<string | null>(null)
  const [text, setText] = useState('')
  const w = win.data
  if (!w) return win.error ? null : <Loader size="sm" />
  const own = (mine.data ?? []).filter((a) => a.personId === w.personId)
  const higher = APPEAL_GRADES.filter((g) => w.grade !== null && APPEAL_GRADES.indexOf(g) < APPEAL_GRADES.indexOf(w.grade as AppealGrade))
  const file = async () => {
    if (!grade) return
    const r = await run('appeals.file', { year, items, gradeAsked: grade as AppealGrade, text })
    if (!r.ok) return
    notifySuccess(t('appeals.filed', { date: r.value.dueOn }))
    setItems([])
    setText('')
    win.reload()
    mine.reload()
  }
  return (
    <Card withBorder padding="lg" data-testid="appeals-mine">
      <Stack gap="sm">
        <Title order={4}>{t('appeals.mineTitle')}</Title>
        {w.grade && <Text data-testid="appeals-grade">{t('appeals.grade', { grade: w.grade })}</Text>}
        <Text data-testid="appeals-delivered">{w.deliveredOn ? t('appeals.delivered', { date: w.deliveredOn }) : t('appeals.notDelivered')}</Text>
        {w.windowUntil && (
          <Text fw={500} data-testid="appeals-deadline">
            {t('appeals.windowLine', { days: w.windowWorkingDays, date: w.windowUntil })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('appeals.answerLine', { days: w.answerCalendarDays })}
        </Text>
        <Warnings list={w.warnings} testid="appeals-warning" />
        {w.open ? (
          <Stack gap="sm">
            <Checkbox.Group label={t('appeals.items')} value={items} onChange={setItems}>
              <Group mt="xs">
                {w.items.map((i) => (
                  <Checkbox key={i.key} value={i.key} label={i.label[lang]} data-testid={`appeal-item-${i.key}`} />
                ))}
              </Group>
            </Checkbox.Group>
            <NativeSelect label={t('appeals.gradeAsked')} data={[{ value: '', label: '—' }, ...higher]} value={grade ?? ''} onChange={(e) => setGrade(e.currentTarget.value || null)} w={200} data-testid="appeal-grade" />
            <Textarea label={t('appeals.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={4} maxLength={8000} data-testid="appeal-text" />
            <Group>
              <Button onClick={() => void file()} disabled={!items.length || !grade || !text.trim()} data-testid="appeal-submit">
                {t('appeals.submit')}
              </Button>
            </Group>
          </Stack>
        ) : (
          w.reason && (
            <Alert color="gray" data-testid="appeals-closed">
              {t('appeals.closed', { reason: w.reason[lang] })}
            </Alert>
          )
        )}
        {own.map((a) => (
          <AppealCard key={a.id} a={a} />
        ))}
      </Stack>
    </Card>
  )
}

function AppealCard({ a }: { a: AppealView }) {
  const { t } = useTranslation()
  const lang = useLang()
  return (
    <Card withBorder padding="sm" data-testid={`appeal-${a.id}`}>
      <Group justify="space-between">
        <Text fw={500}>
          {t(`appeals.routeLabel.${a.route}`)} · {a.filedOn} · {a.items.map((i) => i.label[lang]).join('、')}
        </Text>
        <Badge color={STATUS_COLOR[a.status]} variant="light" data-testid={`appeal-status-${a.id}`}>
          {t(`appeals.statusLabel.${a.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c={a.overdue ? 'red' : 'dimmed'}>
        {t('appeals.dueOn')}：{a.dueOn} {a.overdue ? t('appeals.overdue') : ''}
      </Text>
      {a.answeredOn && a.answerReason && <Text size="sm">{t('appeals.answerOf', { date: a.answeredOn, reason: a.answerReason })}</Text>}
      {a.gradeAfter && (
        <Text size="sm" fw={500} data-testid={`appeal-grade-change-${a.id}`}>
          {t('appeals.gradeChange', { before: a.gradeBefore, after: a.gradeAfter })}
          {a.newFormId ? ` · ${t('appeals.newForm')}` : ''}
        </Text>
      )}
    </Card>
  )
}

function GroupList({ year, canAnswer }: { year: number; canAnswer: boolean }) {
  const { t } = useTranslation()
  const lang = useLang()
  const list = useApiData('appeals.list', { year }, [year])
  const [answering, setAnswering] = useState<AppealView | null>(null)
  const rows = list.data
  return (
    <Card withBorder padding={0} data-testid="appeals-group">
      <Group p="md">
        <Title order={4}>{t('appeals.groupTitle')}</Title>
      </Group>
      {rows === null ? (
        <Group justify="center" py={32}>
          <Loader size="sm" />
        </Group>
      ) : rows.length === 0 ? (
        <Text c="dimmed" p="md">
          {t('appeals.none')}
        </Text>
      ) : (
        <Table striped data-testid="appeals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('appeals.person')}</Table.Th>
              <Table.Th>{t('appeals.route')}</Table.Th>
              <Table.Th>{t('appeals.filedOn')}</Table.Th>
              <Table.Th>{t('appeals.dueOn')}</Table.Th>
              <Table.Th>{t('appeals.status')}</Table.Th>
              <Table.Th>{t('appeals.recused')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id} data-testid={`appeal-row-${a.id}`}>
                <Table.Td>
                  {a.name}（{a.staffNo}）
                </Table.Td>
                <Table.Td>{t(`appeals.routeLabel.${a.route}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.filedOn}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" c={a.overdue ? 'red' : undefined} fw={a.overdue ? 700 : undefined} data-testid={`appeal-due-${a.id}`}>
                    {a.dueOn} {a.overdue ? t('appeals.overdue') : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[a.status]} variant="light">
                    {t(`appeals.statusLabel.${a.status}`)}
                  </Badge>
                  {a.gradeAfter ? ` ${a.gradeBefore} → ${a.gradeAfter}` : ''}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid={`appeal-recused-${a.id}`}>
                    {a.recused.map((m) => `${m.name}（${m.reason[lang]}）`).join('、')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canAnswer && a.route === 'internal' && a.status === 'pending' && (
                    <Button size="xs" onClick={() => setAnswering(a)} data-testid={`appeal-answer-${a.id}`}>
                      {t('appeals.answer')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {answering && <AnswerDialog a={answering} onClose={() => (setAnswering(null), list.reload())} />}
    </Card>
  )
}

function AnswerDialog({ a, onClose }: { a: AppealView; onClose: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [decision, setDecision] = useState<'upheld' | 'refused'>('upheld')
  const [grade, setGrade] = useState<string | null>(a.gradeAsked)
  const [reason, setReason] = useState('')
  const higher = APPEAL_GRADES.filter((g) => APPEAL_GRADES.indexOf(g) < APPEAL_GRADES.indexOf(a.gradeBefore as AppealGrade))
  const submit = async () => {
    const r = await run('appeals.answer', { appealId: a.id, decision, reason, ...(decision === 'upheld' && grade ? { grade: grade as AppealGrade } : {}) })
    if (r.ok) {
      notifySuccess(t('appeals.answered'))
      onClose()
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('appeals.answerTitle', { id: a.id })} size="lg">
      <Stack gap="sm" data-testid="appeal-answer-dialog">
        <Text size="sm">
          {a.name}（{a.staffNo}）· {a.gradeBefore} → {a.gradeAsked ?? '—'} · {a.items.map((i) => i.label[lang]).join('、')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.text}
        </Text>
        <Text size="sm" c="dimmed">
          {t('appeals.recused')}：{a.recused.map((m) => m.name).join('、')}
        </Text>
        <Radio.Group value={decision} onChange={(v) => setDecision(v as 'upheld' | 'refused')} label={t('appeals.decision')}>
          <Group mt="xs">
            <Radio value="upheld" label={t('appeals.upheld')} data-testid="appeal-decision-upheld" />
            <Radio value="refused" label={t('appeals.refused')} data-testid="appeal-decision-refused" />
          </Group>
        </Radio.Group>
        {decision === 'upheld' && <NativeSelect label={t('appeals.newGrade')} data={[{ value: '', label: '—' }, ...higher]} value={grade ?? ''} onChange={(e) => setGrade(e.currentTarget.value || null)} w={200} data-testid="appeal-new-grade" />}
        <Textarea label={t('appeals.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} data-testid="appeal-reason" />
        <Alert color="orange">{t('appeals.final')}</Alert>
        <Group justify="flex-end">
          <Button onClick={() => void submit()} disabled={!reason.trim() || (decision === 'upheld' && !grade)} data-testid="appeal-answer-submit">
            {t('appeals.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
