import { useState } from 'react'
import { Alert, Group, Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { routeQuery } from '../../routes'
import { RoundDashboard } from './RoundDashboard'
import { ProposalTable } from './ProposalTable'

/** 年度总评 (HR, leadership group): the round's dashboard and the proposal with its ranking. */
export function AnnualPage({ session, onNavigate }: { session: SessionInfo; onNavigate: (route: string) => void }) {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => Number(routeQuery().get('year')) || new Date().getFullYear())
  const round = useApiData('annual.round', { year }, [])
  return (
    <Stack gap="md" maw={1320}>
      <PageHeader
        title={t('annual.title')}
        lead={t('annual.lead')}
        actions={<YearSelect value={year} onChange={setYear} testid="annual-year" label={t('annual.year')} />}
      />
      {round.data ? (
        <>
          <RoundDashboard session={session} round={round.data} onChanged={round.setData} onNavigate={onNavigate} />
          <ProposalTable session={session} round={round.data} onChanged={round.setData} />
        </>
      ) : round.error ? (
        <Alert color="red">{t('annual.loadFailed')}</Alert>
      ) : (
        <Group justify="center" py={48}>
          <Loader size="sm" />
        </Group>
      )}
    </Stack>
  )
}
