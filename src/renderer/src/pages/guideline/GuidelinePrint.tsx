import { useEffect, useState } from 'react'
import { Alert, Button, Group, Loader, Text } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { GuidelineVersionInfo, SessionInfo } from '@shared/api/types'
import type { AnnualGuideline } from '@shared/guideline/model'
import { useApi } from '../../api'
import { GuidelineDocument } from './GuidelineDocument'

/**
 * 指引打印 (#/guideline/print/2026/1): the published guideline on an A4 sheet, without the app's
 * chrome; the toolbar does not print.
 */
export function GuidelinePrint({
  session,
  year,
  version,
  onBack,
}: {
  session: SessionInfo
  year: number
  version: number
  onBack: () => void
}) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const [data, setData] = useState<(GuidelineVersionInfo & { guideline: AnnualGuideline }) | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    setData(null)
    setError(null)
    if (!Number.isInteger(year) || !Number.isInteger(version) || version < 1) {
      setError(t('guideline.printBadRoute'))
      return
    }
    void run('guideline.version', { year, version }, { notify: false }).then((r) => {
      if (!live) return
      if (r.ok) setData(r.value)
      else setError(describe(r.error))
    })
    return () => {
      live = false
    }
  }, [run, describe, year, version, t])

  useEffect(() => {
    const before = document.title
    document.title = t('doc.title', { year })
    return () => {
      document.title = before
    }
  }, [t, year])

  return (
    <div className="print-page" data-testid="guideline-print-page">
      <div className="print-toolbar no-print">
        <Group justify="space-between" maw={794} mx="auto" px="md" py="sm">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="print-back">
            {t('guideline.printBack')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('guideline.printHint')}
          </Text>
          <Button leftSection={<IconPrinter size={18} />} onClick={() => window.print()} disabled={!data} data-testid="print-button">
            {t('guideline.printButton')}
          </Button>
        </Group>
      </div>
      {error ? (
        <Alert color="red" maw={794} mx="auto" mt="xl">
          {error}
        </Alert>
      ) : data === null ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <div className="a4-sheet">
          <GuidelineDocument guideline={data.guideline} info={data} unitName={session.unitName} />
        </div>
      )}
    </div>
  )
}
