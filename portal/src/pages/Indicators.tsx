import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, query, send } from '../api';
import {
  ApiErrorSummary, BackLink, Button, Empty, ErrorSummary, fieldError, formatDate, formatDateTime, humanise, Loading,
  NotificationBanner, Pagination, Select, SummaryList, Tag, TextArea, TextInput,
} from '../components/govuk';
import { Sparkline, ValueChart } from '../components/charts';
import { PageTitle } from '../components/Layout';
import { SERVICE_AREAS } from '../session';
import { useApi } from '../useApi';
import type { Indicator, Page, PeriodValue, ScorecardRow } from '../types';

const TRENDS: Record<string, [string, string]> = {
  IMPROVING: ['↑', 'Improving'], WORSENING: ['↓', 'Worsening'], NO_CHANGE: ['→', 'No change'],
};

export function Trend({ trend }: { trend: string | null }) {
  if (!trend || !TRENDS[trend]) return <span>—</span>;
  const [arrow, words] = TRENDS[trend];
  return <span><span aria-hidden="true" className="wp-trend">{arrow}</span> {words}</span>;
}

/** The first number in a value as written ("95%", "£4,374", "70/30" gives 70). */
export function numberIn(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : null;
}

interface MeasurementRow { indicatorId: string; measurement: PeriodValue }

