import type { BrowseResult } from '@junction/api';
import {
  CONNECT_OBJECT_ACTIONS,
  CONNECT_OBJECTS,
  type ConnectorOperation,
  type JsonSchemaProfile,
} from '@junction/process-model';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api.ts';
import { DataViewer } from '../../runs/json-view.tsx';
import { SelectField } from './forms/fields.tsx';

const LISTABLE = (
  Object.entries(CONNECT_OBJECTS) as [keyof typeof CONNECT_OBJECTS, string][]
).filter(([id]) => CONNECT_OBJECT_ACTIONS[id].includes('list'));

function fieldCount(profile: JsonSchemaProfile | null): number {
  if (!profile) {
    return 0;
  }
  return Object.values(profile.properties ?? {}).reduce(
    (n, p) => n + 1 + fieldCount(p),
    profile.items ? fieldCount(profile.items) : 0,
  );
}

/**
 * Import Operation, as in Boomi: browse the chosen connection's objects (the
 * server reads one real record with the stored token) and keep the response
 * profile generated from it, so later shapes can map its fields.
 */
export function ImportOperation({
  operation,
  onImport,
}: {
  operation: ConnectorOperation;
  onImport: (patch: Partial<ConnectorOperation>) => void;
}) {
  const [open, setOpen] = useState(false);
  const [object, setObject] = useState(operation.object || 'request');
  const browse = useMutation({
    mutationFn: async () =>
      (
        await api<BrowseResult>(
          `/api/connections/${encodeURIComponent(operation.connectionId)}/browse`,
          {
            method: 'POST',
            body: { object },
          },
        )
      ).data,
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} disabled={operation.connectionId === ''}>
        Import Operation…
      </button>
    );
  }
  const result = browse.data;
  return (
    <section className="import-operation" aria-label="Import Operation">
      <SelectField
        label="Object to browse"
        value={object}
        onChange={setObject}
        choices={LISTABLE.map(([value, label]) => ({ value, label }))}
      />
      <div className="row">
        <button type="button" onClick={() => browse.mutate()} disabled={browse.isPending}>
          Browse
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      {browse.isError && (
        <p role="alert" className="is-error">
          {browse.error.message}
        </p>
      )}
      {result && result.sample === null && (
        <p className="hint">The connection has no {object} record to learn from.</p>
      )}
      {result?.sample != null && (
        <>
          <p className="hint">
            Sample {result.object}: {fieldCount(result.profile)} fields found.
          </p>
          <DataViewer data={JSON.stringify(result.sample)} view="tree" />
          <button
            type="button"
            className="primary"
            onClick={() => {
              const action = CONNECT_OBJECT_ACTIONS[
                result.object as keyof typeof CONNECT_OBJECTS
              ]?.includes(operation.action as never)
                ? operation.action
                : 'list';
              onImport({
                object: result.object,
                action,
                ...(result.profile ? { responseProfile: result.profile } : {}),
              });
              setOpen(false);
            }}
          >
            Use this object and profile
          </button>
        </>
      )}
    </section>
  );
}
