import type { FileContent } from '@shared/api/types'
import { ATTACHMENT_TYPES } from '@shared/ledger'

/**
 * Files cross the API as base64. The renderer reads a picked file with the DOM File API (never
 * Node) and hands downloads to the browser as a Blob behind an <a download>.
 */
export function readFileAsBase64(file: File): Promise<FileContent> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      const comma = url.indexOf(',')
      resolve({ fileName: file.name, contentBase64: comma >= 0 ? url.slice(comma + 1) : '' })
    }
    reader.readAsDataURL(file)
  })
}

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
}

/** Saves a file the API returned, through the browser's download (a save dialog in the desktop app). */
export function downloadFile(file: FileContent): void {
  const binary = atob(file.contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const ext = file.fileName.split('.').pop()?.toLowerCase() ?? ''
  const blob = new Blob([bytes], { type: MIME[ext] ?? ATTACHMENT_TYPES[ext] ?? 'application/octet-stream' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
