import { describe, expect, it } from 'vitest'
import type { RawCell } from '../../../src/main/core/imports/cells'
import { cleanName, cleanText, readBoolean, readDate, readStaffNo } from '../../../src/main/core/imports/normalize'
import { readCategory, readStatus } from '../../../src/main/core/org/roster/vocabulary'

const t = (text: string): RawCell => ({ kind: 'text', text })
const n = (value: number): RawCell => ({ kind: 'number', value })

describe('dates', () => {
  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['2024年3月1号', '2024-03-01'],
    ['2024 年 3 月 1 日', '2024-03-01'],
    ['２０２４－０３－０１', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['2024-03-01 00:00:00', '2024-03-01'],
    ['2024/3/1 8:30', '2024-03-01'],
    ['45352', '2024-03-01'],
    [' 2024-03-01\u3000', '2024-03-01'],
    ['2024-02-29', '2024-02-29'],
  ])('text %j → %s', (input, expected) => {
    expect(readDate(t(input))).toBe(expected)
  })

  it.each(['2025-02-29', '2024-13-01', '2024-00-10', '20241301', '2015.07', '2015年7月', '明年', '1024-01-01', '2204-01-01', '3/1/2024', '2015', '123'])(
    'text %j is not a date',
    (input) => {
      expect(readDate(t(input))).toBeNull()
    },
  )

  it('reads Excel date cells, serial numbers and yyyymmdd numbers', () => {
    expect(readDate({ kind: 'date', year: 2024, month: 3, day: 1 })).toBe('2024-03-01')
    expect(readDate(n(45352))).toBe('2024-03-01')
    expect(readDate(n(45352.75))).toBe('2024-03-01') // a time of day does not move the date
    expect(readDate(n(20240301))).toBe('2024-03-01')
    expect(readDate(n(2015.07))).toBeNull() // what Excel makes of a typed 2015.07
    expect(readDate(n(-1))).toBeNull()
    expect(readDate({ kind: 'bool', value: true })).toBeNull()
  })

  it('blank is no date (undefined), not an invalid one', () => {
    expect(readDate({ kind: 'empty' })).toBeUndefined()
    expect(readDate(t('  '))).toBeUndefined()
  })
})

describe('staff numbers', () => {
  it('keeps text as typed, leading zeros included; folds full width; drops spaces', () => {
    expect(readStaffNo(t('00123'))).toEqual({ ok: true, staffNo: '00123', fromNumber: false })
    expect(readStaffNo(t('００１２３'))).toEqual({ ok: true, staffNo: '00123', fromNumber: false })
    expect(readStaffNo(t(' 001 23\u3000'))).toEqual({ ok: true, staffNo: '00123', fromNumber: false })
    expect(readStaffNo(t('="00123"'))).toEqual({ ok: true, staffNo: '00123', fromNumber: false })
    expect(readStaffNo(t('ZF-2024/07'))).toMatchObject({ ok: true, staffNo: 'ZF-2024/07' })
  })

  it('turns a numeric cell into its integer text, marked as such', () => {
    expect(readStaffNo(n(123))).toEqual({ ok: true, staffNo: '123', fromNumber: true })
    expect(readStaffNo(n(123456789012345))).toEqual({ ok: true, staffNo: '123456789012345', fromNumber: true })
  })

  it('refuses what cannot be a staff number', () => {
    expect(readStaffNo(n(12.5))).toEqual({ ok: false, reason: 'notInteger' })
    expect(readStaffNo(n(123456789012345680))).toEqual({ ok: false, reason: 'tooManyDigits' })
    expect(readStaffNo(t('张三'))).toEqual({ ok: false, reason: 'badChars' })
    expect(readStaffNo(t('-12'))).toEqual({ ok: false, reason: 'badChars' })
    expect(readStaffNo(t('1'.repeat(33)))).toEqual({ ok: false, reason: 'tooLong' })
  })
})

describe('names and text', () => {
  it.each([
    ['张 三', '张三'],
    [' 张\u3000三 ', '张三'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽 • 买买提', '阿依古丽·买买提'],
    ['热依拉·阿不都', '热依拉·阿不都'],
    ['Zhang  Wei', 'Zhang Wei'],
    ['张三\u200B', '张三'],
  ])('name %j → %j', (input, expected) => {
    expect(cleanName(input)).toBe(expected)
  })

  it('folds only digits, letters and spaces in free text (a department keeps its full-width brackets)', () => {
    expect(cleanText(' 办公室（法制科）\u3000 ')).toBe('办公室（法制科）')
    expect(cleanText('第１执法  中队')).toBe('第1执法 中队')
    expect(cleanText('ＩＴ科')).toBe('IT科')
  })
})

describe('codes', () => {
  it.each([
    ['是', true], ['否', false], ['Y', true], ['n', false], ['1', true], ['0', false], ['TRUE', true], ['false', false],
    ['√', true], ['×', false], ['', false], ['  ', false], ['１', true], ['Ｙ', true],
  ])('风险岗位 %j → %s', (input, expected) => {
    expect(readBoolean(t(input))).toBe(expected)
  })

  it('reads boolean cells and refuses other words', () => {
    expect(readBoolean({ kind: 'bool', value: true })).toBe(true)
    expect(readBoolean(t('可能'))).toBeNull()
    expect(readBoolean(n(2))).toBeNull()
  })

  it.each([
    ['综合管理', 'general'], ['综合管理类', 'general'], ['general', 'general'], ['General', 'general'],
    ['行政执法', 'enforcement'], ['行政执法类', 'enforcement'], ['执法', 'enforcement'],
    ['专业技术', 'technical'], ['专业技术类', 'technical'], [' 专业技术类 ', 'technical'],
  ])('岗位类别 %j → %s', (input, expected) => {
    expect(readCategory(t(input))).toBe(expected)
  })

  it('refuses unknown categories', () => {
    expect(readCategory(t('后勤'))).toBeNull()
    expect(readCategory(t(''))).toBeNull()
  })

  it.each([
    ['在职', 'active'], ['', 'active'], ['试用期', 'probation'], ['长期病假', 'longLeave'], ['调离', 'transferred'],
    ['退休', 'retired'], ['离职', 'left'], ['辞职', 'left'], ['Probation', 'probation'],
  ])('在职状态 %j → %s', (input, expected) => {
    expect(readStatus(t(input))).toBe(expected)
  })

  it('refuses unknown statuses', () => {
    expect(readStatus(t('借调'))).toBeNull()
  })
})
