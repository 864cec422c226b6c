import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Lang } from '@shared/errors'
import { setLanguage, useLang } from '../i18n'

/** 中文 | English, remembered in localStorage. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation()
  const lang = useLang()
  return (
    <SegmentedControl
      size={size}
      value={lang}
      aria-label={t('lang.label')}
      data-testid="language-switch"
      onChange={(value) => setLanguage(i18n, value as Lang)}
      data={[
        { value: 'zh', label: t('lang.zh') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  )
}
