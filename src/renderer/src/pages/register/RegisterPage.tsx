import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Card, Group, Loader, NativeSelect, Progress, SimpleGrid, Stack, Tabs, Text, Textarea, Title } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import type { ProposedGrade } from '@shared/annual'
import { REGISTER_PARTS, REGISTER_PART_LABELS, REGISTER_TEXT_MAX, type RegisterFormView, type RegisterListRow, type RegisterPart, type RegisterPartView } from '@shared/register'
import { notifySuccess, useApi } from '../../api'
import { downloadFile } from '../../files'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { UnitTable, type UnitColumn } from '../../components/UnitTable'
import { useLang } from '../../i18n'
import { can } from '../../routes'
import { GradeBadge } from '../annual/parts'

const SUGGESTED = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const
const STATUS_COLOR: Record<RegisterPartView['status'], string> = { empty: 'gray', draft: 'yellow', submitted: 'green' }
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
const month = (m: string | null) => (m ? m.replace('-', '.') : '—')

/** Which contract method writes a part for this actor (the person's own parts first). */
function saverOf(part: RegisterPart, own: boolean) {
  if (part === 'supervisor') return 'register.saveSupervisor' as const
  if (part === 'head') return 'register.saveHead' as const
  if (part === 'committee') return 'register.saveCommittee' as const
  if (part === 'undetermined') return 'register.saveHr' as const
  if (part === 'summary' || part === 'opinion') return 'register.saveOwn' as const
  return own ? ('register.saveOwn' as const) : ('register.saveHr' as const)
}

