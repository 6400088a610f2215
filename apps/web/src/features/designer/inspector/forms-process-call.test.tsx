import { addShape, createProcess, type ProcessDocument } from '@junction/process-model';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { choicesOf } from '../../../ui/select.test-utils.ts';
import { processKeys } from '../../processes/process-queries.ts';
import {
  choose,
  click,
  messagesUnder,
  renderOptions,
  toggle,
  typeInto,
  undo,
} from './options-panel.test-utils.tsx';

afterEach(cleanup);

function child(): ProcessDocument {
  let doc = createProcess({ id: 'child', name: 'Child' });
  for (const [id, label] of [
    ['r1', 'Accepted'],
    ['r2', 'Rejected'],
  ] as const) {
    doc = addShape(doc, {
      id,
      kind: 'return-documents',
      position: { x: 0, y: 0 },
      shape: { kind: 'return-documents', label: '', config: { label } },
    });
  }
  return doc;
}

function seeded() {
  return renderOptions('process-call', undefined, (client) => {
    client.setQueryData(processKeys.list(''), {
      items: [
        { id: 'p', name: 'This process', revision: 1, updatedAt: '', lastRun: null },
        { id: 'child', name: 'Child', revision: 1, updatedAt: '', lastRun: null },
      ],
      total: 2,
    });
    client.setQueryData(processKeys.detail('child'), {
      document: child(),
      revision: 1,
      updatedAt: '',
      issues: [],
    });
  });
}

describe('Process Call options', () => {
  it('offers other processes and copies the chosen one’s return paths in one step', async () => {
    const { store, config } = seeded();
    expect(screen.getAllByText('Choose the process to call.').length).toBeGreaterThan(0);
    const offered = choicesOf(screen.getByLabelText('Process'));
    expect(offered).toContain('Child');
    expect(offered).not.toContain('This process');
    choose('Process', 'child');
    await waitFor(() => expect(config().processId).toBe('child'));
    expect(config().returnPaths).toEqual(['Accepted', 'Rejected']);
    expect(store.getState().past).toHaveLength(1);
    undo(store);
    expect(config()).toEqual({ processId: '', wait: true, abortOnFailure: true, returnPaths: [] });
  });

  it('edits wait, abort and return paths, undoes, and flags a duplicate path', () => {
    const { store, config } = seeded();
    toggle('Wait for process to complete');
    toggle('Abort if process fails');
    click('Add return path');
    typeInto('Return path 1', 'Done');
    click('Add return path');
    typeInto('Return path 2', 'Done');
    expect(messagesUnder('Return path 2')).toContain('“Done” is used twice.');
    expect(config()).toEqual({
      processId: '',
      wait: false,
      abortOnFailure: false,
      returnPaths: ['Done', 'Done'],
    });
    undo(store);
    expect(config().returnPaths).toEqual(['Done', '']);
  });
});
