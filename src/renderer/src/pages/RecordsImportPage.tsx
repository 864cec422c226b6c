import { useState } from 'react'
import { Alert, Badge, Button, Card, FileInput, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconFileSpreadsheet, IconFileText, IconSearch, IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FileContent, ImportColumn, ImportPreview, ImportResult, RecordImport, RosterIssue } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { ConfirmModal } from '../components/ConfirmModal'
import { IssueTable, Stat } from '../components/ImportParts'
import { PageHeader } from '../components/PageHeader'
import { downloadFile, readFileAsBase64 } from '../files'
import { useApiData } from '../useApiData'
import { KioskStartCard } from '../screens/KioskScreen'

/** 考勤与服务评价导入 (人事科): each file is previewed, then imported only when it has no errors. */
export function RecordsImportPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={t('recordsImport.title')} lead={t('recordsImport.lead')} />
      <ImportCard kind="attendance" />
      <ImportCard kind="survey" />
      <KioskStartCard />
    </Stack>
  )
}

const METHODS = {
  attendance: { preview: 'attendance.preview', import: 'attendance.import' },
  survey: { preview: 'survey.preview', import: 'survey.import' },
} as const

/** 样本不足: a person with too few ratings for the satisfaction score to mean much. */
const isFewResponses = (issue: RosterIssue) => issue.code.endsWith('FEW_RESPONSES')

