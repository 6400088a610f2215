import { Check } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * A menu button from the kit (Radix DropdownMenu): arrow keys move, typing jumps to an
 * item, Escape closes and focus returns to the button.
 */
export function Menu({
  label,
  trigger,
  children,
  disabled,
}: {
  /** The menu's accessible name, when the trigger's text is not enough. */
  label?: string;
  trigger: ReactNode;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="button ui-menu__trigger" disabled={disabled}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="ui-popover ui-menu"
          align="start"
          sideOffset={4}
          {...(label === undefined ? {} : { 'aria-label': label })}
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function MenuItem({
  onSelect,
  children,
  disabled,
}: {
  onSelect: () => void;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <DropdownMenu.Item
      className="ui-menu__item"
      onSelect={onSelect}
      {...(disabled === undefined ? {} : { disabled })}
    >
      {children}
    </DropdownMenu.Item>
  );
}

/** An item that is a link (a download, another page): the browser follows it as usual. */
export function MenuLinkItem({
  href,
  download,
  children,
}: {
  href: string;
  download?: boolean;
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Item className="ui-menu__item" asChild>
      <a href={href} {...(download ? { download: '' } : {})}>
        {children}
      </a>
    </DropdownMenu.Item>
  );
}

export function MenuRadioGroup<T extends string>({
  label,
  value,
  onChange,
  choices,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  choices: readonly { value: T; label: string }[];
}) {
  return (
    <DropdownMenu.RadioGroup
      aria-label={label}
      value={value}
      // The items are exactly `choices`, so the value is one of T.
      onValueChange={(next) => onChange(next as T)}
    >
      {choices.map((choice) => (
        <DropdownMenu.RadioItem
          key={choice.value}
          value={choice.value}
          className="ui-menu__item ui-menu__radio"
        >
          <DropdownMenu.ItemIndicator className="ui-menu__indicator">
            <Check size={14} aria-hidden />
          </DropdownMenu.ItemIndicator>
          {choice.label}
        </DropdownMenu.RadioItem>
      ))}
    </DropdownMenu.RadioGroup>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="ui-menu__separator" />;
}
