import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, query, roles, send, type Me } from '../api';
import { ApiErrorSummary, Button, Empty, ErrorSummary, FileInput, formatMoney, Loading, Select, Tag } from '../components/govuk';
import { DiscrepancyTable } from './BudgetImport';
import { Bars } from '../components/charts';
import { PageTitle } from '../components/Layout';
import { SERVICE_AREAS, useSession } from '../session';
import { useApi } from '../useApi';
import type { BudgetGroup, BudgetLine, BudgetTableCheck, BudgetTotals, Page } from '../types';

const DIMENSIONS: Array<[string, string]> = [['division', 'Division'], ['fundingSource', 'Funder'], ['category', 'Category']];

function keyText(g: BudgetGroup): string {
  return Object.values(g.key).filter(Boolean).join(' · ') || 'Not given';
}

function percent(text: string | null): string {
  return text ? `${text}%` : '—';
}

/** Budget position for a filter, grouped by one dimension, as a table and bars. */
export function BudgetTotalsTable({ totals, dimension }: { totals: BudgetTotals; dimension: string }) {
  const label = DIMENSIONS.find(([d]) => d === dimension)?.[1] ?? dimension;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Budget by {label.toLowerCase()}</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">{label}</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Budget</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Share</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Projected outturn</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Variance</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Outturn</th>
        <th scope="col" className="govuk-table__header">Status</th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {[...totals.groups, totals.total].map((g, i) => {
          const total = i === totals.groups.length;
          const cell = `govuk-table__cell govuk-table__cell--numeric${total ? ' wp-total' : ''}`;
          return (
            <tr className="govuk-table__row" key={i}>
              {total ? <th scope="row" className="govuk-table__header">Total</th> : <td className="govuk-table__cell">{keyText(g)}</td>}
              <td className={cell}>{formatMoney(g.budget)}</td>
              <td className={cell}>{g.sharePercent !== null && g.sharePercent !== undefined ? `${g.sharePercent}%` : '—'}</td>
              <td className={cell}>{formatMoney(g.projectedOutturn)}</td>
              <td className={cell}>{formatMoney(g.variance)}{g.variancePercent ? ` (${g.variancePercent}%)` : ''}</td>
              <td className={cell}>{percent(g.outturnPercent)}</td>
              <td className="govuk-table__cell"><Tag status={g.status} text={g.status === 'NO_PROJECTION' ? 'No projection' : undefined} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ImportCheck() {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<BudgetTableCheck | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    try {
      setReport((await send<BudgetTableCheck>('POST', '/api/budgets/imports/check', form)).body);
      setError(null);
    } catch (err) {
      setError(err as ApiError);
      setReport(null);
    }
  };
  return (
    <section aria-labelledby="check-heading">
      <h2 className="govuk-heading-m" id="check-heading">Check a budget table</h2>
      <p className="govuk-body">Upload a budget table (CSV, tab-separated or XLSX). Every stated total, subtotal and percentage is compared with its lines; nothing is stored.</p>
      {missing && <ErrorSummary items={[{ text: 'Select a CSV, TSV or XLSX file', href: 'budgetFile' }]} />}
      <ApiErrorSummary error={error} fields={{ file: 'budgetFile' }} />
      <form onSubmit={submit} noValidate>
        <FileInput id="budgetFile" label="Budget table (CSV, TSV or XLSX)" accept=".csv,.tsv,.txt,.xlsx"
          error={missing ? 'Select a CSV, TSV or XLSX file' : undefined} onChange={setFile} />
        <Button secondary>Check the table</Button>
      </form>
      {report && (
        <div>
          <h3 className="govuk-heading-s">Discrepancy report</h3>
          <p className="govuk-body">{report.rowsRead} rows read, {report.checks} checks made, {report.disagreements.length} disagreement{report.disagreements.length === 1 ? '' : 's'}.</p>
          {report.disagreements.length > 0 && <DiscrepancyTable disagreements={report.disagreements} caption="Disagreements" />}
        </div>
      )}
    </section>
  );
}

/** Who may store budget tables: finance officers, admins and managers (in their service area). */
export function mayImportBudgets(me: Me | null): boolean {
  const r = roles(me);
  return r.has('finance-officer') || r.has('admin') || r.has('manager');
}

export function BudgetsPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const by = params.get('by') ?? 'division';
  const serviceArea = params.get('serviceArea') ?? '';
  const year = params.get('year') ?? '';
  const totals = useApi<BudgetTotals>(`/api/budgets/totals${query({ by, serviceArea, year })}`);
  const lines = useApi<Page<BudgetLine>>(`/api/budgets/lines${query({ serviceArea, year, size: 50 })}`);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next);
  };
  return (
    <>
      <PageTitle title="Budgets" />
      <ApiErrorSummary error={totals.error ?? lines.error} />
      <form className="wp-filter" aria-label="Choose the budget view" onSubmit={(e) => e.preventDefault()}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select id="by" label="Group by" value={by} onChange={(v) => set({ by: v })} options={DIMENSIONS.map(([value, text]) => ({ value, text }))} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="serviceArea" label="Service area" value={serviceArea} onChange={(v) => set({ serviceArea: v })}
              options={[{ value: '', text: 'Any' }, ...SERVICE_AREAS.map((a) => ({ value: a, text: a }))]} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="year" label="Financial year" value={year} onChange={(v) => set({ year: v })}
              options={[{ value: '', text: 'Any' }, ...['2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25', '2025/26'].map((y) => ({ value: y, text: y }))]} />
          </div>
        </div>
      </form>
      {totals.loading && !totals.data && <Loading what="budget totals" />}
      {totals.data && totals.data.groups.length === 0 && <Empty>{totals.data.sharesNote}</Empty>}
      {totals.data && totals.data.groups.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Budget by {DIMENSIONS.find(([d]) => d === by)?.[1].toLowerCase()}</h2>
          <Bars label="Budget by group" rows={totals.data.groups.map((g) => ({ label: keyText(g), value: Number(g.budget), text: formatMoney(g.budget) }))} />
          <BudgetTotalsTable totals={totals.data} dimension={by} />
          <p className="govuk-body-s">{totals.data.sharesNote}</p>
        </>
      )}
      <h2 className="govuk-heading-m">Monitoring</h2>
      {lines.data && lines.data.total === 0 && <Empty>No budget lines match.</Empty>}
      {lines.data && lines.data.total > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{lines.data.total} budget lines{lines.data.total > lines.data.items.length ? ` (first ${lines.data.items.length})` : ''}</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Line</th>
            <th scope="col" className="govuk-table__header">Year</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Budget</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Projected</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Variance</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Outturn</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {lines.data.items.map((l) => (
              <tr className="govuk-table__row" key={l.id}>
                <td className="govuk-table__cell">{[l.division, l.categoryLabel ?? l.description, l.fundingSource].filter(Boolean).join(' · ')}</td>
                <td className="govuk-table__cell">{l.financialYear}{l.latest.period ? ` (${l.latest.period})` : ''}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatMoney(l.amount)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatMoney(l.latest.projectedOutturn)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatMoney(l.latest.variance)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{percent(l.latest.outturnPercent)}</td>
                <td className="govuk-table__cell"><Tag status={l.latest.status} text={l.latest.status === 'NO_PROJECTION' ? 'No projection' : undefined} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Import</h2>
      {mayImportBudgets(me) ? (
        <p className="govuk-body"><Link className="govuk-link" to="/budgets/import">Import a budget table</Link>: store a council’s
          budget paper (CSV, TSV or XLSX) as budget lines, after checking its totals.</p>
      ) : <p className="govuk-body">Finance officers and managers can import budget tables.</p>}
      <ImportCheck />
    </>
  );
}
