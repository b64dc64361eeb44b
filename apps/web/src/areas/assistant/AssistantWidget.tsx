import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useLocale } from '../../lib/useLocale.ts';
import { ChatBubble } from './ChatBubble.tsx';
import { useChat } from './useChat.ts';
import { fabStyle, panelStyle, useVisualViewport } from './useVisualViewport.ts';
import './assistant.css';

/** Staff areas have their own tools; the assistant serves shoppers. */
const HIDDEN_ON = /^\/(warehouse|driver|dispatch|admin|seller)(\/|$)/;

/** The floating chat: a round button, then a panel (full screen on a phone) with the conversation. */
export function AssistantWidget() {
  const { t } = useTranslation('assistant');
  const { language } = useLocale();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const chat = useChat(language);
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const viewport = useVisualViewport();

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [chat.entries]);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (HIDDEN_ON.test(pathname)) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void chat.send(draft);
    setDraft('');
  };
  const chips =
    chat.suggestions.length > 0
      ? chat.suggestions
      : chat.entries.length === 0
        ? [t('chips.search'), t('chips.order'), t('chips.delivery'), t('chips.payment')]
        : [];

  return (
    <>
      {!open && (
        <button
          type="button"
          className="as-fab"
          style={fabStyle(viewport)}
          onClick={() => setOpen(true)}
          aria-label={t('open')}
          data-testid="assistant-open"
        >
          <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
            <path
              d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
            <path
              d="M8.5 12h.01M12 12h.01M15.5 12h.01"
              stroke="currentColor"
              strokeWidth="2.6"
              strokeLinecap="round"
            />
          </svg>
        </button>
      )}
      {open && (
        <section
          className="as-panel"
          style={panelStyle(viewport)}
          role="dialog"
          aria-modal="false"
          aria-labelledby="as-title"
          data-testid="assistant-panel"
        >
          <header className="as-head">
            <div>
              <h2 id="as-title" className="as-head__title">
                {t('title')}
              </h2>
              <p className="as-head__subtitle">{t('subtitle')}</p>
            </div>
            <div className="as-head__tools">
              {chat.entries.length > 0 && (
                <button type="button" className="btn btn--ghost as-head__new" onClick={chat.reset}>
                  {t('newChat')}
                </button>
              )}
              <button
                type="button"
                className="as-head__close"
                onClick={() => setOpen(false)}
                aria-label={t('close')}
              >
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                  <path
                    d="M6 6l12 12M18 6 6 18"
                    stroke="currentColor"
                    strokeWidth="2"
                    strokeLinecap="round"
                  />
                </svg>
              </button>
            </div>
          </header>
          <ol className="as-log" ref={list} aria-live="polite" data-testid="assistant-log">
            <li className="as-msg as-msg--theirs">
              <p className="as-bubble">{t('welcome')}</p>
            </li>
            {chat.entries.map((entry) => (
              <ChatBubble key={entry.id} entry={entry} onNote={chat.note} />
            ))}
          </ol>
          {chips.length > 0 && (
            <div className="as-chips" role="group">
              {chips.map((chip) => (
                <button
                  key={chip}
                  type="button"
                  className="as-chip"
                  disabled={chat.busy}
                  onClick={() => void chat.send(chip)}
                >
                  {chip}
                </button>
              ))}
            </div>
          )}
          <form className="as-form" onSubmit={submit}>
            <input
              ref={input}
              className="input as-form__input"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              placeholder={t('placeholder')}
              aria-label={t('placeholder')}
              maxLength={1000}
              data-testid="assistant-input"
            />
            <button type="submit" className="btn btn--primary" disabled={chat.busy || draft.trim() === ''}>
              {t('send')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
