import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { FORM_STATUS_LABELS, type FormView, type VerifyResult } from '@shared/feedback'
import { CHANNEL_LABELS, CHANNELS, DIMENSION_LABELS } from '@shared/guideline/model'
import { command, EXIT } from '../command'
import { secret, UsageError } from '../prompt'
import { table, writeFileExport, yearOf } from '../support'

const YEAR = { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } as const
const FORM = { type: 'string', value: 'ID', required: true, zh: '反馈表编号', en: 'feedback form id' } as const

function formId(text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`反馈表编号无效 / invalid form id: ${text}`)
  return n
}

const num = (x: number | null) => (x === null ? '-' : x.toFixed(2))

function formText(f: FormView): string {
  const c = f.content
  const lines = [
    `《绩效反馈表》${c.unit.name} ${c.year} 年度 — 第 ${f.version} 版：${FORM_STATUS_LABELS[f.status].zh} / ${FORM_STATUS_LABELS[f.status].en}`,
    `${c.person.name}（${c.person.staffNo}）${c.person.department ?? ''} ${c.person.post}`,
    `等次 / grade: ${c.grade}    T = ${num(c.T)}    ${CHANNELS.map((ch) => `${CHANNEL_LABELS[ch].zh} ${num(c.channels[ch].score)}`).join('  ')}`,
    `维度 / dimensions: ${c.dimensions.map((d) => `${DIMENSION_LABELS[d.dimension].zh} ${num(d.leadership)}/${num(d.democratic)}`).join('  ')}`,
    `计算明细 / explanation: ${c.explanation.ref}`,
    `面谈人 / interviewer: ${f.interviewer.name}（${f.interviewer.staffNo}）  面谈日期 / date: ${f.text.interviewOn ?? '-'}`,
    `优势 / strengths: ${f.text.strengths || '-'}`,
    `不足 / weaknesses: ${f.text.weaknesses || '-'}`,
    `改进方向 / improvements: ${f.text.improvements || '-'}`,
    `面谈人签字 / interviewer signed: ${f.interviewerSignature ? `${f.interviewerSignature.name} ${f.interviewerSignature.at}` : '-'}`,
    f.refusal ? `拒签 / refused: ${f.refusal.at}，见证人 / witness ${f.refusal.witness.name}：${f.refusal.note}` : `本人签字 / person signed: ${f.personSignature ? `${f.personSignature.name} ${f.personSignature.at}` : '-'}`,
    `内容摘要 SHA-256: ${f.seal?.sha256 ?? '-'}`,
    `核验码 / verification code: ${f.verificationCode}`,
  ]
  if (f.voided) lines.push(`已作废 / voided ${f.voided.at}${f.voided.supersededByVersion ? `，由第 ${f.voided.supersededByVersion} 版取代 / superseded by version ${f.voided.supersededByVersion}` : ''}`)
  return lines.join('\n') + '\n'
}

const VERIFY_TEXT: Record<VerifyResult['state'], (r: VerifyResult) => string> = {
  current: (r) => `有效：${r.personName} ${r.year} 年度反馈表第 ${r.version} 版，内容与封存一致 / valid: current version ${r.version}, content matches its seal`,
  superseded: (r) => `已被第 ${r.supersededByVersion} 版取代（本版内容与封存一致） / superseded by version ${r.supersededByVersion} (this version matches its seal)`,
  voided: (r) => `已作废：第 ${r.version} 版 / voided: version ${r.version}`,
  unsealed: (r) => `尚未签署封存：第 ${r.version} 版 / not signed and sealed yet: version ${r.version}`,
  tampered: (r) => `核验失败 / verification FAILED:\n${r.problems.map((p) => `  ! ${p.zh} / ${p.en}`).join('\n')}`,
  unknown: () => '无此核验码 / unknown code',
}

