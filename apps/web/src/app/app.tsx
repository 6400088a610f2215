import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AccountSwitcher } from '../features/accounts/account-switcher.tsx';
import { AccountsPage } from '../features/accounts/accounts-page.tsx';
import { ComparePage } from '../features/compare/compare-page.tsx';
import { ConnectionsPage } from '../features/connections/connections-page.tsx';
import { DeploymentsPage } from '../features/deployments/deployments-page.tsx';
import { DesignerPage } from '../features/designer/designer-page.tsx';
import { ProcessListPage } from '../features/processes/process-list-page.tsx';
import { RevisionsPage } from '../features/revisions/revisions-page.tsx';
import { hrefFor, navigate, type Route, useRoute } from '../lib/router.ts';
import { createQueryClient } from './query-client.ts';

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

export function App() {
  const [queryClient] = useState(createQueryClient);
  const route = useRoute();
  return (
    <QueryClientProvider client={queryClient}>
      <div className="app">
        <nav className="app__nav" aria-label="Main">
          <span className="app__brand">Junction</span>
          <NavLink route={{ page: 'processes' }}>Processes</NavLink>
          <NavLink route={{ page: 'connections' }}>Connections</NavLink>
          <NavLink route={{ page: 'deployments' }}>Deployments</NavLink>
          <NavLink route={{ page: 'accounts' }}>Accounts</NavLink>
          <AccountSwitcher />
        </nav>
        {route.page === 'processes' && <ProcessListPage />}
        {route.page === 'connections' && <ConnectionsPage />}
        {route.page === 'deployments' && <DeploymentsPage />}
        {route.page === 'accounts' && <AccountsPage />}
        {route.page === 'designer' && <DesignerPage processId={route.processId} />}
        {route.page === 'compare' && <ComparePage processId={route.processId} />}
        {route.page === 'revisions' && (
          <RevisionsPage
            key={route.processId}
            processId={route.processId}
            {...(route.revision === undefined ? {} : { revision: route.revision })}
          />
        )}
      </div>
    </QueryClientProvider>
  );
}
