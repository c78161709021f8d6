import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, isManager, query, send } from '../api';
import {
  ApiErrorSummary, BackLink, Button, Checkbox, Empty, ErrorSummary, fieldError, FileInput, formatDate, formatDateTime, humanise,
  Loading, NotificationBanner, Select, SummaryList, Tag, TextArea,
} from '../components/govuk';
import { PageTitle } from '../components/Layout';
import { SERVICE_AREAS, useSession } from '../session';
import { useApi } from '../useApi';
import type { Assessment, HeatMap as HeatMapData, Page, Risk, RiskHistory, RiskImportReport, RiskRegister } from '../types';

export type Which = 'CURRENT' | 'ORIGINAL' | 'TARGET';

function bandClass(likelihood: number, impact: number): string {
  const score = likelihood * impact;
  if (score >= 20) return 'wp-band-veryhigh';
  if (score >= 10) return 'wp-band-high';
  if (score >= 5) return 'wp-band-medium';
  return 'wp-band-low';
}

export function assessmentOf(risk: Risk, which: Which): Assessment | null {
  return which === 'CURRENT' ? risk.current : which === 'ORIGINAL' ? risk.original : risk.target;
}

/**
 * The 5x5 heat map: likelihood up the side, impact along the bottom, each cell a button giving its
 * count; pressing a cell filters the register below (when {@code onSelect} is given).
 */
export function HeatMap({ data, selected, onSelect, caption }: {
  data: HeatMapData; selected?: [number, number] | null; onSelect?: (cell: [number, number] | null) => void; caption: string;
}) {
  return (
    <table className="wp-heatmap">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead>
        <tr><td /><th scope="colgroup" colSpan={5}>Impact</th></tr>
      </thead>
      <tbody>
        {[5, 4, 3, 2, 1].map((l) => (
          <tr key={l}>
            <th scope="row">{l === 5 ? 'Likelihood 5' : l}</th>
            {[1, 2, 3, 4, 5].map((i) => {
              const n = data.counts[l - 1]?.[i - 1] ?? 0;
              const pressed = !!selected && selected[0] === l && selected[1] === i;
              const label = `Likelihood ${l}, impact ${i}, score ${l * i}: ${n} risk${n === 1 ? '' : 's'}`;
              return (
                <td key={i} className={bandClass(l, i)}>
                  {onSelect ? (
                    <button type="button" aria-pressed={pressed} aria-label={label} className={bandClass(l, i)}
                      onClick={() => onSelect(pressed ? null : [l, i])}>{n || ''}</button>
                  ) : <span aria-label={label} role="img">{n || ''}</span>}
                </td>
              );
            })}
          </tr>
        ))}
        <tr><td /><>{[1, 2, 3, 4, 5].map((i) => <th scope="col" key={i}>{i}</th>)}</></tr>
      </tbody>
    </table>
  );
}

