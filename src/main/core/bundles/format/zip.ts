import { Inflate, zipSync, type Zippable } from 'fflate'
import { PackageCheckError } from './checks'

/** The import caps (= policy.imports); readZip holds them before any byte is inflated. */
export interface ZipLimits {
  maxFileBytes: number
  maxZipEntries: number
  maxEntryUncompressedBytes: number
  maxTotalUncompressedBytes: number
  maxCompressionRatio: number
}

// A fixed time keeps a package's bytes a function of its contents only.
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0)

/** Deflate level 1: a results payload is repetitive JSON, so level 1 already shrinks it ~11×, at half level 6's time (bench/packages). */
export function writeZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tree: Zippable = {}
  for (const name of [...files.keys()].sort()) {
    tree[name] = [files.get(name)!, { level: 1, mtime: FIXED_MTIME }]
  }
  return zipSync(tree, { level: 1, mtime: FIXED_MTIME })
}

const LOCAL_SIG = 0x04034b50
const CENTRAL_SIG = 0x02014b50
const EOCD_SIG = 0x06054b50
const ALLOWED_FLAGS = 0x0006 | 0x0800 // deflate level hints and UTF-8; never encryption (bit 0) or data descriptors (bit 3)
const NAME_RE = /^[A-Za-z0-9._/-]{1,200}$/

function fail(zh: string, en: string): never {
  throw new PackageCheckError('zip', zh, en)
}

/** Why a name is refused, or null: only plain relative paths of safe characters. */
export function badEntryName(name: string): { zh: string; en: string } | null {
  const shown = JSON.stringify(name)
  if (name.includes('\0')) return { zh: `文件名 ${shown} 含空字符`, en: `entry name ${shown} contains NUL` }
  if (name.includes('\\')) return { zh: `文件名 ${shown} 含反斜杠`, en: `entry name ${shown} contains a backslash` }
  if (name.startsWith('/')) return { zh: `文件名 ${shown} 是绝对路径`, en: `entry name ${shown} is an absolute path` }
  if (name.split('/').some((s) => s === '..')) return { zh: `文件名 ${shown} 含“..”`, en: `entry name ${shown} contains a '..' segment` }
  if (name.endsWith('/')) return { zh: `压缩包含目录项 ${shown}`, en: `the archive holds a directory entry ${shown}` }
  if (name.split('/').some((s) => s === '' || s === '.')) return { zh: `文件名 ${shown} 含空路径段`, en: `entry name ${shown} has an empty path segment` }
  if (!NAME_RE.test(name)) return { zh: `文件名 ${shown} 长度或字符不合规定`, en: `entry name ${shown} has a disallowed length or character` }
  return null
}

interface CentralEntry {
  name: string
  // Kept to hold the local header to the very same values: no byte either way goes unchecked.
  needed: number
  flags: number
  time: number
  method: number
  crc: number
  compressed: number
  size: number
  offset: number
}

