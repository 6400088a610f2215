import {
  addShape,
  connectShapes,
  createProcess,
  defaultShape,
  type ShapeConfig,
} from '@junction/process-model';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseIn } from '../../../ui/select.test-utils.ts';
import { EditorStoreContext } from '../store/editor-context.ts';
import { createEditorStore } from '../store/editor-store.ts';
import { MapperDialog } from './mapper-dialog.tsx';

afterEach(cleanup);

type MapConfig = ShapeConfig<'map'>;

/** The Map form's part: holds the config the mapper edits. */
function Host({
  initial,
  onConfig,
  onClose = () => {},
}: {
  initial: MapConfig;
  onConfig: (c: MapConfig) => void;
  onClose?: () => void;
}) {
  const [config, setConfig] = useState(initial);
  return (
    <MapperDialog
      shapeId="map"
      config={config}
      issues={[]}
      onChange={(next) => {
        onConfig(next);
        setConfig(next);
      }}
      onCommit={() => {}}
      onClose={onClose}
    />
  );
}

/** A Map after a connector whose Import Operation left a response profile. */
function renderMapper(initial: MapConfig, onClose?: () => void) {
  const connector = defaultShape('connector');
  if (connector.kind !== 'connector' || connector.config.connector !== 'cloudblue-connect') {
    throw new Error('unexpected default connector');
  }
  let doc = createProcess({ id: `p-${Math.random()}`, name: 'P' });
  doc = addShape(doc, {
    id: 'get',
    kind: 'connector',
    position: { x: 0, y: 0 },
    shape: {
      ...connector,
      label: 'Get request',
      config: {
        ...connector.config,
        responseProfile: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            asset: { type: 'object', properties: { status: { type: 'string' } } },
          },
        },
      },
    },
  });
  doc = addShape(doc, { id: 'map', kind: 'map', position: { x: 200, y: 0 } });
  doc = connectShapes(doc, {
    id: 'c',
    from: { shape: 'get', port: 'default' },
    to: { shape: 'map' },
  });
  const store = createEditorStore(doc, 1);
  const seen: { config: MapConfig } = { config: initial };
  render(
    <EditorStoreContext.Provider value={store}>
      <StrictMode>
        <Host
          initial={initial}
          onConfig={(config) => (seen.config = config)}
          {...(onClose ? { onClose } : {})}
        />
      </StrictMode>
    </EditorStoreContext.Provider>,
  );
  return seen;
}

const change = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('MapperDialog', () => {
  it('starts the source side from the upstream connector’s response profile', () => {
    renderMapper({ expression: '', mappings: [] });
    expect(screen.getByText(/response profile of “Get request”/)).toBeTruthy();
    const sources = screen.getByRole('list', { name: 'Source fields' });
    expect(within(sources).getByText('asset.status')).toBeTruthy();
  });

  it('maps through the list view, edits the row’s functions and previews the output', () => {
    const seen = renderMapper({ expression: '', mappings: [] });
    change('New target field path', 'externalId');
    click('Add target field');
    chooseIn(screen.getByRole('combobox', { name: 'Source field' }), 'asset.status');
    chooseIn(screen.getByRole('combobox', { name: 'Target field' }), 'externalId');
    click('Add mapping');
    expect(seen.config.mappings).toEqual([{ from: 'asset.status', to: 'externalId' }]);

    click('Mapping 1 functions: none');
    click('Add function to mapping 1');
    expect(seen.config.mappings[0]?.steps).toEqual([{ fn: 'upper' }]);

    change('Preview input', '{"asset":{"status":"active"}}');
    const output = screen.getByRole('region', { name: 'Preview output' });
    expect(JSON.parse(output.textContent ?? '')).toEqual({ externalId: 'ACTIVE' });
  });

  it('says where a sample is wrong and keeps the profile it had', () => {
    renderMapper({ expression: '', mappings: [] });
    change('Source sample JSON', '{"id": ');
    click('Infer source profile');
    expect(screen.getByRole('alert').textContent).toMatch(/not JSON/);
    expect(
      within(screen.getByRole('list', { name: 'Source fields' })).getByText('id'),
    ).toBeTruthy();
  });

  it('closes from its button once, rendered under StrictMode as the app is', async () => {
    let closed = 0;
    renderMapper({ expression: '', mappings: [] }, () => {
      closed += 1;
    });
    await new Promise((done) => setTimeout(done, 20));
    expect(closed).toBe(0);
    click('Close mapper');
    await waitFor(() => expect(closed).toBe(1));
  });

  it('leaves a Map with a JSONata expression to a test run', () => {
    renderMapper({ expression: '{"a": 1}', mappings: [] });
    change('Preview input', '{}');
    expect(screen.getByText(/JSONata expression, which runs on the server/)).toBeTruthy();
  });
});
