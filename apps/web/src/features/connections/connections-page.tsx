import type { ConnectionView } from '@junction/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Select } from '../../ui/select.tsx';
import {
  connectionKeys,
  connectionsQuery,
  createConnectionRequest,
  deleteConnectionRequest,
  resetSandboxRequest,
  testConnectionRequest,
  updateConnectionRequest,
} from './connection-queries.ts';

/** The connectors a connection can be for. */
const CONNECTOR_KINDS = [
  { value: 'cloudblue-connect', label: 'CloudBlue Connect' },
  { value: 'junction-platform', label: 'Junction Platform API (Partner API connector)' },
] as const;

/**
 * Connect connections: endpoint and API token. The token is write-only: the form
 * never shows a stored one, and leaving it empty on edit keeps the stored token.
 */
export function ConnectionsPage() {
  const queryClient = useQueryClient();
  const connections = useQuery(connectionsQuery);
  const [editing, setEditing] = useState<ConnectionView | null>(null);
  const [results, setResults] = useState<Record<string, { ok: boolean; message: string }>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: connectionKeys.all });
  const test = useMutation({
    mutationFn: testConnectionRequest,
    onSuccess: (result, id) => setResults((r) => ({ ...r, [id]: result })),
    onError: (error, id) =>
      setResults((r) => ({ ...r, [id]: { ok: false, message: error.message } })),
  });
  const remove = useMutation({
    mutationFn: deleteConnectionRequest,
    onSuccess: () => void refresh(),
  });
  const reset = useMutation({
    mutationFn: resetSandboxRequest,
    onSuccess: () =>
      setResults((r) => ({
        ...r,
        sandbox: { ok: true, message: 'Sandbox reset to its seed data.' },
      })),
    onError: (error) =>
      setResults((r) => ({ ...r, sandbox: { ok: false, message: error.message } })),
  });

  return (
    <main className="page">
      <h1>Connections</h1>
      {connections.isSuccess && !connections.data.some((c) => c.kind !== 'sandbox') && (
        <p className="empty-state" role="status">
          {connections.data.length === 0
            ? 'No connections yet.'
            : 'Only the built-in sandbox so far: processes can be designed and tested against it.'}{' '}
          To reach your own CloudBlue Connect account, add a connection below with its API endpoint
          and token.
        </p>
      )}
      <ul className="connection-list">
        {(connections.data ?? []).map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong>{' '}
            <span className="hint">
              {c.kind === 'sandbox'
                ? 'built-in sandbox'
                : c.kind === 'junction-platform'
                  ? 'Junction Platform API'
                  : c.endpoint}
            </span>
            <span className="masked" title="The API token is write-only and never shown">
              token ••••••••
            </span>
            <button type="button" onClick={() => test.mutate(c.id)}>
              Test {c.name}
            </button>
            {c.kind === 'sandbox' && (
              <button type="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
                Reset sandbox
              </button>
            )}
            {c.kind !== 'sandbox' && (
              <>
                <button type="button" onClick={() => setEditing(c)}>
                  Edit {c.name}
                </button>
                <button type="button" onClick={() => remove.mutate(c.id)}>
                  Delete {c.name}
                </button>
              </>
            )}
            {results[c.id] && (
              <span role="status" className={results[c.id]?.ok ? 'is-ok' : 'is-error'}>
                {results[c.id]?.message}
              </span>
            )}
          </li>
        ))}
      </ul>
      <ConnectionForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onDone={() => {
          setEditing(null);
          void refresh();
        }}
      />
    </main>
  );
}

function ConnectionForm({
  editing,
  onDone,
}: {
  editing: ConnectionView | null;
  onDone: () => void;
}) {
  const [name, setName] = useState(editing?.name ?? '');
  const [endpoint, setEndpoint] = useState(
    editing?.endpoint ?? 'https://api.connect.cloudblue.com/public/v1',
  );
  const [token, setToken] = useState('');
  const [kind, setKind] = useState<'cloudblue-connect' | 'junction-platform'>(
    editing?.kind === 'junction-platform' ? 'junction-platform' : 'cloudblue-connect',
  );
  const kindId = useId();
  const platform = kind === 'junction-platform';
  const save = useMutation({
    mutationFn: () =>
      editing
        ? updateConnectionRequest(editing.id, { name, endpoint, ...(token ? { token } : {}) })
        : createConnectionRequest(
            platform ? { name, kind, token } : { name, kind, endpoint, token },
          ),
    onSuccess: () => {
      setToken('');
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form
      className="connection-form"
      onSubmit={submit}
      aria-label={editing ? `Edit ${editing.name}` : 'New connection'}
    >
      <h2>{editing ? `Edit ${editing.name}` : 'New connection'}</h2>
      {!editing && (
        <label htmlFor={kindId}>
          Connector
          <Select id={kindId} value={kind} onChange={setKind} choices={CONNECTOR_KINDS} />
        </label>
      )}
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      {!platform && (
        <label>
          API endpoint
          <input value={endpoint} onChange={(e) => setEndpoint(e.target.value)} required />
        </label>
      )}
      <label>
        API token
        <input
          type="password"
          autoComplete="off"
          value={token}
          placeholder={
            editing
              ? 'Leave empty to keep the stored token (a new host needs it again)'
              : platform
                ? 'jct_… (from Accounts → API tokens)'
                : 'ApiKey SU-…:…'
          }
          onChange={(e) => setToken(e.target.value)}
          required={!editing}
        />
      </label>
      {save.isError && (
        <p role="alert" className="banner is-error">
          {save.error.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending}>
        {editing ? 'Save connection' : 'Create connection'}
      </button>
    </form>
  );
}
