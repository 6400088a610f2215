import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { AccountSwitcher } from '../features/accounts/account-switcher.tsx';
import { ProcessListPage } from '../features/processes/process-list-page.tsx';
import { processQuery } from '../features/processes/process-queries.ts';
import { hrefFor, navigate, type Route, useRoute } from '../lib/router.ts';
import { ThemeMenu } from '../theme/theme-menu.tsx';
import { Toaster } from '../ui/toast.tsx';
import { TooltipProvider } from '../ui/tooltip.tsx';

// Every page but the first one a user sees is loaded when it is opened: the designer
// (React Flow, ELK, the forms) and the other pages stay out of the entry chunk.
const AccountsPage = lazy(() =>
  import('../features/accounts/accounts-page.tsx').then((m) => ({ default: m.AccountsPage })),
);
const ComparePage = lazy(() =>
  import('../features/compare/compare-page.tsx').then((m) => ({ default: m.ComparePage })),
);
const ConnectionsPage = lazy(() =>
  import('../features/connections/connections-page.tsx').then((m) => ({
    default: m.ConnectionsPage,
  })),
);
const DeploymentsPage = lazy(() =>
  import('../features/deployments/deployments-page.tsx').then((m) => ({
    default: m.DeploymentsPage,
  })),
);
const loadDesigner = () =>
  import('../features/designer/designer-page.tsx').then((m) => ({ default: m.DesignerPage }));
const DesignerPage = lazy(loadDesigner);
const RunComparePage = lazy(() =>
  import('../features/run-compare/run-compare-page.tsx').then((m) => ({
    default: m.RunComparePage,
  })),
);
const RevisionsPage = lazy(() =>
  import('../features/revisions/revisions-page.tsx').then((m) => ({ default: m.RevisionsPage })),
);

function NavLink({ route, children }: { route: Route; children: string }) {
  return (
    <a
      href={hrefFor(route)}
      onClick={(e) => {
        e.preventDefault();
        navigate(route);
      }}
    >
      {children}
    </a>
  );
}

/**
 * Opened on a process, the app asks for the designer's code and the process at once,
 * side by side, before its first render. Left to the page, the process was asked for
 * only once the code had loaded and rendered, one round trip and a render later.
 */
export function prefetchFor(route: Route, client: QueryClient): void {
  if (route.page === 'designer') {
    void loadDesigner();
    void client.prefetchQuery(processQuery(route.processId));
  }
}

/** The app's shell; `queryClient` is made once per page load (main.tsx), or per test. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const route = useRoute();
  return (
    <QueryClientProvider client={queryClient}>
      <TooltipProvider>
        <Toaster>
          <div className="app">
            <nav className="app__nav" aria-label="Main">
              <span className="app__brand">Junction</span>
              <NavLink route={{ page: 'processes' }}>Processes</NavLink>
              <NavLink route={{ page: 'connections' }}>Connections</NavLink>
              <NavLink route={{ page: 'deployments' }}>Deployments</NavLink>
              <NavLink route={{ page: 'accounts' }}>Accounts</NavLink>
              <AccountSwitcher />
              <ThemeMenu />
            </nav>
            <Suspense fallback={<p className="hint">Loading…</p>}>
              {route.page === 'processes' && <ProcessListPage />}
              {route.page === 'connections' && <ConnectionsPage />}
              {route.page === 'deployments' && <DeploymentsPage />}
              {route.page === 'accounts' && <AccountsPage />}
              {route.page === 'designer' && <DesignerPage processId={route.processId} />}
              {route.page === 'compare' && <ComparePage processId={route.processId} />}
              {route.page === 'run-compare' && (
                <RunComparePage
                  key={`${route.before}:${route.after}`}
                  processId={route.processId}
                  before={route.before}
                  after={route.after}
                />
              )}
              {route.page === 'revisions' && (
                <RevisionsPage
                  key={route.processId}
                  processId={route.processId}
                  {...(route.revision === undefined ? {} : { revision: route.revision })}
                />
              )}
            </Suspense>
          </div>
        </Toaster>
      </TooltipProvider>
    </QueryClientProvider>
  );
}
