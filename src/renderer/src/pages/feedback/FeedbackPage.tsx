import { useState } from 'react'
import { Alert, Badge, Button, Card, Code, Group, Loader, Modal, PasswordInput, Progress, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconPrinter, IconSignature } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import type { ProposedGrade } from '@shared/annual'
import { FORM_STATUS_LABELS, type FormStatus, type FormView, type VerifyResult } from '@shared/feedback'
import { CHANNELS, CHANNEL_LABELS, DIMENSION_LABELS } from '@shared/guideline/model'
import { notifySuccess, useApi } from '../../api'
import { downloadFile } from '../../files'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { DateField } from '../../components/DateField'
import { useLang } from '../../i18n'
import { can, routeQuery } from '../../routes'
import { GradeBadge } from '../annual/parts'
import { SignaturePad } from './SignaturePad'

const STATUS_COLOR: Record<FormStatus, string> = { draft: 'gray', interviewerSigned: 'blue', sealed: 'green', refused: 'orange', voided: 'red' }

function StatusBadge({ status, testid }: { status: FormStatus; testid?: string }) {
  const lang = useLang()
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid={testid}>
      {FORM_STATUS_LABELS[status][lang]}
    </Badge>
  )
}

const score = (v: number | null) => (v === null ? '—' : v.toFixed(2))
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })

/** 绩效反馈表: HR's list and 生成反馈表; the interviewer's editor and 签字; the person's 签字 / 拒签; 打印; 核验. */
export function FeedbackPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<string>(() => (routeQuery().get('tab') === 'verify' ? 'verify' : 'forms'))
  return (
    <Stack gap="md" maw={1180}>
      <PageHeader title={t('feedback.title')} lead={t('feedback.lead')} />
      <Tabs value={tab} onChange={(v) => setTab(v ?? 'forms')}>
        <Tabs.List>
          <Tabs.Tab value="forms" data-testid="feedback-tab-forms">
            {t('feedback.tabForms')}
          </Tabs.Tab>
          <Tabs.Tab value="verify" data-testid="feedback-tab-verify">
            {t('feedback.tabVerify')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="forms" pt="md">
          <Forms session={session} />
        </Tabs.Panel>
        <Tabs.Panel value="verify" pt="md">
          <Verify />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function Forms({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [year, setYear] = useState(() => new Date().getFullYear() - 1)
  const [open, setOpen] = useState<number | null>(null)
  const list = useApiData('feedback.list', { year }, [year])
  const isHr = can(session.roles, 'feedback.manage')
  if (open !== null) return <FormDetail formId={open} session={session} onBack={() => (setOpen(null), list.reload())} />
  const generate = async () => {
    const r = await run('feedback.generate', { year })
    if (!r.ok) return
    notifySuccess(t('feedback.generated', { created: r.value.created, existing: r.value.existing }))
    if (r.value.withoutInterviewer.length) notifySuccess(t('feedback.generatedNoSupervisor', { names: r.value.withoutInterviewer.map((p) => p.name).join('、') }))
    list.reload()
  }
  const rows = list.data
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <YearSelect value={year} onChange={setYear} testid="feedback-year" label={t('feedback.year')} />
        {isHr && (
          <Button onClick={() => void generate()} data-testid="feedback-generate">
            {t('feedback.generate')}
          </Button>
        )}
      </Group>
      {rows === null ? (
        list.error ? (
          <Alert color="red">{t('feedback.loadFailed')}</Alert>
        ) : (
          <Group justify="center" py={48}>
            <Loader size="sm" />
          </Group>
        )
      ) : rows.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed" data-testid="feedback-empty">
            {t('feedback.empty')}
          </Text>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <Table striped highlightOnHover data-testid="feedback-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feedback.colStaffNo')}</Table.Th>
                <Table.Th>{t('feedback.colName')}</Table.Th>
                <Table.Th>{t('feedback.colDepartment')}</Table.Th>
                <Table.Th>{t('feedback.colGrade')}</Table.Th>
                <Table.Th>{t('feedback.colVersion')}</Table.Th>
                <Table.Th>{t('feedback.colStatus')}</Table.Th>
                <Table.Th>{t('feedback.colInterviewer')}</Table.Th>
                <Table.Th>{t('feedback.colDelivered')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid={`feedback-row-${r.staffNo}-v${r.version}`}>
                  <Table.Td ff="monospace">{r.staffNo}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.department ?? '—'}</Table.Td>
                  <Table.Td>
                    <GradeBadge grade={r.grade as ProposedGrade} />
                  </Table.Td>
                  <Table.Td>{t('feedback.versionOf', { version: r.version })}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} testid={`feedback-status-${r.staffNo}-v${r.version}`} />
                  </Table.Td>
                  <Table.Td>{r.interviewer.name}</Table.Td>
                  <Table.Td>{r.deliveredOn ?? '—'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => setOpen(r.id)} data-testid={`feedback-open-${r.staffNo}-v${r.version}`}>
                      {t('feedback.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  )
}

function FormDetail({ formId, session, onBack }: { formId: number; session: SessionInfo; onBack: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const data = useApiData('feedback.show', { formId }, [formId])
  const [signAs, setSignAs] = useState<'interviewer' | 'person' | null>(null)
  const [refusing, setRefusing] = useState(false)
  const f = data.data
  if (!f) return data.error ? <Alert color="red">{t('feedback.loadFailed')}</Alert> : <Loader size="sm" />
  const print = async () => {
    const r = await run('feedback.print', { formId })
    if (!r.ok) return
    downloadFile({ fileName: r.value.fileName, contentBase64: r.value.contentBase64 })
    notifySuccess(t('feedback.printed', { file: r.value.fileName }))
  }
  return (
    <Stack gap="md" data-testid="feedback-form">
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="feedback-back">
          {t('feedback.back')}
        </Button>
        <Group gap="xs">
          {f.can.signAsInterviewer && (
            <Button leftSection={<IconSignature size={16} />} onClick={() => setSignAs('interviewer')} data-testid="feedback-sign-interviewer">
              {t('feedback.signAsInterviewer')}
            </Button>
          )}
          {f.can.signAsPerson && (
            <Button leftSection={<IconSignature size={16} />} onClick={() => setSignAs('person')} data-testid="feedback-sign-person">
              {t('feedback.signAsPerson')}
            </Button>
          )}
          {f.can.refuse && (
            <Button color="orange" variant="light" onClick={() => setRefusing(true)} data-testid="feedback-refuse">
              {t('feedback.refuse')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void print()} data-testid="feedback-print">
            {t('feedback.print')}
          </Button>
        </Group>
      </Group>
      <FormSheet f={f} />
      {f.can.edit && <Editor f={f} onSaved={(v) => data.setData(v)} />}
      {(f.can.reassign || f.can.reissue) && <HrPanel f={f} onChanged={(v) => data.setData(v)} onReissued={onBack} />}
      {signAs && (
        <SignDialog
          f={f}
          as={signAs}
          // At the interviewer's workstation the person types their own user name; in their own session it is theirs.
          defaultUsername={signAs === 'interviewer' || !f.can.refuse ? session.username : ''}
          onClose={() => setSignAs(null)}
          onDone={(v) => (setSignAs(null), data.setData(v))}
        />
      )}
      {refusing && <RefuseDialog f={f} onClose={() => setRefusing(false)} onDone={(v) => (setRefusing(false), data.setData(v))} />}
    </Stack>
  )
}

/** The form as on paper: the person, the result, the dimension profile, the interview, the signatures and the seal. */
export function FormSheet({ f }: { f: FormView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const c = f.content
  return (
    <Card withBorder padding="lg" data-testid="feedback-sheet">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={700} size="xl">
              《绩效反馈表》
            </Text>
            <Text size="sm" c="dimmed">
              {c.unit.name} · {t('common.yearLabel', { year: c.year })} · {t('feedback.versionOf', { version: f.version })}
            </Text>
          </Stack>
          <StatusBadge status={f.status} testid="feedback-form-status" />
        </Group>
        {f.voided && (
          <Alert color="red" icon={<IconAlertTriangle />} data-testid="feedback-voided">
            {t('feedback.voided', { at: when(f.voided.at) })}
            {f.voided.supersededByVersion ? ` · ${t('feedback.supersededBy', { version: f.voided.supersededByVersion })}` : ''}
            {f.voided.reason ? ` · ${f.voided.reason}` : ''}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Field label={t('feedback.person')} value={`${c.person.name}（${c.person.staffNo}）`} testid="feedback-person" />
          <Field label={t('feedback.colDepartment')} value={c.person.department ?? '—'} />
          <Field label={t('feedback.post')} value={c.person.post || '—'} />
          <Field label={t('feedback.colInterviewer')} value={f.interviewer.name} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('feedback.grade')}
            </Text>
            <GradeBadge grade={c.grade as ProposedGrade} testid="feedback-grade" />
          </Stack>
          <Field label={t('feedback.total')} value={score(c.T)} mono />
          {CHANNELS.map((ch) => (
            <Field key={ch} label={`${CHANNEL_LABELS[ch][lang]}（${t('feedback.weight', { weight: c.channels[ch].weight })}）`} value={score(c.channels[ch].score)} mono />
          ))}
        </SimpleGrid>
        {c.dimensions.length > 0 && (
          <Stack gap={4}>
            <Group gap="md">
              <Text size="sm" fw={600}>
                {t('feedback.dimensions')}
              </Text>
              <Badge color="blue" variant="dot" size="sm">
                {t('feedback.leadershipScore')}
              </Badge>
              <Badge color="orange" variant="dot" size="sm">
                {t('feedback.democraticScore')}
              </Badge>
            </Group>
            {c.dimensions.map((d) => (
              <Group key={d.dimension} gap="sm" wrap="nowrap">
                <Text size="sm" w={90}>
                  {DIMENSION_LABELS[d.dimension][lang]}
                </Text>
                <Stack gap={2} style={{ flex: 1 }}>
                  <Progress value={d.leadership ?? 0} color="blue" size="sm" />
                  <Progress value={d.democratic ?? 0} color="orange" size="sm" />
                </Stack>
                <Text size="xs" ff="monospace" w={110} ta="right">
                  {score(d.leadership)} / {score(d.democratic)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('feedback.explanation', { ref: c.explanation.ref, lines: c.explanation.lines })}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {(['strengths', 'weaknesses', 'improvements'] as const).map((k) => (
            <Card key={k} withBorder padding="sm" bg="var(--mantine-color-gray-0)">
              <Text size="xs" c="dimmed">
                {t(`feedback.${k}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`feedback-text-${k}`}>
                {f.text[k] || t('feedback.notWritten')}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Field label={t('feedback.interviewOn')} value={f.text.interviewOn ?? '—'} />
          <Signature label={t('feedback.interviewerSignature')} sig={f.interviewerSignature} testid="feedback-interviewer-signature" />
          {f.refusal ? (
            <Stack gap={2} data-testid="feedback-refusal">
              <Text size="xs" c="dimmed">
                {t('feedback.personSignature')}
              </Text>
              <Text size="sm" c="orange.8">
                {t('feedback.refusal', { note: f.refusal.note, witness: f.refusal.witness.name, at: when(f.refusal.at) })}
              </Text>
            </Stack>
          ) : (
            <Signature label={t('feedback.personSignature')} sig={f.personSignature} testid="feedback-person-signature" />
          )}
        </SimpleGrid>
        <Group gap="lg">
          <Text size="xs">
            {t('feedback.code')}：
            <Code data-testid="feedback-code">{f.verificationCode}</Code>
          </Text>
          {f.seal && (
            <Text size="xs" c="dimmed" data-testid="feedback-seal">
              {t('feedback.seal')} <Code>{f.seal.sha256}</Code> · {t('feedback.sealedAt', { at: when(f.seal.at) })}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  )
}

function Field({ label, value, mono, testid }: { label: string; value: string; mono?: boolean; testid?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} data-testid={testid}>
        {value}
      </Text>
    </Stack>
  )
}

function Signature({ label, sig, testid }: { label: string; sig: FormView['interviewerSignature']; testid: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap={2} data-testid={testid}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {sig ? (
        <Group gap="xs">
          {sig.png && <img src={`data:image/png;base64,${sig.png}`} alt="" style={{ height: 36, maxWidth: 140, objectFit: 'contain' }} />}
          <Text size="sm">{t('feedback.signedAt', { name: sig.name, at: when(sig.at) })}</Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('feedback.notSigned')}
        </Text>
      )}
    </Stack>
  )
}

function Editor({ f, onSaved }: { f: FormView; onSaved: (v: FormView) => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [text, setText] = useState(f.text)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    const r = await run('feedback.saveText', { formId: f.id, ...text })
    setBusy(false)
    if (r.ok) {
      onSaved(r.value)
      notifySuccess(t('feedback.saved'))
    }
  }
  return (
    <Card withBorder padding="lg" data-testid="feedback-editor">
      <Stack gap="sm">
        <Text fw={600}>{t('feedback.interview')}</Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {(['strengths', 'weaknesses', 'improvements'] as const).map((k) => (
            <Textarea key={k} label={t(`feedback.${k}`)} autosize minRows={3} maxLength={4000} value={text[k]} onChange={(e) => setText({ ...text, [k]: e.currentTarget.value })} data-testid={`feedback-edit-${k}`} />
          ))}
        </SimpleGrid>
        <Group align="flex-end">
          <DateField label={t('feedback.interviewOn')} value={text.interviewOn} onChange={(v) => setText({ ...text, interviewOn: v })} data-testid="feedback-edit-date" w={220} />
          <Button onClick={() => void save()} loading={busy} data-testid="feedback-save">
            {t('feedback.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

/** HR: another interviewer (before the interviewer signed), or a corrected version that voids this one. */
function HrPanel({ f, onChanged, onReissued }: { f: FormView; onChanged: (v: FormView) => void; onReissued: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const people = useApiData('org.people.list', {}, [])
  const [interviewer, setInterviewer] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const reassign = async () => {
    if (!interviewer) return
    const r = await run('feedback.reassign', { formId: f.id, interviewerId: Number(interviewer) })
    if (r.ok) onChanged(r.value)
  }
  const reissue = async () => {
    const r = await run('feedback.reissue', { year: f.year, personId: f.content.person.id, reason })
    if (r.ok) {
      notifySuccess(t('feedback.reissued', { version: r.value.version }))
      onReissued()
    }
  }
  return (
    <Card withBorder padding="lg" data-testid="feedback-hr">
      <Group align="flex-end" gap="xl">
        {f.can.reassign && (
          <Group align="flex-end" gap="xs">
            <Select
              label={t('feedback.interviewerId')}
              searchable
              w={260}
              value={interviewer}
              onChange={setInterviewer}
              data={(people.data ?? []).filter((p) => p.id !== f.content.person.id).map((p) => ({ value: String(p.id), label: `${p.name}（${p.staffNo}）` }))}
              data-testid="feedback-reassign-person"
            />
            <Button variant="light" disabled={!interviewer} onClick={() => void reassign()} data-testid="feedback-reassign">
              {t('feedback.reassign')}
            </Button>
          </Group>
        )}
        {f.can.reissue && (
          <Group align="flex-end" gap="xs">
            <TextInput label={t('feedback.reissueReason')} w={320} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="feedback-reissue-reason" />
            <Button variant="light" color="red" disabled={!reason.trim()} onClick={() => void reissue()} data-testid="feedback-reissue">
              {t('feedback.reissue')}
            </Button>
          </Group>
        )}
      </Group>
    </Card>
  )
}

function SignDialog({ f, as, defaultUsername, onClose, onDone }: { f: FormView; as: 'interviewer' | 'person'; defaultUsername: string; onClose: () => void; onDone: (v: FormView) => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [username, setUsername] = useState(defaultUsername)
  const [password, setPassword] = useState('')
  const [png, setPng] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    const r = await run('feedback.sign', { formId: f.id, as, password, ...(username.trim() ? { username: username.trim() } : {}), ...(png ? { signaturePng: png } : {}) })
    setBusy(false)
    if (r.ok) {
      notifySuccess(r.value.status === 'sealed' ? t('feedback.sealedOk') : t('feedback.signedOk'))
      onDone(r.value)
    } else setPassword('')
  }
  return (
    <Modal opened onClose={onClose} title={`${t('feedback.signTitle')} · ${as === 'interviewer' ? t('feedback.interviewerSignature') : t('feedback.personSignature')}`} size="lg" data-testid="feedback-sign-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('feedback.signLead')}
        </Text>
        <TextInput label={t('feedback.signerUsername')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-testid="feedback-sign-username" autoComplete="off" />
        <PasswordInput label={t('feedback.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="feedback-sign-password" autoComplete="off" />
        <Text size="sm">{t('feedback.drawSignature')}</Text>
        <SignaturePad onChange={setPng} clearLabel={t('feedback.clearSignature')} />
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={busy} disabled={!password} data-testid="feedback-sign-confirm">
            {t('feedback.confirmSign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function RefuseDialog({ f, onClose, onDone }: { f: FormView; onClose: () => void; onDone: (v: FormView) => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [note, setNote] = useState('')
  const [witness, setWitness] = useState('')
  const [password, setPassword] = useState('')
  const submit = async () => {
    const r = await run('feedback.refuse', { formId: f.id, note, witnessUsername: witness.trim(), witnessPassword: password })
    if (r.ok) {
      notifySuccess(t('feedback.refusedOk'))
      onDone(r.value)
    } else setPassword('')
  }
  return (
    <Modal opened onClose={onClose} title={t('feedback.refuseTitle')} size="lg" data-testid="feedback-refuse-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('feedback.refuseLead')}
        </Text>
        <Textarea label={t('feedback.refuseNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="feedback-refuse-note" />
        <TextInput label={t('feedback.witnessUsername')} value={witness} onChange={(e) => setWitness(e.currentTarget.value)} data-testid="feedback-refuse-witness" autoComplete="off" />
        <PasswordInput label={t('feedback.witnessPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="feedback-refuse-password" autoComplete="off" />
        <Group justify="flex-end">
          <Button color="orange" onClick={() => void submit()} disabled={!note.trim() || !witness.trim() || !password} data-testid="feedback-refuse-confirm">
            {t('feedback.confirmRefuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

const STATE_COLOR: Record<VerifyResult['state'], string> = { current: 'green', superseded: 'yellow', voided: 'red', unsealed: 'gray', tampered: 'red', unknown: 'gray' }
const STATE_KEY: Record<VerifyResult['state'], string> = {
  current: 'feedback.stateCurrent',
  superseded: 'feedback.stateSuperseded',
  voided: 'feedback.stateVoided',
  unsealed: 'feedback.stateUnsealed',
  tampered: 'feedback.stateTampered',
  unknown: 'feedback.stateUnknown',
}

function Verify() {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [code, setCode] = useState('')
  const [result, setResult] = useState<VerifyResult | null>(null)
  const verify = async () => {
    const r = await run('feedback.verify', { code })
    setResult(r.ok ? r.value : null)
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('feedback.verifyLead')}
      </Text>
      <Group align="flex-end">
        <TextInput label={t('feedback.verifyCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} w={260} styles={{ input: { fontFamily: 'monospace' } }} placeholder="XXXX-XXXX-XXXX" data-testid="feedback-verify-code" onKeyDown={(e) => e.key === 'Enter' && void verify()} />
        <Button onClick={() => void verify()} disabled={code.trim().length < 4} data-testid="feedback-verify-submit">
          {t('feedback.verify')}
        </Button>
      </Group>
      {result && (
        <Alert
          color={STATE_COLOR[result.state]}
          icon={result.state === 'current' ? <IconCircleCheck /> : <IconAlertTriangle />}
          title={t(STATE_KEY[result.state], { version: result.supersededByVersion })}
          data-testid={`feedback-verify-${result.state}`}
        >
          {result.personName && <Text size="sm">{t('feedback.verifiedForm', { name: result.personName, year: result.year, version: result.version })}</Text>}
          {result.problems.map((p, i) => (
            <Text key={i} size="sm" c="red.8">
              {p[lang]}
            </Text>
          ))}
        </Alert>
      )}
      {result?.form && <FormSheet f={result.form} />}
    </Stack>
  )
}
