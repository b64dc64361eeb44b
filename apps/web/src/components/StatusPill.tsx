import type { ReactNode } from 'react';

/** The colour family of a status: grey, blue, green, amber or red. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A small coloured label for a status or a count. */
export function StatusPill({
  tone = 'neutral',
  children,
  testId,
  status,
}: {
  tone?: Tone;
  children: ReactNode;
  testId?: string;
  /** The raw status, exposed as `data-status` for tests and styles. */
  status?: string;
}) {
  return (
    <span className={`pill pill--${tone}`} data-testid={testId} data-status={status}>
      {children}
    </span>
  );
}
