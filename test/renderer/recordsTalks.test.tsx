// @vitest-environment jsdom
import './setup'
import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ImportColumn, ImportPreview, TalkStatus } from '../../src/shared/api/types'
import { installFakeApi, ok, renderApp, expectShown } from './helpers'
import { person, signedInAs } from './domainFakes'

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return { fileName: 'kq.csv', rows: 120, added: 118, unchanged: 2, errors: [], warnings: [], ...over }
}

const COLUMNS: Record<'attendance' | 'survey', ImportColumn[]> = {
  attendance: [
    { header: '工号', en: 'Staff No.', required: true, meaning: { zh: '花名册中的工号', en: 'The staff number as in the roster' } },
    { header: '时长', en: 'Hours', required: false, meaning: { zh: '小时数，可留空', en: 'Hours; may be blank' } },
  ],
  survey: [{ header: '评价', en: 'Rating', required: true, meaning: { zh: '非常满意…非常不满意', en: 'very satisfied … very dissatisfied' } }],
}
const columns = { 'records.columns': (input: { kind: 'attendance' | 'survey' }) => ok(COLUMNS[input.kind]) }

describe('attendance and satisfaction import (HR)', () => {
  it('lists each import’s columns (name, required, meaning) and downloads its template', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['hr'], 'records-import'),
      ...columns,
      'records.template': () => ok({ fileName: '考勤导入模板.xlsx', contentBase64: btoa('xlsx') }),
    })
    URL.createObjectURL = () => 'blob:x'
    URL.revokeObjectURL = () => {}
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderApp()
    const list = await screen.findByTestId('records-attendance-columns')
    const rows = within(list).getAllByTestId('records-attendance-column')
    expect(rows.map((r) => r.textContent)).toEqual(['工号必填花名册中的工号', '时长选填小时数，可留空'])
    expectShown(within(await screen.findByTestId('records-survey-columns')).getByText('非常满意…非常不满意'))
    await u.click(screen.getByTestId('records-attendance-template'))
    await waitFor(() => expect(api['records.template']).toHaveBeenCalledWith({ kind: 'attendance', format: 'xlsx' }))
    await waitFor(() => expect(click).toHaveBeenCalled())
    await u.click(screen.getByTestId('records-survey-template-csv'))
    await waitFor(() => expect(api['records.template']).toHaveBeenCalledWith({ kind: 'survey', format: 'csv' }))
    click.mockRestore()
  })

  it('lists errors with row, column and reason and keeps import disabled while there are errors', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['hr'], 'records-import'),
      ...columns,
      'attendance.preview': () =>
        ok(preview({ errors: [{ row: 9, column: '日期', code: 'ATTENDANCE_BAD_DATE', zh: '日期“2026-13-01”无效', en: 'Date “2026-13-01” is invalid', value: '2026-13-01' }] })),
    })
    renderApp()
    await u.upload(await screen.findByTestId('records-attendance-file'), new File(['a'], 'kq.csv'))
    await u.click(screen.getByTestId('records-attendance-preview'))
    const row = await screen.findByTestId('records-attendance-error-row-9-0')
    expect(row.textContent).toContain('日期')
    expect(row.textContent).toContain('日期“2026-13-01”无效')
    expect((screen.getByTestId('records-attendance-import') as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByTestId('records-attendance-count-added').textContent).toContain('118')
    expect(api['attendance.import']).not.toHaveBeenCalled()
  })

  it('flags 样本不足 and imports a clean survey file after confirmation', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['hr'], 'records-import'),
      ...columns,
      'survey.preview': () =>
        ok(preview({ fileName: 'pj.xlsx', warnings: [{ row: 4, column: '工号', code: 'SURVEY_FEW_RESPONSES', zh: 'A0011 仅 3 份评价', en: 'A0011 has only 3 ratings', value: 'A0011' }] })),
      'survey.import': () => ok({ added: 118, unchanged: 2 }),
    })
    renderApp()
    await u.upload(await screen.findByTestId('records-survey-file'), new File(['a'], 'pj.xlsx'))
    await u.click(screen.getByTestId('records-survey-preview'))
    const warnings = await screen.findByTestId('records-survey-warnings')
    expectShown(within(warnings).getByText('样本不足'))
    expect(screen.getByTestId('records-survey-count-few').textContent).toContain('1')
    const button = screen.getByTestId('records-survey-import') as HTMLButtonElement
    expect(button.disabled).toBe(false)
    await u.click(button)
    await u.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(api['survey.import']).toHaveBeenCalled())
    expect((await screen.findByTestId('records-survey-result')).textContent).toContain('新增 118 条，2 条已存在。')
  })

  it('is not offered to a supervisor', async () => {
    installFakeApi({ ...signedInAs(['supervisor'], 'home'), 'org.people.list': () => ok([]) })
    renderApp()
    expect((await screen.findByTestId('nav-talks')).textContent).toContain('每月沟通')
    expect((screen.getByTestId('nav-ledger')).textContent).toContain('台账')
    expect(screen.queryByTestId('nav-records-import')).toBeNull()
  })
})