/** The file's columns as the parser reads them (records.columns): name, required or not, meaning. */
function ColumnList({ columns, testid }: { columns: ImportColumn[]; testid: string }) {
  const { t, i18n } = useTranslation()
  const english = i18n.language.startsWith('en')
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" data-testid={`${testid}-columns`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={140}>{t('recordsImport.colName')}</Table.Th>
          <Table.Th w={90}>{t('recordsImport.colRequired')}</Table.Th>
          <Table.Th>{t('recordsImport.colMeaning')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {columns.map((c) => (
          <Table.Tr key={c.header} data-testid={`${testid}-column`}>
            <Table.Td>
              <Text size="sm" fw={500} span>
                {c.header}
              </Text>
              {english && (
                <Text size="xs" c="dimmed">
                  {c.en}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={c.required ? 'red' : 'gray'}>
                {c.required ? t('recordsImport.required') : t('recordsImport.optional')}
              </Badge>
            </Table.Td>
            <Table.Td>{english ? c.meaning.en : c.meaning.zh}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function ImportCard({ kind }: { kind: RecordImport }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const id = `records-${kind}`
  const columns = useApiData('records.columns', { kind }, [])
  const [downloading, setDownloading] = useState<'xlsx' | 'csv' | null>(null)

  const template = async (format: 'xlsx' | 'csv') => {
    setDownloading(format)
    try {
      const r = await run('records.template', { kind, format })
      if (r.ok) downloadFile(r.value)
    } finally {
      setDownloading(null)
    }
  }
  const [file, setFile] = useState<File | null>(null)
  const [content, setContent] = useState<FileContent | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null)
  const [confirming, setConfirming] = useState(false)

  const pick = (f: File | null) => {
    setFile(f)
    setContent(null)
    setPreview(null)
    setResult(null)
  }

  const doPreview = async () => {
    if (!file) return
    setBusy('preview')
    setPreview(null)
    setResult(null)
    try {
      const c = await readFileAsBase64(file)
      setContent(c)
      const r = await run(METHODS[kind].preview, c)
      if (r.ok) setPreview(r.value)
    } finally {
      setBusy(null)
    }
  }

  const doImport = async () => {
    if (!content) return
    setBusy('import')
    const r = await run(METHODS[kind].import, content)
    setBusy(null)
    setConfirming(false)
    if (r.ok) {
      setResult(r.value)
      setPreview(null)
      notifySuccess(t('recordsImport.imported'))
    }
  }

  const errorCount = preview?.errors.length ?? 0
  const few = preview?.warnings.filter(isFewResponses).length ?? 0

  return (
    <Card withBorder radius="md" padding="lg" data-testid={`${id}-card`}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={4}>{t(`recordsImport.${kind}Title`)}</Title>
          <Text size="sm" c="dimmed">
            {t(`recordsImport.${kind}Text`)}
          </Text>
        </Stack>
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {t('recordsImport.columnsTitle')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('recordsImport.templateHint')}
              </Text>
            </Stack>
            <Group gap="xs">
              <Button
                variant="light"
                size="xs"
                leftSection={<IconFileSpreadsheet size={16} />}
                loading={downloading === 'xlsx'}
                onClick={() => void template('xlsx')}
                data-testid={`${id}-template`}
              >
                {t('recordsImport.template')}
              </Button>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileText size={16} />}
                loading={downloading === 'csv'}
                onClick={() => void template('csv')}
                data-testid={`${id}-template-csv`}
              >
                {t('recordsImport.templateCsv')}
              </Button>
            </Group>
          </Group>
          {columns.data ? <ColumnList columns={columns.data} testid={id} /> : columns.loading && <Loader size="sm" />}
        </Stack>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('recordsImport.file')}
            description={t('recordsImport.fileHint')}
            placeholder={t('roster.filePlaceholder')}
            accept=".xlsx,.csv"
            value={file}
            onChange={pick}
            clearable
            leftSection={<IconUpload size={16} />}
            w={360}
            fileInputProps={{ 'data-testid': `${id}-file` } as React.ComponentProps<'input'>}
          />
          <Button
            leftSection={<IconSearch size={18} />}
            disabled={!file || busy === 'import'}
            loading={busy === 'preview'}
            onClick={() => void doPreview()}
            data-testid={`${id}-preview`}
          >
            {t('roster.preview')}
          </Button>
        </Group>

        {busy === 'preview' && (
          <Group gap="sm">
            <Loader size="sm" />
            <Text size="sm">{t('roster.checking', { name: file?.name ?? '' })}</Text>
          </Group>
        )}

        {result && (
          <Alert color="green" icon={<IconCircleCheck />} title={t('roster.resultTitle')} data-testid={`${id}-result`}>
            {t('recordsImport.resultText', { added: result.added, unchanged: result.unchanged })}
          </Alert>
        )}

        {preview && (
          <Stack gap="md" data-testid={`${id}-preview-result`}>
            <Group justify="space-between" align="flex-end">
              <Text size="sm" c="dimmed">
                {t('roster.previewFile', { name: preview.fileName, rows: preview.rows })}
              </Text>
              <Button
                leftSection={<IconFileImport size={18} />}
                disabled={errorCount > 0 || busy !== null}
                loading={busy === 'import'}
                onClick={() => setConfirming(true)}
                data-testid={`${id}-import`}
              >
                {t('roster.import')}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Stat label={t('recordsImport.added')} value={preview.added} color="green" testid={`${id}-count-added`} />
              <Stat label={t('recordsImport.unchanged')} value={preview.unchanged} color="gray" testid={`${id}-count-unchanged`} />
              <Stat label={t('roster.errorCount')} value={errorCount} color={errorCount > 0 ? 'red' : 'gray'} testid={`${id}-count-errors`} />
              {kind === 'survey' ? (
                <Stat label={t('recordsImport.fewResponses')} value={few} color={few > 0 ? 'orange' : 'gray'} testid={`${id}-count-few`} />
              ) : (
                <Stat label={t('recordsImport.warnings')} value={preview.warnings.length} color={preview.warnings.length > 0 ? 'orange' : 'gray'} testid={`${id}-count-warnings`} />
              )}
            </SimpleGrid>
            {errorCount > 0 && (
              <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid={`${id}-blocked`}>
                {t('roster.blocked', { count: errorCount })}
              </Alert>
            )}
            {errorCount > 0 && <IssueTable issues={preview.errors} kind="errors" testid={id} />}
            {preview.warnings.length > 0 && (
              <IssueTable
                issues={preview.warnings}
                kind="warnings"
                testid={id}
                flag={(issue) =>
                  isFewResponses(issue) ? (
                    <Badge color="orange" variant="light" size="sm" mr={6}>
                      {t('recordsImport.fewResponses')}
                    </Badge>
                  ) : null
                }
              />
            )}
          </Stack>
        )}
      </Stack>

      <ConfirmModal
        opened={confirming}
        title={t('recordsImport.confirmTitle')}
        confirmLabel={t('roster.import')}
        onCancel={() => setConfirming(false)}
        onConfirm={doImport}
      >
        <Text size="sm">{preview && t('recordsImport.confirmText', { added: preview.added, unchanged: preview.unchanged })}</Text>
      </ConfirmModal>
    </Card>
  )
}