/** 绩效反馈表 (issue 10): list, show, sign, refuse, print, verify. */
export const FORM_COMMANDS = [
  command({
    path: ['form', 'list'],
    summary: { zh: '年度反馈表及其状态', en: 'the year’s feedback forms and where each stands' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const rows = await call('feedback.list', { year: yearOf(opts.year) })
      print(rows, () =>
        table(
          ['编号', '版本', '工号', '姓名', '等次', '状态', '面谈人', '送达', '核验码'],
          rows.map((r) => [String(r.id), String(r.version), r.staffNo, r.name, r.grade, FORM_STATUS_LABELS[r.status].zh, r.interviewer.name, r.deliveredOn ?? '', r.verificationCode]),
        ) + '\n',
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['form', 'generate'],
    summary: { zh: '由已确定的年度结果生成反馈表（每位定等次人员一份，可重复执行）', en: 'create the year’s forms from the final results (one per graded person; safe to repeat)' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const r = await call('feedback.generate', { year: yearOf(opts.year) })
      print(r, () => `新建 / created ${r.created}，已有 / existing ${r.existing}${r.withoutInterviewer.length ? `；无直接上级、请指定面谈人 / no supervisor: ${r.withoutInterviewer.map((p) => p.name).join('、')}` : ''}\n`)
      return EXIT.ok
    },
  }),
  command({
    path: ['form', 'show'],
    summary: { zh: '一份反馈表的内容', en: 'one feedback form' },
    options: { form: FORM },
    async run({ opts, login, call, print }) {
      await login()
      const f = await call('feedback.show', { formId: formId(opts.form) })
      print(f, () => formText(f))
      return EXIT.ok
    },
  }),
  command({
    path: ['form', 'write'],
    summary: { zh: '面谈人填写反馈表：优势、不足、改进方向与面谈日期', en: 'the interviewer writes the form: strengths, weaknesses, improvements and the interview date' },
    options: {
      form: FORM,
      strengths: { type: 'string', value: 'TEXT', required: true, zh: '优势', en: 'strengths' },
      weaknesses: { type: 'string', value: 'TEXT', required: true, zh: '不足', en: 'weaknesses' },
      improvements: { type: 'string', value: 'TEXT', required: true, zh: '改进方向', en: 'improvements' },
      date: { type: 'string', value: 'YYYY-MM-DD', required: true, zh: '面谈日期', en: 'interview date' },
    },
    async run({ opts, login, call, print }) {
      const id = formId(opts.form)
      await login()
      const f = await call('feedback.saveText', { formId: id, strengths: opts.strengths, weaknesses: opts.weaknesses, improvements: opts.improvements, interviewOn: opts.date })
      print(f, () => formText(f))
      return EXIT.ok
    },
  }),
  command({
    path: ['form', 'sign'],
    summary: {
      zh: '签署反馈表：面谈人或本人，签字人的密码取自 KAOHE_SIGNER_PASSWORD，否则隐藏输入',
      en: 'sign a form as the interviewer or the person; the signer’s password from KAOHE_SIGNER_PASSWORD or a hidden prompt',
    },
    options: {
      form: FORM,
      as: { type: 'string', value: 'interviewer|person', required: true, zh: '以面谈人或本人身份签字', en: 'sign as the interviewer or the person' },
      signer: { type: 'string', value: 'USER', zh: '签字人账户（默认为登录账户；本人可在面谈人的电脑上签字）', en: 'the signer’s account (default: the signed-in one; the person may sign at the interviewer’s desk)' },
      signature: { type: 'string', value: 'PNG', zh: '手写签名图片（PNG，≤256 KB）', en: 'a drawn signature (PNG, ≤256 KB)' },
    },
    notes: [{ zh: 'KAOHE_SIGNER_PASSWORD：签字人的密码', en: 'KAOHE_SIGNER_PASSWORD: the signer’s password' }],
    async run({ opts, login, call, print }) {
      if (opts.as !== 'interviewer' && opts.as !== 'person') throw new UsageError('--as interviewer|person')
      const id = formId(opts.form)
      const session = await login()
      const signer = opts.signer ?? session.username
      const password = await secret('KAOHE_SIGNER_PASSWORD', `签字人 ${signer} 的密码 / signer's password: `)
      const signaturePng = opts.signature !== undefined ? readFileSync(resolve(opts.signature)).toString('base64') : undefined
      const f = await call('feedback.sign', { formId: id, as: opts.as, password, ...(opts.signer !== undefined ? { username: opts.signer } : {}), ...(signaturePng !== undefined ? { signaturePng } : {}) })
      print(f, () => formText(f))
      return EXIT.ok
    },
  }),
  command({
    path: ['form', 'refuse'],
    summary: { zh: '记录本人拒签：见证人输入本人密码（KAOHE_WITNESS_PASSWORD 或隐藏输入）', en: 'record the person’s refusal to sign; the witness confirms with their password (KAOHE_WITNESS_PASSWORD or a hidden prompt)' },
    options: {
      form: FORM,
      witness: { type: 'string', value: 'USER', required: true, zh: '见证人账户', en: 'the witness’s account' },
      note: { type: 'string', value: 'TEXT', required: true, zh: '拒签情况说明', en: 'what happened' },
    },
    async run({ opts, login, call, print }) {
      const id = formId(opts.form)
      await login()
      const witnessPassword = await secret('KAOHE_WITNESS_PASSWORD', `见证人 ${opts.witness} 的密码 / witness's password: `)
      const f = await call('feedback.refuse', { formId: id, note: opts.note, witnessUsername: opts.witness, witnessPassword })
      print(f, () => formText(f))
      return EXIT.ok
    },
  }),
  command({
    path: ['form', 'print'],
    summary: { zh: '打印反馈表为 A4 PDF（带核验码与二维码；不覆盖已有文件）', en: 'print a form to an A4 PDF (with its code and QR code; never overwrites a file)' },
    options: { form: FORM, out: { type: 'string', value: 'FILE', required: true, zh: '写入的 PDF 文件', en: 'the PDF file to write' } },
    async run({ opts, io, app, login, call }) {
      const id = formId(opts.form)
      await login()
      const pdf = await call('feedback.print', { formId: id })
      const r = writeFileExport(opts.out, pdf, app, false)
      io.out(opts.json ? JSON.stringify({ ...r, verificationCode: pdf.verificationCode }) + '\n' : `已写入 / written: ${r.file} (${r.bytes} bytes)，核验码 / code ${pdf.verificationCode}\n`)
      return EXIT.ok
    },
  }),
  command({
    path: ['form', 'verify'],
    summary: { zh: '按核验码核验反馈表：当前有效 / 已被取代 / 已作废 / 被改动 / 无此码', en: 'verify a form by its code: current / superseded / voided / altered / unknown' },
    args: ['CODE'],
    options: {},
    async run({ args, login, call, print }) {
      await login()
      const r = await call('feedback.verify', { code: args.CODE })
      print(r, () => VERIFY_TEXT[r.state](r) + '\n' + (r.form ? formText(r.form) : ''))
      return r.state === 'tampered' ? EXIT.failure : EXIT.ok
    },
  }),
]
