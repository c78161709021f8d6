import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, query, send } from '../api';
import {
  ApiErrorSummary, BackLink, Button, Empty, ErrorSummary, fieldError, formatDate, formatDateTime, Loading,
  NotificationBanner, Pagination, ProgressBar, Select, SummaryList, Tag, TextArea, TextInput, humanise,
} from '../components/govuk';
import { PageTitle } from '../components/Layout';
import { useApi } from '../useApi';
import type { Action, HistoryEntry, ImportReport, Page, Plan } from '../types';

export const ACTION_STATUSES = ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OVERDUE', 'COMPLETE', 'POSTPONED', 'CANCELLED'];

export function leadNames(a: Action): string {
  return a.leads.map((l) => l.name).join(', ');
}

/** A table of actions; sortable by its column headers when {@code onSort} is given. */
export function ActionTable({ actions, caption, sort, onSort }: {
  actions: Action[]; caption: string; sort?: string; onSort?: (s: string) => void;
}) {
  const [field, direction] = (sort ?? 'due,asc').split(',');
  const header = (key: string, text: string) => {
    if (!onSort) return <th scope="col" className="govuk-table__header">{text}</th>;
    const active = field === key;
    const next = active && direction === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" className="govuk-table__header" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="wp-sort-button" onClick={() => onSort(`${key},${next}`)}>{text}</button>
      </th>
    );
  };
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {header('reference', 'Ref')}
          {header('title', 'Action')}
          <th scope="col" className="govuk-table__header">Leads</th>
          {header('due', 'Due')}
          {header('progress', 'Progress')}
          {header('status', 'Status')}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {actions.map((a) => (
          <tr className="govuk-table__row" key={a.id}>
            <td className="govuk-table__cell">{a.reference ?? '—'}</td>
            <td className="govuk-table__cell"><Link className="govuk-link" to={`/actions/${a.id}`}>{a.title}</Link></td>
            <td className="govuk-table__cell">{leadNames(a)}</td>
            <td className="govuk-table__cell">{formatDate(a.judgedBy)}{a.due.asWritten !== a.due.date ? <span className="govuk-hint wp-hint-inline"> (“{a.due.asWritten}”)</span> : null}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{a.progressPercent}%</td>
            <td className="govuk-table__cell"><Tag status={a.status} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActionsPage() {
  const [params, setParams] = useSearchParams();
  const filter = {
    planId: params.get('planId') ?? '', status: params.get('status') ?? '', serviceArea: params.get('serviceArea') ?? '',
    lead: params.get('lead') ?? '', q: params.get('q') ?? '', dueBefore: params.get('dueBefore') ?? '',
    dueAfter: params.get('dueAfter') ?? '',
  };
  const page = Number(params.get('page') ?? '0');
  const sort = params.get('sort') ?? 'due,asc';
  const [draft, setDraft] = useState(filter);
  const list = useApi<Page<Action>>(`/api/actions${query({ ...filter, page, size: 20, sort })}`);
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v); else next.delete(k);
    }
    setParams(next);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    update({ ...draft, page: '' });
  };
  const exportQuery = query(filter);
  return (
    <>
      <PageTitle title="Actions" />
      <ApiErrorSummary error={list.error} fields={{ dueBefore: 'dueBefore', dueAfter: 'dueAfter', q: 'q' }} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <form onSubmit={apply} className="wp-filter" aria-label="Filter actions">
            <h2 className="govuk-heading-s">Filter</h2>
            <TextInput id="q" label="Search" value={draft.q} onChange={(v) => setDraft({ ...draft, q: v })} />
            <Select id="status" label="Status" value={draft.status} onChange={(v) => setDraft({ ...draft, status: v })}
              options={[{ value: '', text: 'Any' }, ...ACTION_STATUSES.map((s) => ({ value: s, text: humanise(s) }))]} />
            <Select id="serviceArea" label="Service area" value={draft.serviceArea} onChange={(v) => setDraft({ ...draft, serviceArea: v })}
              options={[{ value: '', text: 'Any' }, { value: 'Children and Justice', text: 'Children and Justice' }, { value: 'Adult and Older People', text: 'Adult and Older People' }]} />
            <TextInput id="lead" label="Lead" hint="A username, e.g. jamie.lead" value={draft.lead} onChange={(v) => setDraft({ ...draft, lead: v })} />
            <TextInput id="dueAfter" label="Due after" hint="For example, 2022-03-31" value={draft.dueAfter} onChange={(v) => setDraft({ ...draft, dueAfter: v })} />
            <TextInput id="dueBefore" label="Due before" hint="For example, 2023-03-31" value={draft.dueBefore} onChange={(v) => setDraft({ ...draft, dueBefore: v })} />
            <Button secondary>Apply filters</Button>
          </form>
        </div>
        <div className="govuk-grid-column-three-quarters">
          <p className="govuk-body">
            <Link className="govuk-link" to="/actions/import">Import actions from a spreadsheet</Link>
            {' · '}Download these actions as <a className="govuk-link" href={`/api/actions/export${exportQuery}${exportQuery ? '&' : '?'}format=csv`} download>CSV</a>
            {' or '}<a className="govuk-link" href={`/api/actions/export${exportQuery}${exportQuery ? '&' : '?'}format=xlsx`} download>Excel (XLSX)</a>
          </p>
          {list.loading && !list.data && <Loading what="actions" />}
          {list.data && list.data.total === 0 && <Empty>No actions match these filters. Clear a filter or search for other words.</Empty>}
          {list.data && list.data.total > 0 && (
            <>
              <ActionTable actions={list.data.items} sort={sort} onSort={(s) => update({ sort: s, page: '' })}
                caption={`${list.data.total} action${list.data.total === 1 ? '' : 's'}`} />
              <Pagination page={page} totalPages={list.data.totalPages} onPage={(p) => update({ page: String(p) })} label="actions" />
            </>
          )}
        </div>
      </div>
    </>
  );
}

