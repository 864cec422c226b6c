// Placeholder with the final signature; the real implementation lands shortly (router + core).
import type { Result } from '@shared/errors'

export interface KaoheApp {
  /** One API call, from a transport that has already checked its sender. Never throws. */
  call(method: string, input: unknown): Promise<Result<unknown>>
  close(): void
}

export interface KaoheAppOptions {
  /** Folder that holds unit.kaohe (+ .keys) or demo.kaohe. */
  dataDir: string
}

export function createKaohe(_opts: KaoheAppOptions): KaoheApp {
  throw new Error('not yet implemented')
}
