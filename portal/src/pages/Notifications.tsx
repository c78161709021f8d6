import { formatDateTime, Empty, Loading, Tag, ApiErrorSummary } from '../components/govuk';
import { PageTitle } from '../components/Layout';
import { useApi } from '../useApi';
import type { Alert, Page } from '../types';

/** Alerts: what Waypoint emailed, newest first. */
export function NotificationsPage() {
  const alerts = useApi<Alert[] | Page<Alert>>('/api/notifications?limit=100');
  const items = alerts.data ? (Array.isArray(alerts.data) ? alerts.data : alerts.data.items) : [];
  return (
    <>
      <PageTitle title="Notifications" />
      {alerts.error?.status === 403
        ? <Empty>The list of alerts sent is shown to managers, officers, auditors and admins. Your own alerts arrive by email.</Empty>
        : <ApiErrorSummary error={alerts.error} />}
      {alerts.loading && !alerts.data && <Loading what="alerts" />}
      {alerts.data && items.length === 0 && <Empty>No alerts yet.</Empty>}
      {items.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{items.length} alerts, newest first</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Alert</th>
            <th scope="col" className="govuk-table__header">To</th>
            <th scope="col" className="govuk-table__header">Raised</th>
            <th scope="col" className="govuk-table__header">Email</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {items.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">{a.read === false ? <strong>{a.subject}</strong> : a.subject}{a.read === false ? ' (unread)' : ''}</td>
                <td className="govuk-table__cell">{a.recipientEmail}</td>
                <td className="govuk-table__cell">{formatDateTime(a.raisedAt)}</td>
                <td className="govuk-table__cell"><Tag status={a.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
