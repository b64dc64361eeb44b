import type { ReactNode } from 'react';
import { Logo } from './Logo.tsx';

/**
 * A centred card holding one short form (sign-in, register, recovery): the mark, a title and
 * subtitle, the form, and a footer line such as "New to Sauda? Create an account".
 */
export function FormCard({
  title,
  subtitle,
  children,
  footer,
  withLogo = true,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  withLogo?: boolean;
}) {
  return (
    <div className="form-card-page">
      <div className="form-card">
        <div className="form-card__head">
          {withLogo && <Logo withWord={false} />}
          <h1 className="form-card__title">{title}</h1>
          {subtitle && <p className="form-card__subtitle">{subtitle}</p>}
        </div>
        {children}
        {footer && <p className="form-card__footer">{footer}</p>}
      </div>
    </div>
  );
}
