import type { z } from 'zod'
import type { Lang } from '@shared/errors'

type Issue = z.core.$ZodIssue

const HAN = /[\u4e00-\u9fff]/

function bound(issue: { minimum?: unknown; maximum?: unknown }, key: 'minimum' | 'maximum'): string {
  const v = issue[key]
  return typeof v === 'bigint' || typeof v === 'number' ? String(v) : ''
}

/**
 * One zod issue as a short sentence in the UI language, for beside a field or after the field's
 * name ("至少 2 个字"). zod's own messages are English, and its zh-CN locale still prints type
 * names and regular expressions ("期望 string >=2 字符"), so the common cases are worded here; a
 * message the schema words itself in Chinese is kept, an English one never reaches the Chinese UI.
 */
export function issueText(issue: Issue, lang: Lang): string {
  const zh = lang === 'zh'
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return zh ? '必填' : 'Required'
      if (issue.expected === 'int') return zh ? '应为整数' : 'Must be a whole number'
      if (issue.expected === 'number') return zh ? '应为数字' : 'Must be a number'
      return zh ? '填写的内容类型不对' : 'Has the wrong type'
    case 'too_small': {
      const n = bound(issue, 'minimum')
      if (issue.origin === 'string') {
        if (n === '1') return zh ? '不能为空' : 'Must not be empty'
        return zh ? `至少 ${n} 个字` : `At least ${n} characters`
      }
      if (issue.origin === 'array' || issue.origin === 'set') return zh ? `至少 ${n} 项` : `At least ${n} items`
      return issue.inclusive === false
        ? zh ? `应大于 ${n}` : `Must be more than ${n}`
        : zh ? `不能小于 ${n}` : `Must be at least ${n}`
    }
    case 'too_big': {
      const n = bound(issue, 'maximum')
      if (issue.origin === 'string') return zh ? `最多 ${n} 个字` : `At most ${n} characters`
      if (issue.origin === 'array' || issue.origin === 'set') return zh ? `最多 ${n} 项` : `At most ${n} items`
      return issue.inclusive === false
        ? zh ? `应小于 ${n}` : `Must be less than ${n}`
        : zh ? `不能大于 ${n}` : `Must be at most ${n}`
    }
    case 'not_multiple_of':
      return zh ? `应为 ${String(issue.divisor)} 的整数倍` : `Must be a multiple of ${String(issue.divisor)}`
    case 'invalid_value':
    case 'invalid_union':
      return zh ? '不是允许的选项' : 'Is not one of the allowed values'
    case 'unrecognized_keys':
      return zh ? '含有不认识的项目' : 'Has fields that are not allowed'
    default:
      // invalid_format, custom, …: the schema's own wording when it is in the UI language.
      if (zh) return HAN.test(issue.message) ? issue.message : issue.code === 'invalid_format' ? '格式不正确' : '填写有误'
      return issue.message
  }
}

/** A dotted path ("sysadmin.username") as zod and @mantine/form both spell it. */
export function issuePath(issue: Issue): string {
  return issue.path.map(String).join('.')
}
