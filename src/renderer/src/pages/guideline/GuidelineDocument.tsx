import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuidelineVersionInfo } from '@shared/api/types'
import {
  CHANNELS,
  DIMENSIONS,
  POST_CATEGORIES,
  SURVEY_LEVEL_LABELS,
  type AnnualGuideline,
  type Indicator,
} from '@shared/guideline/model'
import { formatDate, formatNumber } from '../../format'
import { useLang } from '../../i18n'
import { categoryLabel } from '../org/labels'

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/**
 * The guideline as an official document (《年度绩效考核指引》): what staff read and what prints on A4.
 * Plain HTML with its own stylesheet (styles.css, .gl-doc) so screen and paper look the same.
 */
export function GuidelineDocument({
  guideline: g,
  info,
  unitName,
}: {
  guideline: AnnualGuideline
  info: GuidelineVersionInfo | null
  unitName: string
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const n = (v: number) => formatNumber(v)
  const section = (i: number) => (lang === 'zh' ? `${CHINESE_ORDINALS[i]}、` : `${i + 1}. `)
  const sub = (i: number) => (lang === 'zh' ? `（${CHINESE_ORDINALS[i]}）` : `${String.fromCharCode(97 + i)}) `)

  const method = (ind: Indicator): string => {
    switch (ind.source) {
      case 'rated':
        return t('doc.method.rated')
      case 'survey':
        return t('doc.method.survey', {
          min: ind.minResponses,
          points: (Object.keys(SURVEY_LEVEL_LABELS) as (keyof typeof SURVEY_LEVEL_LABELS)[])
            .map((k) => `${SURVEY_LEVEL_LABELS[k][lang]} ${n(ind.levelPoints[k])}`)
            .join(lang === 'zh' ? '、' : ', '),
        })
      case 'review':
        return t('doc.method.review', { points: n(ind.pointsPerMinorFinding) })
      case 'metric': {
        const r = ind.rule
        if (r.name === 'attendance') return t('doc.method.attendance', { late: n(r.pointsPerLateOrEarly), absent: n(r.pointsPerAbsentDay) })
        if (r.name === 'task_completion') return t('doc.method.taskCompletion', { credit: n(r.lateCompletionCreditPercent) })
        if (r.name === 'training_exam') return t('doc.method.trainingExam')
        return t('doc.method.riskRectification')
      }
    }
  }

  const approval = g.quota.approval

  return (
    <article className="gl-doc" data-testid="guideline-document">
      <header className="gl-doc-header">
        <div className="gl-doc-unit">{unitName}</div>
        <h1 className="gl-doc-title" data-testid="guideline-doc-title">
          {t('doc.title', { year: g.year })}
        </h1>
        {info && (
          <div className="gl-doc-meta">
            <div>{t('doc.version', { version: info.version })}</div>
            {info.publicityStart && info.publicityEnd && (
              <div>
                {t('doc.publicity', {
                  // Day 1 is the day after publishing (RULES.md §1): the span shown is the one counted.
                  from: formatDate(info.publicityFrom ?? info.publicityStart, lang),
                  end: formatDate(info.publicityEnd, lang),
                  days: info.publicityWorkingDays ?? g.publicity.guidelineWorkingDays,
                })}
              </div>
            )}
            {info.effectiveOn && <div>{t('doc.effective', { date: formatDate(info.effectiveOn, lang) })}</div>}
          </div>
        )}
      </header>

      <h2>
        {section(0)}
        {t('doc.general')}
      </h2>
      <p>{t('doc.generalText', { unit: unitName, year: g.year })}</p>

      <h2>
        {section(1)}
        {t('doc.content')}
      </h2>
      <p>{t('doc.contentText')}</p>
      {POST_CATEGORIES.map((cat, ci) => {
        const dims = g.categories[cat].dimensions
        return (
          <Fragment key={cat}>
            <h3>
              {sub(ci)}
              {categoryLabel(cat, lang)}
            </h3>
            <table className="gl-doc-table" data-testid={`doc-category-${cat}`}>
              <thead>
                <tr>
                  <th style={{ width: '11%' }}>{t('doc.colDimension')}</th>
                  <th style={{ width: '8%' }}>{t('doc.colDimensionWeight')}</th>
                  <th style={{ width: '14%' }}>{t('doc.colIndicator')}</th>
                  <th style={{ width: '8%' }}>{t('doc.colIndicatorWeight')}</th>
                  <th style={{ width: '30%' }}>{t('doc.colMethod')}</th>
                  <th>{t('doc.colEvidence')}</th>
                </tr>
              </thead>
              <tbody>
                {DIMENSIONS.map((d) =>
                  dims[d].indicators.map((ind, i) => (
                    <tr key={`${d}-${ind.id}`}>
                      {i === 0 && (
                        <>
                          <td rowSpan={dims[d].indicators.length} className="gl-doc-dim">
                            {t(`guideline.dim.${d}`)}
                            <div className="gl-doc-dim-desc">{t(`guideline.dimDesc.${d}`)}</div>
                          </td>
                          <td rowSpan={dims[d].indicators.length} className="gl-doc-num">
                            {n(dims[d].weight)}
                          </td>
                        </>
                      )}
                      <td>{ind.name}</td>
                      <td className="gl-doc-num">{n(ind.weight)}</td>
                      <td>{method(ind)}</td>
                      <td>{ind.evidence}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </Fragment>
        )
      })}

      <h2>
        {section(2)}
        {t('doc.channels')}
      </h2>
      <p>{t('doc.channelsText')}</p>
      <table className="gl-doc-table" data-testid="doc-channels">
        <thead>
          <tr>
            <th style={{ width: '18%' }}>{t('doc.colChannel')}</th>
            <th style={{ width: '10%' }}>{t('doc.colWeight')}</th>
            <th>{t('doc.colHow')}</th>
          </tr>
        </thead>
        <tbody>
          {CHANNELS.map((c) => (
            <tr key={c}>
              <td>{t(`guideline.channel.${c}`)}</td>
              <td className="gl-doc-num">{n(g.channels[c].weight)}</td>
              <td>
                {c === 'leadership' && t('doc.channelHow.leadership')}
                {c === 'democratic' &&
                  t('doc.channelHow.democratic', {
                    min: g.channels.democratic.minBallots,
                    share: n(g.channels.democratic.recipientVoterShare),
                    excellent: n(g.channels.democratic.ballotPoints.excellent),
                    competent: n(g.channels.democratic.ballotPoints.competent),
                    basic: n(g.channels.democratic.ballotPoints.basicallyCompetent),
                    incompetent: n(g.channels.democratic.ballotPoints.incompetent),
                  })}
                {c === 'quarterly' &&
                  t('doc.channelHow.quarterly', {
                    peer: n(g.channels.quarterly.peerWeight),
                    good: n(g.channels.quarterly.gradeCutoffs.goodMin),
                    fairlyGood: n(g.channels.quarterly.gradeCutoffs.fairlyGoodMin),
                    fair: n(g.channels.quarterly.gradeCutoffs.fairMin),
                  })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('doc.channelsNa')}</p>

      <h2>
        {section(3)}
        {t('doc.grades')}
      </h2>
      <table className="gl-doc-table gl-doc-narrow" data-testid="doc-grades">
        <thead>
          <tr>
            <th style={{ width: '22%' }}>{t('doc.colGrade')}</th>
            <th>{t('doc.colCondition')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('guideline.grade.excellent')}</td>
            <td>{t('doc.gradeExcellent', { min: n(g.grades.excellentMin) })}</td>
          </tr>
          <tr>
            <td>{t('guideline.grade.competent')}</td>
            <td>{t('doc.gradeRange', { min: n(g.grades.competentMin) })}</td>
          </tr>
          <tr>
            <td>{t('guideline.grade.basicallyCompetent')}</td>
            <td>{t('doc.gradeBetween', { min: n(g.grades.basicallyCompetentMin), max: n(g.grades.competentMin) })}</td>
          </tr>
          <tr>
            <td>{t('guideline.grade.incompetent')}</td>
            <td>{t('doc.gradeBelow', { max: n(g.grades.basicallyCompetentMin) })}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="doc-quota">
        {t('doc.quota', { rate: n(g.quota.excellentRate) })}
        {approval &&
          (approval.count !== undefined
            ? t('doc.approvalCount', { doc: approval.documentNumber, count: approval.count })
            : t('doc.approvalRate', { doc: approval.documentNumber, rate: n(approval.rate ?? g.quota.excellentRate) }))}
      </p>
      <p>{t('doc.vetoes')}</p>

      <h2>
        {section(4)}
        {t('doc.publicitySection')}
      </h2>
      <p>
        {t('doc.publicityText', { guideline: g.publicity.guidelineWorkingDays, results: g.publicity.resultsWorkingDays })}
      </p>

      <h2>
        {section(5)}
        {t('doc.appeal')}
      </h2>
      <p data-testid="doc-appeal">
        {t('doc.appealText', { window: g.appeal.windowWorkingDays, answer: g.appeal.answerCalendarDays })}
      </p>
      <p>{t('doc.appealStatutory')}</p>

      <footer className="gl-doc-footer">
        <div>{t('doc.issuer', { unit: unitName })}</div>
        {info?.publishedAt && <div>{formatDate(info.publishedAt, lang)}</div>}
      </footer>
    </article>
  )
}
