import type { ReactNode } from 'react'
import { Card, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RosterIssue } from '@shared/api/types'
import { useLang } from '../i18n'

/** One count of an import preview (新增 3). */
export function Stat({ label, value, color, testid }: { label: string; value: number; color: string; testid: string }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid={testid}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={color === 'gray' ? undefined : `${color}.7`} lh={1.3}>
        {value}
      </Text>
    </Card>
  )
}

/**
 * The errors or warnings of an import preview: 行号 / 列 / 原因 / 单元格内容. Test ids are
 * `{testid}-errors` and `{testid}-error-row-{row}-{index}` (warnings alike).
 */
export function IssueTable({
  issues,
  kind,
  testid,
  flag,
}: {
  issues: RosterIssue[]
  kind: 'errors' | 'warnings'
  testid: string
  /** A badge before the reason for some issues (样本不足). */
  flag?: (issue: RosterIssue) => ReactNode
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const prefix = kind === 'errors' ? `${testid}-error` : `${testid}-warning`
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" c={kind === 'errors' ? 'red.8' : 'orange.8'}>
        {t(kind === 'errors' ? 'roster.errorsTitle' : 'roster.warningsTitle', { count: issues.length })}
      </Text>
      <ScrollArea.Autosize mah={420}>
        <Table verticalSpacing={6} withTableBorder data-testid={`${testid}-${kind}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('roster.colRow')}</Table.Th>
              <Table.Th w={140}>{t('roster.colColumn')}</Table.Th>
              <Table.Th>{t('roster.colReason')}</Table.Th>
              <Table.Th w={180}>{t('roster.colValue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue, index) => (
              <Table.Tr key={`${issue.row}-${index}`} data-testid={`${prefix}-row-${issue.row}-${index}`}>
                <Table.Td>{issue.row === 0 ? t('roster.rowFile') : issue.row}</Table.Td>
                <Table.Td>{issue.column || t('common.none')}</Table.Td>
                <Table.Td>
                  {flag?.(issue)}
                  {lang === 'zh' ? issue.zh : issue.en}
                </Table.Td>
                <Table.Td className="mono">
                  <Text size="sm" truncate maw={180}>
                    {issue.value ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  )
}
