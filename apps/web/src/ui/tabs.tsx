import { Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * Tabs from the kit (Radix Tabs): one tab stop, arrow keys move between tabs, and each
 * panel is labelled by its tab. Only the selected panel is rendered.
 */
export function Tabs<T extends string>({
  label,
  value,
  onChange,
  tabs,
  actions,
  children,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  tabs: readonly { value: T; label: ReactNode }[];
  /** Buttons beside the tabs (Close, …), not tabs themselves. */
  actions?: ReactNode;
  /** The selected tab's panel. */
  children: ReactNode;
}) {
  return (
    <RadixTabs.Root
      value={value}
      // The triggers are exactly `tabs`, so the value is one of T.
      onValueChange={(next) => onChange(next as T)}
      className="ui-tabs"
    >
      <div className="ui-tabs__bar">
        <RadixTabs.List aria-label={label} className="tabs">
          {tabs.map((tab) => (
            <RadixTabs.Trigger key={tab.value} value={tab.value} className="ui-tabs__tab">
              {tab.label}
            </RadixTabs.Trigger>
          ))}
        </RadixTabs.List>
        {actions}
      </div>
      <RadixTabs.Content value={value} className="ui-tabs__panel">
        {children}
      </RadixTabs.Content>
    </RadixTabs.Root>
  );
}
