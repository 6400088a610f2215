import { ChevronDown } from 'lucide-react';
import { Select as RadixSelect } from 'radix-ui';
import type { ReactNode } from 'react';

export interface SelectChoice<T extends string> {
  value: T;
  label: ReactNode;
  disabled?: boolean;
}

// Radix reserves the empty string for "no value" (the placeholder); a choice whose
// value is '' (e.g. "Choose an object…") is passed through under this stand-in.
const EMPTY = '\u0000empty';
const toRadix = (value: string) => (value === '' ? EMPTY : value);
const fromRadix = (value: string) => (value === EMPTY ? '' : value);
/** '' with no choice of that value is "nothing chosen yet": Radix then shows the placeholder. */
const rootValue = (value: string, choices: readonly SelectChoice<string>[]) =>
  value === '' && !choices.some((c) => c.value === '') ? '' : toRadix(value);

/**
 * A select from the kit (Radix Select): a button with role combobox that opens a
 * listbox; typing jumps to a choice; the field's <label htmlFor={id}> names it.
 */
export function Select<T extends string>({
  id,
  value,
  onChange,
  choices,
  placeholder,
  disabled,
  invalid,
  describedBy,
  label,
}: {
  id?: string;
  value: T;
  onChange: (value: T) => void;
  choices: readonly SelectChoice<T>[];
  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** An accessible name when no <label> names the field. */
  label?: string;
}) {
  return (
    <RadixSelect.Root
      value={rootValue(value, choices)}
      onValueChange={(next) => {
        // The items are exactly `choices`, so the value is one of T.
        const chosen = choices.find((c) => c.value === fromRadix(next));
        if (chosen) {
          onChange(chosen.value);
        }
      }}
      {...(disabled === undefined ? {} : { disabled })}
    >
      <RadixSelect.Trigger
        className="ui-select"
        {...(id === undefined ? {} : { id })}
        {...(label === undefined ? {} : { 'aria-label': label })}
        {...(invalid ? { 'aria-invalid': true } : {})}
        {...(describedBy === undefined ? {} : { 'aria-describedby': describedBy })}
      >
        <RadixSelect.Value {...(placeholder === undefined ? {} : { placeholder })} />
        <RadixSelect.Icon className="ui-select__icon">
          <ChevronDown size={14} aria-hidden />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content
          className="ui-popover ui-select__content"
          position="popper"
          sideOffset={4}
        >
          <RadixSelect.Viewport>
            {choices.map((choice) => (
              <RadixSelect.Item
                key={choice.value}
                value={toRadix(choice.value)}
                className="ui-select__item"
                // The choice's own value, for tests and tools that pick by value.
                data-value={choice.value}
                {...(choice.disabled ? { disabled: true } : {})}
              >
                <RadixSelect.ItemText>{choice.label}</RadixSelect.ItemText>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
