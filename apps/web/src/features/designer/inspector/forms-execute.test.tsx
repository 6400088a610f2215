import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseIn } from '../../../ui/select.test-utils.ts';
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

describe('Map options', () => {
  it('adds, edits and reorders rows, undoes, and flags a bad or duplicate target', () => {
    const { store, config } = renderOptions('map');
    expect(
      screen.getAllByText('Add a mapping row or a JSONata expression.').length,
    ).toBeGreaterThan(0);
    click('Add mapping');
    expect(messagesUnder('Mapping 1 from')).toContain('Enter the source field.');
    typeInto('Mapping 1 from', 'order.id');
    typeInto('Mapping 1 to', 'id');
    click('Add mapping');
    typeInto('Mapping 2 from', 'order.total');
    typeInto('Mapping 2 to', 'id');
    expect(messagesUnder('Mapping 2 to')).toContain('“id” is mapped twice.');
    click('Move mapping 2 up');
    expect(config().mappings[0]).toEqual({ from: 'order.total', to: 'id' });
    undo(store);
    expect(config().mappings[0]).toEqual({ from: 'order.id', to: 'id' });
    typeInto('JSONata expression', '{ "n": 1 }');
    expect(config().expression).toBe('{ "n": 1 }');
    click('Remove mapping 1');
    expect(config().mappings).toHaveLength(1);
  });

  it('adds, configures, orders and removes map functions on a row, showing a step’s issue', () => {
    const { store, config } = renderOptions('map', {
      expression: '',
      mappings: [{ from: 'qty', to: 'total' }],
    });
    click('Add function to mapping 1');
    choose('Mapping 1 step 1 function', 'multiply');
    expect(config().mappings[0]?.steps).toEqual([
      { fn: 'multiply', operand: { type: 'constant', value: '1' } },
    ]);
    choose('Mapping 1 step 1 operand kind', 'field');
    typeInto('Mapping 1 step 1 operand field', 'price');
    click('Add function to mapping 1');
    choose('Mapping 1 step 2 function', 'round');
    typeInto('Mapping 1 step 2 decimal places', '1');
    expect(config().mappings[0]?.steps).toEqual([
      { fn: 'multiply', operand: { type: 'field', path: 'price' } },
      { fn: 'round', places: 1 },
    ]);
    click('Move mapping 1 step 2 up');
    expect(config().mappings[0]?.steps?.map((s) => s.fn)).toEqual(['round', 'multiply']);
    undo(store);
    expect(config().mappings[0]?.steps?.map((s) => s.fn)).toEqual(['multiply', 'round']);
    choose('Mapping 1 step 1 operand kind', 'constant');
    typeInto('Mapping 1 step 1 operand value', 'ten');
    expect(messagesUnder('Mapping 1 step 1 operand value')).toContain(
      'Step 1 (multiply): “ten” is not a number.',
    );
    click('Remove mapping 1 step 1');
    click('Remove mapping 1 step 1');
    // No functions left: the row is written as it was before functions existed.
    expect(config().mappings[0]).toEqual({ from: 'qty', to: 'total' });
  });

  it('edits a lookup table with a default', () => {
    const { config } = renderOptions('map', { expression: '', mappings: [{ from: 'c', to: 'r' }] });
    click('Add function to mapping 1');
    choose('Mapping 1 step 1 function', 'lookup');
    click('Add entry to mapping 1 step 1');
    typeInto('Mapping 1 step 1 key 1', 'EU');
    typeInto('Mapping 1 step 1 value 1', 'Europe');
    click('Add entry to mapping 1 step 1');
    typeInto('Mapping 1 step 1 key 2', 'EU');
    expect(messagesUnder('Mapping 1 step 1 key 2')).toContain('“EU” is in the table twice.');
    typeInto('Mapping 1 step 1 key 2', 'US');
    toggle('Mapping 1 step 1: use a default when not found');
    typeInto('Mapping 1 step 1 default', 'elsewhere');
    expect(config().mappings[0]?.steps).toEqual([
      {
        fn: 'lookup',
        table: [
          { key: 'EU', value: 'Europe' },
          { key: 'US', value: '' },
        ],
        default: 'elsewhere',
      },
    ]);
  });

  it('keeps JSONata under Advanced, and opens the mapper (its own chunk) over the rows', async () => {
    const { config } = renderOptions('map', { expression: '', mappings: [{ from: 'a', to: 'b' }] });
    const advanced = screen.getByText('Advanced (JSONata)').closest('details');
    expect(advanced?.open).toBe(false);
    click('Open mapper');
    const mapper = await screen.findByRole('dialog', { name: 'Mapper' });
    // The row shows on both sides with its line, though no profile was given.
    expect(within(mapper).getByRole('list', { name: 'Source fields' }).textContent).toContain('a');
    // A second row onto a mapped target is told in the mapper, as validation says it.
    chooseIn(within(mapper).getByRole('combobox', { name: 'Source field' }), 'a');
    chooseIn(within(mapper).getByRole('combobox', { name: 'Target field' }), 'b');
    fireEvent.click(within(mapper).getByRole('button', { name: 'Add mapping' }));
    expect(within(mapper).getAllByText('“b” is mapped twice.').length).toBeGreaterThan(0);
    fireEvent.click(within(mapper).getByRole('button', { name: 'Delete mapping 2' }));
    fireEvent.click(within(mapper).getByRole('button', { name: 'Delete mapping 1' }));
    expect(config().mappings).toEqual([]);
  });
});

