import { createHashRouter, Outlet, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { SessionProvider } from './session';
import { HomePage } from './pages/Home';
import { ActionPage, ActionsPage, ImportActionsPage, PlanPage, PlansPage } from './pages/Actions';
import { AccessibilityPage, NotFoundPage } from './pages/Misc';
import { IndicatorPage, IndicatorsPage } from './pages/Indicators';
import { ImportRiskRegisterPage, RiskPage, RisksPage } from './pages/Risks';
import { BudgetsPage } from './pages/Budgets';
import { ImportBudgetPage } from './pages/BudgetImport';
import { ReportPage } from './pages/Report';
import { NotificationsPage } from './pages/Notifications';

function Frame() {
  return <Layout><Outlet /></Layout>;
}

// Hash routes (/#/plans/...): the gateway serves one index.html, whatever the route (ADR 0051).
const router = createHashRouter([
  {
    element: <Frame />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/plans', element: <PlansPage /> },
      { path: '/plans/:id', element: <PlanPage /> },
      { path: '/actions', element: <ActionsPage /> },
      { path: '/actions/import', element: <ImportActionsPage /> },
      { path: '/actions/:id', element: <ActionPage /> },
      { path: '/indicators', element: <IndicatorsPage /> },
      { path: '/indicators/:id', element: <IndicatorPage /> },
      { path: '/risks', element: <RisksPage /> },
      { path: '/risks/registers/:id/import', element: <ImportRiskRegisterPage /> },
      { path: '/risks/:id', element: <RiskPage /> },
      { path: '/budgets', element: <BudgetsPage /> },
      { path: '/budgets/import', element: <ImportBudgetPage /> },
      { path: '/report', element: <ReportPage /> },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/accessibility', element: <AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <SessionProvider><RouterProvider router={router} /></SessionProvider>;
}
