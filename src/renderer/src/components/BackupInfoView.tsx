import { Code, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '@shared/api/types'
import { formatBytes, formatDateTime } from '../format'
import { useLang } from '../i18n'

export function BackupInfoView({ info }: { info: BackupInfo }) {
  const { t } = useTranslation()
  const lang = useLang()
  const rows: [string, React.ReactNode][] = [
    [t('backup.infoFolder'), <Text size="sm" style={{ wordBreak: 'break-all' }}>{info.folder}</Text>],
    [t('backup.infoCreatedAt'), formatDateTime(info.createdAt, lang)],
    [t('backup.infoBytes'), formatBytes(info.bytes)],
    [t('backup.infoAuditEntries'), info.auditEntries],
    [t('backup.infoSha256'), <Code style={{ wordBreak: 'break-all' }}>{info.sha256}</Code>],
  ]
  return (
    <Table variant="vertical" withTableBorder layout="fixed" data-testid="backup-info">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={140}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
