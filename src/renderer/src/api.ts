import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { notifications } from '@mantine/notifications'
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract'
import type { z } from 'zod'
import { errorText, type ApiError, type Lang, type Result } from '@shared/errors'
import { issuePath, issueText } from './forms/issues'
import { ROLES, type Role } from '@shared/roles'
import { formatDate, formatDateTime } from './format'
import { useLang } from './i18n'
import { useSessionEvents } from './sessionEvents'

/** A transport failure (bridge down, IPC gone): the call may or may not have happened. */
export interface TransportError {
  code: 'TRANSPORT'
  params: { message: string }
}
/**
 * An API error as the renderer holds it. For INVALID_INPUT, `inputIssues` are the zod issues of the
 * same input found again with the contract's schema in the renderer (see forms/localizeInput), so
 * they can be worded in the UI language instead of main's English text.
 */
export type ClientError = (ApiError & { inputIssues?: z.core.$ZodIssue[] }) | TransportError
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ClientError }

type AnyApiFn = (input?: unknown) => Promise<Result<unknown>>

/** One typed call on `window.api`. Never throws: transport failures come back as TRANSPORT. */
export async function call<M extends MethodName>(
  method: M,
  input?: InputOf<M>,
): Promise<CallResult<OutputOf<M>>> {
  try {
    const api = (window as { api?: Record<string, AnyApiFn> }).api
    const fn = api?.[method]
    if (typeof fn !== 'function') {
      return { ok: false, error: { code: 'TRANSPORT', params: { message: `window.api.${method}` } } }
    }
    const result = await fn(input ?? {})
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
      return { ok: false, error: { code: 'TRANSPORT', params: { message: 'malformed reply' } } }
    }
    if (!result.ok && result.error.code === 'INVALID_INPUT') {
      const { inputIssues } = await import('./forms/localizeInput')
      const issues = inputIssues(method, input)
      if (issues) return { ok: false, error: { ...result.error, inputIssues: issues } }
    }
    return result as CallResult<OutputOf<M>>
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, error: { code: 'TRANSPORT', params: { message } } }
  }
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

const TRANSPORT_TEXT: Record<Lang, string> = {
  zh: '无法连接考核台服务：{message}',
  en: 'Cannot reach the Kaohe service: {message}',
}

/**
 * The error as a sentence in the UI language. Role keys in params become role names, ISO times
 * (e.g. ACCOUNT_LOCKED's `until`) and days (a deadline's 2026-03-01) become local dates, and a
 * method name (FORBIDDEN's `method`) becomes what the operation is called, so the shared templates
 * read naturally and no internal code reaches the user.
 */
export function describeError(
  error: ClientError,
  lang: Lang,
  roleName: (r: Role) => string,
  methodLabel: (method: string) => string | undefined = () => undefined,
  fieldName: (path: string) => string | null = () => null,
): string {
  if (error.code === 'TRANSPORT') {
    return TRANSPORT_TEXT[lang].replace('{message}', error.params.message)
  }
  if (error.code === 'INVALID_INPUT') {
    return errorText({ code: 'INVALID_INPUT', params: { details: invalidInputDetails(error, lang, fieldName) } }, lang)
  }
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(error.params ?? {})) {
    if (isRole(value)) params[key] = roleName(value)
    else if (key === 'method' && typeof value === 'string') params[key] = methodLabel(value) ?? value
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) params[key] = formatDateTime(value, lang)
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) params[key] = formatDate(value, lang)
    else params[key] = value
  }
  return errorText({ ...error, params }, lang)
}

const INVALID_FALLBACK: Record<Lang, string> = { zh: '请检查填写的内容', en: 'please check what was entered' }
const HAN = /[\u4e00-\u9fff]/

/**
 * What INVALID_INPUT says after "输入有误：": each field by its name (`fieldName`, from the i18n
 * `inputField` namespace) and what is wrong, in the UI language. Issues found again in the renderer
 * are worded by forms/issues; main's own issues (English zod text) show only in English, and in
 * Chinese only by field name. Never a raw path or an English sentence in the Chinese UI.
 */
