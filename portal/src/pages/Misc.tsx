import { Link } from 'react-router';
import { PageTitle } from '../components/Layout';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found" />
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body"><Link className="govuk-link" to="/">Go to the home page</Link></p>
    </>
  );
}

export function AccessibilityPage() {
  return (
    <>
      <PageTitle title="Accessibility" />
      <p className="govuk-body">Waypoint’s portal is built with GOV.UK Frontend. Every page is checked with axe-core in a
        real browser by the end-to-end tests, and works with a keyboard alone. Status is always shown in words as well as colour;
        every chart has a table with the same figures.</p>
    </>
  );
}
