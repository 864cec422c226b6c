/**
 * The hostile-workbook check that runs before ExcelJS sees a byte. ExcelJS (through JSZip) inflates
 * every part whole and builds every row and cell as objects: a zip bomb, a million rows or one cell
 * of 60 million characters exhaust memory or kill the process. So the zip is read here first:
 *
 * 1. the central directory, the same one JSZip reads: entry count, each entry's declared size,
 *    the total and the compression ratio, all before inflating anything;
 * 2. each entry inflated with Node's zlib capped at its declared size, so a header that lies about
 *    the size cannot make anything bigger than the limits allow; entries whose data overlap (the
 *    construction of the "better" zip bombs, where many entries share one compressed kernel) are
 *    refused outright;
 * 3. each XML part scanned as bytes, never as one string: rows and cells of the sheets (a cell far
 *    to the right and a merged range count as the cells ExcelJS would create), and the characters
 *    of every cell, shared string, text run and tag.
 *
 * Node's own zlib does the inflating (no dependency): its `maxOutputLength` bounds the memory
 * of one entry. The directory reader is small, and refuses what it does not know (ZIP64
 * directories, encryption, methods other than stored and deflate) rather than guessing.
 */
import { constants as zlibConstants, inflateRawSync } from 'node:zlib'
import type { ImportLimits, LimitExceeded } from './limits'

export type ZipCheck = { ok: true } | { ok: false; exceeded: LimitExceeded } | { ok: false; damaged: { zh: string; en: string } }

interface Entry {
  name: string
  flags: number
  method: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const U32_MAX = 0xffffffff

type Refusal = Exclude<ZipCheck, { ok: true }>
const damaged = (zh: string, en: string): Refusal => ({ ok: false, damaged: { zh, en } })
const over = (limit: LimitExceeded['limit'], max: number, found: number, part = '', row = 0): Refusal => ({
  ok: false,
  exceeded: { limit, max, found, part, row },
})

/** Checks the workbook's zip against the limits; `ok` means ExcelJS may load it. */
export function checkWorkbookZip(bytes: Uint8Array, limits: ImportLimits): ZipCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const dir = readDirectory(buf, limits.maxZipEntries)
  if (!('entries' in dir)) return dir
  const { entries, directoryOffset } = dir

  let total = 0
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxEntryUncompressedBytes) {
      return over('maxEntryUncompressedBytes', limits.maxEntryUncompressedBytes, e.uncompressedSize, e.name)
    }
    total += e.uncompressedSize
    if (total > limits.maxTotalUncompressedBytes) return over('maxTotalUncompressedBytes', limits.maxTotalUncompressedBytes, total, e.name)
    if (e.uncompressedSize > 0) {
      const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1)
      if (ratio > limits.maxCompressionRatio) return over('maxCompressionRatio', limits.maxCompressionRatio, ratio, e.name)
    }
    if (e.flags & 1) return damaged(`内部文件 ${e.name} 已加密`, `the part ${e.name} is encrypted`)
    if (e.method !== 0 && e.method !== 8) return damaged(`内部文件 ${e.name} 使用了不支持的压缩方式`, `the part ${e.name} uses an unsupported compression method`)
  }

  // Where each entry's data lies; no two may share bytes, and all lie before the directory.
  const spans: { start: number; end: number; entry: Entry }[] = []
  for (const e of entries) {
    const at = e.localOffset
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return damaged(`内部文件 ${e.name} 的位置有误`, `the part ${e.name} is not where the directory says`)
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28)
    const end = start + e.compressedSize
    if (end > directoryOffset) return damaged(`内部文件 ${e.name} 超出了文件范围`, `the part ${e.name} runs past its place in the file`)
    spans.push({ start: at, end, entry: e })
  }
  spans.sort((a, b) => a.start - b.start)
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      return damaged(`内部文件 ${spans[i]!.entry.name} 与 ${spans[i - 1]!.entry.name} 重叠（压缩炸弹的构造）`, `the parts ${spans[i - 1]!.entry.name} and ${spans[i]!.entry.name} overlap (the shape of a zip bomb)`)
    }
  }

  const scan = new WorkbookScan(limits)
  for (const { end, entry: e } of spans) {
    const start = end - e.compressedSize
    const data = buf.subarray(start, end)
    let content: Buffer
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) return damaged(`内部文件 ${e.name} 的大小不一致`, `the part ${e.name} has inconsistent sizes`)
      content = data
    } else {
      try {
        // Capped at the declared size: a header that understates it fails here, at bounded cost.
        content = inflateRawSync(data, { maxOutputLength: Math.max(e.uncompressedSize, 1) })
      } catch {
        return damaged(`内部文件 ${e.name} 解压后与声明的大小不符或已损坏`, `the part ${e.name} does not inflate to its declared size or is damaged`)
      }
      if (content.length !== e.uncompressedSize) {
        return damaged(`内部文件 ${e.name} 解压后与声明的大小不符`, `the part ${e.name} does not inflate to its declared size`)
      }
    }
    if (/\.(xml|rels|vml)$/i.test(e.name)) {
      const found = scan.part(e.name, content)
      if (found) return { ok: false, exceeded: found }
    }
  }
  return { ok: true }
}

