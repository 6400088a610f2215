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
import { type Choice, SelectField } from './forms/fields.tsx';
import { ImportOperation } from './import-operation.tsx';
import { ParametersEditor } from './parameters-editor.tsx';

const OBJECTS = Object.entries(CONNECT_OBJECTS) as [keyof typeof CONNECT_OBJECTS, string][];
const ACTIONS = Object.entries(CONNECT_ACTIONS) as [keyof typeof CONNECT_ACTIONS, string][];
const TRACKING_DIRECTIONS: readonly Choice<ConnectorOperation['trackingDirection']>[] = [
  { value: 'input', label: 'Input Documents' },
  { value: 'output', label: 'Output Documents' },
];

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
      <SelectField
        label="Connection"
        value={operation.connectionId}
        onChange={(connectionId) => set({ connectionId })}
        choices={[
          { value: '', label: 'Choose a connection…' },
          ...(connections.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.name}${c.kind === 'sandbox' ? ' (built-in sandbox)' : ''}`,
          })),
        ]}
      />
      <FieldIssues issues={issues} field="connectionId" />
      <SelectField
        label="Connector Action"
        value={operation.action}
        onChange={(action) =>
          set({
            action,
            trackingDirection: action === 'list' || action === 'get' ? 'output' : 'input',
          })
        }
        choices={[
          { value: '', label: 'Choose an action…' },
          ...actions.map(([value, label]) => ({ value, label })),
        ]}
      />
      <FieldIssues issues={issues} field="action" />
      <SelectField
        label="Object"
        value={operation.object}
        onChange={(object) => set({ object })}
        choices={[
          { value: '', label: 'Choose an object…' },
          ...objects.map(([value, label]) => ({ value, label })),
        ]}
      />
      <FieldIssues issues={issues} field="object" />
      <ImportOperation operation={operation} onImport={(patch) => set(patch)} />
      {operation.responseProfile && (
        <p className="hint">
          Response profile: {Object.keys(operation.responseProfile.properties ?? {}).length}{' '}
          top-level fields.
        </p>
      )}
      <SelectField
        label="Tracking Direction"
        value={operation.trackingDirection}
        onChange={(trackingDirection) => set({ trackingDirection })}
        choices={TRACKING_DIRECTIONS}
      />
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
