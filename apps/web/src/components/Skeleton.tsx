import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** A grey shimmering placeholder where content is about to appear. */
export function Skeleton({
  variant = 'text',
  width,
  height,
  className = '',
}: {
  variant?: 'text' | 'title' | 'block' | 'circle';
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  className?: string;
}) {
  return (
    <span
      className={`skeleton skeleton--${variant} ${className}`.trim()}
      style={width !== undefined || height !== undefined ? { width, height } : undefined}
      aria-hidden="true"
    />
  );
}

/** Placeholder rows for a list or table that is loading; announced once as "Loading…". */
export function SkeletonRows({ rows = 5, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-rows" role="status" aria-label={label ?? t('app.loading')}>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton-rows__row" aria-hidden="true">
          <Skeleton variant="block" width={40} height={40} />
          <span className="skeleton-rows__lines">
            <Skeleton width={`${60 - (index % 3) * 12}%`} />
            <Skeleton width={`${30 + (index % 2) * 10}%`} />
          </span>
        </div>
      ))}
    </div>
  );
}
