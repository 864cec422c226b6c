import { useEffect, useState } from 'react'
import { Alert, Button, FileInput, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { IconAlertTriangle, IconPaperclip } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { LedgerEntryView, PersonSummary } from '@shared/api/types'
import type { LedgerKind } from '@shared/ledger'
import { notifySuccess, useApi } from '../../api'
import { DateField } from '../../components/DateField'
import { readFileAsBase64 } from '../../files'
import { todayIso } from '../../format'
import { useLang } from '../../i18n'
import { fieldOf, limitsOf } from '../../forms/zodForm'
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_EACH_MB,
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_FILES,
  ATTACHMENT_TOTAL_MB,
  checkAttachments,
} from './attachments'
import { kindOptions } from './labels'

// The inputs' bounds are ledger.add's own schema, not re-typed here.
const ADD_INPUT = contract['ledger.add'].input
const ADD = {
  text: limitsOf(fieldOf(ADD_INPUT, 'text')),
  taskRef: limitsOf(fieldOf(ADD_INPUT, 'taskRef')),
  progress: limitsOf(fieldOf(ADD_INPUT, 'progress')),
}

/** 记台账: a supervisor records an entry for one of their direct reports. */
export function LedgerAddModal({
  opened,
  reports,
  defaultPersonId,
  onClose,
  onAdded,
}: {
  opened: boolean
  reports: PersonSummary[]
  defaultPersonId: number | null
  onClose: () => void
  onAdded: (entry: LedgerEntryView) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const today = todayIso()
  const [personId, setPersonId] = useState<string | null>(null)
  const [day, setDay] = useState<string | null>(today)
  const [kind, setKind] = useState<string | null>('workRecord')
  const [text, setText] = useState('')
  const [taskRef, setTaskRef] = useState('')
  const [progress, setProgress] = useState<number | string>('')
  const [files, setFiles] = useState<File[]>([])
  const [problems, setProblems] = useState<string[]>([])
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!opened) return
    const only = reports.length === 1 ? reports[0]?.id : undefined
    setPersonId(defaultPersonId !== null ? String(defaultPersonId) : only !== undefined ? String(only) : null)
    setDay(todayIso())
    setKind('workRecord')
    setText('')
    setTaskRef('')
    setProgress('')
    setFiles([])
    setProblems([])
    setServerError(null)
  }, [opened, defaultPersonId, reports])

  const pickFiles = (picked: File[]) => {
    setFiles(picked)
    setProblems(checkAttachments(picked).map((p) => t(p.key, p.params)))
  }

  const submit = async () => {
    const missing: string[] = []
    if (!personId) missing.push(t('ledger.needPerson'))
    if (!day) missing.push(t('ledger.needDay'))
    else if (day > today) missing.push(t('ledger.dayInFuture'))
    if (!kind) missing.push(t('ledger.needKind'))
    if (!text.trim()) missing.push(t('ledger.needText'))
    const fileProblems = checkAttachments(files).map((p) => t(p.key, p.params))
    setProblems([...missing, ...fileProblems])
    setServerError(null)
    if (missing.length || fileProblems.length || !personId || !day || !kind) return
    setBusy(true)
    try {
      const attachments = await Promise.all(files.map(readFileAsBase64))
      const r = await run(
        'ledger.add',
        {
          personId: Number(personId),
          day,
          kind: kind as LedgerKind,
          text: text.trim(),
          ...(taskRef.trim() ? { taskRef: taskRef.trim() } : {}),
          ...(typeof progress === 'number' ? { progress } : {}),
          attachments,
        },
        { notify: false },
      )
      if (r.ok) {
        notifySuccess(t('ledger.added'))
        onAdded(r.value)
      } else {
        setServerError(describe(r.error))
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('ledger.addTitle')} size="lg" centered>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('ledger.addPerson')}
            data={reports.map((p) => ({ value: String(p.id), label: `${p.name}（${p.staffNo}）` }))}
            value={personId}
            onChange={setPersonId}
            searchable
            required
            data-testid="ledger-add-person"
          />
          <DateField
            label={t('ledger.addDay')}
            value={day}
            onChange={setDay}
            maxDate={today}
            required
            data-testid="ledger-add-day"
          />
        </SimpleGrid>
        <Select
          label={t('ledger.addKind')}
          data={kindOptions(lang)}
          value={kind}
          onChange={setKind}
          allowDeselect={false}
          required
          data-testid="ledger-add-kind"
        />
        <Textarea
          label={t('ledger.addText')}
          placeholder={t('ledger.addTextPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          rows={5}
          resize="vertical"
          maxLength={ADD.text.maxLength}
          required
          data-testid="ledger-add-text"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('ledger.addTaskRef')}
            value={taskRef}
            onChange={(e) => setTaskRef(e.currentTarget.value)}
            maxLength={ADD.taskRef.maxLength}
            data-testid="ledger-add-task"
          />
          <NumberInput
            label={t('ledger.addProgress')}
            value={progress}
            onChange={setProgress}
            min={ADD.progress.min}
            max={ADD.progress.max}
            clampBehavior="strict"
            allowDecimal={false}
            suffix="%"
            data-testid="ledger-add-progress"
          />
        </SimpleGrid>
        <FileInput
          multiple
          label={t('ledger.addFiles')}
          description={t('ledger.addFilesHint', {
            types: ATTACHMENT_EXTENSIONS.join(', '),
            each: ATTACHMENT_EACH_MB,
            total: ATTACHMENT_TOTAL_MB,
            max: ATTACHMENT_MAX_FILES,
          })}
          placeholder={t('ledger.addFilesPlaceholder')}
          accept={ATTACHMENT_ACCEPT}
          value={files}
          onChange={pickFiles}
          clearable
          leftSection={<IconPaperclip size={16} />}
          fileInputProps={{ 'data-testid': 'ledger-add-files' } as React.ComponentProps<'input'>}
        />
        {problems.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle />} data-testid="ledger-add-problems">
            <Stack gap={2}>
              {problems.map((p) => (
                <div key={p}>{p}</div>
              ))}
            </Stack>
          </Alert>
        )}
        {serverError && (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="ledger-add-error">
            {serverError}
          </Alert>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void submit()} data-testid="ledger-add-submit">
            {t('ledger.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
