import { useState } from 'react'
import { Alert, Button, Card, Checkbox, Group, Loader, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core'
import { IconCalendarEvent, IconMessageReport } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/api/contract'
import type { AnnualPublishedView } from '@shared/annual'
import { notifySuccess, useApi } from '../../api'
import { useApiData } from '../../useApiData'
import { PageHeader } from '../../components/PageHeader'
import { YearSelect } from '../../components/YearSelect'
import { UnitTable, type UnitColumn } from '../../components/UnitTable'
import { formatDate } from '../../format'
import { useLang } from '../../i18n'
import { fieldOf, limitsOf } from '../../forms/zodForm'
import { GradeBadge, useGradeLabel } from './parts'

const TEXT_LIMITS = limitsOf(fieldOf(contract['annual.object'].input, 'text'))

type Row = AnnualPublishedView['people'][number]

/** 公示结果 (everyone, T0): names and grades during and after publicity, the end date, and 提出异议. */
export function PublishedPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const gradeLabel = useGradeLabel()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [objecting, setObjecting] = useState(false)
  const view = useApiData('annual.published', { year }, [])
  const v = view.data
  const shown = v !== null && (v.stage === 'publicity' || v.stage === 'final')
  const inPublicity = v?.stage === 'publicity'

  const columns: UnitColumn<Row>[] = [
    { key: 'staffNo', label: t('annual.colStaffNo'), value: (r) => r.staffNo, width: 90, mono: true },
    { key: 'name', label: t('annual.colName'), value: (r) => r.name, width: 120 },
    { key: 'department', label: t('annual.colDepartment'), value: (r) => r.department },
    { key: 'grade', label: t('annual.colGrade'), value: (r) => gradeLabel(r.grade), render: (r) => <GradeBadge grade={r.grade} />, width: 140 },
  ]

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('annual.publishedTitle')}
        lead={t('annual.publishedLead')}
        actions={<YearSelect value={year} onChange={setYear} testid="annual-published-year" label={t('annual.year')} />}
      />
      {v === null ? (
        view.error ? (
          <Alert color="red">{t('annual.loadFailed')}</Alert>
        ) : (
          <Group justify="center" py={48}>
            <Loader size="sm" />
          </Group>
        )
      ) : !shown ? (
        <Card withBorder padding="lg">
          <Text c="dimmed" data-testid="annual-published-none">
            {t('annual.notPublished', { year })}
          </Text>
        </Card>
      ) : (
        <>
          {v.publicity && (
            <Alert color={inPublicity ? 'blue' : 'gray'} icon={<IconCalendarEvent />} title={inPublicity ? t('annual.publicityTitle') : t('annual.publicityOver')} data-testid="annual-published-publicity">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" data-testid="annual-published-until">
                  {t('annual.publicityRange', { from: formatDate(v.publicity.from, lang), until: formatDate(v.publicity.until, lang) })}
                </Text>
                {inPublicity && (
                  <Button size="xs" variant="light" color="red" leftSection={<IconMessageReport size={16} />} onClick={() => setObjecting(true)} data-testid="annual-object">
                    {t('annual.object')}
                  </Button>
                )}
              </Group>
            </Alert>
          )}
          <UnitTable
            rows={v.people}
            columns={columns}
            getKey={(r) => r.staffNo}
            department={(r) => r.department}
            summary={(rows) => t('annual.publishedCount', { count: rows.length, total: v.people.length })}
            initialSort={{ key: 'staffNo', dir: 'asc' }}
            empty={t('annual.publishedEmpty')}
            testid="annual-published"
            rowTestId={(r) => `annual-published-${r.staffNo}`}
          />
        </>
      )}
      {v && <ObjectionModal opened={objecting} year={year} people={v.people} onClose={() => setObjecting(false)} />}
    </Stack>
  )
}

/**
 * 提出异议: an objection to the published results goes to the discipline office as a lead (举报线索)
 * on its publicity-objection channel, signed or anonymous, naming the person it concerns.
 */
function ObjectionModal({ opened, year, people, onClose }: { opened: boolean; year: number; people: readonly Row[]; onClose: () => void }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const [about, setAbout] = useState('')
  const [text, setText] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (text.trim() === '') {
      setError(t('annual.objectionRequired'))
      return
    }
    const who = people.find((p) => p.staffNo === about)
    setBusy(true)
    // The objection channel and the person it concerns travel as fields; the office sees both.
    const r = await run('annual.object', { year, text: text.trim(), ...(who ? { personId: who.personId } : {}), ...(anonymous ? { anonymous: true } : {}) })
    setBusy(false)
    if (r.ok) {
      notifySuccess(t('annual.objectionSent'))
      setText('')
      setAbout('')
      onClose()
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('annual.objectTitle')} size="lg" data-testid="annual-objection">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('annual.objectLead')}
        </Text>
        <NativeSelect
          label={t('annual.objectAbout')}
          value={about}
          onChange={(e) => setAbout(e.currentTarget.value)}
          data={[{ value: '', label: t('annual.objectAboutAll') }, ...people.map((p) => ({ value: p.staffNo, label: `${p.name}（${p.staffNo}）` }))]}
          data-testid="annual-objection-about"
        />
        <Textarea
          label={t('annual.objectText')}
          withAsterisk
          rows={4}
          maxLength={TEXT_LIMITS.maxLength}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value)
            setError(null)
          }}
          error={error}
          data-testid="annual-objection-text"
        />
        <Checkbox label={t('annual.objectAnonymous')} checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void submit()} loading={busy} data-testid="annual-objection-send">
            {t('annual.objectSend')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