describe('Set Properties options', () => {
  it('edits a property and its value parts, undoes, and flags a missing name', () => {
    const { store, config } = renderOptions('set-properties');
    click('Add property');
    expect(messagesUnder('Property 1 name')).toContain('Name the property.');
    typeInto('Property 1 name', 'orderId');
    choose('Property 1 target', 'dynamic-process');
    toggle('Persist property 1 for the next execution');
    click('Add value part to property 1');
    choose('Property 1 value part 1 source', 'document-property');
    typeInto('Property 1 value part 1 value', 'id');
    expect(config().properties[0]).toEqual({
      target: 'dynamic-process',
      name: 'orderId',
      persist: true,
      parts: [{ type: 'document-property', name: 'id' }],
    });
    undo(store);
    expect(config().properties[0]?.parts[0]).toEqual({ type: 'static', value: '' });
    choose('Property 1 value part 1 source', 'profile-element');
    expect(messagesUnder('Property 1 value part 1 value')).toBe('Enter the field path.');
    expect(config().properties[0]?.parts[0]).toEqual({ type: 'static', value: '' });
    typeInto('Property 1 value part 1 value', 'a..b');
    expect(messagesUnder('Property 1 value part 1 value')).toBe('“a..b” is not a field path.');
  });
});

describe('Message options', () => {
  it('edits text, parameters and options, undoes, and flags an unknown placeholder', () => {
    const { store, config } = renderOptions('message');
    typeInto('Message', '{"id": "{2}"}');
    expect(messagesUnder('Message')).toContain('{2} has no parameter; there are 0.');
    click('Add parameter');
    typeInto('Parameter 1 value', 'x');
    toggle('JSON-safe text (apostrophes are plain characters)');
    toggle('Combine documents into a single message');
    expect(config()).toEqual({
      text: '{"id": "{2}"}',
      parameters: [{ type: 'static', value: 'x' }],
      jsonSafe: false,
      combineDocuments: true,
    });
    undo(store);
    undo(store);
    expect(config().jsonSafe).toBe(true);
    expect(config().combineDocuments).toBe(false);
  });
});