export function IndicatorsPage() {
  const [params, setParams] = useSearchParams();
  const filter = { serviceArea: params.get('serviceArea') ?? '', status: params.get('status') ?? '', owner: params.get('owner') ?? '', q: params.get('q') ?? '' };
  const page = Number(params.get('page') ?? '0');
  const [draft, setDraft] = useState(filter);
  const list = useApi<Page<ScorecardRow>>(`/api/indicators${query({ ...filter, page, size: 25 })}`);
  const measurements = useApi<Page<MeasurementRow>>(`/api/measurements${query({ serviceArea: filter.serviceArea, size: 200 })}`);
  const history = useMemo(() => {
    const byIndicator = new Map<string, PeriodValue[]>();
    for (const row of measurements.data?.items ?? []) {
      const list2 = byIndicator.get(row.indicatorId) ?? [];
      list2.push(row.measurement);
      byIndicator.set(row.indicatorId, list2);
    }
    for (const values of byIndicator.values()) values.sort((a, b) => (a.periodEnd ?? '').localeCompare(b.periodEnd ?? ''));
    return byIndicator;
  }, [measurements.data]);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next);
  };
  return (
    <>
      <PageTitle title="Indicators" />
      <ApiErrorSummary error={list.error} />
      <form className="wp-filter" aria-label="Filter the scorecard" onSubmit={(e) => { e.preventDefault(); set({ ...draft, page: '' }); }}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <Select id="serviceArea" label="Service area" value={draft.serviceArea} onChange={(v) => setDraft({ ...draft, serviceArea: v })}
              options={[{ value: '', text: 'Any' }, ...SERVICE_AREAS.map((a) => ({ value: a, text: a }))]} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select id="status" label="Status" value={draft.status} onChange={(v) => setDraft({ ...draft, status: v })}
              options={[{ value: '', text: 'Any' }, { value: 'RED', text: 'Red: major concerns' }, { value: 'AMBER', text: 'Amber: some concerns' }, { value: 'GREEN', text: 'Green: no concerns' }, { value: 'GREY', text: 'Grey: not available' }]} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextInput id="q" label="Search" value={draft.q} onChange={(v) => setDraft({ ...draft, q: v })} />
          </div>
          <div className="govuk-grid-column-one-quarter wp-filter__button"><Button secondary>Apply filters</Button></div>
        </div>
      </form>
      {list.loading && !list.data && <Loading what="the scorecard" />}
      {list.data && list.data.total === 0 && <Empty>{list.data.message ?? 'No indicators match these filters.'}</Empty>}
      {list.data && list.data.total > 0 && (
        <table className="govuk-table wp-scorecard">
          <caption className="govuk-table__caption govuk-table__caption--m">Scorecard: {list.data.total} indicators{list.data.message ? `. ${list.data.message}` : ''}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Indicator</th>
              <th scope="col" className="govuk-table__header">Period</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Target</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Trend</th>
              <th scope="col" className="govuk-table__header">Over time</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {list.data.items.map((i) => {
              const values = (history.get(i.id) ?? []).map((m) => m.value);
              return (
                <tr className="govuk-table__row" key={i.id}>
                  <td className="govuk-table__cell"><Link className="govuk-link" to={`/indicators/${i.id}`}>{i.code} {i.name}</Link></td>
                  <td className="govuk-table__cell">{i.asAt.period ?? '—'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{i.asAt.valueAsWritten ?? (i.asAt.expectedOn ? `Expected ${formatDate(i.asAt.expectedOn)}` : '—')}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{i.asAt.target ?? '—'}</td>
                  <td className="govuk-table__cell"><Tag status={i.asAt.status} text={i.asAt.statusLabel} /></td>
                  <td className="govuk-table__cell"><Trend trend={i.asAt.trend} /></td>
                  <td className="govuk-table__cell"><Sparkline values={values} label={`${i.code} over ${values.length} periods: ${values.map((v) => v ?? 'n/a').join(', ')}`} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list.data && <Pagination page={page} totalPages={list.data.totalPages} onPage={(p) => set({ page: String(p) })} label="indicators" />}
    </>
  );
}

function MeasurementForm({ indicator, etag, onSaved }: { indicator: Indicator; etag: string | null; onSaved: (i: Indicator, etag: string | null) => void }) {
  const [period, setPeriod] = useState('');
  const [available, setAvailable] = useState('yes');
  const [value, setValue] = useState('');
  const [expectedOn, setExpectedOn] = useState('');
  const [commentary, setCommentary] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!period.trim()) m.period = 'Enter the period, for example 2022/23 Q1';
    if (available === 'yes' && !value.trim()) m.value = 'Enter the value, or choose “Not yet available”';
    setMissing(m);
    if (Object.keys(m).length) { setError(null); return; }
    try {
      const r = await send<Indicator>('POST', `/api/indicators/${indicator.id}/measurements`, {
        period: period.trim(), value: available === 'yes' ? value.trim() : null,
        expectedOn: available === 'no' && expectedOn ? expectedOn : null, commentary: commentary || null,
      }, { ifMatch: etag }); // every recording names the version read (428 without, 412 if changed since)
      setError(null);
      setValue(''); setCommentary('');
      onSaved(r.body, r.etag);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const ids: Record<string, string> = { period: 'period', value: 'value', expectedOn: 'expectedOn', commentary: 'commentary' };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="measurement-heading">
      <h2 className="govuk-heading-m" id="measurement-heading">Record a measurement</h2>
      <ErrorSummary items={Object.entries(missing).map(([k, text]) => ({ text, href: ids[k] }))} />
      <ApiErrorSummary error={error} fields={ids} />
      <TextInput id="period" label="Period" hint="For example 2022/23, 2022/23 Q1 or January 2023" width="10" value={period}
        onChange={setPeriod} error={missing.period ?? fieldError(error, 'period')} />
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset" aria-describedby="available-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Is the value available?</legend>
          <div id="available-hint" className="govuk-hint">Say when it is expected if it is not available yet</div>
          <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
            <div className="govuk-radios__item">
              <input className="govuk-radios__input" id="available" name="available" type="radio" value="yes" checked={available === 'yes'} onChange={() => setAvailable('yes')} />
              <label className="govuk-label govuk-radios__label" htmlFor="available">Yes</label>
            </div>
            <div className="govuk-radios__item">
              <input className="govuk-radios__input" id="available-no" name="available" type="radio" value="no" checked={available === 'no'} onChange={() => setAvailable('no')} />
              <label className="govuk-label govuk-radios__label" htmlFor="available-no">Not yet available</label>
            </div>
          </div>
        </fieldset>
      </div>
      {available === 'yes' ? (
        <TextInput id="value" label={`Value (${humanise(indicator.unit).toLowerCase()})`} hint="As you would write it, for example 95%, £4,374 or 2,500"
          width="10" value={value} onChange={setValue} error={missing.value ?? fieldError(error, 'value')} />
      ) : (
        <TextInput id="expectedOn" label="Expected on" hint="For example 2023-05-31" width="10" value={expectedOn}
          onChange={setExpectedOn} error={fieldError(error, 'expectedOn')} />
      )}
      <TextArea id="commentary" label="Commentary" hint="What the figure means; for a red figure, the remedial action being taken"
        value={commentary} onChange={setCommentary} error={fieldError(error, 'commentary')} />
      <Button>Save measurement</Button>
    </form>
  );
}

export function IndicatorPage() {
  const { id = '' } = useParams();
  const indicator = useApi<Indicator>(`/api/indicators/${encodeURIComponent(id)}`);
  const [saved, setSaved] = useState(false);
  if (indicator.error) return <><BackLink to="/indicators">All indicators</BackLink><PageTitle title="Indicator not found" /><ApiErrorSummary error={indicator.error} /></>;
  if (!indicator.data) return <Loading what="the indicator" />;
  const i = indicator.data;
  const periods = [...i.periods].sort((a, b) => (a.periodEnd ?? '').localeCompare(b.periodEnd ?? ''));
  const points = periods.map((p) => ({ label: p.period ?? '', value: p.value, target: numberIn(p.target) }));
  const lastTarget = points.map((p) => p.target).filter((t) => t !== null).pop() ?? null;
  const tolerance = i.tolerance.kind === 'ABSOLUTE' ? i.tolerance.amount : lastTarget !== null ? Math.abs(lastTarget) * i.tolerance.amount / 100 : null;
  return (
    <>
      <BackLink to="/indicators">All indicators</BackLink>
      {saved && <NotificationBanner key={i.version}><p className="govuk-notification-banner__heading">Measurement saved: the indicator is now {i.current.statusLabel.toLowerCase()} ({humanise(i.current.status)})</p></NotificationBanner>}
      <PageTitle title={`${i.code} ${i.name}`} caption={i.serviceArea ?? undefined} />
      <p className="govuk-body"><Tag status={i.current.status} text={`${humanise(i.current.status)}: ${i.current.statusLabel}`} /> <Trend trend={i.current.trend} /></p>
      <SummaryList rows={[
        ['Latest', i.current.period ? `${i.current.valueAsWritten ?? 'not yet available'} (${i.current.period})` : 'No measurement yet'],
        ['Target', i.targets.map((t) => `${t.year}: ${t.asWritten}`).join('; ') || '—'],
        ['Tolerance', `${i.tolerance.amount}${i.tolerance.kind === 'RELATIVE' ? '% of target' : ''}${i.tolerance.organisationDefault ? ' (organisation default)' : ''}`],
        ['Benchmark', i.benchmark ? `${i.benchmark.value?.asWritten ?? '—'} (${i.benchmark.source})` : '—'],
        ['Owner', i.owner?.name], ['Frequency', humanise(i.frequency)], ['Polarity', humanise(i.polarity)],
        ['Description', i.description],
      ]} />
      <h2 className="govuk-heading-m">Values against target</h2>
      <ValueChart title={`${i.code} values against target`} points={points} tolerance={tolerance}
        benchmark={i.benchmark?.value?.number ?? null} />
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Each period</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Period</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Target</th>
          <th scope="col" className="govuk-table__header">Status</th>
          <th scope="col" className="govuk-table__header">Commentary</th>
          <th scope="col" className="govuk-table__header">Recorded</th>
        </tr></thead>
        <tbody className="govuk-table__body">
          {[...periods].reverse().map((p) => (
            <tr className="govuk-table__row" key={p.period}>
              <td className="govuk-table__cell">{p.period}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{p.valueAsWritten ?? (p.expectedOn ? `Expected ${formatDate(p.expectedOn)}` : '—')}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{p.target ?? '—'}</td>
              <td className="govuk-table__cell"><Tag status={p.status} text={p.statusLabel} /></td>
              <td className="govuk-table__cell">{p.commentary ?? (p.needsRemedialCommentary ? 'Remedial action needed: none given' : '—')}</td>
              <td className="govuk-table__cell">{p.recordedBy ? `${p.recordedBy}, ${formatDateTime(p.recordedAt)}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MeasurementForm key={i.version} indicator={i} etag={indicator.etag} onSaved={(next, etag) => { indicator.set(next, etag); setSaved(true); }} />
    </>
  );
}
