import { crc32, deflateRawSync, constants } from 'node:zlib'

/**
 * A zip writer for hostile-file tests: real local headers, a real central directory, and the
 * freedom a hostile file takes (a declared size that lies, entries that share their data).
 */
export interface ZipPart {
  name: string
  /** The content; or, for a bomb, the already-deflated data and the size it inflates to. */
  data: Buffer | { deflated: Buffer; size: number }
  /** What the central directory claims the part inflates to (a lie, when given). */
  declaredSize?: number
}

export function zip(parts: readonly ZipPart[], opts: { overlapLast?: boolean } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  let lastOffset = 0
  parts.forEach((part, index) => {
    const name = Buffer.from(part.name, 'utf8')
    const deflated = Buffer.isBuffer(part.data) ? deflateRawSync(part.data) : part.data.deflated
    const size = part.declaredSize ?? (Buffer.isBuffer(part.data) ? part.data.length : part.data.size)
    const crc = Buffer.isBuffer(part.data) ? crc32(part.data) : 0
    // The last part may point at the previous part's data instead of its own (overlapping entries).
    const overlap = opts.overlapLast && index === parts.length - 1
    const at = overlap ? lastOffset : offset
    if (!overlap) {
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(20, 4)
      local.writeUInt16LE(0x0800, 6)
      local.writeUInt16LE(8, 8)
      local.writeUInt32LE(crc, 14)
      local.writeUInt32LE(deflated.length, 18)
      local.writeUInt32LE(size, 22)
      local.writeUInt16LE(name.length, 26)
      locals.push(local, name, deflated)
      lastOffset = offset
      offset += local.length + name.length + deflated.length
    }
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(deflated.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(at, 42)
    centrals.push(central, name)
  })
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/**
 * Deflated data that inflates to `copies` × `chunk` bytes without ever holding them: one chunk
 * compressed with a sync flush (no final block), repeated, then an empty final block. This is how
 * a 1.5 MB file inflates to gigabytes.
 */
export function deflateBomb(chunk: Buffer, copies: number): { deflated: Buffer; size: number } {
  const one = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 })
  return { deflated: Buffer.concat([...Array.from({ length: copies }, () => one), Buffer.from([0x03, 0x00])]), size: chunk.length * copies }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** The parts of a minimal one-sheet workbook that Excel and ExcelJS open, around `sheetXml`. */
export function workbookParts(sheetXml: Buffer | { deflated: Buffer; size: number }, declaredSize?: number): ZipPart[] {
  const b = (s: string) => Buffer.from(s, 'utf8')
  return [
    {
      name: '[Content_Types].xml',
      data: b(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: b(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    { name: 'xl/workbook.xml', data: b(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: b(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...(declaredSize !== undefined ? { declaredSize } : {}) },
  ]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** A sheet of inline-string rows; `extra` goes after sheetData (merged cells, say). */
export function sheetXml(rows: readonly (readonly string[])[], extra = ''): Buffer {
  const col = (i: number) => String.fromCharCode(65 + i)
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((t, c) => `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${esc(t)}</t></is></c>`).join('')}</row>`)
    .join('')
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData>${extra}</worksheet>`, 'utf8')
}
