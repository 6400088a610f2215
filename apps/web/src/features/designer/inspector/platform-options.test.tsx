import type { ConnectionView } from '@junction/api';
import { type PlatformOperation, shapeSummary } from '@junction/process-model';
import type { QueryClient } from '@tanstack/react-query';
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { choicesOf } from '../../../ui/select.test-utils.ts';
import { connectionKeys } from '../../connections/connection-queries.ts';
import { choose, click, renderOptions, typeInto, undo } from './options-panel.test-utils.tsx';

afterEach(cleanup);

const connection = (id: string, kind: ConnectionView['kind']): ConnectionView => ({
  id,
  name: `${id} (${kind})`,
  kind,
  endpoint: '',
  createdAt: '',
  updatedAt: '',
});

const seed = (items: ConnectionView[]) => (client: QueryClient) =>
  client.setQueryData(connectionKeys.all, items);

const options = (label: string) => choicesOf(screen.getByLabelText(label));

function platform(config: () => unknown): PlatformOperation {
  const op = config() as PlatformOperation;
  expect(op.connector).toBe('junction-platform');
  return op;
}

describe('Junction Platform API options', () => {
  it('switches the connector and offers only platform connections and valid pairs', () => {
    const { config, store } = renderOptions(
      'connector',
      undefined,
      seed([connection('live', 'cloudblue-connect'), connection('partner', 'junction-platform')]),
    );
    choose('Connector', 'junction-platform');
    expect(platform(config)).toMatchObject({ action: 'query', object: '', filter: null });
    expect(options('Connection')).toEqual(['Choose a connection…', 'partner (junction-platform)']);
    choose('Connection', 'partner');
    choose('Object', 'process');
    const shape = store.getState().document.shapes['shape'];
    expect(shape && shapeSummary(shape)).toBe('Query · Process');

    choose('Object', 'token');
    expect(options('Connector Action')).toEqual(['Get', 'Query', 'Create', 'Delete']);
    choose('Object', 'process');
    choose('Connector Action', 'execute');
    expect(platform(config).executeAction).toBe('execute-process');
    expect(platform(config).trackingDirection).toBe('input');
    choose('Object', 'deployment');
    expect(platform(config).executeAction).toBe('deploy-process');
    expect(options('Execute action')).toEqual(['Choose what to execute…', 'Deploy Process']);
    choose('Connector Action', 'get');
    expect(platform(config).executeAction).toBe('');
    expect(screen.queryByLabelText('Execute action')).toBeNull();
    const parameters = screen.getByRole('group', { name: 'Parameters' }).parentElement;
    expect(
      parameters &&
        within(parameters).getAllByText('Get needs an “id” parameter: the record to read.'),
    ).toHaveLength(1);
  });

  it('shows every connection when none is a platform one; edits Account ID as one undo entry', () => {
    const { config, store } = renderOptions(
      'connector',
      undefined,
      seed([connection('sandbox', 'sandbox')]),
    );
    choose('Connector', 'junction-platform');
    expect(options('Connection')).toEqual(['Choose a connection…', 'sandbox (sandbox)']);
    typeInto('Account ID', 'acct-child');
    expect(platform(config).accountId).toBe('acct-child');
    expect(screen.getByText('boomiPartnerApi-overrideAccountId')).toBeTruthy();
    choose('Tracking Direction', 'input');
    expect(platform(config).trackingDirection).toBe('input');
    undo(store);
    undo(store);
    expect(platform(config).accountId).toBe('');
  });

  it('builds a filter tree: conditions, groups, and/or, operators with their argument count', () => {
    const { config } = renderOptions('connector', undefined, seed([]));
    choose('Connector', 'junction-platform');
    click('Add condition');
    typeInto('Condition 1 property', 'name');
    typeInto('Condition 1 value 1', 'Sync');
    choose('Condition 1 operator', 'BETWEEN');
    expect(screen.getByLabelText('Condition 1 value 2')).toBeTruthy();
    expect(platform(config).filter?.expression).toEqual({
      property: 'name',
      operator: 'BETWEEN',
      argument: ['Sync', ''],
    });
    choose('Condition 1 operator', 'STARTS_WITH');
    click('Add condition');
    choose('Group 1 match', 'or');
    click('Add group to group 1');
    choose('Condition 1.2 operator', 'IS_NULL');
    typeInto('Condition 1.2 property', 'deleted');
    typeInto('Condition 1.3.1 property', 'id');
    typeInto('Condition 1.3.1 value 1', '{since}');
    expect(platform(config).filter).toEqual({
      expression: {
        operator: 'or',
        nestedExpression: [
          { property: 'name', operator: 'STARTS_WITH', argument: ['Sync'] },
          { property: 'deleted', operator: 'IS_NULL', argument: [] },
          {
            operator: 'and',
            nestedExpression: [{ property: 'id', operator: 'EQUALS', argument: ['{since}'] }],
          },
        ],
      },
    });
    const value = screen.getByLabelText('Condition 1.3.1 value 1');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(value.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toContain('{since} names no parameter');

    click('Remove group 1.3');
    click('Remove condition 1.2');
    expect(platform(config).filter?.expression).toEqual({
      operator: 'or',
      nestedExpression: [{ property: 'name', operator: 'STARTS_WITH', argument: ['Sync'] }],
    });
    click('Remove group 1');
    expect(platform(config).filter).toBeNull();
    expect(screen.getByText('No filter: Query returns every record.')).toBeTruthy();
  });

  it('flags an empty property and an empty group as they are', () => {
    renderOptions('connector', undefined, seed([]));
    choose('Connector', 'junction-platform');
    click('Add group');
    click('Remove condition 1.1');
    const group = screen.getByRole('group', { name: 'Group 1' });
    expect(within(group).getByText('Add a condition to this group, or remove it.')).toBeTruthy();
    click('Add condition to group 1');
    const property = screen.getByLabelText('Condition 1.1 property');
    expect(property.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers only Get and Query on a connector Start', () => {
    const { store } = renderOptions('connector', undefined, seed([]));
    act(() => store.getState().select(['start']));
    choose('Type', 'connector');
    choose('Connector', 'junction-platform');
    expect(options('Connector Action')).toEqual(['Get', 'Query']);
    const panel = screen.getByRole('complementary', { name: 'Options' });
    expect(within(panel).getByText('Filter')).toBeTruthy();
    const start = store.getState().document.shapes['start'];
    expect(start?.kind === 'start' && start.config.mode === 'connector').toBe(true);
    expect(JSON.stringify(start)).toContain('junction-platform');
  });
});
