import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './theme/tokens.css';
import './styles.css';
import './ui/ui.css';
import { App, prefetchFor } from './app/app.tsx';
import { createQueryClient } from './app/query-client.ts';
import { parseRoute } from './lib/router.ts';
import { startTheme } from './theme/theme-preference.ts';

startTheme();

const root = document.getElementById('root');
if (root) {
  // Once per page load, outside render: StrictMode renders twice in development.
  const queryClient = createQueryClient();
  prefetchFor(parseRoute(window.location.pathname), queryClient);
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