function talk(over: Partial<TalkStatus> = {}): TalkStatus {
  return { personId: 11, personName: '李明', staffNo: 'A0011', month: '2026-03', talk: null, overdue: false, ...over }
}

describe('monthly talks (每月沟通)', () => {
  const sessionOf = () => {
    const base = signedInAs(['supervisor'], 'talks')
    return {
      ...base,
      'auth.session': () => ok({ ...base['auth.session']().value, username: 'kezhang' }),
      'org.people.list': () =>
        ok([
          person({ id: 10, name: '张强', supervisorId: null, username: 'kezhang' }),
          person({ id: 11, name: '李明', supervisorId: 10 }),
          person({ id: 12, staffNo: 'A0012', name: '王五', supervisorId: 10 }),
          person({ id: 13, staffNo: 'A0013', name: '赵六', supervisorId: 11 }),
        ]),
    }
  }

  it('shows held, due and overdue (red) badges and records a talk for a direct report', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...sessionOf(),
      'talks.list': () =>
        ok([
          talk({ personId: 11, talk: { id: 1, heldOn: '2026-03-10', notes: '谈了窗口工作', recordedBy: '张强' } }),
          talk({ personId: 12, personName: '王五', staffNo: 'A0012', overdue: true }),
          talk({ personId: 13, personName: '赵六', staffNo: 'A0013', overdue: true }),
        ]),
      'talks.record': (input: { personId: number; month: string; heldOn: string; notes: string }) =>
        ok(talk({ personId: 12, personName: '王五', staffNo: 'A0012', overdue: true, talk: { id: 2, heldOn: input.heldOn, notes: input.notes, recordedBy: '张强' } })),
    })
    renderApp()
    expect((await screen.findByTestId('talks-status-12')).textContent).toBe('逾期')
    expect(screen.getByTestId('talks-status-11').textContent).toBe('已沟通')
    expect(screen.getByTestId('talks-row-11').textContent).toContain('2026年3月10日')
    expect(screen.getByTestId('talks-row-11').textContent).toContain('谈了窗口工作')
    // Record only for direct reports without a talk: 王五 yes; 李明 (held) and 赵六 (not direct) no.
    expectShown(screen.getByTestId('talks-record-12'))
    expect(screen.queryByTestId('talks-record-11')).toBeNull()
    expect(screen.queryByTestId('talks-record-13')).toBeNull()
    const now = new Date()
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
    expect(api['talks.list']).toHaveBeenCalledWith({ month })

    await u.click(screen.getByTestId('talks-record-12'))
    await u.click(screen.getByTestId('talks-submit'))
    expect((await screen.findByTestId('talks-error')).textContent).toBe('请填写沟通内容')
    await u.type(screen.getByTestId('talks-notes'), '布置二季度任务')
    await u.click(screen.getByTestId('talks-submit'))
    await waitFor(() => expect(api['talks.record']).toHaveBeenCalledWith(expect.objectContaining({ personId: 12, notes: '布置二季度任务' })))
    expect((await screen.findByTestId('talks-status-12')).textContent).toBe('已沟通')
  })
})