type Directory = { entries: Entry[]; directoryOffset: number } | Refusal

/** One part of a zip as a reader sees it: its name, and the first bytes of its content (for magic numbers). */
export interface ZipPartHead {
  name: string
  head: Buffer
}

/**
 * The parts of a zip with the first bytes of each, or null when the zip is damaged, has more than
 * `maxEntries` parts, or its local headers name parts differently from its directory (what an
 * archive tool lists is then not what another one extracts). For checking what a package holds
 * (an .xlsx or .docx attachment) without inflating it: at most `headBytes` of output per part.
 */
export function zipPartHeads(bytes: Uint8Array, maxEntries: number, headBytes = 64): ZipPartHead[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const dir = readDirectory(buf, maxEntries)
  if (!('entries' in dir)) return null
  const parts: ZipPartHead[] = []
  for (const e of dir.entries) {
    const at = e.localOffset
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return null
    const nameLength = buf.readUInt16LE(at + 26)
    if (buf.toString('utf8', at + 30, at + 30 + nameLength) !== e.name) return null
    const start = at + 30 + nameLength + buf.readUInt16LE(at + 28)
    const data = buf.subarray(start, Math.min(start + e.compressedSize, buf.length))
    let head: Buffer
    try {
      // A few compressed bytes, flushed without the end of the stream: the start of the content only.
      head = e.method === 0 ? data.subarray(0, headBytes) : inflateRawSync(data.subarray(0, 256), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, headBytes)
    } catch {
      return null
    }
    parts.push({ name: e.name, head })
  }
  return parts
}

function readDirectory(buf: Buffer, maxZipEntries: number): Directory {
  // The end record is the last one in the file, as JSZip finds it (a comment may precede the end).
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return damaged('找不到压缩包目录', 'the zip directory is missing')
  const count = buf.readUInt16LE(eocd + 10)
  const size = buf.readUInt32LE(eocd + 12)
  const offset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || size === U32_MAX || offset === U32_MAX || buf.readUInt16LE(eocd + 4) !== 0) {
    return damaged('不支持 ZIP64 或分卷压缩包', 'ZIP64 and multi-part zips are not supported')
  }
  if (count > maxZipEntries) return over('maxZipEntries', maxZipEntries, count)
  if (offset + size > eocd) return damaged('压缩包目录超出文件范围', 'the zip directory runs past the end of the file')
  const entries: Entry[] = []
  let p = offset
  for (let n = 0; n < count; n++) {
    if (p + 46 > offset + size || buf.readUInt32LE(p) !== CENTRAL) return damaged('压缩包目录已损坏', 'the zip directory is damaged')
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength)
    const entry: Entry = {
      name,
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    }
    if (entry.compressedSize === U32_MAX || entry.uncompressedSize === U32_MAX || entry.localOffset === U32_MAX) {
      if (!readZip64Extra(buf, p + 46 + nameLength, extraLength, entry)) return damaged(`内部文件 ${name} 的 ZIP64 信息有误`, `the ZIP64 sizes of ${name} are damaged`)
    }
    entries.push(entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  return { entries, directoryOffset: offset }
}

/** ZIP64 extra field (0x0001): the 64-bit values of the fields that read 0xFFFFFFFF, in order. */
function readZip64Extra(buf: Buffer, start: number, length: number, entry: Entry): boolean {
  let p = start
  while (p + 4 <= start + length) {
    const id = buf.readUInt16LE(p)
    const size = buf.readUInt16LE(p + 2)
    if (id === 0x0001) {
      let q = p + 4
      const next = (): number | null => {
        if (q + 8 > p + 4 + size) return null
        const v = Number(buf.readBigUInt64LE(q))
        q += 8
        return v
      }
      for (const field of ['uncompressedSize', 'compressedSize', 'localOffset'] as const) {
        if (entry[field] !== U32_MAX) continue
        const v = next()
        if (v === null) return false
        entry[field] = v
      }
      return true
    }
    p += 4 + size
  }
  return false
}

