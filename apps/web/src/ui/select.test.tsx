import { cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseIn } from './select.test-utils.ts';
import { Select } from './select.tsx';

afterEach(cleanup);

function Field({
  initial,
  choices,
}: {
  initial: string;
  choices: { value: string; label: string }[];
}) {
  const [value, setValue] = useState(initial);
  return (
    <Select
      label="Process"
      value={value}
      onChange={setValue}
      placeholder="Choose…"
      choices={choices}
    />
  );
}

describe('the kit select', () => {
  it('shows its placeholder until something is chosen, then the choice', () => {
    render(<Field initial="" choices={[{ value: 'orders', label: 'Orders' }]} />);
    const trigger = screen.getByRole('combobox', { name: 'Process' });
    expect(trigger.textContent).toBe('Choose…');
    chooseIn(trigger, 'orders');
    expect(trigger.textContent).toBe('Orders');
  });

  it('shows a choice whose value is empty as that choice, not as the placeholder', () => {
    render(
      <Field
        initial=""
        choices={[
          { value: '', label: 'Any process' },
          { value: 'orders', label: 'Orders' },
        ]}
      />,
    );
    const trigger = screen.getByRole('combobox', { name: 'Process' });
    expect(trigger.textContent).toBe('Any process');
    chooseIn(trigger, 'orders');
    chooseIn(trigger, '');
    expect(trigger.textContent).toBe('Any process');
  });
});
