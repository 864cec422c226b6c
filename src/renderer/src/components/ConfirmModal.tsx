import { useState, type ReactNode } from 'react'
import { Button, Group, Modal, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface ConfirmModalProps {
  opened: boolean
  title: string
  children: ReactNode
  confirmLabel?: string
  danger?: boolean
  onCancel: () => void
  /** May be async; the button shows a spinner until it settles. */
  onConfirm: () => unknown
}

/** A yes/no question before an action that changes data. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    try {
      await props.onConfirm()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} centered size="md">
      <Stack gap="lg">
        <div>{props.children}</div>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} data-testid="confirm-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            color={props.danger ? 'red' : undefined}
            loading={busy}
            onClick={() => void confirm()}
            data-testid="confirm-ok"
          >
            {props.confirmLabel ?? t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
