// Hostile attachments (issue 7, defect 12): an .exe zipped and named .xlsx, a name that hides its
// type behind a right-to-left override. Real files, checked by the ledger's own attachment check.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { checkAttachments } from '../../../src/main/core/ledger/attachments'
import { KaoheError } from '../../../src/shared/errors'
import { zip } from '../../support/zip'

const file = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') })
const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (e instanceof KaoheError) return { code: e.code, params: e.params }
    throw e
  }
  return null
}

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('成绩').addRow(['姓名', '成绩'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 1)])

describe('OOXML attachments are checked as real packages', () => {
  it('a real workbook from ExcelJS is accepted', async () => {
    const [a] = checkAttachments([file('成绩.xlsx', await realXlsx())])
    expect(a?.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  it('a zip holding an .exe is refused as .xlsx, whatever names the strings in it mention', () => {
    // The old check looked for the strings "[Content_Types].xml" and "xl/" anywhere in the bytes.
    const disguised = zip([
      { name: 'setup.exe', data: EXE },
      { name: 'readme-[Content_Types].xml-xl/.txt', data: Buffer.from('[Content_Types].xml xl/') },
    ])
    expect(codeOf(() => checkAttachments([file('成绩.xlsx', disguised)]))).toMatchObject({ code: 'LEDGER_ATTACHMENT_TYPE' })
  })

  it('a workbook with an executable part, by name or by content, is refused', async () => {
    const parts = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ]
    expect(checkAttachments([file('a.xlsx', zip(parts))])).toHaveLength(1)
    expect(codeOf(() => checkAttachments([file('a.xlsx', zip([...parts, { name: 'xl/media/tool.exe', data: EXE }]))]))).toMatchObject({ code: 'LEDGER_ATTACHMENT_TYPE' })
    expect(codeOf(() => checkAttachments([file('a.xlsx', zip([...parts, { name: 'xl/media/image1.png', data: EXE }]))]))).toMatchObject({ code: 'LEDGER_ATTACHMENT_TYPE' })
    expect(codeOf(() => checkAttachments([file('a.xlsx', zip([...parts, { name: 'xl/vbaProject.bin', data: Buffer.from('macro') }]))]))).toMatchObject({ code: 'LEDGER_ATTACHMENT_TYPE' })
    // The main part is required: a .docx is not an .xlsx.
    const docx = zip([parts[0]!, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }])
    expect(codeOf(() => checkAttachments([file('a.xlsx', docx)]))).toMatchObject({ code: 'LEDGER_ATTACHMENT_TYPE' })
    expect(checkAttachments([file('a.docx', docx)])).toHaveLength(1)
  })
})

describe('attachment names', () => {
  it('a right-to-left override or another hidden character in the name is refused, the name shown with it written out', () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1')
    expect(codeOf(() => checkAttachments([file('invoice\u202Eexe.pdf', pdf)]))).toEqual({ code: 'ATTACHMENT_NAME_INVALID', params: { fileName: 'invoice\\u202Eexe.pdf' } })
    for (const name of ['a\u200Bb.pdf', 'a\u2066b.pdf', 'a\u0007.pdf', 'a\u061Cb.pdf', 'a\u200Fb.pdf']) {
      expect(codeOf(() => checkAttachments([file(name, pdf)]))?.code, JSON.stringify(name)).toBe('ATTACHMENT_NAME_INVALID')
    }
    expect(checkAttachments([file('2026年 第一季度 通报（终稿）.pdf', pdf)])).toHaveLength(1)
  })
})
