import { createElement, lazy, type ComponentProps, type ComponentType } from 'react'
import { Center, Loader } from '@mantine/core'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint on a component
type AnyComponent = ComponentType<any>

/** A lazily loaded page: renders its chunk once loaded; `preload()` fetches it ahead of time. */
export type LazyPage<C extends AnyComponent> = ComponentType<ComponentProps<C>> & { preload: () => Promise<void> }

/**
 * React.lazy for a module's named export: `lazyPage(() => import('./pages/X'), 'X')`. The page is
 * its own chunk in the production build, loaded the first time it is shown (inside a <Suspense>,
 * whose fallback is <PageLoading />). Once loaded it renders at once, without suspending again.
 */
export function lazyPage<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyPage<M[K]> {
  let loaded: M[K] | undefined
  let pending: Promise<void> | undefined
  const preload = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m[name]
      },
      (e: unknown) => {
        pending = undefined // a failed chunk load may be retried by the next render
        throw e
      },
    ))
  const Lazy = lazy(async () => {
    await preload()
    return { default: loaded as M[K] }
  })
  const Page = (props: ComponentProps<M[K]>) => createElement(loaded ?? Lazy, props)
  Page.displayName = `Lazy(${name})`
  return Object.assign(Page, { preload })
}

/**
 * Under vitest (mode 'test') a module awaits its lazy pages at load (top-level await in App.tsx and
 * Shell.tsx), so component tests see each screen as soon as they navigate, as before the split.
 * Vite replaces the mode at build time: in the production build this is `false` and drops out.
 */
export const PRELOAD_ALL = import.meta.env.MODE === 'test'

export async function preloadAll(pages: readonly { preload: () => Promise<void> }[]): Promise<void> {
  await Promise.all(pages.map((p) => p.preload()))
}

/** What a page shows while its code is loading. */
export function PageLoading() {
  return (
    <Center p="xl" data-testid="page-loading">
      <Loader size="sm" />
    </Center>
  )
}
