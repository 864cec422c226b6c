import { useState } from 'react'
import { Alert, Button, Card, Checkbox, Group, Stack, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import { useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { fieldOf, limitsOf } from '../../forms/zodForm'

const TEXT_LIMITS = limitsOf(fieldOf(contract['leads.lodge'].input, 'text'))

/** 举报线索: anyone signed in reports a concern, signed or anonymous; only the discipline office reads it. */
export function ReportLeadPage() {
  const { t } = useTranslation()
  const { run } = useApi()
  const [text, setText] = useState('')
  const [anonymous, setAnonymous] = useState(true)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<number | null>(null)
  return (
    <Stack gap="md" maw={820}>
      <PageHeader title={t('reportLead.title')} lead={t('reportLead.lead')} />
      {done !== null && (
        <Alert color="teal" data-testid="lead-done">
          {t('reportLead.done', { id: done })}
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Textarea
            label={t('reportLead.text')}
            autosize
            minRows={6}
            maxLength={TEXT_LIMITS.maxLength}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="lead-text"
          />
          <Checkbox label={t('reportLead.anonymous')} checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} data-testid="lead-anonymous" />
          <Group justify="flex-end">
            <Button
              loading={busy}
              disabled={!text.trim()}
              data-testid="lead-submit"
              onClick={async () => {
                setBusy(true)
                const r = await run('leads.lodge', { text, anonymous })
                setBusy(false)
                if (r.ok) {
                  setDone(r.value.id)
                  setText('')
                }
              }}
            >
              {t('reportLead.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  )
}
