import { useState } from 'react';
import { Link } from 'react-router';
import { query } from '../api';
import { ApiErrorSummary, Button, Empty, formatDate, Select, Tag, TextInput } from '../components/govuk';
import { PageTitle } from '../components/Layout';
import { SERVICE_AREAS, useSession } from '../session';
import { useApi } from '../useApi';
import type { Action, BudgetTotals, HeatMap as HeatMapData, IndicatorSummary, Page, Risk, ScorecardRow } from '../types';
import { leadNames } from './Actions';
import { BudgetTotalsTable } from './Budgets';
import { HeatMap } from './Risks';

/**
 * The committee report for a service area and period: indicator summary, the exception report for
 * red indicators, overdue actions, top risks with the heat map, and the budget position. Printable
 * (print stylesheet), so "Print or save as PDF" gives the PDF.
 */
export function ReportPage() {
  const session = useSession();
  const [area, setArea] = useState(session.serviceArea || SERVICE_AREAS[0]);
  const [period, setPeriod] = useState('');
  const [chosen, setChosen] = useState({ area, period });
  const scope = { serviceArea: chosen.area };
  const summary = useApi<IndicatorSummary>(`/api/indicators/summary${query({ ...scope, period: chosen.period })}`);
  const exceptions = useApi<{ period: string | null; total: number; items: ScorecardRow[] }>(`/api/indicators/exceptions${query({ ...scope, period: chosen.period })}`);
  const overdue = useApi<Page<Action>>(`/api/actions${query({ ...scope, status: 'OVERDUE', size: 50 })}`);
  const risks = useApi<Page<Risk>>(`/api/risks${query({ ...scope, size: 5, sort: 'score,desc' })}`);
  const heat = useApi<HeatMapData>(`/api/risks/heat-map${query({ ...scope, assessment: 'CURRENT' })}`);
  const budget = useApi<BudgetTotals>(`/api/budgets/totals${query({ ...scope, by: 'division' })}`);
  const title = `Performance report: ${chosen.area}`;
  return (
    <>
      <PageTitle title={title} caption={summary.data?.period ? `Period ${summary.data.period}` : 'Latest period'} />
      <form className="wp-filter wp-noprint" aria-label="Choose the report" onSubmit={(e) => { e.preventDefault(); setChosen({ area, period }); }}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select id="reportArea" label="Service area" value={area} onChange={setArea} options={SERVICE_AREAS.map((a) => ({ value: a, text: a }))} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput id="reportPeriod" label="Period" hint="For example 2021/22 Q3; empty for the latest" value={period} onChange={setPeriod} />
          </div>
          <div className="govuk-grid-column-one-third wp-filter__button"><Button secondary>Show report</Button></div>
        </div>
      </form>
      <p className="govuk-body wp-noprint">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>Print or save as PDF</button>{' '}
        <a className="govuk-link" href={`/api/actions/export${query({ ...scope, status: 'OVERDUE', format: 'xlsx' })}`} download>Download overdue actions (XLSX)</a>
      </p>
      <ApiErrorSummary error={summary.error ?? overdue.error} />
      <section aria-labelledby="summary-heading">
        <h2 className="govuk-heading-m" id="summary-heading">Indicator summary</h2>
        {summary.data && summary.data.total === 0 ? <Empty>{summary.data.message ?? 'No indicators.'}</Empty> : summary.data && (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{summary.data.total} indicators by status</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Number</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Per cent</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {summary.data.statuses.map((s) => (
                <tr className="govuk-table__row" key={s.status}>
                  <td className="govuk-table__cell"><Tag status={s.status} text={`${s.status.charAt(0)}${s.status.slice(1).toLowerCase()}: ${s.label}`} /></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{s.count}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{s.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="exceptions-heading">
        <h2 className="govuk-heading-m" id="exceptions-heading">Exception report: red indicators</h2>
        {exceptions.data && exceptions.data.total === 0 ? <Empty>No red indicators.</Empty> : (
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Red indicators and their remedial action</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Indicator</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Target</th>
              <th scope="col" className="govuk-table__header">Remedial action</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {(exceptions.data?.items ?? []).map((i) => (
                <tr className="govuk-table__row" key={i.id}>
                  <td className="govuk-table__cell"><Link className="govuk-link" to={`/indicators/${i.id}`}>{i.code} {i.name}</Link></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{i.asAt.valueAsWritten ?? '—'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{i.asAt.target ?? '—'}</td>
                  <td className="govuk-table__cell">{i.asAt.commentary ?? <strong>None given</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="overdue-heading">
        <h2 className="govuk-heading-m" id="overdue-heading">Overdue actions</h2>
        {overdue.data && overdue.data.total === 0 ? <Empty>No overdue actions.</Empty> : (
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Overdue actions</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Action</th>
              <th scope="col" className="govuk-table__header">Leads</th>
              <th scope="col" className="govuk-table__header">Due</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Progress</th>
              <th scope="col" className="govuk-table__header">Exception report</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {(overdue.data?.items ?? []).map((a) => (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell"><Link className="govuk-link" to={`/actions/${a.id}`}>{a.reference ? `${a.reference} ` : ''}{a.title}</Link></td>
                  <td className="govuk-table__cell">{leadNames(a)}</td>
                  <td className="govuk-table__cell">{formatDate(a.judgedBy)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{a.progressPercent}%</td>
                  <td className="govuk-table__cell">{a.exceptionReport ? `${a.exceptionReport.reason} Revised: ${formatDate(a.exceptionReport.revisedDate)}` : 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="risks-heading">
        <h2 className="govuk-heading-m" id="risks-heading">Top risks</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            {heat.data && <HeatMap data={heat.data} caption="Current assessment" />}
          </div>
          <div className="govuk-grid-column-two-thirds">
            {risks.data && risks.data.total === 0 ? <Empty>No risks.</Empty> : (
              <ol className="govuk-list govuk-list--number">
                {(risks.data?.items ?? []).map((r) => (
                  <li key={r.id}><Link className="govuk-link" to={`/risks/${r.id}`}>{r.code} {r.title}</Link>: score {r.current?.score ?? '—'} <Tag status={r.current?.band} /></li>
                ))}
              </ol>
            )}
          </div>
        </div>
      </section>
      <section aria-labelledby="budget-heading">
        <h2 className="govuk-heading-m" id="budget-heading">Budget position</h2>
        {budget.data && budget.data.groups.length === 0 ? <Empty>{budget.data.sharesNote}</Empty>
          : budget.data && <BudgetTotalsTable totals={budget.data} dimension="division" />}
      </section>
    </>
  );
}
