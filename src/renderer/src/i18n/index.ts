import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import type { Lang } from '@shared/errors'
import { zh } from './zh'
import { en } from './en'

export const LANG_STORAGE_KEY = 'kaohe.lang'
export const LANGS: readonly Lang[] = ['zh', 'en']

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY)
    return value === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

/** A ready i18next instance (synchronous: the resources are bundled). */
export function createI18n(lang: Lang = storedLang()): I18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'zh',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  setDocumentLang(lang)
  return instance
}

function setDocumentLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
}

/** Switches the language and remembers it for the next start. */
export function setLanguage(instance: I18n, lang: Lang): void {
  void instance.changeLanguage(lang)
  setDocumentLang(lang)
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang)
  } catch {
    // Storage may be unavailable; the switch still applies to this window.
  }
}

/** The current UI language as the shared error helper spells it. */
export function useLang(): Lang {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'zh'
}
