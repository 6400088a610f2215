import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Select } from '../../ui/select.tsx';
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
      <span className="toolbar__connection">
        {/* Beside the select, not around it: a kit select inside its label would be
            named by the chosen connection too. */}
        <label htmlFor="test-connection">Test against</label>
        <Select
          id="test-connection"
          value={connectionId}
          onChange={setConnectionId}
          choices={(connections.data ?? []).map((c) => ({
            value: c.id,
            label: c.kind === 'sandbox' ? `${c.name} (sandbox)` : `${c.name} (LIVE)`,
          }))}
        />
      </span>
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
