import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { formatDateTime } from '../format'
import { useLang } from '../i18n'

/**
 * What a sign-in must tell the person (issue 7 #9): that an administrator reset their password
 * (who, when), and — once, to the discipline office whose sign-in made the T3 key — its recovery code.
 */
export function SignInNotices({ info, onClose }: { info: SessionInfo | null; onClose: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const reset = info?.passwordReset ?? null
  const code = info?.t3RecoveryCode ?? null
  return (
    <Modal opened={!!reset || !!code} onClose={onClose} title={code ? t('signInNotice.t3Title') : t('signInNotice.resetTitle')} centered closeOnClickOutside={false}>
      <Stack gap="md">
        {reset && (
          <Alert color="yellow" title={t('signInNotice.resetTitle')} data-testid="notice-password-reset">
            {t('signInNotice.resetText', { by: reset.by, at: formatDateTime(reset.at, lang) })}
          </Alert>
        )}
        {code && (
          <>
            <Text size="sm">{t('signInNotice.t3Text')}</Text>
            <Code block style={{ fontSize: 18 }} data-testid="notice-t3-code">
              {code}
            </Code>
          </>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="notice-ok">
            {t('signInNotice.ok')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
