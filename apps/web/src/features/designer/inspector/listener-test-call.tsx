import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { describeApiError } from '../../../lib/api-issues.ts';
import { useEditor, useEditorStoreApi } from '../store/editor-context.ts';
import {
  closeTestListenerRequest,
  openTestListenerRequest,
  testListenerQuery,
} from './listener-queries.ts';

/**
 * Test mode for a listener: a temporary URL takes one call, which becomes a test
 * run of the process as it is on screen, shown on the canvas like any test run.
 */
export function ListenerTestCall() {
  const store = useEditorStoreApi();
  const processId = useEditor((s) => s.document.id);
  const [token, setToken] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: () => openTestListenerRequest(store.getState().document),
    onSuccess: (view) => setToken(view.token),
  });
  const followed = useQuery({
    ...testListenerQuery(processId, token ?? ''),
    enabled: token !== null,
  });
  const test = followed.data;
  const runId = test?.status === 'received' ? test.runId : null;
  useEffect(() => {
    if (runId) {
      store.getState().showRun(runId);
    }
  }, [runId, store]);
  const stop = () => {
    if (token) {
      void closeTestListenerRequest(processId, token).catch(() => undefined);
    }
    setToken(null);
  };
  const listening = token !== null && test?.status !== 'received' && test?.status !== 'expired';
  return (
    <section aria-label="Test call" className="listener-test">
      {listening ? (
        <button type="button" onClick={stop}>
          Stop listening
        </button>
      ) : (
        <button type="button" disabled={open.isPending} onClick={() => open.mutate()}>
          Listen for a test call
        </button>
      )}
      <div role="status" aria-live="polite">
        {open.isError && <p>Could not listen: {describeApiError(open.error)}</p>}
        {listening && test && (
          <p>
            Listening for a test call… Send {test.method} to{' '}
            <code>{`${window.location.origin}${test.url}`}</code> before{' '}
            {new Date(test.expiresAt).toLocaleTimeString()}.
          </p>
        )}
        {test?.status === 'received' && <p>Test call received: its run is on the canvas.</p>}
        {test?.status === 'expired' && <p>The test URL expired without a call.</p>}
      </div>
    </section>
  );
}
