import { Alert } from '@mantine/core'
import { IconSchool } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../format'
import { useLang } from '../../i18n'
import { useApiData } from '../../useApiData'

/**
 * The reminder on every rating screen (plan §六(四)): a rater who has not attended the year's
 * assessor training (考核标准解读 + 沟通技巧) is told so, with the year's session to attend. Nothing
 * shows for anyone else, nor while loading or when the call fails (the rating screen stays usable).
 */
export function AssessorTrainingReminder({ year }: { year?: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const r = useApiData('training.myReminder', year === undefined ? {} : { year }, [year], { notify: false })
  const v = r.data
  if (!v?.show) return null
  return (
    <Alert color="yellow" variant="light" icon={<IconSchool size={18} />} title={t('training.reminderTitle', { year: v.year })} data-testid="assessor-training-reminder">
      {v.session
        ? t(v.session.held ? 'training.reminderMissed' : 'training.reminderSession', { title: v.session.title, date: formatDate(v.session.heldOn, lang), location: v.session.location ?? t('training.noLocation') })
        : t('training.reminderNoSession')}
    </Alert>
  )
}
