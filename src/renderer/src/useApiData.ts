import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract'
import { call, useReportError, type ClientError, type RunOptions } from './api'

export interface ApiData<T> {
  /** The answer for the current inputs; null while it is loading or when it failed. */
  data: T | null
  /** The error of the current inputs' call, if it failed. */
  error: ClientError | null
  /** True from the moment the inputs change until their answer arrives. */
  loading: boolean
  /** Asks again with the same inputs; the shown data stays until the new answer replaces it. */
  reload: () => void
  /** Replaces the shown data with a value the page already has (e.g. the answer of a write). */
  setData: (value: T) => void
}

interface Answer<T> {
  key: string
  data: T | null
  error: ClientError | null
}

/**
 * Reads `method` with `input` whenever `deps` change, and shows only the answer for the current
 * inputs. Every request carries its own AbortController: when the inputs change (a fast year
 * switch) or the page closes, the old request is aborted, and its answer — however late it
 * arrives — is dropped, so the previous year's data or error can never show. `input` null waits
 * (nothing is asked until the page knows what to ask for).
 *
 * The IPC call itself cannot be stopped in main (reads are side-effect free); the abort stops
 * everything the renderer would do with it: state, notifications, session re-checks.
 */
export function useApiData<M extends MethodName>(
  method: M,
  input: InputOf<M> | null,
  deps: DependencyList,
  options?: RunOptions,
): ApiData<OutputOf<M>> {
  const report = useReportError()
  // The key of the inputs this render shows: data stored under another key is never returned,
  // not even for the one render between a change of inputs and the effect that asks again.
  const key = JSON.stringify([method, input === null ? null : (input ?? {})])
  const [answer, setAnswer] = useState<Answer<OutputOf<M>> | null>(null)
  const [reloads, setReloads] = useState(0)
  const inputRef = useRef(input)
  inputRef.current = input
  const notify = options?.notify

  useEffect(() => {
    const current = inputRef.current
    if (current === null) return
    const controller = new AbortController()
    void call(method, current).then((result) => {
      if (controller.signal.aborted) return
      if (result.ok) setAnswer({ key, data: result.value, error: null })
      else {
        setAnswer({ key, data: null, error: result.error })
        report(result.error, { notify })
      }
    })
    return () => controller.abort()
    // `deps` are the caller's: what makes a new question besides the input itself.
  }, [method, key, reloads, report, notify, ...deps])

  const reload = useCallback(() => setReloads((n) => n + 1), [])
  const setData = useCallback((value: OutputOf<M>) => setAnswer({ key, data: value, error: null }), [key])

  const mine = answer !== null && answer.key === key ? answer : null
  return {
    data: mine?.data ?? null,
    error: mine?.error ?? null,
    loading: input !== null && mine === null,
    reload,
    setData,
  }
}
