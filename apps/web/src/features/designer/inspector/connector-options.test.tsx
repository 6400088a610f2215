import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionKeys } from '../../connections/connection-queries.ts';
import { choose, click, renderOptions, typeInto } from './options-panel.test-utils.tsx';

afterEach(cleanup);

describe('CloudBlue Connect options: parameters', () => {
  it('suggests the names the operation takes and says so when a name is not one of them', () => {
    // Seeded, so the panel does not ask a server for connections.
    renderOptions('connector', undefined, (client) => client.setQueryData(connectionKeys.all, []));
    choose('Object', 'request');
    choose('Connector Action', 'approve');
    click('Add parameter');
    const name = screen.getByLabelText('Parameter 1 name');
    const list = document.getElementById(name.getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual([
      'id',
      'template_id',
      'activation_tile',
      'effective_date',
    ]);
    typeInto('Parameter 1 name', 'foo');
    // Under the field, and in the panel's list of issues.
    expect(screen.getAllByText(/'foo' is not one of its parameters/).length).toBeGreaterThan(0);
  });
});
