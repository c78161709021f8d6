import { Link } from 'react-router';
import { isManager, query } from '../api';
import { ApiErrorSummary, Empty, formatDate, Select, Tag } from '../components/govuk';
import { PageTitle } from '../components/Layout';
import { SERVICE_AREAS, useSession } from '../session';
import { useApi } from '../useApi';
import type { Action, Alert, Page, Risk, ScorecardRow } from '../types';
import { ActionTable } from './Actions';

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function Count({ n, what, to }: { n: number | undefined; what: string; to: string }) {
  return (
    <li className="wp-count">
      <Link className="govuk-link wp-count__link" to={to}>
        <span className="wp-count__number">{n ?? '…'}</span> <span className="wp-count__label">{what}</span>
      </Link>
    </li>
  );
}

/**
 * Home: what needs the person's attention. Staff see what they lead and own; a manager chooses a
 * service area and sees the same for all of it.
 */
export function HomePage() {
  const { me, serviceArea, setServiceArea } = useSession();
  const username = me?.username ?? '';
  const manager = isManager(me) || !!serviceArea;
  const scope = serviceArea ? { serviceArea } : { lead: username };
  const soon = new Date();
  soon.setDate(soon.getDate() + 30);
  const ready = !!me;
  const overdue = useApi<Page<Action>>(ready ? `/api/actions${query({ ...scope, status: 'OVERDUE', size: 10 })}` : null);
  const atRisk = useApi<Page<Action>>(ready ? `/api/actions${query({ ...scope, status: 'AT_RISK', size: 10 })}` : null);
  const dueSoon = useApi<Page<Action>>(ready ? `/api/actions${query({ ...scope, dueAfter: isoDate(new Date()), dueBefore: isoDate(soon), status: 'ON_TRACK', size: 10 })}` : null);
  const ownerScope = serviceArea ? { serviceArea } : { owner: username };
  const red = useApi<Page<ScorecardRow>>(ready ? `/api/indicators${query({ ...ownerScope, status: 'RED', size: 10 })}` : null);
  const late = useApi<Page<ScorecardRow>>(ready ? `/api/indicators${query({ ...ownerScope, status: 'GREY', size: 10 })}` : null);
  const risks = useApi<Page<Risk>>(ready ? `/api/risks${query({ ...ownerScope, reviewOverdue: true, size: 10 })}` : null);
  const alerts = useApi<Alert[] | Page<Alert>>(ready ? '/api/notifications?limit=5' : null);
  const alertItems = alerts.data ? (Array.isArray(alerts.data) ? alerts.data : alerts.data.items) : [];
  const who = serviceArea ? serviceArea : 'you';
  return (
    <>
      <PageTitle title={serviceArea ? `${serviceArea}: what needs attention` : 'What needs your attention'} />
      <form className="wp-inline-form" onSubmit={(e) => e.preventDefault()} aria-label="Choose what to look at">
        <Select id="homeServiceArea" label="Show" value={serviceArea} onChange={setServiceArea}
          hint={manager ? 'Managers see their whole service area.' : undefined}
          options={[{ value: '', text: 'What I lead and own' }, ...SERVICE_AREAS.map((a) => ({ value: a, text: `All of ${a}` }))]} />
      </form>
      <ul className="wp-counts" aria-label="Counts">
        <Count n={overdue.data?.total} what="overdue actions" to={`/actions${query({ ...scope, status: 'OVERDUE' })}`} />
        <Count n={atRisk.data?.total} what="actions at risk" to={`/actions${query({ ...scope, status: 'AT_RISK' })}`} />
        <Count n={dueSoon.data?.total} what="due in 30 days" to={`/actions${query({ ...scope, dueAfter: isoDate(new Date()), dueBefore: isoDate(soon) })}`} />
        <Count n={red.data?.total} what="red indicators" to={`/indicators${query({ ...ownerScope, status: 'RED' })}`} />
        <Count n={risks.data?.total} what="risks due for review" to={`/risks${query({ ...ownerScope, reviewOverdue: 'true' })}`} />
      </ul>
      <ApiErrorSummary error={overdue.error ?? red.error ?? risks.error} />
      <h2 className="govuk-heading-m">Overdue and at-risk actions</h2>
      {overdue.data && atRisk.data && overdue.data.total + atRisk.data.total === 0
        ? <Empty>No overdue or at-risk actions for {who}.</Empty>
        : <ActionTable actions={[...(overdue.data?.items ?? []), ...(atRisk.data?.items ?? [])]} caption="Overdue first, then at risk" />}
      <h2 className="govuk-heading-m">Due in the next 30 days</h2>
      {dueSoon.data && dueSoon.data.total === 0 ? <Empty>Nothing due in the next 30 days for {who}.</Empty>
        : <ActionTable actions={dueSoon.data?.items ?? []} caption="Soonest first" />}
      <h2 className="govuk-heading-m">Red and late indicators</h2>
      {red.error || late.error ? <p className="govuk-body">Indicators could not be read just now.</p>
        : (red.data?.total ?? 0) + (late.data?.total ?? 0) === 0 ? <Empty>No red or late indicators for {who}.</Empty> : (
          <ul className="govuk-list">
            {[...(red.data?.items ?? []), ...(late.data?.items ?? [])].map((i) => (
              <li key={i.id}><Tag status={i.asAt.status} text={i.asAt.statusLabel} />{' '}
                <Link className="govuk-link" to={`/indicators/${i.id}`}>{i.code} {i.name}</Link>
                {i.asAt.period ? ` (${i.asAt.period})` : ''}</li>
            ))}
          </ul>
        )}
      <h2 className="govuk-heading-m">Risks due for review</h2>
      {risks.error ? <p className="govuk-body">Risks could not be read just now.</p>
        : risks.data && risks.data.total === 0 ? <Empty>No risks overdue for review for {who}.</Empty> : (
          <ul className="govuk-list">
            {(risks.data?.items ?? []).map((r) => (
              <li key={r.id}><Tag status={r.current?.band} /> <Link className="govuk-link" to={`/risks/${r.id}`}>{r.code} {r.title}</Link>,
                review was due {formatDate(r.nextReviewDue)}</li>
            ))}
          </ul>
        )}
      <h2 className="govuk-heading-m">Alerts</h2>
      {alerts.error ? <p className="govuk-body">{alerts.error.status === 403 ? 'Alerts sent are shown to managers and officers.' : 'Alerts could not be read just now.'}</p>
        : alertItems.length === 0 ? <Empty>No alerts.</Empty> : (
          <ul className="govuk-list">
            {alertItems.map((a) => <li key={a.id}>{a.subject} <span className="govuk-hint wp-hint-inline">({formatDate(a.raisedAt)})</span></li>)}
          </ul>
        )}
      <p className="govuk-body"><Link className="govuk-link" to="/notifications">All alerts and preferences</Link></p>
    </>
  );
}
