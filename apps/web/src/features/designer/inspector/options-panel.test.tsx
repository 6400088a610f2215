import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOptions, typeInto, undo } from './options-panel.test-utils.tsx';

afterEach(cleanup);

describe('Options panel', () => {
  it('shows a form, not JSON, with the JSON editor behind an Advanced disclosure', () => {
    renderOptions('branch');
    const summary = screen.getByText('Advanced (JSON)');
    expect(summary.closest('details')?.open).toBe(false);
    expect(screen.getByLabelText('Number of branches (2–25)')).toBeTruthy();
  });

  it('applies valid JSON, keeps form and JSON in step, and refuses a config of the wrong shape', () => {
    const { store, config } = renderOptions('branch');
    const json = screen.getByLabelText('Configuration (JSON)');
    fireEvent.change(json, { target: { value: '{ "count": 4 }' } });
    fireEvent.blur(json);
    expect(config().count).toBe(4);
    expect(screen.getByLabelText('Number of branches (2–25)')).toHaveProperty('value', '4');
    fireEvent.change(json, { target: { value: '{ "count": "four" }' } });
    expect(config().count).toBe(4);
    expect(json.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(json, { target: { value: '{ "count": ' } });
    expect(json.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(json);
    typeInto('Number of branches (2–25)', '6');
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual({ count: 6 });
    undo(store);
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual({ count: 4 });
  });

  it('edits the label as one undo entry', () => {
    const { store } = renderOptions('notify');
    typeInto('Label', 'Log it');
    expect(store.getState().document.shapes['shape']?.label).toBe('Log it');
    undo(store);
    expect(store.getState().document.shapes['shape']?.label).toBe('');
  });
});
