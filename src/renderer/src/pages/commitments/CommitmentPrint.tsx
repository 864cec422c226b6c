import { useEffect, useState } from 'react'
import { Alert, Button, Group, Loader, Text } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import type { CommitmentLetterView } from '@shared/commitments'
import { useApi } from '../../api'
import { formatDate, formatNumber } from '../../format'
import { useLang } from '../../i18n'
import { can } from '../../routes'

interface Loaded {
  letter: CommitmentLetterView
  department: string | null
  post: string | null
}

/**
 * 承诺书打印 (#/commitments/print/<personId>/<year>/<version>): the letter on an A4 sheet, without
 * the app's chrome, with lines for the signatures.
 */
export function CommitmentPrint({
  session,
  personId,
  year,
  version,
  onBack,
}: {
  session: SessionInfo
  personId: number
  year: number
  version: number
  onBack: () => void
}) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    setData(null)
    setError(null)
    if (![personId, year, version].every((n) => Number.isInteger(n) && n > 0)) {
      setError(t('cdoc.badRoute'))
      return
    }
    void (async () => {
      const r = await run('commitments.get', { personId, year }, { notify: false })
      if (!live) return
      if (!r.ok) return setError(describe(r.error))
      if (!r.value.current) return setError(t('commitments.noLetter', { year }))
      const list = await run('commitments.list', { year }, { notify: false })
      const summary = list.ok ? list.value.find((s) => s.personId === personId) : undefined
      // The list carries the person's 岗位 for whoever may see the letter; org.read adds nothing then.
      let post: string | null = summary?.post ?? null
      if (post === null && can(session.roles, 'org.read')) {
        const p = await run('org.people.get', { id: personId }, { notify: false })
        if (p.ok) post = p.value.post
      }
      if (live) setData({ letter: r.value.current, department: summary?.departmentName ?? null, post })
    })()
    return () => {
      live = false
    }
  }, [run, describe, personId, year, version, t, session.roles])

  useEffect(() => {
    const before = document.title
    document.title = t('cdoc.title')
    return () => {
      document.title = before
    }
  }, [t])

  return (
    <div className="print-page" data-testid="commitments-print-page">
      <div className="print-toolbar no-print">
        <Group justify="space-between" maw={794} mx="auto" px="md" py="sm">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="print-back">
            {t('cdoc.back')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('cdoc.hint')}
          </Text>
          <Button leftSection={<IconPrinter size={18} />} onClick={() => window.print()} disabled={!data} data-testid="print-button">
            {t('cdoc.printButton')}
          </Button>
        </Group>
      </div>
      {data && data.letter.version !== version && (
        <Alert color="yellow" maw={794} mx="auto" mb="md" className="no-print">
          {t('cdoc.otherVersion', { version: data.letter.version })}
        </Alert>
      )}
      {error ? (
        <Alert color="red" maw={794} mx="auto" mt="xl">
          {error}
        </Alert>
      ) : data === null ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <div className="a4-sheet">
          <CommitmentDocument letter={data.letter} unitName={session.unitName} department={data.department} post={data.post} />
        </div>
      )}
    </div>
  )
}

/** 《个人绩效承诺书》 as an official document (styles.css, .gl-doc and .cl-doc). */
export function CommitmentDocument({
  letter,
  unitName,
  department,
  post,
}: {
  letter: CommitmentLetterView
  unitName: string
  department: string | null
  post: string | null
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const tasks = letter.tasks.filter((x) => !x.withdrawn)
  const blank = '\u3000'.repeat(6)
  return (
    <article className="gl-doc cl-doc" data-testid="commitment-document">
      <header className="gl-doc-header">
        <div className="gl-doc-unit">{unitName}</div>
        <h1 className="gl-doc-title" data-testid="commitment-doc-title">
          {lang === 'zh' ? `${letter.year} 年度个人绩效承诺书` : `${t('cdoc.heading')} ${letter.year}`}
        </h1>
      </header>
      <table className="gl-doc-table cl-doc-info">
        <tbody>
          <tr>
            <th>{t('cdoc.name')}</th>
            <td data-testid="commitment-doc-name">{letter.personName}</td>
            <th>{t('cdoc.staffNo')}</th>
            <td className="mono">{letter.staffNo}</td>
            <th>{t('cdoc.year')}</th>
            <td>{t('cdoc.yearValue', { year: letter.year })}</td>
          </tr>
          <tr>
            <th>{t('cdoc.department')}</th>
            <td>{department ?? blank}</td>
            <th>{t('cdoc.post')}</th>
            <td>{post ?? blank}</td>
            <th>{t('cdoc.version')}</th>
            <td>{t('cdoc.versionValue', { version: letter.version })}</td>
          </tr>
        </tbody>
      </table>
      <table className="gl-doc-table" data-testid="commitment-doc-tasks">
        <thead>
          <tr>
            <th style={{ width: '8%' }}>{t('cdoc.no')}</th>
            <th>{t('commitments.colTitle')}</th>
            <th style={{ width: '15%' }}>{t('commitments.colTarget')}</th>
            <th style={{ width: '16%' }}>{t('commitments.colDeadline')}</th>
            <th style={{ width: '24%' }}>{t('commitments.colGoal')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task, i) => (
            <tr key={task.key}>
              <td className="gl-doc-num">{i + 1}</td>
              <td>{task.title}</td>
              <td className="gl-doc-num">
                {formatNumber(task.target)} {task.unit}
              </td>
              <td className="gl-doc-num">{formatDate(task.deadline, lang)}</td>
              <td>{task.goal}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('cdoc.pledge')}</p>
      {letter.publicityStart && letter.publicityEnd && letter.effectiveOn && (
        <p className="cl-doc-note">
          {t('cdoc.publicity', {
            from: formatDate(letter.publicityFrom ?? letter.publicityStart, lang),
            days: letter.publicityWorkingDays ?? '—',
            end: formatDate(letter.publicityEnd, lang),
            effective: formatDate(letter.effectiveOn, lang),
          })}
          {letter.publicityWarnings.map((w) => (
            <span key={`${w.code}-${w.year}`} className="cl-doc-warning">
              {' '}
              {lang === 'zh' ? w.zh : w.en}
            </span>
          ))}
        </p>
      )}
      <div className="cl-doc-signs">
        <div>
          <div className="cl-doc-sign-line">
            {t('cdoc.selfSign')}
            <span className="cl-doc-blank" />
          </div>
          <div className="cl-doc-sign-line">
            {t('cdoc.date')}
            <span className="cl-doc-date">{t('cdoc.dateBlank')}</span>
          </div>
        </div>
        <div>
          <div className="cl-doc-sign-line">
            {t('cdoc.leaderSign')}
            <span className="cl-doc-blank" />
          </div>
          <div className="cl-doc-sign-line">
            {t('cdoc.date')}
            <span className="cl-doc-date">{t('cdoc.dateBlank')}</span>
          </div>
        </div>
      </div>
    </article>
  )
}
