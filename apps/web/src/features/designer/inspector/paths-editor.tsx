import {
  connectionTargets,
  connectShapes,
  disconnect,
  outputPorts,
  type Shape,
} from '@junction/process-model';
import { shapeTitle } from '../canvas/to-flow.ts';
import { newId } from '../new-shape.ts';
import { useEditor, useEditorStoreApi } from '../store/editor-context.ts';
import { SelectField } from './forms/fields.tsx';

/**
 * Where each of the shape's paths leads, one list per port: the same edit as
 * dragging from a port on the canvas, for keyboard and screen-reader users. Only
 * shapes the port may lead to are offered (no loops, nothing into Start).
 */
export function PathsEditor({ shapeId, shape }: { shapeId: string; shape: Shape }) {
  const store = useEditorStoreApi();
  const document = useEditor((s) => s.document);
  const ports = outputPorts(shape);
  if (ports.length === 0) {
    return null;
  }
  const titled = (id: string) => {
    const other = document.shapes[id];
    return other ? `${shapeTitle(other)} (${id})` : id;
  };

  const lead = (port: string, target: string) => {
    const state = store.getState();
    state.commitGesture();
    state.apply((doc) =>
      target === ''
        ? disconnect(
            doc,
            doc.connections
              .filter((c) => c.from.shape === shapeId && c.from.port === port)
              .map((c) => c.id),
          )
        : connectShapes(doc, {
            id: newId('c'),
            from: { shape: shapeId, port },
            to: { shape: target },
          }),
    );
  };

  return (
    <fieldset className="paths">
      <legend>Paths</legend>
      {ports.map((port) => {
        const current =
          document.connections.find((c) => c.from.shape === shapeId && c.from.port === port.id)?.to
            .shape ?? '';
        const choices = [...connectionTargets(document, { shape: shapeId, port: port.id })]
          .map((id) => ({ id, title: titled(id) }))
          .sort((a, b) => a.title.localeCompare(b.title));
        return (
          <SelectField
            key={port.id}
            label={`${port.label === '' ? 'Output' : port.label} leads to`}
            value={current}
            onChange={(target) => lead(port.id, target)}
            choices={[
              { value: '', label: 'Nothing (not connected)' },
              ...choices.map((choice) => ({ value: choice.id, label: choice.title })),
            ]}
          />
        );
      })}
    </fieldset>
  );
}