export function RisksPage() {
  const [params, setParams] = useSearchParams();
  const which = (params.get('assessment') ?? 'CURRENT') as Which;
  const serviceArea = params.get('serviceArea') ?? '';
  const reviewOverdue = params.get('reviewOverdue') ?? '';
  const owner = params.get('owner') ?? '';
  const registerId = params.get('registerId') ?? '';
  const cell = params.get('cell');
  const selected = cell ? (cell.split('x').map(Number) as [number, number]) : null;
  const filter = { registerId, serviceArea, reviewOverdue, owner };
  // the registers list pages like every list (issue 16); 200 is its largest page
  const registers = useApi<Page<RiskRegister>>(`/api/risk-registers${query({ size: 200, sort: 'name' })}`);
  const { me } = useSession();
  const heat = useApi<HeatMapData>(`/api/risks/heat-map${query({ ...filter, assessment: which })}`);
  const risks = useApi<Page<Risk>>(`/api/risks${query({ ...filter, size: 200, sort: 'score,desc' })}`);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next);
  };
  const shown = (risks.data?.items ?? []).filter((r) => {
    if (!selected) return true;
    const a = assessmentOf(r, which);
    return a !== null && a.likelihood === selected[0] && a.impact === selected[1];
  });
  return (
    <>
      <PageTitle title="Risks" />
      <ApiErrorSummary error={heat.error ?? risks.error} />
      <form className="wp-filter" aria-label="Filter risks" onSubmit={(e) => e.preventDefault()}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <Select id="registerId" label="Register" value={registerId} onChange={(v) => set({ registerId: v, cell: '' })}
              options={[{ value: '', text: 'Any' }, ...(registers.data?.items ?? []).map((r) => ({ value: r.id, text: r.name }))]} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select id="serviceArea" label="Service area" value={serviceArea} onChange={(v) => set({ serviceArea: v, cell: '' })}
              options={[{ value: '', text: 'Any' }, ...SERVICE_AREAS.map((a) => ({ value: a, text: a }))]} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select id="assessment" label="Heat map of" value={which} onChange={(v) => set({ assessment: v === 'CURRENT' ? '' : v, cell: '' })}
              options={[{ value: 'CURRENT', text: 'Current assessment' }, { value: 'ORIGINAL', text: 'Original assessment' }, { value: 'TARGET', text: 'Target assessment' }]} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select id="reviewOverdue" label="Review" value={reviewOverdue} onChange={(v) => set({ reviewOverdue: v, cell: '' })}
              options={[{ value: '', text: 'Any' }, { value: 'true', text: 'Overdue for review' }]} />
          </div>
        </div>
      </form>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Heat map</h2>
          {heat.data ? (
            <>
              <HeatMap data={heat.data} selected={selected} onSelect={(c) => set({ cell: c ? `${c[0]}x${c[1]}` : '' })}
                caption={`${humanise(which)} assessment of ${heat.data.total} risks${heat.data.withoutAssessment ? ` (${heat.data.withoutAssessment} without one)` : ''}`} />
              <p className="govuk-body-s">Choose a cell to list its risks; choose it again to list all.</p>
            </>
          ) : <Loading what="the heat map" />}
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Register</h2>
          {selected && <p className="govuk-body">Showing risks with likelihood {selected[0]} and impact {selected[1]}. <a className="govuk-link" href="#all" onClick={(e) => { e.preventDefault(); set({ cell: '' }); }}>Show all risks</a></p>}
          {risks.loading && !risks.data && <Loading what="risks" />}
          {risks.data && shown.length === 0 && <Empty>No risks match.</Empty>}
          {shown.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{shown.length} risk{shown.length === 1 ? '' : 's'}, highest current score first</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Risk</th>
                <th scope="col" className="govuk-table__header">Owner</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Score</th>
                <th scope="col" className="govuk-table__header">Band</th>
                <th scope="col" className="govuk-table__header">Next review</th>
              </tr></thead>
              <tbody className="govuk-table__body">
                {shown.map((r) => {
                  const a = assessmentOf(r, which);
                  return (
                    <tr className="govuk-table__row" key={r.id}>
                      <td className="govuk-table__cell"><Link className="govuk-link" to={`/risks/${r.id}`}>{r.code} {r.title}</Link></td>
                      <td className="govuk-table__cell">{r.owner?.name ?? '—'}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{a ? `${a.score} (${a.likelihood}×${a.impact})` : '—'}</td>
                      <td className="govuk-table__cell"><Tag status={a?.band} /></td>
                      <td className="govuk-table__cell">{formatDate(r.nextReviewDue)}{r.reviewOverdue ? <> <Tag status="OVERDUE" /></> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {risks.data && risks.data.total > 0 && (
            <p className="govuk-body wp-downloads">
              Download the {risks.data.total} risk{risks.data.total === 1 ? '' : 's'} these filters list{selected ? ' (every cell of the heat map)' : ''}:{' '}
              <a className="govuk-link" href={riskListExport(filter, 'csv')} download>CSV<span className="govuk-visually-hidden"> file of the listed risks</span></a>{' or '}
              <a className="govuk-link" href={riskListExport(filter, 'xlsx')} download>Excel (XLSX)<span className="govuk-visually-hidden"> file of the listed risks</span></a>
            </p>
          )}
        </div>
      </div>
      <RegistersTable registers={registers.data?.items ?? null} mayImport={isManager(me)} />
    </>
  );
}

/** The export of exactly the risks the list shows (same filters, same order). */
export function riskListExport(filter: Record<string, string>, format: 'csv' | 'xlsx'): string {
  return `/api/risks/export${query({ format, ...filter, sort: 'score,desc' })}`;
}

export function registerExport(id: string, format: 'csv' | 'xlsx'): string {
  return `/api/risk-registers/${encodeURIComponent(id)}/export${query({ format })}`;
}

/** Every register, with its exports and (for those who may import) a link to import a file into it. */
export function RegistersTable({ registers, mayImport }: { registers: RiskRegister[] | null; mayImport: boolean }) {
  if (!registers || registers.length === 0) return null;
  return (
    <section aria-labelledby="registers-heading">
      <h2 className="govuk-heading-m" id="registers-heading">Registers</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Download a whole register{mayImport ? ', or import a spreadsheet into it' : ''}</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Register</th>
          <th scope="col" className="govuk-table__header">Service area</th>
          <th scope="col" className="govuk-table__header">Download</th>
          {mayImport && <th scope="col" className="govuk-table__header">Import</th>}
        </tr></thead>
        <tbody className="govuk-table__body">
          {registers.map((r) => (
            <tr className="govuk-table__row" key={r.id}>
              <td className="govuk-table__cell">{r.name}</td>
              <td className="govuk-table__cell">{r.serviceArea ?? '—'}</td>
              <td className="govuk-table__cell">
                <a className="govuk-link" href={registerExport(r.id, 'csv')} download>CSV<span className="govuk-visually-hidden"> of {r.name}</span></a>{' · '}
                <a className="govuk-link" href={registerExport(r.id, 'xlsx')} download>XLSX<span className="govuk-visually-hidden"> of {r.name}</span></a>
              </td>
              {mayImport && (
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/risks/registers/${encodeURIComponent(r.id)}/import`}>Import<span className="govuk-visually-hidden"> into {r.name}</span></Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const OUTCOME_TAGS: Record<string, [string, string]> = {
  CREATED: ['GREEN', 'New risk'], UPDATED: ['OPEN', 'Reassessed'], UNCHANGED: ['GREY', 'Unchanged'], REJECTED: ['RED', 'Not right'],
};

function reportRowId(row: number): string {
  return `import-row-${row}`;
}

/**
 * Imports a CSV or XLSX file into a risk register (POST /api/risk-registers/{id}/import, ADR
 * 0021): all or nothing. The row-by-row report says what each row did or would do, with warnings
 * (a stated score that is not likelihood × severity: the computed one is kept); a wrong row refuses
 * the whole file and the error summary names each row and column.
 */
export function ImportRiskRegisterPage() {
  const { id = '' } = useParams();
  const register = useApi<RiskRegister>(`/api/risk-registers/${encodeURIComponent(id)}`);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [defaultCategory, setDefaultCategory] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [report, setReport] = useState<RiskImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(file ? null : 'Select a CSV or XLSX file');
    if (!file) {
      setError(null);
      return;
    }
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      const r = await send<RiskImportReport>('POST', `/api/risk-registers/${encodeURIComponent(id)}/import${query({ dryRun, defaultCategory })}`, form);
      setReport(r.body);
      setError(null);
    } catch (err) {
      const apiError = err as ApiError;
      setError(apiError);
      setReport((apiError.body?.report as RiskImportReport | undefined) ?? null);
    } finally {
      setBusy(false);
    }
  };
  const name = register.data?.name ?? 'the register';
  const warned = report?.report.filter((r) => r.warnings.length > 0).length ?? 0;
  return (
    <>
      <BackLink to="/risks">Risks</BackLink>
      <PageTitle title="Import risks from a spreadsheet" caption={register.data?.name} />
      {register.error && <ApiErrorSummary error={register.error} />}
      {missing && <ErrorSummary items={[{ text: missing, href: 'riskFile' }]} />}
      <ApiErrorSummary error={error} fields={{ file: 'riskFile', defaultCategory: 'defaultCategory' }}
        rowLink={(row) => (report?.report.some((r) => r.row === row) ? reportRowId(row) : undefined)} />
      {report && report.stored && !error && (
        <NotificationBanner key={`${report.created}-${report.updated}-${report.unchanged}`}>
          <p className="govuk-notification-banner__heading">Register imported</p>
          <p className="govuk-body">{report.created} new, {report.updated} reassessed, {report.unchanged} unchanged.</p>
        </NotificationBanner>
      )}
      <p className="govuk-body">Upload a CSV or Excel (XLSX) file with one risk a row, with the columns of the register’s export
        (Code, Title, Likelihood, Severity, Risk Score and so on). Every row is checked first: if any row is not right, nothing is
        stored and the report says which row and column. A risk whose code is in {name} already is reassessed.</p>
      <p className="govuk-body">
        <a className="govuk-link" href={registerExport(id, 'xlsx')} download>Download {name} as XLSX</a> to start from its current risks.
      </p>
      <form onSubmit={submit} noValidate>
        <FileInput id="riskFile" label="Spreadsheet (CSV or XLSX)" hint="At most 2 MB and 5,000 rows" accept=".csv,.txt,.xlsx"
          error={missing ?? fieldError(error, 'file')} onChange={setFile} />
        {register.data?.categories && register.data.categories.length > 0 && (
          <Select id="defaultCategory" label="Category for rows without one (optional)" value={defaultCategory} onChange={setDefaultCategory}
            error={fieldError(error, 'defaultCategory')}
            options={[{ value: '', text: 'None: a row must name its category' }, ...register.data.categories.map((c) => ({ value: c.name, text: c.name }))]} />
        )}
        <Checkbox id="dryRun" label="Only check the file: store nothing" checked={dryRun} onChange={setDryRun} />
        <Button disabled={busy}>{dryRun ? 'Check the file' : 'Import'}</Button>
      </form>
      {report && (
        <section aria-labelledby="report-heading">
          <h2 className="govuk-heading-m" id="report-heading">Row report</h2>
          <p className="govuk-body">
            {report.rows} row{report.rows === 1 ? '' : 's'}: {report.created} new, {report.updated} reassessed, {report.unchanged} unchanged,{' '}
            {report.rejected} not right{warned ? `; ${warned} with a warning` : ''}.{' '}
            {report.stored ? 'The register was changed.' : report.dryRun && report.rejected === 0 ? 'Nothing was stored (check only).' : 'Nothing was stored.'}
          </p>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Each row of the file</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Row</th>
              <th scope="col" className="govuk-table__header">Code</th>
              <th scope="col" className="govuk-table__header">Result</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Score</th>
              <th scope="col" className="govuk-table__header">Errors and warnings</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {report.report.map((r) => {
                const [colour, text] = OUTCOME_TAGS[r.outcome] ?? ['GREY', humanise(r.outcome)];
                return (
                  <tr className="govuk-table__row" key={r.row} id={reportRowId(r.row)}>
                    <td className="govuk-table__cell">{r.row}</td>
                    <td className="govuk-table__cell">{r.code ?? '—'}</td>
                    <td className="govuk-table__cell"><Tag status={colour} text={text} /></td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.score ?? '—'}{r.band ? ` (${humanise(r.band).toLowerCase()})` : ''}</td>
                    <td className="govuk-table__cell">
                      {r.errors.length === 0 && r.warnings.length === 0 ? '—' : (
                        <ul className="govuk-list">
                          {r.errors.map((e, i) => (
                            <li key={`e${i}`} className="govuk-error-message"><span className="wp-label">Error:</span> {e.field}: {e.message}</li>
                          ))}
                          {r.warnings.map((w, i) => <li key={`w${i}`}><span className="wp-label">Warning:</span> {w}</li>)}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function describe(a: Assessment | null): string {
  return a ? `${a.score} (likelihood ${a.likelihood} × impact ${a.impact}), ${humanise(a.band).toLowerCase()}` : '—';
}

function ReassessForm({ risk, etag, onSaved }: { risk: Risk; etag: string | null; onSaved: (r: Risk, etag: string | null) => void }) {
  const [which, setWhich] = useState<Which>('CURRENT');
  const start = assessmentOf(risk, which);
  const [likelihood, setLikelihood] = useState(String(start?.likelihood ?? 3));
  const [impact, setImpact] = useState(String(start?.impact ?? 3));
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!justification.trim()) { setMissing('Enter why the assessment changes'); setError(null); return; }
    setMissing(null);
    try {
      const r = await send<Risk>('POST', `/api/risks/${risk.id}/assessments`,
        { assessment: which, likelihood: Number(likelihood), impact: Number(impact), justification }, { ifMatch: etag });
      setError(null);
      onSaved(r.body, r.etag);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const scale = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: String(n) }));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reassess-heading">
      <h2 className="govuk-heading-m" id="reassess-heading">Reassess</h2>
      {missing && <ErrorSummary items={[{ text: missing, href: 'justification' }]} />}
      <ApiErrorSummary error={error} fields={{ justification: 'justification', likelihood: 'likelihood', impact: 'impact', assessment: 'which' }} />
      <Select id="which" label="Assessment" value={which} onChange={(v) => setWhich(v as Which)}
        options={[{ value: 'CURRENT', text: 'Current' }, { value: 'TARGET', text: 'Target' }, { value: 'ORIGINAL', text: 'Original' }]} />
      <Select id="likelihood" label="Likelihood" hint="1 rare to 5 almost certain" value={likelihood} onChange={setLikelihood} options={scale} />
      <Select id="impact" label="Impact" hint="1 negligible to 5 extreme" value={impact} onChange={setImpact} options={scale} />
      <TextArea id="justification" label="Justification" hint="Why the assessment changes: what was done or what happened"
        value={justification} onChange={setJustification} error={missing ?? fieldError(error, 'justification')} />
      <Button>Save assessment</Button>
    </form>
  );
}

export function RiskPage() {
  const { id = '' } = useParams();
  const risk = useApi<Risk>(`/api/risks/${encodeURIComponent(id)}`);
  const history = useApi<RiskHistory[]>(`/api/risks/${encodeURIComponent(id)}/history`);
  const [saved, setSaved] = useState(false);
  if (risk.error) return <><BackLink to="/risks">All risks</BackLink><PageTitle title="Risk not found" /><ApiErrorSummary error={risk.error} /></>;
  if (!risk.data) return <Loading what="the risk" />;
  const r = risk.data;
  return (
    <>
      <BackLink to="/risks">All risks</BackLink>
      {saved && <NotificationBanner key={r.version}><p className="govuk-notification-banner__heading">Assessment saved</p></NotificationBanner>}
      <PageTitle title={`${r.code} ${r.title}`} caption={r.registerName} />
      <p className="govuk-body"><Tag status={r.current?.band} /> {r.aboveAppetite ? <Tag status="RED" text="Above appetite" /> : null} {r.reviewOverdue ? <Tag status="OVERDUE" text="Review overdue" /> : null}</p>
      <SummaryList rows={[
        ['Current', describe(r.current)], ['Original', describe(r.original)], ['Target', describe(r.target)],
        ['Appetite', r.appetite], ['Owner', r.owner?.name], ['Category', r.category], ['Service area', r.serviceArea],
        ['Review', `${humanise(r.reviewFrequency)}; last ${formatDate(r.lastReviewedOn)}, next ${formatDate(r.nextReviewDue)}`],
        ['Description', r.description], ['Risk factors', r.riskFactors], ['Status', humanise(r.status)],
      ]} />
      <h2 className="govuk-heading-m">Mitigations</h2>
      {r.mitigations.length === 0 ? <p className="govuk-body">No mitigations recorded.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Mitigations</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Mitigation</th>
            <th scope="col" className="govuk-table__header">Owner</th>
            <th scope="col" className="govuk-table__header">Due</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {r.mitigations.map((m) => (
              <tr className="govuk-table__row" key={m.id}>
                <td className="govuk-table__cell">{m.text}</td>
                <td className="govuk-table__cell">{m.owner?.name ?? '—'}</td>
                <td className="govuk-table__cell">{formatDate(m.dueDate)}</td>
                <td className="govuk-table__cell"><Tag status={m.overdue ? 'OVERDUE' : m.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReassessForm key={r.version} risk={r} etag={risk.etag} onSaved={(next, etag) => { risk.set(next, etag); history.reload(); setSaved(true); }} />
      <h2 className="govuk-heading-m">History of assessments and changes</h2>
      {history.data && history.data.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">History, newest first</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">When</th>
            <th scope="col" className="govuk-table__header">Who</th>
            <th scope="col" className="govuk-table__header">What</th>
            <th scope="col" className="govuk-table__header">Why</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {[...history.data].reverse().map((h, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">{formatDateTime(h.at)}</td>
                <td className="govuk-table__cell">{h.by}</td>
                <td className="govuk-table__cell">{humanise(h.kind)}{h.assessment ? ` (${humanise(h.assessment).toLowerCase()})` : ''}{h.after ? `: ${h.before ? `${h.before.score} → ` : ''}${h.after.score}` : ''}{h.detail ? ` ${h.detail}` : ''}</td>
                <td className="govuk-table__cell">{h.justification ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="govuk-body">No history yet.</p>}
    </>
  );
}
