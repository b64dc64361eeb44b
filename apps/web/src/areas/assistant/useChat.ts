/** The conversation in the panel: messages, streaming, the session id (kept for the browser tab). */
import { useCallback, useRef, useState } from 'react';
import { sendMessage, type ChatAction, type ChatProduct } from './api.ts';

export interface ChatEntry {
  id: string;
  role: 'customer' | 'assistant';
  text: string;
  products: ChatProduct[];
  actions: ChatAction[];
  streaming: boolean;
  failed?: boolean;
}

const SESSION_KEY = 'sauda.assistant.session';

let counter = 0;
const nextId = () => `m${(counter += 1)}`;

/** Sends messages and keeps the conversation; `language` follows the UI. */
export function useChat(language: string) {
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const session = useRef<string | undefined>(sessionStorage.getItem(SESSION_KEY) ?? undefined);

  const update = (id: string, change: (entry: ChatEntry) => ChatEntry) =>
    setEntries((all) => all.map((entry) => (entry.id === id ? change(entry) : entry)));

  const send = useCallback(
    async (message: string) => {
      const text = message.trim();
      if (!text || busy) return;
      const reply: ChatEntry = {
        id: nextId(),
        role: 'assistant',
        text: '',
        products: [],
        actions: [],
        streaming: true,
      };
      setEntries((all) => [
        ...all,
        { id: nextId(), role: 'customer', text, products: [], actions: [], streaming: false },
        reply,
      ]);
      setSuggestions([]);
      setBusy(true);
      try {
        const answer = await sendMessage(
          { message: text, language, ...(session.current ? { sessionId: session.current } : {}) },
          { onDelta: (delta) => update(reply.id, (entry) => ({ ...entry, text: entry.text + delta })) },
        );
        session.current = answer.sessionId;
        sessionStorage.setItem(SESSION_KEY, answer.sessionId);
        update(reply.id, (entry) => ({
          ...entry,
          text: answer.reply,
          products: answer.products,
          actions: answer.actions,
          streaming: false,
        }));
        setSuggestions(answer.suggestions);
      } catch {
        update(reply.id, (entry) => ({ ...entry, streaming: false, failed: true }));
      } finally {
        setBusy(false);
      }
    },
    [busy, language],
  );

  /** Adds the assistant's note after a confirmed action. */
  const note = useCallback((text: string) => {
    setEntries((all) => [
      ...all,
      { id: nextId(), role: 'assistant', text, products: [], actions: [], streaming: false },
    ]);
  }, []);

  const reset = useCallback(() => {
    session.current = undefined;
    sessionStorage.removeItem(SESSION_KEY);
    setEntries([]);
    setSuggestions([]);
  }, []);

  return { entries, suggestions, busy, send, note, reset };
}
