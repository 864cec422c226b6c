import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { notifications } from '@mantine/notifications'
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract'
import { errorText, type ApiError, type Lang, type Result } from '@shared/errors'
import { ROLES, type Role } from '@shared/roles'
import { formatDateTime } from './format'
import { useLang } from './i18n'
import { useSessionEvents } from './sessionEvents'

/** A transport failure (bridge down, IPC gone): the call may or may not have happened. */
export interface TransportError {
  code: 'TRANSPORT'
  params: { message: string }
}
export type ClientError = ApiError | TransportError
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
 * The error as a sentence in the UI language. Role keys in params become role names and ISO times
 * (e.g. ACCOUNT_LOCKED's `until`) become local dates, so the shared templates read naturally.
 */
export function describeError(error: ClientError, lang: Lang, roleName: (r: Role) => string): string {
  if (error.code === 'TRANSPORT') {
    return TRANSPORT_TEXT[lang].replace('{message}', error.params.message)
  }
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(error.params ?? {})) {
    if (isRole(value)) params[key] = roleName(value)
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) params[key] = formatDateTime(value, lang)
    else params[key] = value
  }
  const text = errorText({ ...error, params }, lang)
  const issues = error.issues?.length
    ? error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
    : ''
  return error.code === 'INVALID_INPUT' && issues && !text.includes(issues) ? `${text}（${issues}）` : text
}

/** `describeError` bound to the current language. */
export function useDescribeError(): (error: ClientError) => string {
  const lang = useLang()
  const { t } = useTranslation()
  return useCallback(
    (error: ClientError) => describeError(error, lang, (r) => t(`roles.${r}`)),
    [lang, t],
  )
}

export interface RunOptions {
  /** Show a red notification on error (default true). Forms with inline errors pass false. */
  notify?: boolean
}

/**
 * The hook pages use: calls the API, shows a notification on error, and tells the app to look at the
 * session again when the server says it is gone or locked.
 */
export function useApi(): {
  run: <M extends MethodName>(method: M, input?: InputOf<M>, options?: RunOptions) => Promise<CallResult<OutputOf<M>>>
  describe: (error: ClientError) => string
} {
  const describe = useDescribeError()
  const { t } = useTranslation()
  const { sessionMayHaveChanged } = useSessionEvents()
  const run = useCallback(
    async <M extends MethodName>(method: M, input?: InputOf<M>, options?: RunOptions) => {
      const result = await call(method, input)
      if (!result.ok) {
        const code = result.error.code
        if (code === 'NOT_AUTHENTICATED' || code === 'SESSION_LOCKED' || code === 'PASSWORD_CHANGE_REQUIRED') {
          sessionMayHaveChanged()
        }
        if (options?.notify !== false) {
          notifications.show({
            color: 'red',
            title: t('common.errorTitle'),
            message: describe(result.error),
            autoClose: 10_000,
          })
        }
      }
      return result
    },
    [describe, sessionMayHaveChanged, t],
  )
  return { run, describe }
}

/** A green confirmation toast. */
export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'green', title, message })
}
