import type { ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: ReactNode;
}

/** A row of tabs (blocks, views, parts of a screen); `className` "segmented" joins them, "tabs" underlines them. */
export function Tabs<K extends string>({
  label,
  items,
  value,
  onChange,
  className = 'segmented',
}: {
  label: string;
  items: readonly Tab<K>[];
  value: K;
  onChange(key: K): void;
  className?: string;
}) {
  return (
    <div className={className} role="tablist" aria-label={label}>
      {items.map((t) => (
        <button key={t.key} type="button" role="tab" aria-selected={t.key === value} className={t.key === value ? 'on' : ''} onClick={() => onChange(t.key)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** The blocks of a year as tabs. */
export function blockTabs(blocks: readonly { code: string; name: string }[]): Tab<string>[] {
  return blocks.map((b) => ({ key: b.code, label: b.name }));
}
