import { PasswordInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { checkPassword } from '../password'
import { PasswordRuleHint } from './PasswordRuleHint'

/** Whether a new password can be sent: it meets the rule, and the confirmation matches. */
export function newPasswordProblems(password: string, confirm: string): { weak: boolean; mismatch: boolean } {
  return { weak: !checkPassword(password).ok, mismatch: confirm !== password }
}

/**
 * A new password, its confirmation and the live rule hint: the one way every form (forced change,
 * recovery) asks for a new password. Errors show once the user has tried to submit.
 */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  tried,
  labels,
  testIds,
}: {
  password: string
  confirm: string
  onPassword: (value: string) => void
  onConfirm: (value: string) => void
  tried: boolean
  labels: { password: string; confirm: string }
  testIds: { password: string; confirm: string }
}) {
  const { t } = useTranslation()
  const { weak, mismatch } = newPasswordProblems(password, confirm)
  return (
    <>
      <PasswordInput
        label={labels.password}
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={tried && weak ? t('password.weak') : undefined}
        autoComplete="new-password"
        data-testid={testIds.password}
      />
      <PasswordInput
        label={labels.confirm}
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        error={tried && mismatch ? t('password.mismatch') : undefined}
        autoComplete="new-password"
        data-testid={testIds.confirm}
      />
      <PasswordRuleHint password={password} />
    </>
  )
}