export function PlansPage() {
  const [page, setPage] = useState(0);
  const plans = useApi<Page<Plan>>(`/api/plans${query({ page, size: 20 })}`);
  return (
    <>
      <PageTitle title="Plans" />
      <ApiErrorSummary error={plans.error} />
      {plans.loading && !plans.data && <Loading what="plans" />}
      {plans.data && plans.data.total === 0 && <Empty>There are no plans yet. A performance officer creates them.</Empty>}
      {plans.data && plans.data.total > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{plans.data.total} plans</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Plan</th>
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header">Service area</th>
              <th scope="col" className="govuk-table__header">Period</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {plans.data.items.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={`/plans/${p.id}`}>{p.title}</Link></td>
                <td className="govuk-table__cell">{p.organisation}</td>
                <td className="govuk-table__cell">{p.serviceArea ?? '—'}</td>
                <td className="govuk-table__cell">{p.period}</td>
                <td className="govuk-table__cell"><Tag status={p.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plans.data && <Pagination page={page} totalPages={plans.data.totalPages} onPage={setPage} label="plans" />}
    </>
  );
}

export function PlanPage() {
  const { id = '' } = useParams();
  const plan = useApi<Plan>(`/api/plans/${encodeURIComponent(id)}`);
  const actions = useApi<Page<Action>>(`/api/actions${query({ planId: id, size: 200, sort: 'reference,asc' })}`);
  if (plan.error) return <><BackLink to="/plans">All plans</BackLink><PageTitle title="Plan not found" /><ApiErrorSummary error={plan.error} /></>;
  if (!plan.data) return <Loading what="the plan" />;
  const p = plan.data;
  const all = actions.data?.items ?? [];
  const groups: Array<{ id: string | null; title: string }> = [...p.priorities, { id: null, title: 'Not under a priority' }];
  const counts = ACTION_STATUSES.map((s) => [s, all.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
  return (
    <>
      <BackLink to="/plans">All plans</BackLink>
      <PageTitle title={p.title} caption={`${p.organisation} · ${p.period}`} />
      <SummaryList rows={[
        ['Service', p.service], ['Service area', p.serviceArea], ['Runs', `${formatDate(p.starts)} to ${formatDate(p.ends)}`],
        ['Owner', p.owner], ['Status', <Tag status={p.status} />],
        ['Actions', all.length === 0 ? 'None yet' : counts.map(([s, n]) => `${n} ${humanise(s).toLowerCase()}`).join(', ')],
      ]} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/actions?planId=${encodeURIComponent(p.id)}`}>Filter, sort and export this plan’s actions</Link>
        {' · '}<Link className="govuk-link" to={`/actions/import?planId=${encodeURIComponent(p.id)}`}>Import actions into this plan</Link>
      </p>
      <ApiErrorSummary error={actions.error} />
      {groups.map((g) => {
        const inGroup = all.filter((a) => (g.id === null ? !a.priorityId || !p.priorities.some((x) => x.id === a.priorityId) : a.priorityId === g.id));
        if (g.id === null && inGroup.length === 0) return null;
        return (
          <section key={g.id ?? 'none'} aria-labelledby={`priority-${g.id ?? 'none'}`}>
            <h2 className="govuk-heading-m" id={`priority-${g.id ?? 'none'}`}>{g.id ? `${g.id}: ` : ''}{g.title}</h2>
            {inGroup.length === 0 ? <Empty>No actions under this priority yet.</Empty>
              : <ActionTable actions={inGroup} caption={`${inGroup.length} action${inGroup.length === 1 ? '' : 's'} under ${g.id ?? 'no priority'}`} />}
          </section>
        );
      })}
      {p.outcomes.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Outcomes</h2>
          <ul className="govuk-list govuk-list--bullet">{p.outcomes.map((o) => <li key={o.code}><strong>{o.code}</strong> {o.title}</li>)}</ul>
        </>
      )}
    </>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function ProgressForm({ action, etag, onSaved }: { action: Action; etag: string | null; onSaved: (a: Action, etag: string | null) => void }) {
  const [percent, setPercent] = useState(String(action.progressPercent));
  const [text, setText] = useState('');
  const [asOf, setAsOf] = useState(today());
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(percent);
    if (percent.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100) {
      setLocal('Enter progress as a whole number from 0 to 100');
      setError(null);
      return;
    }
    setLocal(null);
    setBusy(true);
    try {
      const r = await send<Action>('POST', `/api/actions/${action.id}/progress`,
        { progressPercent: n, text: text || null, asOf: asOf || null }, { ifMatch: etag });
      setError(null);
      setText('');
      onSaved(r.body, r.etag);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const percentError = local ?? fieldError(error, 'progressPercent');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="progress-heading">
      <h2 className="govuk-heading-m" id="progress-heading">Record progress</h2>
      {local && <ErrorSummary items={[{ text: local, href: 'progressPercent' }]} />}
      <ApiErrorSummary error={error} fields={{ progressPercent: 'progressPercent', text: 'progressText', asOf: 'asOf' }} />
      <TextInput id="progressPercent" label="Progress (%)" hint="How much of the action is done, from 0 to 100" width="3"
        inputMode="numeric" value={percent} onChange={setPercent} error={percentError} />
      <TextArea id="progressText" label="What has happened" hint="What was done since the last update, and what comes next"
        value={text} onChange={setText} error={fieldError(error, 'text')} />
      <TextInput id="asOf" label="As of" hint="The date this update describes, for example 2022-03-31" width="10"
        value={asOf} onChange={setAsOf} error={fieldError(error, 'asOf')} />
      <Button disabled={busy}>Save progress</Button>
    </form>
  );
}

function ExceptionForm({ action, etag, onSaved }: { action: Action; etag: string | null; onSaved: (a: Action, etag: string | null) => void }) {
  const existing = action.exceptionReport;
  const [reason, setReason] = useState(existing?.reason ?? '');
  const [corrective, setCorrective] = useState(existing?.correctiveAction ?? '');
  const [revised, setRevised] = useState(existing?.revisedDate ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!reason.trim()) m.reason = 'Enter why the action is off track';
    if (!corrective.trim()) m.correctiveAction = 'Enter what is being done about it';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(revised)) m.revisedDate = 'Enter the revised date as year-month-day, for example 2023-06-30';
    setMissing(m);
    if (Object.keys(m).length) { setError(null); return; }
    try {
      const r = await send<Action>('PUT', `/api/actions/${action.id}/exception-report`,
        { reason, correctiveAction: corrective, revisedDate: revised }, { ifMatch: etag });
      setError(null);
      onSaved(r.body, r.etag);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const ids: Record<string, string> = { reason: 'exceptionReason', correctiveAction: 'correctiveAction', revisedDate: 'revisedDate' };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="exception-heading">
      <h2 className="govuk-heading-m" id="exception-heading">{existing ? 'Change the exception report' : 'Write an exception report'}</h2>
      <p className="govuk-body">When an action will not be done by its due date, say why, what is being done, and by when it will be done.</p>
      <ErrorSummary items={Object.entries(missing).map(([k, text]) => ({ text, href: ids[k] }))} />
      <ApiErrorSummary error={error} fields={ids} />
      <TextArea id="exceptionReason" label="Why is the action off track?" value={reason} onChange={setReason}
        error={missing.reason ?? fieldError(error, 'reason')} />
      <TextArea id="correctiveAction" label="What is being done about it?" value={corrective} onChange={setCorrective}
        error={missing.correctiveAction ?? fieldError(error, 'correctiveAction')} />
      <TextInput id="revisedDate" label="Revised due date" hint="For example, 2023-06-30" width="10" value={revised}
        onChange={setRevised} error={missing.revisedDate ?? fieldError(error, 'revisedDate')} />
      <Button secondary>Save exception report</Button>
    </form>
  );
}

export function ActionPage() {
  const { id = '' } = useParams();
  const action = useApi<Action>(`/api/actions/${encodeURIComponent(id)}`);
  const history = useApi<HistoryEntry[]>(`/api/actions/${encodeURIComponent(id)}/history`);
  const [saved, setSaved] = useState<string | null>(null);
  if (action.error) return <><BackLink to="/actions">All actions</BackLink><PageTitle title="Action not found" /><ApiErrorSummary error={action.error} /></>;
  if (!action.data) return <Loading what="the action" />;
  const a = action.data;
  const onSaved = (what: string) => (next: Action, etag: string | null) => {
    action.set(next, etag);
    history.reload();
    setSaved(what);
  };
  return (
    <>
      <BackLink to={`/plans/${encodeURIComponent(a.planId)}`}>Back to the plan</BackLink>
      {saved && <NotificationBanner key={saved + a.version}><p className="govuk-notification-banner__heading">{saved}</p></NotificationBanner>}
      <PageTitle title={a.title} caption={`${a.reference ?? 'Action'} · ${a.planId}${a.priorityId ? ` · ${a.priorityId}` : ''}`} />
      <p className="govuk-body"><Tag status={a.status} /></p>
      <ProgressBar percent={a.progressPercent} expected={a.expectedPercent} label="Progress" />
      <SummaryList rows={[
        ['Leads', a.leads.map((l) => l.name + (l.email ? ` (${l.email})` : '')).join(', ')],
        ['Service area', a.serviceArea],
        ['Start', formatDate(a.startDate)],
        ['Due', `${formatDate(a.due.date)}${a.due.asWritten !== a.due.date ? ` (the plan says “${a.due.asWritten}”)` : ''}`],
        ['Judged by', formatDate(a.judgedBy)],
        ['Next review', formatDate(a.reviewDate)],
        ['Description', a.description],
      ]} />
      {a.steps.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Steps</h2>
          <ol className="govuk-list govuk-list--number">
            {a.steps.map((s) => (
              <li key={s.order}>{s.text}{s.lead ? ` — ${s.lead.name}` : ''}{s.due ? ` (due ${s.due.asWritten})` : ''}</li>
            ))}
          </ol>
        </>
      )}
      <h2 className="govuk-heading-m">Exception report</h2>
      {a.exceptionReport ? (
        <SummaryList rows={[
          ['Reason', a.exceptionReport.reason], ['Corrective action', a.exceptionReport.correctiveAction],
          ['Revised date', formatDate(a.exceptionReport.revisedDate)],
          ['Reported', `${a.exceptionReport.reportedBy}, ${formatDateTime(a.exceptionReport.reportedAt)}`],
        ]} />
      ) : <p className="govuk-body">No exception report.</p>}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <ProgressForm key={`p${a.version}`} action={a} etag={action.etag} onSaved={onSaved('Progress saved')} />
        </div>
        <div className="govuk-grid-column-one-half">
          <ExceptionForm key={`e${a.version}`} action={a} etag={action.etag} onSaved={onSaved('Exception report saved')} />
        </div>
      </div>
      <h2 className="govuk-heading-m">Progress updates</h2>
      {a.progressUpdates.length === 0 ? <p className="govuk-body">No progress recorded yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Progress updates, newest first</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">As of</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Progress</th>
            <th scope="col" className="govuk-table__header">Update</th>
            <th scope="col" className="govuk-table__header">By</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {[...a.progressUpdates].reverse().map((u, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">{formatDate(u.asOf)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{u.progressPercent}%</td>
                <td className="govuk-table__cell">{u.text ?? '—'}</td>
                <td className="govuk-table__cell">{u.author}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">History</h2>
      {history.data && history.data.length > 0 ? (
        <ul className="govuk-list wp-history">
          {[...history.data].reverse().map((h, i) => (
            <li key={i}>
              <strong>{formatDateTime(h.at)}</strong>, {h.by}: {h.what}
              {h.changes.length > 0 && (
                <ul className="govuk-list govuk-list--bullet govuk-body-s">
                  {h.changes.map((c, j) => <li key={j}>{humanise(c.field)}: {c.from ?? '—'} → {c.to ?? '—'}</li>)}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : <p className="govuk-body">No history yet.</p>}
    </>
  );
}

export function ImportActionsPage() {
  const [params] = useSearchParams();
  const [planId, setPlanId] = useState(params.get('planId') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!planId.trim()) m.planId = 'Enter the plan to import into';
    if (!file) m.file = 'Select a CSV or XLSX file';
    setMissing(m);
    if (Object.keys(m).length) return;
    const form = new FormData();
    form.append('file', file!);
    try {
      const r = await send<ImportReport>('POST', `/api/actions/import${query({ planId, dryRun })}`, form);
      setReport(r.body);
      setError(null);
    } catch (err) {
      const apiError = err as ApiError;
      setError(apiError);
      const body = apiError.body?.report as ImportReport | undefined;
      setReport(body ?? null);
    }
  };
  return (
    <>
      <BackLink to="/actions">All actions</BackLink>
      <PageTitle title="Import actions from a spreadsheet" />
      <ErrorSummary items={Object.entries(missing).map(([k, text]) => ({ text, href: k === 'file' ? 'file' : 'planId' }))} />
      {error && !report && <ApiErrorSummary error={error} fields={{ planId: 'planId', file: 'file' }} />}
      <p className="govuk-body">Upload a CSV or Excel file with one action a row. Every row is checked first: if any row is
        not right, nothing is stored and the report below says which row and why.</p>
      <form onSubmit={submit} noValidate>
        <TextInput id="planId" label="Plan" hint="The plan’s id, for example ea-chcj-sip-2021-24" value={planId} onChange={setPlanId}
          error={missing.planId ?? fieldError(error, 'planId')} />
        <div className={`govuk-form-group${missing.file ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="file">Spreadsheet (CSV or XLSX)</label>
          {missing.file && <p id="file-error" className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {missing.file}</p>}
          <input className="govuk-file-upload" id="file" name="file" type="file" accept=".csv,.xlsx"
            aria-describedby={missing.file ? 'file-error' : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id="dryRun" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="dryRun">Only check the file: store nothing</label>
            </div>
          </div>
        </div>
        <Button>{dryRun ? 'Check the file' : 'Import'}</Button>
      </form>
      {report && (
        <section aria-labelledby="report-heading">
          <h2 className="govuk-heading-m" id="report-heading">Row report</h2>
          <p className="govuk-body">
            {report.accepted} row{report.accepted === 1 ? '' : 's'} right, {report.rejected} not right.{' '}
            {report.stored ? 'The actions were stored.' : report.dryRun ? 'Nothing was stored (check only).' : 'Nothing was stored.'}
          </p>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Each row of the file</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Row</th>
              <th scope="col" className="govuk-table__header">Action</th>
              <th scope="col" className="govuk-table__header">Result</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {report.rows.map((r) => (
                <tr className="govuk-table__row" key={r.row}>
                  <td className="govuk-table__cell">{r.row}</td>
                  <td className="govuk-table__cell">{r.actionId ? <Link className="govuk-link" to={`/actions/${r.actionId}`}>{r.title}</Link> : r.title ?? '—'}</td>
                  <td className="govuk-table__cell">
                    {r.accepted ? <Tag status="GREEN" text="Right" /> : (
                      <ul className="govuk-list govuk-error-message">{r.errors.map((e, i) => <li key={i}>{humanise(e.field)}: {e.message}</li>)}</ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