/**
 * Our own reader of the end record and central directory, so every cap is checked from declared
 * values before inflating, and the inflated output is then held to what was declared. No zip64, no
 * multi-disk, no encryption, stored or deflate only, and no byte the structure does not account for.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 22) fail('压缩包过短，没有目录结尾记录', 'the archive is too short to hold an end-of-directory record')
  const eocd = bytes.length - 22
  if (v.getUint32(eocd, true) !== EOCD_SIG) fail('压缩包结尾不是目录结尾记录（或带有注释、附加数据）', 'the archive does not end with an end-of-directory record (comment or appended data)')
  const disk = v.getUint16(eocd + 4, true)
  const cdDisk = v.getUint16(eocd + 6, true)
  const countDisk = v.getUint16(eocd + 8, true)
  const count = v.getUint16(eocd + 10, true)
  const cdSize = v.getUint32(eocd + 12, true)
  const cdOffset = v.getUint32(eocd + 16, true)
  if (v.getUint16(eocd + 20, true) !== 0) fail('压缩包结尾记录声明了注释', 'the end-of-directory record declares a comment')
  if (disk !== 0 || cdDisk !== 0 || countDisk !== count) fail('不支持分卷压缩包', 'multi-disk archives are not accepted')
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) fail('不支持 ZIP64', 'ZIP64 archives are not accepted')
  if (count > limits.maxZipEntries) fail(`压缩包有 ${count} 个文件，超过上限 ${limits.maxZipEntries}`, `the archive holds ${count} entries, over the limit of ${limits.maxZipEntries}`)
  if (cdOffset + cdSize !== eocd) fail('目录区的位置或长度与结尾记录不符', 'the central directory’s offset or size disagrees with the end record')

  const entries: CentralEntry[] = []
  const seen = new Set<string>()
  const folded = new Map<string, string>()
  let total = 0
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || v.getUint32(p, true) !== CENTRAL_SIG) fail(`目录区第 ${i + 1} 项损坏`, `central directory entry ${i + 1} is damaged`)
    const made = v.getUint16(p + 4, true)
    const needed = v.getUint16(p + 6, true)
    const flags = v.getUint16(p + 8, true)
    const method = v.getUint16(p + 10, true)
    const time = v.getUint32(p + 12, true)
    const crc = v.getUint32(p + 16, true)
    const compressed = v.getUint32(p + 20, true)
    const size = v.getUint32(p + 24, true)
    const nameLen = v.getUint16(p + 28, true)
    const extraLen = v.getUint16(p + 30, true)
    const commentLen = v.getUint16(p + 32, true)
    const startDisk = v.getUint16(p + 34, true)
    const offset = v.getUint32(p + 42, true)
    if (p + 46 + nameLen + extraLen + commentLen > eocd) fail(`目录区第 ${i + 1} 项越界`, `central directory entry ${i + 1} runs past the directory`)
    const name = latin1(bytes.subarray(p + 46, p + 46 + nameLen))
    const where = JSON.stringify(name)
    const bad = badEntryName(name)
    if (bad) fail(bad.zh, bad.en)
    if (seen.has(name)) fail(`文件名 ${where} 重复`, `entry name ${where} appears twice`)
    const lower = name.toLowerCase()
    const other = folded.get(lower)
    if (other !== undefined) fail(`文件名 ${where} 与 ${JSON.stringify(other)} 仅大小写不同`, `entry names ${where} and ${JSON.stringify(other)} differ only in case`)
    seen.add(name)
    folded.set(lower, name)
    if ((flags & ~ALLOWED_FLAGS) !== 0) fail(`${where} 使用了加密或不支持的标志（${flags}）`, `${where} uses encryption or an unsupported flag (${flags})`)
    if (method !== 0 && method !== 8) fail(`${where} 的压缩方法 ${method} 不受支持`, `${where} uses unsupported compression method ${method}`)
    if (extraLen !== 0 || commentLen !== 0) fail(`${where} 带有扩展字段或注释`, `${where} carries extra fields or a comment`)
    if (startDisk !== 0) fail('不支持分卷压缩包', 'multi-disk archives are not accepted')
    if (made !== 20 || needed !== 20 || v.getUint16(p + 36, true) !== 0 || v.getUint32(p + 38, true) !== 0) {
      fail(`${where} 的版本或属性字段不是本程序写入的值`, `${where} has version or attribute fields this program does not write`)
    }
    if (compressed === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) fail('不支持 ZIP64', 'ZIP64 archives are not accepted')
    if (size > limits.maxEntryUncompressedBytes) fail(`${where} 解压后 ${size} 字节，超过单个文件上限 ${limits.maxEntryUncompressedBytes}`, `${where} declares ${size} bytes, over the per-entry limit of ${limits.maxEntryUncompressedBytes}`)
    total += size
    if (total > limits.maxTotalUncompressedBytes) fail(`解压后合计超过上限 ${limits.maxTotalUncompressedBytes} 字节`, `the entries together declare more than ${limits.maxTotalUncompressedBytes} bytes`)
    if (method === 0 && compressed !== size) fail(`${where} 未压缩，但声明的两种大小不同`, `${where} is stored but declares different sizes`)
    if (size > 0 && (compressed === 0 || size / compressed > limits.maxCompressionRatio)) {
      fail(`${where} 的压缩比超过上限 ${limits.maxCompressionRatio}`, `${where} declares a compression ratio over the limit of ${limits.maxCompressionRatio}`)
    }
    entries.push({ name, needed, flags, time, method, crc, compressed, size, offset })
    p += 46 + nameLen + extraLen + commentLen
  }
  if (p !== eocd) fail('目录区含有多余数据', 'the central directory holds bytes no entry accounts for')

  // Local records must tile the space before the directory exactly, in the directory's order.
  const out = new Map<string, Uint8Array>()
  let at = 0
  for (const e of entries) {
    const where = JSON.stringify(e.name)
    if (e.offset !== at) fail(`${where} 的位置与前一项不相接（有多余或缺失的数据）`, `${where} does not start where the previous entry ends (extra or missing bytes)`)
    if (at + 30 > cdOffset || v.getUint32(at, true) !== LOCAL_SIG) fail(`${where} 的本地文件头损坏`, `the local header of ${where} is damaged`)
    const nameLen = v.getUint16(at + 26, true)
    const extraLen = v.getUint16(at + 28, true)
    const dataStart = at + 30 + nameLen + extraLen
    if (dataStart + e.compressed > cdOffset) fail(`${where} 的数据越过目录区`, `the data of ${where} runs into the central directory`)
    const agrees =
      v.getUint16(at + 4, true) === e.needed &&
      v.getUint16(at + 6, true) === e.flags &&
      v.getUint16(at + 8, true) === e.method &&
      v.getUint32(at + 10, true) === e.time &&
      v.getUint32(at + 14, true) === e.crc &&
      v.getUint32(at + 18, true) === e.compressed &&
      v.getUint32(at + 22, true) === e.size &&
      extraLen === 0 &&
      latin1(bytes.subarray(at + 30, at + 30 + nameLen)) === e.name
    if (!agrees) fail(`${where} 的本地文件头与目录区不一致`, `the local header of ${where} disagrees with the central directory`)
    const data = bytes.subarray(dataStart, dataStart + e.compressed)
    const content = e.method === 0 ? data.slice() : inflateBounded(data, e.size, where)
    if (content.length !== e.size) fail(`${where} 解压后 ${content.length} 字节，与声明的 ${e.size} 字节不符`, `${where} inflates to ${content.length} bytes, not the ${e.size} declared`)
    if (crc32(content) !== e.crc) fail(`${where} 的 CRC-32 校验不符`, `the CRC-32 of ${where} does not match`)
    out.set(e.name, content)
    at = dataStart + e.compressed
  }
  if (at !== cdOffset) fail('最后一个文件与目录区之间有多余数据', 'there are bytes between the last entry and the central directory')
  return out
}

/** Inflate, stopping as soon as the output passes what the directory declared (a zip bomb's lie). */
function inflateBounded(data: Uint8Array, declared: number, where: string): Uint8Array {
  const parts: Uint8Array[] = []
  let produced = 0
  let ended = false
  const over = new Error('over')
  const inf = new Inflate((chunk, final) => {
    produced += chunk.length
    if (produced > declared) throw over
    parts.push(chunk)
    if (final) ended = true
  })
  try {
    const STEP = 16 * 1024
    for (let i = 0; i < data.length; i += STEP) {
      inf.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length)
    }
    if (data.length === 0) inf.push(new Uint8Array(0), true)
  } catch (e) {
    if (e === over) fail(`${where} 解压后超过声明的 ${declared} 字节`, `${where} inflates past the ${declared} bytes declared`)
    fail(`${where} 的压缩数据损坏`, `the compressed data of ${where} is damaged`)
  }
  if (!ended) fail(`${where} 的压缩数据不完整`, `the compressed data of ${where} is incomplete`)
  const out = new Uint8Array(produced)
  let o = 0
  for (const c of parts) {
    out.set(c, o)
    o += c.length
  }
  return out
}

function latin1(b: Uint8Array): string {
  let s = ''
  for (const c of b) s += String.fromCharCode(c)
  return s
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 (ISO 3309), written out: Electron's zlib may predate zlib.crc32. */
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
