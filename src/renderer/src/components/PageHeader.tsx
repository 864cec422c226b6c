import type { ReactNode } from 'react'
import { Group, Stack, Text, Title } from '@mantine/core'

export function PageHeader({ title, lead, actions }: { title: string; lead?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="nowrap">
      <Stack gap={4}>
        <Title order={2} fw={600}>
          {title}
        </Title>
        {lead && (
          <Text c="dimmed" size="sm" maw={720}>
            {lead}
          </Text>
        )}
      </Stack>
      {actions}
    </Group>
  )
}
