import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Loader,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileImport,
  IconFileSpreadsheet,
  IconFileText,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FileContent, RosterImportResult, RosterPreview } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { ConfirmModal } from '../components/ConfirmModal'
import { IssueTable, Stat } from '../components/ImportParts'
import { PageHeader } from '../components/PageHeader'
import { downloadFile, readFileAsBase64 } from '../files'

const ACTION_COLOR = { create: 'green', update: 'blue', unchanged: 'gray' } as const

/** 花名册导入 (人事科): template, preview with every error, then import (nothing is written while any error remains). */
export function RosterPage() {
  const { t } = useTranslation()
  const { run } = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [content, setContent] = useState<FileContent | null>(null)
  const [preview, setPreview] = useState<RosterPreview | null>(null)
  const [result, setResult] = useState<RosterImportResult | null>(null)
  const [busy, setBusy] = useState<'preview' | 'import' | 'xlsx' | 'csv' | null>(null)
  const [confirming, setConfirming] = useState(false)

  const template = async (format: 'xlsx' | 'csv') => {
    setBusy(format)
    const r = await run('org.roster.template', { format })
    setBusy(null)
    if (r.ok) downloadFile(r.value)
  }

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
      const r = await run('org.roster.preview', c)
      if (r.ok) setPreview(r.value)
    } finally {
      setBusy(null)
    }
  }

  const doImport = async () => {
    if (!content) return
    setBusy('import')
    const r = await run('org.roster.import', content)
    setBusy(null)
    setConfirming(false)
    if (r.ok) {
      setResult(r.value)
      setPreview(null)
      notifySuccess(t('roster.imported'))
    }
  }

  const errorCount = preview?.errors.length ?? 0

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={t('roster.title')} lead={t('roster.lead')} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm" h="100%">
            <Title order={4}>{t('roster.templateTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('roster.templateText')}
            </Text>
            <Group mt="auto">
              <Button
                variant="light"
                leftSection={<IconFileSpreadsheet size={18} />}
                loading={busy === 'xlsx'}
                onClick={() => void template('xlsx')}
                data-testid="roster-template-xlsx"
              >
                {t('roster.templateXlsx')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileText size={18} />}
                loading={busy === 'csv'}
                onClick={() => void template('csv')}
                data-testid="roster-template-csv"
              >
                {t('roster.templateCsv')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm">
            <Title order={4}>{t('roster.fileTitle')}</Title>
            <FileInput
              label={t('roster.file')}
              description={t('roster.fileHint')}
              placeholder={t('roster.filePlaceholder')}
              accept=".xlsx,.csv"
              value={file}
              onChange={pick}
              clearable
              leftSection={<IconUpload size={16} />}
              data-testid="roster-file-button"
              fileInputProps={{ 'data-testid': 'roster-file' } as React.ComponentProps<'input'>}
            />
            <Group>
              <Button
                leftSection={<IconSearch size={18} />}
                disabled={!file || busy === 'import'}
                loading={busy === 'preview'}
                onClick={() => void doPreview()}
                data-testid="roster-preview-button"
              >
                {t('roster.preview')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>

      {busy === 'preview' && (
        <Card withBorder radius="md" padding="lg" data-testid="roster-checking">
          <Group gap="sm">
            <Loader size="sm" />
            <Text>{t('roster.checking', { name: file?.name ?? '' })}</Text>
          </Group>
        </Card>
      )}

      {result && (
        <Alert color="green" icon={<IconCircleCheck />} title={t('roster.resultTitle')} data-testid="roster-result">
          <Stack gap={4}>
            <Text size="sm">
              {t('roster.resultText', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
            </Text>
            {result.newDepartments.length > 0 && (
              <Text size="sm">{t('roster.resultDepartments', { names: result.newDepartments.join('、') })}</Text>
            )}
          </Stack>
        </Alert>
      )}

      {preview && (
        <Card withBorder radius="md" padding="lg" data-testid="roster-preview">
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Title order={4}>{t('roster.previewTitle')}</Title>
                <Text size="sm" c="dimmed">
                  {t('roster.previewFile', { name: preview.fileName, rows: preview.rows })}
                </Text>
              </Stack>
              <Button
                leftSection={<IconFileImport size={18} />}
                disabled={errorCount > 0 || busy !== null}
                loading={busy === 'import'}
                onClick={() => setConfirming(true)}
                data-testid="roster-import-button"
              >
                {t('roster.import')}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Stat label={t('roster.created')} value={preview.created} color="green" testid="roster-count-created" />
              <Stat label={t('roster.updated')} value={preview.updated} color="blue" testid="roster-count-updated" />
              <Stat label={t('roster.unchanged')} value={preview.unchanged} color="gray" testid="roster-count-unchanged" />
              <Stat label={t('roster.errorCount')} value={errorCount} color={errorCount > 0 ? 'red' : 'gray'} testid="roster-count-errors" />
            </SimpleGrid>
            {preview.newDepartments.length > 0 && (
              <Group gap="xs" data-testid="roster-new-departments">
                <Text size="sm" fw={500}>
                  {t('roster.newDepartments')}
                </Text>
                {preview.newDepartments.map((d) => (
                  <Badge key={d} variant="light" color="teal">
                    {d}
                  </Badge>
                ))}
              </Group>
            )}
            {errorCount > 0 && (
              <Alert color="red" icon={<IconAlertTriangle />} data-testid="roster-blocked" role="alert">
                {t('roster.blocked', { count: errorCount })}
              </Alert>
            )}
            {errorCount > 0 && <IssueTable issues={preview.errors} kind="errors" testid="roster" />}
            {preview.warnings.length > 0 && <IssueTable issues={preview.warnings} kind="warnings" testid="roster" />}
            {errorCount === 0 && preview.changes.length > 0 && (
              <Stack gap="xs">
                <Text fw={500} size="sm">
                  {t('roster.changesTitle')}
                </Text>
                <ScrollArea.Autosize mah={420}>
                  <Table striped verticalSpacing={6} data-testid="roster-changes">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={70}>{t('roster.colRow')}</Table.Th>
                        <Table.Th w={120}>{t('org.colStaffNo')}</Table.Th>
                        <Table.Th w={120}>{t('org.colName')}</Table.Th>
                        <Table.Th w={90}>{t('roster.colAction')}</Table.Th>
                        <Table.Th>{t('roster.colFields')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.changes.map((c) => (
                        <Table.Tr key={`${c.row}-${c.staffNo}`}>
                          <Table.Td>{c.row}</Table.Td>
                          <Table.Td className="mono">{c.staffNo}</Table.Td>
                          <Table.Td>{c.name}</Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={ACTION_COLOR[c.action]}>
                              {t(`roster.action.${c.action}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c="dimmed">
                              {c.fields.join('、') || t('common.none')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </Stack>
            )}
          </Stack>
        </Card>
      )}

      <ConfirmModal
        opened={confirming}
        title={t('roster.confirmTitle')}
        confirmLabel={t('roster.import')}
        onCancel={() => setConfirming(false)}
        onConfirm={doImport}
      >
        <Text size="sm">
          {preview &&
            t('roster.confirmText', { created: preview.created, updated: preview.updated, unchanged: preview.unchanged })}
        </Text>
      </ConfirmModal>
    </Stack>
  )
}
