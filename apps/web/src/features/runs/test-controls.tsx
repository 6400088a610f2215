import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { connectionsQuery } from '../connections/connection-queries.ts';
import { testInputQuery } from './run-queries.ts';

/**
 * Test: the connection to run against (the sandbox by default; live ones are
 * marked), the pinned test input, the run history, and the Test button.
 */
export function TestControls({
  processId,
  dirty,
  testing,
  onTest,
  onEditInput,
  onHistory,
}: {
  processId: string;
  dirty: boolean;
  testing: boolean;
  onTest: (connectionId: string, usePinnedInput: boolean) => void;
  onEditInput: () => void;
  onHistory: () => void;
}) {
  const connections = useQuery(connectionsQuery);
  const pinned = useQuery(testInputQuery(processId));
  const [connectionId, setConnectionId] = useState('sandbox');
  const [usePinned, setUsePinned] = useState(true);
  const chosen = connections.data?.find((c) => c.id === connectionId);
  const pinnedCount = pinned.data?.length ?? 0;
  return (
    <>
      <span className="toolbar__spacer" />
      <label className="toolbar__connection">
        Test against
        <select value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
          {(connections.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.kind === 'sandbox' ? `${c.name} (sandbox)` : `${c.name} (LIVE)`}
            </option>
          ))}
        </select>
      </label>
      {chosen && chosen.kind !== 'sandbox' && (
        <span className="live-warning">Live Connect: real data will change</span>
      )}
      {pinnedCount > 0 && (
        <label className="checkbox toolbar__connection">
          <input
            type="checkbox"
            checked={usePinned}
            onChange={(e) => setUsePinned(e.target.checked)}
          />
          Use pinned input ({pinnedCount})
        </label>
      )}
      <button type="button" onClick={onEditInput}>
        Test input…
      </button>
      <button type="button" onClick={onHistory}>
        Test runs
      </button>
      {dirty && <span className="hint">Runs the unsaved version</span>}
      <button
        type="button"
        className="primary"
        onClick={() => onTest(connectionId, usePinned && pinnedCount > 0)}
        // Until the pinned input is known, a click could silently run without it.
        disabled={testing || pinned.isPending}
      >
        Test
      </button>
    </>
  );
}
