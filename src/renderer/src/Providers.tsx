import { useState, type ReactNode } from 'react'
import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { I18nextProvider } from 'react-i18next'
import type { i18n as I18n } from 'i18next'
import 'dayjs/locale/zh-cn'
import { createI18n, useLang } from './i18n'
import { theme } from './theme'

/** Theme, notifications and i18n. Tests pass env="test" (no transitions, no portals). */
export function Providers({ children, env, i18n }: { children: ReactNode; env?: 'default' | 'test'; i18n?: I18n }) {
  const [instance] = useState(() => i18n ?? createI18n())
  return (
    <I18nextProvider i18n={instance}>
      <MantineProvider theme={theme} env={env} defaultColorScheme="light">
        <LocalisedDates>
          {/* Bottom right: the header keeps its lock and sign-out buttons visible. */}
          <Notifications position="bottom-right" limit={4} />
          {children}
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  )
}

/** Date pickers follow the UI language; weeks start on Monday, as Chinese calendars print them. */
function LocalisedDates({ children }: { children: ReactNode }) {
  const lang = useLang()
  return (
    <DatesProvider settings={{ locale: lang === 'zh' ? 'zh-cn' : 'en', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
      {children}
    </DatesProvider>
  )
}
