import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Card, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PasswordResetDecision, PasswordResetRequest, SessionInfo } from '@shared/api/types'
import { notifySuccess, useApi } from '../api'
import { formatDateTime } from '../format'
import { useLang } from '../i18n'

/**
 * 待批准的密码重置 (issue 7 #9): the other administrator approves or refuses a content account's
 * reset; the temporary password is shown once, to the approver only. On the users page
 * (system administrator) and the roles page (security administrator).
 */
export function ResetRequestsCard({ session, reloadKey = 0 }: { session: SessionInfo; reloadKey?: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [requests, setRequests] = useState<PasswordResetRequest[]>([])
  const [decided, setDecided] = useState<PasswordResetDecision | null>(null)

  const load = useCallback(async () => {
    const r = await run('users.resetRequests', {}, { notify: false })
    if (r.ok) setRequests(r.value)
  }, [run])

  useEffect(() => {
    void load()
  }, [load, reloadKey])

  const decide = async (req: PasswordResetRequest, approve: boolean) => {
    const r = await run('users.decideReset', { requestId: req.id, approve })
    if (!r.ok) return
    if (approve) setDecided(r.value)
    else notifySuccess(t('users.refusedDone', { name: req.displayName }))
    await load()
  }

  return (
    <Card withBorder radius="md" padding="lg" mt="lg" data-testid="reset-requests">
      <Stack gap="sm">
        <Title order={5}>{t('users.requestsTitle')}</Title>
        {requests.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('users.requestsEmpty')}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.colDisplayName')}</Table.Th>
                <Table.Th>{t('users.colRequestedBy')}</Table.Th>
                <Table.Th>{t('users.colRequestedAt')}</Table.Th>
                <Table.Th ta="right">{t('users.colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((req) => {
                const mine = req.requestedBy.toLowerCase() === session.username.toLowerCase()
                return (
                  <Table.Tr key={req.id} data-testid={`reset-request-${req.username}`}>
                    <Table.Td>
                      {req.displayName}（{req.username}）
                    </Table.Td>
                    <Table.Td>{req.requestedBy}</Table.Td>
                    <Table.Td>{formatDateTime(req.requestedAt, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        {mine ? (
                          <Text size="sm" c="dimmed">
                            {t('users.ownRequest')}
                          </Text>
                        ) : (
                          <Button size="xs" onClick={() => void decide(req, true)} data-testid={`reset-approve-${req.username}`}>
                            {t('users.approve')}
                          </Button>
                        )}
                        <Button size="xs" variant="subtle" color="red" onClick={() => void decide(req, false)} data-testid={`reset-refuse-${req.username}`}>
                          {t('users.refuse')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={decided !== null}
        onClose={() => setDecided(null)}
        title={decided ? t('users.tempTitle', { name: decided.request.displayName }) : ''}
        centered
      >
        <Stack gap="md">
          <Alert color="yellow">{t('users.tempText')}</Alert>
          <Code block style={{ fontSize: 18 }} data-testid="reset-temp-password">
            {decided?.temporaryPassword ?? ''}
          </Code>
          <Group justify="flex-end">
            <Button onClick={() => setDecided(null)}>{t('signInNotice.ok')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}