/** 《公务员年度考核登记表》: the person's own form (draft, 提交), the supervisor's and leaders' view of their people, HR's list and 打印全部. */
export function RegisterPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear() - 1)
  const [open, setOpen] = useState<number | null>(null)
  const [tab, setTab] = useState<string>('mine')
  const mine = useApiData('register.mine', { year }, [])
  const hasOwn = mine.data !== null
  useEffect(() => {
    if (mine.data === null && !mine.loading) setTab('people')
  }, [mine.data, mine.loading])
  return (
    <Stack gap="md" maw={1180}>
      <PageHeader title={t('register.title')} lead={t('register.lead')} actions={<YearSelect value={year} onChange={(y) => { setYear(y); setOpen(null) }} testid="register-year" label={t('register.year')} />} />
      {open !== null ? (
        <FormView year={year} personId={open} own={false} onBack={() => setOpen(null)} />
      ) : (
        <Tabs value={tab} onChange={(v) => setTab(v ?? 'mine')}>
          <Tabs.List>
            {hasOwn && <Tabs.Tab value="mine" data-testid="register-tab-mine">{t('register.tabMine')}</Tabs.Tab>}
            <Tabs.Tab value="people" data-testid="register-tab-people">{t('register.tabPeople')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine" pt="md">
            {mine.loading ? <Loader size="sm" /> : mine.data ? <FormView year={year} personId={mine.data.personId} own initial={mine.data} /> : null}
          </Tabs.Panel>
          <Tabs.Panel value="people" pt="md">
            {tab === 'people' && <PeopleList year={year} session={session} onOpen={setOpen} />}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  )
}

function PeopleList({ year, session, onOpen }: { year: number; session: SessionInfo; onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const list = useApiData('register.list', { year }, [])
  const [printing, setPrinting] = useState(false)
  const rows = list.data?.rows ?? []
  const submitted = (r: RegisterListRow) => REGISTER_PARTS.filter((p) => r.parts[p] === 'submitted').length
  const columns: UnitColumn<RegisterListRow>[] = [
    { key: 'staffNo', label: t('register.colStaffNo'), value: (r) => r.staffNo, width: 90, mono: true },
    { key: 'name', label: t('register.colName'), value: (r) => r.name, width: 130 },
    { key: 'department', label: t('register.colDepartment'), value: (r) => r.departmentName ?? '' },
    { key: 'grade', label: t('register.colGrade'), value: (r) => r.grade ?? '', render: (r) => <GradeBadge grade={r.grade as ProposedGrade | null} />, width: 120 },
    { key: 'parts', label: t('register.colParts'), value: (r) => submitted(r), render: (r) => <Text size="sm">{t('register.partsDone', { done: submitted(r), total: REGISTER_PARTS.length })}</Text>, width: 130 },
    {
      key: 'complete',
      label: t('register.colStatus'),
      value: (r) => (r.complete ? 1 : 0),
      render: (r) => <Badge color={r.complete ? 'green' : 'gray'} variant="light">{r.complete ? t('register.complete') : t('register.incomplete')}</Badge>,
      width: 110,
    },
  ]
  const printAll = async () => {
    setPrinting(true)
    const r = await run('register.printAll', { year })
    setPrinting(false)
    if (r.ok) {
      downloadFile(r.value)
      notifySuccess(t('register.printedAll', { people: r.value.people, pages: r.value.pages }))
    }
  }
  if (list.data === null) return list.error ? <Alert color="red">{t('register.loadFailed')}</Alert> : <Loader size="sm" />
  return (
    <Stack gap="sm">
      {can(session.roles, 'register.manage') && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">{t('register.printAllHint', { count: rows.length })}</Text>
          <Button leftSection={<IconPrinter size={16} />} onClick={() => void printAll()} loading={printing} data-testid="register-print-all">
            {t('register.printAll')}
          </Button>
        </Group>
      )}
      {printing && (
        <Stack gap={4} data-testid="register-print-progress">
          <Text size="sm">{t('register.printing', { count: rows.length })}</Text>
          <Progress value={100} animated />
        </Stack>
      )}
      <UnitTable
        rows={rows}
        columns={columns}
        getKey={(r) => r.personId}
        department={(r) => r.departmentName}
        summary={(shown) => t('register.countLine', { complete: shown.filter((r) => r.complete).length, total: shown.length })}
        empty={t('register.empty')}
        testid="register-list"
        rowTestId={(r) => `register-row-${r.staffNo}`}
        onRowClick={(r) => onOpen(r.personId)}
        initialSort={{ key: 'parts', dir: 'desc' }}
        exportName={`${lang === 'zh' ? '登记表填写情况' : 'register-forms'}-${year}`}
      />
    </Stack>
  )
}

function FormView({ year, personId, own, initial, onBack }: { year: number; personId: number; own: boolean; initial?: RegisterFormView; onBack?: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const data = useApiData('register.get', own ? null : { year, personId }, [])
  const [form, setForm] = useState<RegisterFormView | null>(initial ?? null)
  useEffect(() => {
    if (initial) setForm(initial)
  }, [initial])
  useEffect(() => {
    if (data.data) setForm(data.data)
  }, [data.data])
  const [printing, setPrinting] = useState(false)
  if (!form) return data.error ? <Alert color="red">{t('register.loadFailed')}</Alert> : <Loader size="sm" />
  const reload = async () => {
    const r = own ? await run('register.mine', { year }) : await run('register.get', { year, personId })
    if (r.ok && r.value) setForm(r.value)
  }
  const print = async () => {
    setPrinting(true)
    const r = await run('register.print', { year, personId })
    setPrinting(false)
    if (r.ok) downloadFile(r.value)
  }
  const particulars: [string, string][] = [
    [t('register.fName'), form.name],
    [t('register.fGender'), form.gender ?? '—'],
    [t('register.fBorn'), month(form.birthMonth)],
    [t('register.fPolitical'), form.politicalStatus ?? '—'],
    [t('register.fPostSince'), month(form.postSince)],
    [t('register.fUnitPost'), [form.unitName, form.departmentName, form.post, form.rank].filter(Boolean).join(' ')],
  ]
  return (
    <Stack gap="md" data-testid="register-form">
      <Group justify="space-between">
        <Group gap="sm">
          {onBack && (
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="register-back">
              {t('register.back')}
            </Button>
          )}
          <Title order={3}>{t('register.formTitle', { year, name: form.name })}</Title>
          <GradeBadge grade={form.grade as ProposedGrade | null} testid="register-grade" />
          {form.grade === null && <Text size="sm" c="dimmed">{t('register.noGrade')}</Text>}
        </Group>
        <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => void print()} loading={printing} data-testid="register-print">
          {t('register.print')}
        </Button>
      </Group>
      <Card withBorder padding="md">
        <SimpleGrid cols={3} spacing="sm" verticalSpacing={6}>
          {particulars.map(([k, v]) => (
            <Group key={k} gap={6} wrap="nowrap">
              <Text size="sm" c="dimmed" w={92}>{k}</Text>
              <Text size="sm" fw={500}>{v}</Text>
            </Group>
          ))}
        </SimpleGrid>
      </Card>
      {REGISTER_PARTS.map((part) => (
        <PartCard key={part} form={form} part={part} own={own} lang={lang} onSaved={reload} run={run} />
      ))}
    </Stack>
  )
}

function PartCard({ form, part, own, lang, onSaved, run }: { form: RegisterFormView; part: RegisterPart; own: boolean; lang: 'zh' | 'en'; onSaved: () => Promise<void>; run: ReturnType<typeof useApi>['run'] }) {
  const { t } = useTranslation()
  const p = form.parts[part]
  const editable = form.editable.includes(part)
  const [text, setText] = useState(p.text)
  const [grade, setGrade] = useState<string>(p.suggestedGrade ?? '')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    setText(p.text)
    setGrade(p.suggestedGrade ?? '')
  }, [p.text, p.suggestedGrade])
  const label = REGISTER_PART_LABELS[part]
  if (!editable && p.status === 'empty' && (part === 'undetermined' || part === 'opinion')) return null
  const save = async (submit: boolean) => {
    setBusy(true)
    const base = { year: form.year, personId: form.personId, text, submit }
    const method = saverOf(part, own)
    const r =
      method === 'register.saveSupervisor'
        ? await run(method, { ...base, ...(grade ? { suggestedGrade: grade as (typeof SUGGESTED)[number] } : {}) })
        : method === 'register.saveOwn'
          ? await run(method, { ...base, part: part as 'duties' | 'summary' | 'training' | 'opinion' })
          : method === 'register.saveHr'
            ? await run(method, { ...base, part: part as 'duties' | 'training' | 'undetermined' })
            : await run(method, base)
    setBusy(false)
    if (r.ok) {
      notifySuccess(submit ? t('register.submitted') : t('register.saved'))
      await onSaved()
    }
  }
  return (
    <Card withBorder padding="md" data-testid={`register-part-${part}`}>
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          <Text fw={600}>{label[lang]}</Text>
          <Text size="xs" c="dimmed">{t('register.by', { who: label.by[lang] })}</Text>
        </Group>
        <Group gap="xs">
          {p.writerName && p.writtenAt && (
            <Text size="xs" c="dimmed">
              {p.writerName} · {when(p.submittedAt ?? p.writtenAt)}
            </Text>
          )}
          <Badge color={STATUS_COLOR[p.status]} variant="light" data-testid={`register-status-${part}`}>
            {t(`register.status.${p.status}`)}
          </Badge>
        </Group>
      </Group>
      {editable ? (
        <Stack gap="xs">
          {part === 'summary' && !text && form.quarterlyStart && (
            <Button size="xs" variant="light" w="fit-content" onClick={() => setText(form.quarterlyStart)} data-testid="register-use-quarterly">
              {t('register.useQuarterly')}
            </Button>
          )}
          <Textarea
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={part === 'summary' ? 6 : 2}
            maxRows={16}
            maxLength={REGISTER_TEXT_MAX[part]}
            description={t('register.chars', { n: [...text].length, max: REGISTER_TEXT_MAX[part] })}
            data-testid={`register-text-${part}`}
          />
          {part === 'supervisor' && (
            <NativeSelect
              label={t('register.suggestedGrade')}
              value={grade}
              onChange={(e) => setGrade(e.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...SUGGESTED.map((g) => ({ value: g, label: g }))]}
              w={200}
              data-testid="register-suggested"
            />
          )}
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => void save(false)} loading={busy} data-testid={`register-save-${part}`}>
              {t('register.saveDraft')}
            </Button>
            <Button size="xs" onClick={() => void save(true)} loading={busy} disabled={!text.trim()} data-testid={`register-submit-${part}`}>
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={p.text ? undefined : 'dimmed'} data-testid={`register-view-${part}`}>
          {part === 'committee' && form.grade ? `${t('register.gradeIs', { grade: form.grade })}\n` : ''}
          {p.text || t('register.notYet')}
          {part === 'supervisor' && p.suggestedGrade ? `\n${t('register.suggestedIs', { grade: p.suggestedGrade })}` : ''}
        </Text>
      )}
    </Card>
  )
}
