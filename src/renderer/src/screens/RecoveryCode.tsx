import { useState } from 'react'
import { createPortal } from 'react-dom'
import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../format'
import { useLang } from '../i18n'

export interface RecoveryCodeProps {
  code: string
  unitName: string
  unitCode: string
  createdAt: Date
  onContinue: () => void
}

/** The recovery code, shown once; continuing needs an explicit "I have stored it". */
export function RecoveryCode({ code, unitName, unitCode, createdAt, onContinue }: RecoveryCodeProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const [saved, setSaved] = useState(false)

  return (
    <Stack gap="lg" maw={680} mx="auto">
      <Stack gap={6}>
        <Title order={3}>{t('recovery.title')}</Title>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {t('recovery.lead')}
        </Alert>
      </Stack>
      <div>
        <Text size="sm" c="dimmed" mb={6}>
          {t('recovery.codeLabel')}
        </Text>
        <div className="recovery-code" data-testid="recovery-code" aria-label={t('recovery.codeLabel')}>
          {code}
        </div>
      </div>
      <Group justify="space-between" align="center">
        <Button
          variant="default"
          leftSection={<IconPrinter size={18} />}
          onClick={() => window.print()}
          data-testid="recovery-print"
        >
          {t('recovery.print')}
        </Button>
        <Checkbox
          label={t('recovery.saved')}
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
          data-testid="recovery-saved"
        />
      </Group>
      <Group justify="flex-end">
        <Button disabled={!saved} onClick={onContinue} data-testid="recovery-continue">
          {t('recovery.continue')}
        </Button>
      </Group>
      {createPortal(
        <div className="print-sheet" data-testid="recovery-print-sheet">
          <h1>{t('recovery.sheetTitle')}</h1>
          <p className="print-meta">{t('recovery.sheetUnit', { unit: unitName, code: unitCode })}</p>
          <p className="print-meta">{t('recovery.sheetDate', { date: formatDate(createdAt, lang) })}</p>
          <div className="print-code">{code}</div>
          <h2>{t('recovery.sheetInstructions')}</h2>
          <ol>
            <li>{t('recovery.sheetInstruction1')}</li>
            <li>{t('recovery.sheetInstruction2')}</li>
            <li>{t('recovery.sheetInstruction3')}</li>
          </ol>
        </div>,
        document.body,
      )}
    </Stack>
  )
}
