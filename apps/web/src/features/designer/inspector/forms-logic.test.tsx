import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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

describe('Route options', () => {
  it('edits value, operator and ordered keys, undoes, and flags a reserved key', () => {
    const { store, config } = renderOptions('route');
    choose('Route by source', 'document-property');
    typeInto('Route by value', 'status');
    choose('Comparison', 'wildcard');
    click('Add route key');
    typeInto('Route key 1', 'default');
    expect(messagesUnder('Route key 1')).toContain('“default” names the Default path');
    typeInto('Route key 1', 'approved');
    click('Add route key');
    typeInto('Route key 2', 'pend*');
    click('Move route key 2 up');
    expect(config()).toEqual({
      value: { type: 'document-property', name: 'status' },
      operator: 'wildcard',
      keys: ['pend*', 'approved'],
    });
    undo(store);
    expect(config().keys).toEqual(['approved', 'pend*']);
    click('Remove route key 1');
    expect(config().keys).toEqual(['pend*']);
  });
});

describe('Decision options', () => {
  it('edits both values and the operator, undoes, and flags an invalid pattern', () => {
    const { store, config } = renderOptions('decision');
    choose('First value source', 'profile-element');
    typeInto('First value value', 'order.status');
    choose('Comparison', 'regex');
    typeInto('Second value value', '[');
    expect(messagesUnder('Second value value')).toContain('Not a valid regular expression');
    expect(config()).toEqual({
      left: { type: 'profile-element', path: 'order.status' },
      operator: 'regex',
      right: { type: 'static', value: '[' },
    });
    undo(store);
    expect(config().right).toEqual({ type: 'static', value: '' });
  });
});

describe('Business Rules options', () => {
  it('adds and edits rules, reorders, undoes, and flags a missing condition', () => {
    const { store, config } = renderOptions('business-rules');
    click('Add rule');
    expect(messagesUnder('Rule 1 name')).toContain('Give this rule a name.');
    expect(messagesUnder('Rule 1 condition (JSONata)')).toContain('Write the rule’s condition.');
    typeInto('Rule 1 name', 'positive');
    typeInto('Rule 1 condition (JSONata)', 'amount > 0');
    typeInto('Rule 1 error message', 'Amount must be positive');
    click('Add rule');
    typeInto('Rule 2 name', 'positive');
    expect(messagesUnder('Rule 2 name')).toContain('“positive” is used twice.');
    typeInto('Rule 2 name', 'named');
    click('Move rule 2 up');
    expect(config().rules.map((r) => r.name)).toEqual(['named', 'positive']);
    undo(store);
    expect(config().rules[0]).toEqual({
      name: 'positive',
      condition: 'amount > 0',
      message: 'Amount must be positive',
    });
    click('Remove rule 2');
    expect(config().rules).toHaveLength(1);
  });
});

describe('Cleanse options', () => {
  it('edits a field rule, clears optional limits, undoes, and flags min above max', () => {
    const { store, config } = renderOptions('cleanse');
    click('Add field rule');
    expect(messagesUnder('Field rule 1 path')).toContain('Enter the field path.');
    typeInto('Field rule 1 path', 'email');
    choose('Field rule 1 type', 'string');
    toggle('Field rule 1: required');
    toggle('Field rule 1: trim spaces');
    typeInto('Field rule 1 minimum length', '5');
    typeInto('Field rule 1 maximum length', '3');
    expect(messagesUnder('Field rule 1 minimum length')).toContain(
      'Minimum length is above the maximum.',
    );
    typeInto('Field rule 1 maximum length', '');
    typeInto('Field rule 1 default value', 'n/a');
    expect(config().fields[0]).toEqual({
      path: 'email',
      type: 'string',
      required: true,
      trim: true,
      minLength: 5,
      defaultValue: 'n/a',
    });
    undo(store);
    undo(store);
    expect(config().fields[0]?.maxLength).toBe(3);
    expect(screen.getByLabelText('Field rule 1 maximum length')).toHaveProperty('value', '3');
  });

  it('asks for a date format only for a date rule, and flags an unknown mask letter', () => {
    const { config } = renderOptions('cleanse');
    click('Add field rule');
    expect(screen.queryByLabelText('Field rule 1 date format')).toBeNull();
    choose('Field rule 1 type', 'date');
    typeInto('Field rule 1 date format', 'dd.QQ.yyyy');
    expect(messagesUnder('Field rule 1 date format')).toContain('“QQ”');
    typeInto('Field rule 1 date format', 'MM/dd/yyyy');
    expect(config().fields[0]?.format).toBe('MM/dd/yyyy');
    choose('Field rule 1 type', 'string');
    expect(config().fields[0]).not.toHaveProperty('format');
    choose('Field rule 1 type', 'date');
    typeInto('Field rule 1 date format', '');
    expect(config().fields[0]).not.toHaveProperty('format');
  });
});
