// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { RosterPreview } from '../../src/shared/api/types'
import { installFakeApi, ok, renderApp, expectShown } from './helpers'
import { signedInAs } from './domainFakes'

const CSV = '工号,姓名,科室\nA0001,李明,办公室\n'
const file = () => new File([CSV], 'roster.csv', { type: 'text/csv' })
// btoa takes Latin-1: encode the UTF-8 bytes first.
const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(CSV)))

function preview(over: Partial<RosterPreview> = {}): RosterPreview {
  return {
    fileName: 'roster.csv',
    rows: 58,
    created: 3,
    updated: 2,
    unchanged: 53,
    errors: [],
    warnings: [],
    newDepartments: [],
    changes: [{ row: 2, staffNo: 'A0001', name: '李明', action: 'create', fields: [] }],
    ...over,
  }
}

const ERRORS = preview({
  errors: [
    { row: 7, column: '类别', code: 'ROSTER_BAD_CATEGORY', zh: '岗位类别“综合类”无法识别', en: 'Post category “综合类” is not recognised', value: '综合类' },
    { row: 12, column: '工号', code: 'ROSTER_DUPLICATE_STAFF_NO', zh: '工号 A0003 与第 5 行重复', en: 'Staff number A0003 repeats row 5', value: 'A0003' },
  ],
  warnings: [{ row: 9, column: '入职日期', code: 'ROSTER_DATE_GUESSED', zh: '日期按年月日读取', en: 'Date read as year-month-day' }],
})

async function pickAndPreview(u: ReturnType<typeof userEvent.setup>) {
  await u.upload(await screen.findByTestId('roster-file'), file())
  await u.click(screen.getByTestId('roster-preview-button'))
}

describe('roster import (HR)', () => {
  it('lists every error with row, column and reason, and refuses to import', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({ ...signedInAs(['hr'], 'roster'), 'org.roster.preview': () => ok(ERRORS) })
    renderApp()
    await pickAndPreview(u)

    const table = await screen.findByTestId('roster-errors')
    const first = within(table).getByTestId('roster-error-row-7-0')
    expect(first.textContent).toContain('7')
    expect(first.textContent).toContain('类别')
    expect(first.textContent).toContain('岗位类别“综合类”无法识别')
    expect(within(table).getByTestId('roster-error-row-12-1').textContent).toContain('工号 A0003 与第 5 行重复')
    expect(screen.getByTestId('roster-warnings').textContent).toContain('日期按年月日读取')

    expect(screen.getByTestId('roster-blocked').textContent).toBe('文件中有 2 处错误，未导入任何数据。请修改文件后重新选择。')
    expect((screen.getByTestId('roster-import-button') as HTMLButtonElement).disabled).toBe(true)
    // The file went over as base64, read by the DOM File API.
    expect(api['org.roster.preview']).toHaveBeenCalledWith({ fileName: 'roster.csv', contentBase64: base64 })
    expect(api['org.roster.import']).not.toHaveBeenCalled()
  })

  it('shows the reasons in English when the interface is English', async () => {
    const u = userEvent.setup()
    installFakeApi({ ...signedInAs(['hr'], 'roster'), 'org.roster.preview': () => ok(ERRORS) })
    renderApp(undefined, 'en')
    await pickAndPreview(u)
    expect((await screen.findByTestId('roster-error-row-7-0')).textContent).toContain('Post category “综合类” is not recognised')
    expect(screen.getByTestId('roster-blocked').textContent).toContain('Errors in the file: 2. Nothing was imported.')
  })

  it('imports a clean file after confirmation and shows the result', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['hr'], 'roster'),
      'org.roster.preview': () => ok(preview({ newDepartments: ['信息科'] })),
      'org.roster.import': () => ok({ created: 3, updated: 2, unchanged: 53, newDepartments: ['信息科'] }),
    })
    renderApp()
    await pickAndPreview(u)
    expect((await screen.findByTestId('roster-count-created')).textContent).toContain('3')
    expect(screen.getByTestId('roster-new-departments').textContent).toContain('信息科')
    expect(screen.queryByTestId('roster-errors')).toBeNull()
    const importButton = screen.getByTestId('roster-import-button') as HTMLButtonElement
    expect(importButton.disabled).toBe(false)

    await u.click(importButton)
    expectShown(screen.getByText(/将新增 3 人、更新 2 人/))
    await u.click(screen.getByTestId('confirm-ok'))
    await waitFor(() =>
      expect(api['org.roster.import']).toHaveBeenCalledWith({ fileName: 'roster.csv', contentBase64: base64 }),
    )
    const result = await screen.findByTestId('roster-result')
    expect(result.textContent).toContain('新增 3 人，更新 2 人，53 人未变。')
    expect(result.textContent).toContain('新建科室：信息科')
  })

  it('is in the navigation for HR only', async () => {
    installFakeApi(signedInAs(['hr'], 'home'))
    renderApp()
    expect((await screen.findByTestId('nav-roster')).textContent).toContain('花名册导入')
    expect((screen.getByTestId('nav-org')).textContent).toContain('组织与人员')
  })

  it('is not in the navigation of a leadership group member', async () => {
    installFakeApi(signedInAs(['leader'], 'roster'))
    renderApp()
    expect((await screen.findByTestId('nav-org')).textContent).toContain('组织与人员')
    expect(screen.queryByTestId('nav-roster')).toBeNull()
    expect(screen.queryByTestId('roster-file')).toBeNull()
  })
})
