import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { NavItem } from '../app/nav.ts';
import { Icon } from '../components/Icon.tsx';
import { fitCount } from './navFit.ts';
import { useDismiss } from '../lib/useDismiss.ts';

const GAP = 4;

/**
 * The desktop navigation on one line: the links that fit, and the rest under "More". A hidden copy
 * of the labels is measured, so the split follows the window width and the language.
 */
export function HeaderNav({ items }: { items: readonly NavItem[] }) {
  const { t } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLUListElement>(null);
  const more = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(items.length);
  const labels = items.map((item) => t(item.label)).join('\u0000');

  useLayoutEffect(() => {
    const element = nav.current;
    if (!element) return;
    const update = () => {
      const widths = [...(measure.current?.children ?? [])].map(
        (child) => child.getBoundingClientRect().width,
      );
      const moreWidth = more.current?.getBoundingClientRect().width ?? 0;
      setShown(fitCount(widths, element.clientWidth, moreWidth, GAP));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [labels]);

  const visible = items.slice(0, shown);
  const hidden = items.slice(shown);
  return (
    <nav ref={nav} className="header__nav" aria-label={t('nav.main')}>
      <ul>
        {visible.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="header__nav-link">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
        {hidden.length > 0 && (
          <li>
            <MoreMenu items={hidden} />
          </li>
        )}
      </ul>
      <div className="header__nav-measure" aria-hidden="true">
        <ul ref={measure}>
          {items.map((item) => (
            <li key={item.to} className="header__nav-link">
              {t(item.label)}
            </li>
          ))}
        </ul>
        <span ref={more} className="header__nav-link">
          {t('nav.more')}
          <Icon name="chevronDown" size={16} />
        </span>
      </div>
    </nav>
  );
}

/** The links that did not fit, in a disclosure menu that closes on a pick, Escape or a click outside. */
function MoreMenu({ items }: { items: readonly NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const holdsCurrent = items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));

  useDismiss(open, setOpen, root, button);

  return (
    <div className="header__more" ref={root}>
      <button
        ref={button}
        type="button"
        className={`header__nav-link header__more-button ${holdsCurrent ? 'active' : ''}`.trim()}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('nav.more')}
        <Icon name="chevronDown" size={16} />
      </button>
      {open && (
        <ul id={panelId} className="header__more-panel">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className="header__more-link" onClick={() => setOpen(false)}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
