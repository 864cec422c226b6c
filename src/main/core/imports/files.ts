import type { FileContent } from '@shared/api/types'

/** The bytes of a file handed over by the renderer or the CLI (base64 across the boundary). */
export function fileBytes(file: FileContent): Uint8Array {
  const b = Buffer.from(file.contentBase64, 'base64')
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
}

/** A text file's content as UTF-8, without the byte-order mark Windows editors put first. */
export function fileText(file: FileContent): string {
  return Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '')
}
