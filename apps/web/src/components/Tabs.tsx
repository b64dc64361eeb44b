import { useRef, type KeyboardEvent } from 'react';

/** One tab: its value and visible label. */
export interface TabItem<T extends string> {
  value: T;
  label: string;
}

/** The tab an arrow, Home or End key moves to from `index` among `count` tabs (null for other keys). */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A row of tabs (WAI-ARIA tabs pattern: one tab stop, arrows move between tabs). The caller renders
 * the panel; give it `role="tabpanel"`.
 */
export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  label,
  testId,
}: {
  tabs: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  testId?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = tabAfterKey(event.key, index, tabs.length);
    const tab = next === null ? undefined : tabs[next];
    if (next === null || !tab) return;
    event.preventDefault();
    onChange(tab.value);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div ref={list} className="tabs" role="tablist" aria-label={label} data-testid={testId}>
      {tabs.map((tab, index) => (
        <button
          key={tab.value || 'all'}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={tab.value === value}
          tabIndex={tab.value === value ? 0 : -1}
          onClick={() => onChange(tab.value)}
          onKeyDown={(event) => onKey(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
