import { useQuery } from '@tanstack/react-query';
import { deploymentsQuery } from '../../deployments/deployment-queries.ts';
import { useEditor } from '../store/editor-context.ts';

/** Where the deployed process listens: one URL per environment it is deployed to. */
export function ListenerUrls({ path }: { path: string }) {
  const processId = useEditor((s) => s.document.id);
  const deployments = useQuery(deploymentsQuery);
  const mine = (deployments.data ?? []).filter((d) => d.processId === processId);
  return (
    <section aria-label="Listener URLs" className="listener-urls">
      <h4>Listener URLs</h4>
      {mine.length === 0 ? (
        <p className="hint">Not deployed: it listens once deployed to an environment.</p>
      ) : (
        <ul>
          {mine.map((d) => (
            <li key={d.id}>
              <span>{d.environmentId}</span>{' '}
              <code>{`${window.location.origin}/api/listen/${d.environmentId}/${path}`}</code>{' '}
              <span className="hint">(revision {d.revision})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
