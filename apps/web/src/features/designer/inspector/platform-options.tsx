import {
  ACCOUNT_OVERRIDE_PROPERTY,
  isInboundPlatformAction,
  PLATFORM_ACTIONS,
  PLATFORM_EXECUTE_ACTIONS,
  PLATFORM_OBJECT_ACTIONS,
  PLATFORM_OBJECT_EXECUTE_ACTIONS,
  PLATFORM_OBJECTS,
  type PlatformAction,
  type PlatformObject,
  type PlatformOperation,
  type ValidationIssue,
} from '@junction/process-model';
import { useQuery } from '@tanstack/react-query';
import { connectionsQuery } from '../../connections/connection-queries.ts';
import { FieldIssues } from './field-issues.tsx';
import { CheckboxField, type Choice, SelectField, TextField } from './forms/fields.tsx';
import { ParametersEditor } from './parameters-editor.tsx';
import { QueryFilterEditor } from './query-filter-editor.tsx';

const OBJECTS = Object.entries(PLATFORM_OBJECTS) as [PlatformObject, string][];
const ACTIONS = Object.entries(PLATFORM_ACTIONS) as [PlatformAction, string][];
const TRACKING: readonly Choice<PlatformOperation['trackingDirection']>[] = [
  { value: 'input', label: 'Input Documents' },
  { value: 'output', label: 'Output Documents' },
];

const objectActions = (object: string): readonly PlatformAction[] | undefined =>
  Object.hasOwn(PLATFORM_OBJECT_ACTIONS, object)
    ? PLATFORM_OBJECT_ACTIONS[object as PlatformObject]
    : undefined;

const executeActionsOf = (object: string) =>
  Object.hasOwn(PLATFORM_OBJECT_EXECUTE_ACTIONS, object)
    ? PLATFORM_OBJECT_EXECUTE_ACTIONS[object as PlatformObject]
    : [];

/** Keeps the dependent fields right when the action or object changes. */
function reconcile(op: PlatformOperation): PlatformOperation {
  const executes = executeActionsOf(op.object);
  const executeAction =
    op.action !== 'execute'
      ? ''
      : executes.includes(op.executeAction as never)
        ? op.executeAction
        : (executes[0] ?? '');
  return { ...op, executeAction, filter: op.action === 'query' ? op.filter : null };
}

/**
 * The Junction Platform API operation (Boomi's Partner API connector): Connection,
 * Connector Action, Object (valid pairs only), Execute action, Account ID, Tracking
 * Direction, Return Application Error Responses, Parameters and the Query filter.
 */
export function PlatformOptions({
  operation,
  issues,
  onChange,
  onCommit,
  inboundOnly = false,
}: {
  operation: PlatformOperation;
  issues: readonly ValidationIssue[];
  onChange: (next: PlatformOperation, commit: boolean) => void;
  onCommit: () => void;
  inboundOnly?: boolean;
}) {
  const connections = useQuery(connectionsQuery).data ?? [];
  const platformConnections = connections.filter((c) => c.kind === 'junction-platform');
  const offered = platformConnections.length > 0 ? platformConnections : connections;
  const allowed = objectActions(operation.object);
  const actions = ACTIONS.filter(
    ([id]) => (!allowed || allowed.includes(id)) && (!inboundOnly || isInboundPlatformAction(id)),
  );
  const objects = OBJECTS.filter(([id]) => PLATFORM_OBJECT_ACTIONS[id].includes(operation.action));
  const executes = executeActionsOf(operation.object);
  const set = (patch: Partial<PlatformOperation>, commit = true) =>
    onChange(reconcile({ ...operation, ...patch }), commit);

  return (
    <div className="connector-options">
      <SelectField
        label="Connection"
        value={operation.connectionId}
        choices={[
          { value: '', label: 'Choose a connection…' },
          ...offered.map((c) => ({ value: c.id, label: c.name })),
        ]}
        onChange={(connectionId) => set({ connectionId })}
        issues={issues}
        field="connectionId"
      />
      <SelectField
        label="Connector Action"
        value={operation.action}
        choices={actions.map(([value, label]) => ({ value, label }))}
        onChange={(action) =>
          set({ action, trackingDirection: isInboundPlatformAction(action) ? 'output' : 'input' })
        }
        issues={issues}
        field="action"
      />
      <SelectField
        label="Object"
        value={operation.object}
        choices={[
          { value: '', label: 'Choose an object…' },
          ...objects.map(([value, label]) => ({ value, label })),
        ]}
        onChange={(object) => set({ object })}
        issues={issues}
        field="object"
      />
      {operation.action === 'execute' && (
        <SelectField
          label="Execute action"
          value={operation.executeAction}
          choices={[
            { value: '', label: 'Choose what to execute…' },
            ...executes.map((value) => ({ value, label: PLATFORM_EXECUTE_ACTIONS[value] })),
          ]}
          onChange={(executeAction) => set({ executeAction })}
          issues={issues}
          field="executeAction"
        />
      )}
      <TextField
        label="Account ID"
        value={operation.accountId}
        placeholder="the connection’s own account"
        onChange={(accountId) => set({ accountId }, false)}
        onCommit={onCommit}
        issues={issues}
        field="accountId"
      />
      <p className="hint">
        A dynamic process property <code>{ACCOUNT_OVERRIDE_PROPERTY}</code> set earlier (Set
        Properties) overrides it.
      </p>
      <SelectField
        label="Tracking Direction"
        value={operation.trackingDirection}
        choices={TRACKING}
        onChange={(trackingDirection) => set({ trackingDirection })}
      />
      <fieldset>
        <legend>Error Behavior</legend>
        <CheckboxField
          label="Return Application Error Responses"
          checked={operation.returnApplicationErrors}
          onChange={(returnApplicationErrors) => set({ returnApplicationErrors })}
        />
      </fieldset>
      <ParametersEditor
        parameters={operation.parameters}
        onChange={(parameters) => set({ parameters }, false)}
        onCommit={onCommit}
        hint="No parameters. Get, Update and Delete read “id”; a filter value {name} reads parameter name; other parameters become fields of the request."
      />
      <FieldIssues issues={issues} field="parameters" />
      {operation.action === 'query' && (
        <QueryFilterEditor
          filter={operation.filter}
          issues={issues}
          onChange={(filter, commit) => set({ filter }, commit)}
          onCommit={onCommit}
        />
      )}
    </div>
  );
}
