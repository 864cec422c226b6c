// Shared set-up for renderer tests (imported by each test file; they run in jsdom).
import { afterEach, vi } from 'vitest'
import { cleanup, configure } from '@testing-library/react'

// Pages load as their own chunks (route-level splitting); on a busy machine the first screen of a
// file can take more than Testing Library's default second to appear. This is a wait, not a limit.
configure({ asyncUtilTimeout: 5000 })

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  })
}

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub })
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {}
if (!window.scrollTo) window.scrollTo = () => {}
Object.defineProperty(window, 'scrollTo', { writable: true, value: () => {} })

afterEach(() => {
  cleanup()
  window.localStorage.clear()
  window.location.hash = ''
  vi.restoreAllMocks()
})
