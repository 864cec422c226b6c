import { Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core'
import { IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/**
 * A card that picks one file and sends it with one button: the shape every small import (a
 * holiday table, a policy) shares. The file is read with the DOM File API by the caller.
 */
export function FileImportCard({
  title,
  text,
  fileLabel,
  accept,
  file,
  onFile,
  busy,
  onSubmit,
  submitLabel,
  testId,
}: {
  title: string
  text: string
  fileLabel: string
  accept: string
  file: File | null
  onFile: (file: File | null) => void
  busy: boolean
  onSubmit: () => void
  submitLabel: string
  /** Prefix of the test ids: `${testId}-file` and `${testId}-button`. */
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
        <Group align="flex-end">
          <FileInput
            style={{ flex: 1 }}
            label={fileLabel}
            placeholder={t('roster.filePlaceholder')}
            accept={accept}
            value={file}
            onChange={onFile}
            clearable
            leftSection={<IconUpload size={16} />}
            fileInputProps={{ 'data-testid': `${testId}-file` } as React.ComponentProps<'input'>}
          />
          <Button disabled={!file} loading={busy} onClick={onSubmit} data-testid={`${testId}-button`}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