const LT = 0x3c
const GT = 0x3e
const AMP = 0x26
const SEMI = 0x3b

/**
 * Counts rows and cells and measures text, part by part, over the bytes. A cell's characters are
 * those of its element (`<c>` in a sheet, `<si>` in the shared strings): the sum of its text runs
 * (an entity such as &amp; is one character), so splitting a huge text into runs does not hide it.
 * Any single text run or tag anywhere is held to the same limit.
 */
class WorkbookScan {
  private rows = 0
  private cells = 0

  constructor(private readonly limits: ImportLimits) {}

  part(name: string, xml: Buffer): LimitExceeded | null {
    const { maxCellChars, maxRows, maxCells } = this.limits
    const over = (limit: LimitExceeded['limit'], max: number, found: number, row = 0): LimitExceeded => ({ limit, max, found, part: name, row })
    let inTag = false
    let inEntity = false
    let entityLength = 0
    let tagStart = 0
    let run = 0
    /** Characters of the cell or shared string being read; -1 outside one. */
    let cellChars = -1
    let rowNo = 0
    let rowMaxCol = 0
    let lastCol = 0
    const endRow = (): LimitExceeded | null => {
      this.cells += rowMaxCol
      rowMaxCol = 0
      lastCol = 0
      return this.cells > maxCells ? over('maxCells', maxCells, this.cells, rowNo) : null
    }
    for (let i = 0; i < xml.length; i++) {
      const b = xml[i]!
      if (inTag) {
        if (b !== GT) {
          if (i - tagStart > maxCellChars) return over('maxCellChars', maxCellChars, i - tagStart, rowNo)
          continue
        }
        inTag = false
        run = 0
        const tag = xml.toString('latin1', tagStart + 1, i)
        const closing = tag.startsWith('/')
        const local = localName(closing ? tag.slice(1) : tag)
        if (local === 'row') {
          if (closing) {
            const e = endRow()
            if (e) return e
          } else {
            this.rows++
            rowNo = Number(/\br="(\d+)"/.exec(tag)?.[1] ?? rowNo + 1)
            if (this.rows > maxRows) return over('maxRows', maxRows, this.rows, rowNo)
            if (tag.endsWith('/')) {
              const e = endRow()
              if (e) return e
            }
          }
        } else if (local === 'c' || local === 'si') {
          if (closing) cellChars = -1
          else {
            if (local === 'c') {
              const ref = /\br="([A-Za-z]{1,3})\d*"/.exec(tag)?.[1]
              lastCol = ref ? columnNumber(ref) : lastCol + 1
              rowMaxCol = Math.max(rowMaxCol, lastCol)
            }
            cellChars = tag.endsWith('/') ? -1 : 0
          }
        } else if (local === 'mergeCell' && !closing) {
          const m = /\bref="([A-Za-z]{1,3})(\d+):([A-Za-z]{1,3})(\d+)"/.exec(tag)
          if (m) {
            const area = (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(columnNumber(m[3]!) - columnNumber(m[1]!)) + 1)
            this.cells += area
            if (this.cells > maxCells) return over('maxCells', maxCells, this.cells)
          }
        }
        continue
      }
      if (b === LT) {
        inTag = true
        inEntity = false
        tagStart = i
        continue
      }
      // Text: count characters (UTF-8 lead bytes; an entity is one).
      if (inEntity) {
        if (b === SEMI) inEntity = false
        else if (++entityLength > maxCellChars) return over('maxCellChars', maxCellChars, entityLength, rowNo)
        continue
      }
      if ((b & 0xc0) === 0x80) continue
      if (b === AMP) {
        inEntity = true
        entityLength = 0
      }
      run++
      if (run > maxCellChars) return over('maxCellChars', maxCellChars, run, rowNo)
      if (cellChars >= 0 && ++cellChars > maxCellChars) return over('maxCellChars', maxCellChars, cellChars, rowNo)
    }
    if (rowMaxCol > 0) return endRow()
    return null
  }
}

function localName(tag: string): string {
  const m = /^[^\s/>]+/.exec(tag)
  const qname = m ? m[0] : ''
  const colon = qname.indexOf(':')
  return colon < 0 ? qname : qname.slice(colon + 1)
}

/** 'A' → 1, 'Z' → 26, 'AA' → 27, 'XFD' → 16384. */
function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}
