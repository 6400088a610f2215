import { addShape } from '@junction/process-model';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  choose,
  messagesUnder,
  renderOptions,
  toggle,
  typeInto,
  undo,
} from './options-panel.test-utils.tsx';

afterEach(cleanup);

describe('Branch options', () => {
  const COUNT = 'Number of branches (2–25)';

  it('edits the count, undoes it, and says the range when it is out of it', () => {
    const { store, config } = renderOptions('branch');
    typeInto(COUNT, '5');
    expect(config().count).toBe(5);
    undo(store);
    expect(config().count).toBe(2);
    expect(screen.getByLabelText(COUNT)).toHaveProperty('value', '2');
    typeInto(COUNT, '30');
    expect(messagesUnder(COUNT)).toContain('A Branch has 2 to 25 paths.');
    expect(screen.getByLabelText(COUNT).getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps text that is not a number out of the document', () => {
    const { config } = renderOptions('branch');
    fireEvent.change(screen.getByLabelText(COUNT), { target: { value: 'x' } });
    expect(messagesUnder(COUNT)).toBe('Enter a whole number.');
    expect(config().count).toBe(2);
  });

  it('records a typing gesture as one undo entry', () => {
    const { store } = renderOptions('branch');
    const field = screen.getByLabelText(COUNT);
    for (const value of ['1', '12', '1']) {
      fireEvent.change(field, { target: { value } });
    }
    fireEvent.blur(field);
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('Try/Catch options', () => {
  it('edits retries and trigger, undoes, and flags more than five retries', () => {
    const { store, config } = renderOptions('try-catch');
    choose('Failure trigger', 'all');
    expect(config().trigger).toBe('all');
    undo(store);
    expect(config().trigger).toBe('document');
    typeInto('Retry count (0–5)', '9');
    expect(config().retryCount).toBe(9);
    expect(messagesUnder('Retry count (0–5)')).toContain('Retry count is 0 to 5.');
    undo(store);
    expect(config().retryCount).toBe(0);
  });
});

describe('Flow Control options', () => {
  it('edits batching and units, undoes, and flags too many units', () => {
    const { store, config } = renderOptions('flow-control');
    expect(screen.getByLabelText('Documents per batch')).toHaveProperty('disabled', true);
    choose('Batching', 'batch');
    expect(config().batching).toBe('batch');
    typeInto('Documents per batch', '0');
    expect(messagesUnder('Documents per batch')).toContain('A batch holds at least one document.');
    typeInto('Parallel units (1–10)', '11');
    expect(messagesUnder('Parallel units (1–10)')).toContain('Parallel units are 1 to 10.');
    undo(store);
    undo(store);
    expect(config()).toEqual({ batching: 'batch', batchSize: 10, parallelUnits: 1 });
  });
});

describe('Return Documents options', () => {
  it('edits the label, undoes it, and flags a label another shape has', () => {
    const { store, config } = renderOptions('return-documents');
    act(() =>
      store
        .getState()
        .apply((d) =>
          addShape(d, { id: 'twin', kind: 'return-documents', position: { x: 0, y: 0 } }),
        ),
    );
    expect(messagesUnder('Return path label')).toContain('Another Return Documents shape');
    typeInto('Return path label', 'Done');
    expect(config().label).toBe('Done');
    expect(messagesUnder('Return path label')).toBe('');
    undo(store);
    expect(config().label).toBe('');
  });
});

describe('Stop options', () => {
  it('toggles end and return, and undoes it', () => {
    const { store, config } = renderOptions('stop');
    toggle('End and return (finish the whole run)');
    expect(config().endAndReturn).toBe(true);
    undo(store);
    expect(config().endAndReturn).toBe(false);
  });
});

describe('Exception options', () => {
  it('edits title, text and behaviour, undoes, and flags an unknown placeholder', () => {
    const { store, config } = renderOptions('exception');
    typeInto('Title', 'Bad order');
    toggle('Stop the entire process and fail all documents');
    expect(config()).toMatchObject({ title: 'Bad order', stopEntireProcess: true });
    undo(store);
    expect(config().stopEntireProcess).toBe(false);
    typeInto('Message', 'Order {1} failed');
    expect(messagesUnder('Message')).toContain('{1} has no parameter; there are 0.');
  });
});
