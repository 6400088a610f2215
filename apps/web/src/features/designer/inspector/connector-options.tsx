import {
  CONNECT_ACTIONS,
  CONNECT_OBJECT_ACTIONS,
  CONNECT_OBJECTS,
  type ConnectorOperation,
  connectOperationParameters,
  type ValidationIssue,
} from '@junction/process-model';
import { useQuery } from '@tanstack/react-query';
import { connectionsQuery } from '../../connections/connection-queries.ts';
import { FieldIssues } from './field-issues.tsx';
import { ImportOperation } from './import-operation.tsx';
import { ParametersEditor } from './parameters-editor.tsx';

const OBJECTS = Object.entries(CONNECT_OBJECTS) as [keyof typeof CONNECT_OBJECTS, string][];
const ACTIONS = Object.entries(CONNECT_ACTIONS) as [keyof typeof CONNECT_ACTIONS, string][];

/**
 * The connector operation: Connection, Connector Action, Object (only valid pairs
 * are offered), Tracking Direction, Error Behavior and Parameters.
 */
export function ConnectorOptions({
  operation,
  issues,
  onChange,
  onCommit,
  inboundOnly = false,
}: {
  operation: ConnectorOperation;
  issues: readonly ValidationIssue[];
  onChange: (next: ConnectorOperation, commit: boolean) => void;
  onCommit: () => void;
  inboundOnly?: boolean;
}) {
  const connections = useQuery(connectionsQuery);
  const objectActions = operation.object
    ? CONNECT_OBJECT_ACTIONS[operation.object as keyof typeof CONNECT_OBJECTS]
    : undefined;
  const actions = ACTIONS.filter(
    ([id]) =>
      (!objectActions || objectActions.includes(id)) &&
      (!inboundOnly || id === 'list' || id === 'get'),
  );
  const objects = OBJECTS.filter(
    ([id]) => !operation.action || CONNECT_OBJECT_ACTIONS[id].includes(operation.action as never),
  );
  const set = (patch: Partial<ConnectorOperation>, commit = true) =>
    onChange({ ...operation, ...patch }, commit);

  return (
    <div className="connector-options">
      <label>
        Connection
        <select
          value={operation.connectionId}
          onChange={(e) => set({ connectionId: e.target.value })}
        >
          <option value="">Choose a connection…</option>
          {(connections.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.kind === 'sandbox' ? ' (built-in sandbox)' : ''}
            </option>
          ))}
        </select>
      </label>
      <FieldIssues issues={issues} field="connectionId" />
      <label>
        Connector Action
        <select
          value={operation.action}
          onChange={(e) =>
            set({
              action: e.target.value,
              trackingDirection:
                e.target.value === 'list' || e.target.value === 'get' ? 'output' : 'input',
            })
          }
        >
          <option value="">Choose an action…</option>
          {actions.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <FieldIssues issues={issues} field="action" />
      <label>
        Object
        <select value={operation.object} onChange={(e) => set({ object: e.target.value })}>
          <option value="">Choose an object…</option>
          {objects.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <FieldIssues issues={issues} field="object" />
      <ImportOperation operation={operation} onImport={(patch) => set(patch)} />
      {operation.responseProfile && (
        <p className="hint">
          Response profile: {Object.keys(operation.responseProfile.properties ?? {}).length}{' '}
          top-level fields.
        </p>
      )}
      <label>
        Tracking Direction
        <select
          value={operation.trackingDirection}
          onChange={(e) =>
            set({ trackingDirection: e.target.value as ConnectorOperation['trackingDirection'] })
          }
        >
          <option value="input">Input Documents</option>
          <option value="output">Output Documents</option>
        </select>
      </label>
      <fieldset>
        <legend>Error Behavior</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={operation.returnApplicationErrors}
            onChange={(e) => set({ returnApplicationErrors: e.target.checked })}
          />
          Return Application Error Responses
        </label>
      </fieldset>
      <ParametersEditor
        parameters={operation.parameters}
        onChange={(parameters) => set({ parameters }, false)}
        onCommit={onCommit}
        suggestions={
          connectOperationParameters(operation.action, operation.object)?.named.map(
            (p) => p.name,
          ) ?? []
        }
      />
      <FieldIssues issues={issues} field="name" />
      <FieldIssues issues={issues} field="parameters" />
    </div>
  );
}
