import PDFDocument from 'pdfkit'
import type { CjkFont } from './cjkFont'

/**
 * An A4 PDF document with the Chinese font registered as 'cjk', collecting its bytes: every form
 * Kaohe prints starts here. `done` resolves to the file once the caller has called `doc.end()`.
 */
export function a4Document(opts: { title: string; font: CjkFont; margin?: number; autoFirstPage?: boolean }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: opts.margin ?? 0,
    ...(opts.autoFirstPage === false ? { autoFirstPage: false } : {}),
    info: { Title: opts.title, Author: 'Kaohe 考核台' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont('cjk', opts.font.path, opts.font.family)
  return { doc, done }
}
