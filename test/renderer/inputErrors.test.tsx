// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { contract } from '../../src/shared/api/contract'
import { call, describeError } from '../../src/renderer/src/api'
import { fieldOf, zodValidate } from '../../src/renderer/src/forms/zodForm'
import { expectShown, installFakeApi, ok, renderApp } from './helpers'
import { calendarYear, signedInAs } from './domainFakes'

const LATIN = /[A-Za-z]/
const FIELD: Record<string, string> = { reason: '理由', username: '用户名', unitName: '单位名称' }
const fieldName = (path: string) => FIELD[path.split('.').pop() ?? ''] ?? null

describe('input errors in the UI language, from the contract’s own schemas', () => {
  it('a form validated by the contract says what is wrong in Chinese, and in English when en', () => {
    const schema = contract['setup.initialize'].input
    type V = { unitName: string; unitCode: string; username: string }
    const toInput = (v: V) => ({
      unitName: v.unitName,
      unitCode: v.unitCode,
      sysadmin: { username: v.username, displayName: '张三', password: 'x' },
      secadmin: { username: 'sec.a', displayName: '李四', password: 'x' },
      auditor: { username: 'aud.a', displayName: '王五', password: 'x' },
    })
    const values = { unitName: '局', unitCode: 'LJ 01', username: '张三' }
    const zh = zodValidate<V>(schema, 'zh', toInput, { 'sysadmin.username': 'username' })(values)
    // The limit is the contract's (unitName ≥ 2), worded here; the schema's English regex message is not shown.
    expect(zh.unitName).toBe('至少 2 个字')
    expect(zh.unitCode).toBe('格式不正确')
    expect(zh.username).toBe('格式不正确')
    expect(Object.keys(zh).sort()).toEqual(['unitCode', 'unitName', 'username'])
    const en = zodValidate<V>(schema, 'en', toInput, { 'sysadmin.username': 'username' })(values)
    expect(en.unitName).toBe('At least 2 characters')
    expect(en.unitCode).toBe('letters, digits and - only')
    expect(zodValidate<V>(schema, 'zh', toInput)({ unitName: '临江县人社局', unitCode: 'LJ-01', username: 'admin.sys' })).toEqual({})
  })

  it('one field of a method’s input: the refusal reason’s 500-character limit', () => {
    const reason = fieldOf(contract['policy.decide'].input, 'reason')
    const check = zodValidate<{ reason: string }>(reason, 'zh', (v) => v.reason, { '': 'reason' })
    expect(check({ reason: '与上级文件不符' })).toEqual({})
    expect(check({ reason: '字'.repeat(501) })).toEqual({ reason: '最多 500 个字' })
  })

  it('main’s INVALID_INPUT is shown worded in Chinese, never main’s English zod text', async () => {
    installFakeApi({
      'policy.decide': () => ({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          params: { details: 'reason: Too big: expected string to have <=500 characters' },
          issues: [{ path: 'reason', message: 'Too big: expected string to have <=500 characters' }],
        },
      }),
    })
    const r = await call('policy.decide', { id: 7, approve: false, reason: '字'.repeat(501) })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const zh = describeError(r.error, 'zh', (x) => x, () => undefined, fieldName)
    expect(zh).toBe('输入有误：理由：最多 500 个字')
    expect(describeError(r.error, 'en', (x) => x, () => undefined, () => 'Reason')).toBe('Invalid input: Reason: At most 500 characters')
  })

  it('an issue only main finds shows by field name in Chinese, or a plain request to check the input', () => {
    const error = {
      code: 'INVALID_INPUT' as const,
      params: { details: 'username: letters, digits, . _ - only; (input): Unrecognized key: "x"' },
      issues: [
        { path: 'username', message: 'letters, digits, . _ - only' },
        { path: '', message: 'Unrecognized key: "x"' },
      ],
    }
    const zh = describeError(error, 'zh', (x) => x, () => undefined, fieldName)
    expect(zh).toBe('输入有误：用户名')
    expect(LATIN.test(zh)).toBe(false)
    const bare = describeError({ ...error, issues: [{ path: 'x', message: 'Invalid input' }] }, 'zh', (x) => x)
    expect(bare).toBe('输入有误：请检查填写的内容')
  })

  it('工作日历 deadline form: an empty number of days is refused beside the field, in Chinese, before any call', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['staff'], 'calendar'),
      'calendar.years': () => ok([]),
      'calendar.year': ({ year }) => ok(calendarYear(year, {})),
    })
    renderApp()
    await u.clear(await screen.findByTestId('deadline-days', {}, { timeout: 15_000 }))
    await u.click(screen.getByTestId('deadline-compute'))
    expectShown(screen.getByText('必填'))
    expect(screen.getByTestId('deadline-days').getAttribute('aria-invalid')).toBe('true')
    expect(api['calendar.addWorkingDays']).not.toHaveBeenCalled()
  })
})