export function invalidInputDetails(
  error: ApiError & { inputIssues?: z.core.$ZodIssue[] },
  lang: Lang,
  fieldName: (path: string) => string | null,
): string {
  const sep = lang === 'zh' ? '；' : '; '
  const named = (path: string, text: string) => {
    const name = fieldName(path)
    return name ? `${name}${lang === 'zh' ? '：' : ': '}${text}` : text
  }
  if (error.inputIssues?.length) {
    const lines = error.inputIssues.map((issue) => named(issuePath(issue), issueText(issue, lang)))
    return [...new Set(lines)].join(sep)
  }
  const issues = error.issues ?? []
  if (lang === 'en' && issues.length) return [...new Set(issues.map((i) => named(i.path, i.message)))].join(sep)
  const lines = issues
    .map((i) => {
      const name = fieldName(i.path)
      if (name && HAN.test(i.message)) return `${name}：${i.message}`
      return name ?? (HAN.test(i.message) ? i.message : null)
    })
    .filter((x): x is string => x !== null)
  return lines.length ? [...new Set(lines)].join(sep) : INVALID_FALLBACK[lang]
}

/** `describeError` bound to the current language. */
export function useDescribeError(): (error: ClientError) => string {
  const lang = useLang()
  const { t, i18n } = useTranslation()
  return useCallback(
    (error: ClientError) =>
      describeError(
        error,
        lang,
        (r) => t(`roles.${r}`),
        (m) => (i18n.exists(`methods.${m}`) ? t(`methods.${m}`) : undefined),
        (path) => {
          // "sysadmin.username" → the name of its last named part (list indexes are skipped).
          const key = path.split('.').filter((p) => !/^\d+$/.test(p)).pop()
          return key && i18n.exists(`inputField.${key}`) ? t(`inputField.${key}`) : null
        },
      ),
    [lang, t, i18n],
  )
}

export interface RunOptions {
  /** Show a red notification on error (default true). Forms with inline errors pass false. */
  notify?: boolean
}

/**
 * What every failed call does in the UI: tells the app to look at the session again when the server
 * says it is gone or locked, and (unless `notify` is false) shows a red notification.
 */
export function useReportError(): (error: ClientError, options?: RunOptions) => void {
  const describe = useDescribeError()
  const { t } = useTranslation()
  const { sessionMayHaveChanged } = useSessionEvents()
  return useCallback(
    (error: ClientError, options?: RunOptions) => {
      const code = error.code
      if (code === 'NOT_AUTHENTICATED' || code === 'SESSION_LOCKED' || code === 'PASSWORD_CHANGE_REQUIRED') {
        sessionMayHaveChanged()
      }
      if (options?.notify !== false) {
        notifications.show({
          color: 'red',
          title: t('common.errorTitle'),
          message: describe(error),
          autoClose: 10_000,
        })
      }
    },
    [describe, sessionMayHaveChanged, t],
  )
}

/**
 * The hook pages use for actions: calls the API, shows a notification on error, and tells the app to
 * look at the session again when the server says it is gone or locked. Pages that *show* data use
 * `useApiData` (./useApiData), which also drops late answers for old inputs.
 */
export function useApi(): {
  run: <M extends MethodName>(method: M, input?: InputOf<M>, options?: RunOptions) => Promise<CallResult<OutputOf<M>>>
  describe: (error: ClientError) => string
} {
  const describe = useDescribeError()
  const report = useReportError()
  const run = useCallback(
    async <M extends MethodName>(method: M, input?: InputOf<M>, options?: RunOptions) => {
      const result = await call(method, input)
      if (!result.ok) report(result.error, options)
      return result
    },
    [report],
  )
  return { run, describe }
}

/** A green confirmation toast. */
export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'green', title, message })
}
