import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, query, send } from '../api';
import {
  ApiErrorSummary, BackLink, Button, Checkbox, ErrorSummary, FileInput, fieldError, formatMoney, NotificationBanner, Select,
  TextInput, WarningText,
} from '../components/govuk';
import { PageTitle } from '../components/Layout';
import type { BudgetDisagreement, BudgetImportResult, ImportedBudgetLine } from '../types';

/** What a row label or column header of a budget table can name (ADR 0031). */
export const AXES: Array<{ value: string; text: string }> = [
  { value: 'division', text: 'Division' },
  { value: 'fundingSource', text: 'Funder' },
  { value: 'category', text: 'Subjective category' },
  { value: 'project', text: 'Project' },
];

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A stated or computed figure of a table check: money in pounds, a share in per cent, or the service's words. */
export function figure(value: string | null | undefined, check: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /share/i.test(check) ? `${value}%` : formatMoney(value);
}

/** The id of the report row that shows a table row's first disagreement, for links from the error summary. */
function disagreementId(row: number): string {
  return `disagreement-row-${row}`;
}

/** Each stated figure a table's own lines contradict: row, line, column, what was checked, stated, computed. */
export function DiscrepancyTable({ disagreements, caption }: { disagreements: BudgetDisagreement[]; caption: string }) {
  const first = new Set<number>();
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">Row</th>
        <th scope="col" className="govuk-table__header">Line</th>
        <th scope="col" className="govuk-table__header">Column</th>
        <th scope="col" className="govuk-table__header">Check</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Stated</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Computed</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Difference</th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {disagreements.map((d, i) => {
          const id = first.has(d.row) ? undefined : disagreementId(d.row);
          first.add(d.row);
          return (
            <tr className="govuk-table__row" key={i} id={id}>
              <td className="govuk-table__cell">{d.row}</td>
              <td className="govuk-table__cell">{d.label}</td>
              <td className="govuk-table__cell">{d.column}</td>
              <td className="govuk-table__cell">{d.check}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{figure(d.stated, d.check)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{figure(d.computed, d.check)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{figure(d.difference, d.check)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LinesTable({ lines, caption, total }: { lines: ImportedBudgetLine[]; caption: string; total: string }) {
  if (lines.length === 0) return null;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">Row</th>
        <th scope="col" className="govuk-table__header">Column</th>
        <th scope="col" className="govuk-table__header">Budget line</th>
        <th scope="col" className="govuk-table__header">Year</th>
        <th scope="col" className="govuk-table__header">Service area</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {lines.map((l, i) => (
          <tr className="govuk-table__row" key={i}>
            <td className="govuk-table__cell">{l.row}</td>
            <td className="govuk-table__cell">{l.column}</td>
            <td className="govuk-table__cell">{[l.division, l.fundingSource, l.category, l.project].filter(Boolean).join(' · ')}{l.type === 'CAPITAL' ? ' (capital)' : ''}</td>
            <td className="govuk-table__cell">{l.financialYear}</td>
            <td className="govuk-table__cell">{l.serviceArea ?? '—'}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatMoney(l.amount)}</td>
          </tr>
        ))}
        <tr className="govuk-table__row">
          <th scope="row" className="govuk-table__header" colSpan={5}>Total</th>
          <td className="govuk-table__cell govuk-table__cell--numeric wp-total">{formatMoney(total)}</td>
        </tr>
      </tbody>
    </table>
  );
}

interface Parameters {
  organisation: string;
  year: string;
  rows: string;
  columns: string;
  division: string;
  fundingSource: string;
  category: string;
  type: string;
  project: string;
  unit: string;
  totalColumn: string;
}

const START: Parameters = {
  organisation: '', year: '', rows: 'division', columns: 'fundingSource', division: '', fundingSource: '', category: '',
  type: '', project: '', unit: '', totalColumn: '',
};

/** The ids of the form's inputs by the API's parameter names, so the error summary links each error to its input. */
const FIELDS: Record<string, string> = {
  file: 'budgetTable', organisation: 'organisation', year: 'year', rows: 'rows', columns: 'columns', division: 'division',
  fundingSource: 'fundingSource', category: 'category', type: 'type', project: 'project', unit: 'unit', totalColumn: 'totalColumn',
};

/** The parameters inside "Values the table does not name": shown open when one of them is wrong. */
const INNER = ['division', 'fundingSource', 'category', 'type', 'project'];

interface Sent {
  file: File;
  parameters: Parameters;
}

/**
 * Stores an uploaded budget table as budget lines (POST /api/budgets/imports, ADR 0031): all or
 * nothing. A check first (dry run) says what would be stored; a table whose stated totals disagree
 * with its lines is stored only when the person accepts those very discrepancies (the report's
 * acknowledgement), never by a plain yes.
 */
export function ImportBudgetPage() {
  const [file, setFile] = useState<File | null>(null);
  const [p, setP] = useState<Parameters>(START);
  const [dryRun, setDryRun] = useState(true);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [result, setResult] = useState<BudgetImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Parameters) => (value: string) => setP((old) => ({ ...old, [key]: value }));

  const upload = async (what: Sent, check: boolean, acceptDiscrepancies?: string) => {
    const form = new FormData();
    form.append('file', what.file);
    const path = `/api/budgets/imports${query({ ...what.parameters, dryRun: check, acceptDiscrepancies })}`;
    setBusy(true);
    try {
      const answer = await send<BudgetImportResult>('POST', path, form);
      setResult(answer.body);
      setError(null);
    } catch (err) {
      const apiError = err as ApiError;
      setError(apiError);
      setResult((apiError.body?.report as BudgetImportResult | undefined) ?? null);
    } finally {
      setBusy(false);
      setSent(what);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!file) m.file = 'Select a CSV, TSV or XLSX file';
    if (!p.organisation.trim()) m.organisation = 'Enter the organisation whose budget the table is';
    setMissing(m);
    if (Object.keys(m).length) {
      setError(null);
      return;
    }
    await upload({ file: file!, parameters: { ...p, organisation: p.organisation.trim() } }, dryRun);
  };

  const disagreements = result?.check?.disagreements ?? [];
  const refusedForDiscrepancies = error?.status === 422 && !!result;
  const checkedWithDiscrepancies = !error && result?.outcome === 'CHECKED' && !result.wouldStore && disagreements.length > 0;
  const acceptable = (refusedForDiscrepancies || checkedWithDiscrepancies) && !!result?.acknowledgement && !!sent;
  const n = result?.discrepancies ?? disagreements.length;

  return (
    <>
      <BackLink to="/budgets">Budgets</BackLink>
      <PageTitle title="Import a budget table" />
      <ErrorSummary items={Object.entries(missing).map(([k, text]) => ({ text, href: FIELDS[k] }))} />
      {error && !refusedForDiscrepancies && <ApiErrorSummary error={error} fields={FIELDS} />}
      {refusedForDiscrepancies && (
        <ErrorSummary
          description={`${plural(n, 'stated figure')} in the table disagree${n === 1 ? 's' : ''} with what its lines add up to. Nothing was stored.`}
          items={disagreements.map((d) => ({
            text: `Row ${d.row}, ${d.label}, column '${d.column}': stated ${figure(d.stated, d.check)}, the lines make ${figure(d.computed, d.check)}`,
            href: disagreementId(d.row),
          }))} />
      )}
      {result?.outcome === 'STORED' && (
        <NotificationBanner key={result.lines.map((l) => l.lineId).join()}>
          <p className="govuk-notification-banner__heading">{plural(result.lines.length, 'budget line')} stored</p>
          <p className="govuk-body">
            {result.organisation}, {result.year}: {formatMoney(result.linesTotal)} in all.
            {result.discrepanciesAccepted ? ` The ${plural(result.discrepancies, 'accepted discrepancy', 'accepted discrepancies')} in the table’s stated figures ${result.discrepancies === 1 ? 'is' : 'are'} recorded in each line’s history.` : ''}
          </p>
          <p className="govuk-body"><Link className="govuk-notification-banner__link" to="/budgets">See the budgets</Link></p>
        </NotificationBanner>
      )}
      <p className="govuk-body">Upload a budget table (CSV, tab-separated or Excel XLSX). Each non-zero amount becomes a budget line;
        totals, subtotals and percentages are never stored, only checked against the lines. The table is stored whole or not at all.</p>
      <form onSubmit={submit} noValidate>
        <FileInput id="budgetTable" label="Budget table" hint="CSV, TSV or XLSX, at most 2 MB" accept=".csv,.tsv,.txt,.xlsx"
          error={missing.file ?? fieldError(error, 'file')} onChange={setFile} />
        <TextInput id="organisation" label="Organisation" hint="For example East Ayrshire Health and Social Care Partnership"
          value={p.organisation} onChange={set('organisation')} error={missing.organisation ?? fieldError(error, 'organisation')} />
        <TextInput id="year" label="Financial year (optional)" hint="For example 2021/22. Leave empty when the table’s header names the year."
          width="10" value={p.year} onChange={set('year')} error={fieldError(error, 'year')} />
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">How the table is laid out</legend>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <Select id="rows" label="What each row label names" value={p.rows} onChange={set('rows')} options={AXES} error={fieldError(error, 'rows')} />
            </div>
            <div className="govuk-grid-column-one-half">
              <Select id="columns" label="What each column header names" value={p.columns} onChange={set('columns')} options={AXES}
                error={fieldError(error, 'columns')} />
            </div>
          </div>
          <Select id="unit" label="Amounts are in" hint="Leave as read from the header when it says £m, £000 or £" value={p.unit}
            onChange={set('unit')} error={fieldError(error, 'unit')}
            options={[{ value: '', text: 'As the header says' }, { value: 'pounds', text: 'Pounds' }, { value: 'thousands', text: 'Thousands of pounds' }, { value: 'millions', text: 'Millions of pounds' }]} />
          <TextInput id="totalColumn" label="Row-total column (optional)" hint="The header of the column of row totals, when it does not say “total”"
            value={p.totalColumn} onChange={set('totalColumn')} error={fieldError(error, 'totalColumn')} />
        </fieldset>
        <details className="govuk-details" open={INNER.some((f) => fieldError(error, f)) || undefined}>
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Values the table does not name</span></summary>
          <div className="govuk-details__text">
            <p className="govuk-body">Given to every line of the table, for what neither its rows nor its columns say.</p>
            <TextInput id="division" label="Division" value={p.division} onChange={set('division')} error={fieldError(error, 'division')} />
            <TextInput id="fundingSource" label="Funder" value={p.fundingSource} onChange={set('fundingSource')} error={fieldError(error, 'fundingSource')} />
            <TextInput id="category" label="Subjective category" hint="For example Employee costs" value={p.category} onChange={set('category')}
              error={fieldError(error, 'category')} />
            <Select id="type" label="Type of budget" value={p.type} onChange={set('type')} error={fieldError(error, 'type')}
              options={[{ value: '', text: 'Revenue (unless the table says)' }, { value: 'REVENUE', text: 'Revenue' }, { value: 'CAPITAL', text: 'Capital' }]} />
            <TextInput id="project" label="Project" value={p.project} onChange={set('project')} error={fieldError(error, 'project')} />
          </div>
        </details>
        <Checkbox id="dryRun" label="Only check what would be stored: store nothing" checked={dryRun} onChange={setDryRun} />
        <Button disabled={busy}>{dryRun ? 'Check the table' : 'Store the lines'}</Button>
      </form>
      {result && (
        <section aria-labelledby="import-result-heading">
          <h2 className="govuk-heading-m" id="import-result-heading">{result.stored ? 'Lines stored' : 'What the table holds'}</h2>
          <p className="govuk-body">
            {result.check ? `${plural(result.check.rowsRead, 'row')} read, ${plural(result.check.checks, 'stated figure')} checked. ` : ''}
            {result.lines.length > 0 ? `${plural(result.lines.length, 'budget line')}${result.stored ? ' stored' : result.outcome === 'CHECKED' && result.wouldStore ? ' would be stored' : ' read'}` : 'No budget line'}
            {result.zeroCellsSkipped ? `; ${plural(result.zeroCellsSkipped, 'zero cell')} skipped` : ''}.
            {!result.stored ? ' Nothing was stored.' : ''}
          </p>
          {result.outcome === 'CHECKED' && result.wouldStore && (
            <>
              <p className="govuk-body">The table is right: its stated figures agree with its lines{result.discrepanciesAccepted ? ' (or their discrepancies are accepted)' : ''}.</p>
              <Button secondary type="button" disabled={busy}
                onClick={() => sent && upload(sent, false, result.discrepanciesAccepted ? result.acknowledgement ?? undefined : undefined)}>
                {`Store these ${plural(result.lines.length, 'line')}`}
              </Button>
            </>
          )}
          {disagreements.length > 0 && (
            <>
              <h3 className="govuk-heading-s" id="discrepancies-heading">Discrepancy report</h3>
              <DiscrepancyTable disagreements={disagreements}
                caption={`${plural(disagreements.length, 'stated figure')} that the lines contradict`} />
            </>
          )}
          {acceptable && (
            <div className="wp-accept">
              <WarningText>
                The lines would be stored as the table states them. The stated totals are not stored, and each line’s history records
                that {n === 1 ? 'this discrepancy was' : `these ${n} discrepancies were`} accepted, by you, now.
              </WarningText>
              <Button warning type="button" disabled={busy} onClick={() => upload(sent!, false, result!.acknowledgement!)}>
                {`Store anyway, accepting ${n === 1 ? 'this discrepancy' : `these ${n} discrepancies`}`}
              </Button>
            </div>
          )}
          <LinesTable lines={result.lines} total={result.linesTotal}
            caption={result.stored ? `${plural(result.lines.length, 'line')} stored` : `${plural(result.lines.length, 'line')} read from the table`} />
        </section>
      )}
    </>
  );
}
