import { lazy, Suspense, useState } from 'react';
import { FieldIssues } from '../field-issues.tsx';
import { TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { MapStepsEditor, rowWithSteps } from './map-steps-editor.tsx';
import { RowActions } from './row-actions.tsx';

type MapRow = ConfigFormProps<'map'>['config']['mappings'][number];

// The mapper is a large view few sessions open: its own chunk keeps the designer's small.
const MapperDialog = lazy(() =>
  import('../../mapper/mapper-dialog.tsx').then((m) => ({ default: m.MapperDialog })),
);

/** Map: field-to-field rows applied in order, on top of an optional JSONata expression. */
export function MapForm({ config, issues, onChange, onCommit, shapeId }: ConfigFormProps<'map'>) {
  const [mapperOpen, setMapperOpen] = useState(false);
  const setRows = (mappings: MapRow[], commit: boolean) =>
    onChange({ ...config, mappings }, commit);
  return (
    <>
      {shapeId !== undefined && (
        <button type="button" className="primary" onClick={() => setMapperOpen(true)}>
          Open mapper
        </button>
      )}
      {mapperOpen && shapeId !== undefined && (
        <Suspense fallback={<p role="status">Loading the mapper…</p>}>
          <MapperDialog
            shapeId={shapeId}
            config={config}
            issues={issues}
            onChange={onChange}
            onCommit={onCommit}
            onClose={() => setMapperOpen(false)}
          />
        </Suspense>
      )}
      {/* Open by default when the Map already has an expression, so none is ever hidden. */}
      <details open={config.expression.trim() !== ''}>
        <summary>Advanced (JSONata)</summary>
        <p className="hint">The expression builds the output first; rows then write onto it.</p>
        <TextField
          label="JSONata expression"
          value={config.expression}
          multiline
          rows={6}
          code
          placeholder="e.g. { 'id': id, 'total': $sum(lines.amount) }"
          onChange={(expression) => onChange({ ...config, expression }, false)}
          onCommit={onCommit}
          issues={issues}
          field="expression"
        />
      </details>
      <fieldset>
        <legend>Mappings</legend>
        <p className="hint">
          Each row copies a source field to a target field, in order, through its functions.
        </p>
        {config.mappings.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <div key={index}>
            <TextField
              label={`Mapping ${index + 1} from`}
              value={row.from}
              placeholder="source, e.g. order.id"
              onChange={(from) =>
                setRows(replaceAt(config.mappings, index, { ...row, from }), false)
              }
              onCommit={onCommit}
              issues={issues}
              field={`mappings/${index}/from`}
            />
            <TextField
              label={`Mapping ${index + 1} to`}
              value={row.to}
              placeholder="target, e.g. externalId"
              onChange={(to) => setRows(replaceAt(config.mappings, index, { ...row, to }), false)}
              onCommit={onCommit}
              issues={issues}
              field={`mappings/${index}/to`}
            />
            <MapStepsEditor
              row={index}
              steps={row.steps ?? []}
              issues={issues}
              onChange={(steps, commit) =>
                setRows(replaceAt(config.mappings, index, rowWithSteps(row, steps)), commit)
              }
              onCommit={onCommit}
            />
            <RowActions
              item={`mapping ${index + 1}`}
              index={index}
              count={config.mappings.length}
              onMove={(delta) => setRows(moveAt(config.mappings, index, delta), true)}
              onRemove={() => setRows(removeAt(config.mappings, index), true)}
            />
          </div>
        ))}
        <FieldIssues issues={issues} field="mappings" />
        <button
          type="button"
          onClick={() => setRows([...config.mappings, { from: '', to: '' }], true)}
        >
          Add mapping
        </button>
      </fieldset>
    </>
  );
}