describe('Parameter values of the new kinds', () => {
  it('offers current date with a format and execution properties by name', () => {
    const { config } = renderOptions('message');
    typeInto('Message', '{1} {2}');
    click('Add parameter');
    click('Add parameter');
    choose('Parameter 1 source', 'current-date');
    expect(config().parameters[0]).toEqual({ type: 'current-date' });
    typeInto('Parameter 1 format', 'yyyyMMdd');
    expect(config().parameters[0]).toEqual({ type: 'current-date', format: 'yyyyMMdd' });
    typeInto('Parameter 1 format', 'yyyy-QQ');
    expect(messagesUnder('Parameter 1 format')).toContain('“QQ” is not a supported date field');
    typeInto('Parameter 1 format', '');
    expect(config().parameters[0]).toEqual({ type: 'current-date' });
    choose('Parameter 2 source', 'execution-property');
    expect(config().parameters[1]).toEqual({ type: 'execution-property', name: 'EXECUTION_ID' });
    choose('Parameter 2 value', 'PROCESS_NAME');
    expect(config().parameters[1]).toEqual({ type: 'execution-property', name: 'PROCESS_NAME' });
  });
});

describe('Notify options', () => {
  it('edits level, title and text, undoes, and flags an unknown placeholder', () => {
    const { store, config } = renderOptions('notify');
    choose('Message level', 'warning');
    typeInto('Title', 'Heads up');
    typeInto('Message', 'Got {1}');
    expect(messagesUnder('Message')).toContain('{1} has no parameter');
    click('Add parameter');
    expect(messagesUnder('Message')).toBe('');
    expect(config()).toMatchObject({ level: 'warning', title: 'Heads up', text: 'Got {1}' });
    undo(store);
    expect(config().parameters).toEqual([]);
  });

  it('writes once per execution, and warns that a document value would read as empty', () => {
    const { config } = renderOptions('notify');
    typeInto('Message', 'Got {1}');
    click('Add parameter');
    choose('Parameter 1 source', 'profile-element');
    typeInto('Parameter 1 value', 'id');
    expect(messagesUnder('Parameter 1 value')).toBe('');
    toggle('Write once per execution (no document values)');
    expect(config().oncePerExecution).toBe(true);
    expect(messagesUnder('Parameter 1 value')).toContain('this value reads as empty');
  });
});

describe('Program Command options', () => {
  it('edits the command and arguments, undoes, and warns about shell syntax', () => {
    const { store, config } = renderOptions('program-command');
    expect(messagesUnder('Command')).toContain('Enter the program to run.');
    typeInto('Command', 'ls | grep x');
    expect(messagesUnder('Command')).toContain('There is no shell');
    typeInto('Command', '/bin/echo');
    click('Add argument');
    typeInto('Argument 1', 'hello');
    click('Add argument');
    typeInto('Argument 2', 'world');
    click('Move argument 2 up');
    expect(config()).toEqual({ command: '/bin/echo', args: ['world', 'hello'] });
    undo(store);
    expect(config().args).toEqual(['hello', 'world']);
  });
});

describe('Data Process options', () => {
  it('adds steps of each type, edits, reorders, removes, undoes, and flags a bad regex', () => {
    const { store, config } = renderOptions('data-process');
    choose('New step type', 'search-replace');
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    typeInto('Step 1 search for', '(');
    toggle('Step 1: search is a regular expression');
    expect(messagesUnder('Step 1 search for')).toContain('Not a valid regular expression');
    choose('New step type', 'split');
    click('Add step');
    typeInto('Step 2 array path', 'items');
    typeInto('Step 2 batch count', '3');
    choose('New step type', 'custom-script');
    click('Add step');
    expect(messagesUnder('Step 3 script')).toContain('Write the script.');
    choose('New step type', 'base64-encode');
    click('Add step');
    click('Move step 2 up');
    expect(config().steps.map((s) => s.type)).toEqual([
      'split',
      'search-replace',
      'custom-script',
      'base64-encode',
    ]);
    expect(config().steps[0]).toEqual({ type: 'split', path: 'items', batchCount: 3 });
    undo(store);
    expect(config().steps[0]?.type).toBe('search-replace');
    click('Remove step 4');
    expect(config().steps).toHaveLength(3);
  });
});
