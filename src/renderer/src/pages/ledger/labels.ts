import { LEDGER_KIND_LABELS, LEDGER_KINDS, type LedgerKind } from '@shared/ledger'
import type { Lang } from '@shared/errors'

/** 工作记录 / Work record. */
export function kindLabel(kind: LedgerKind, lang: Lang): string {
  const label = LEDGER_KIND_LABELS[kind][lang]
  return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label
}

export function kindOptions(lang: Lang): { value: LedgerKind; label: string }[] {
  return LEDGER_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))
}

const KIND_COLORS: Partial<Record<LedgerKind, string>> = {
  outstanding: 'teal',
  emergency: 'teal',
  volunteer: 'teal',
  mistake: 'red',
  shirking: 'red',
  complaint: 'red',
  riskFound: 'orange',
  riskRectified: 'green',
  integrityTalk: 'grape',
  trainingExam: 'indigo',
  taskProgress: 'cyan',
}

export function kindColor(kind: LedgerKind): string {
  return KIND_COLORS[kind] ?? 'blue'
}
