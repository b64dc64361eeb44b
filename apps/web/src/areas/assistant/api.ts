/** Calls of the assistant: the chat (streamed as server-sent events), confirmations, and add to cart. */
import type { ActionOutcome, ChatAnswer, Product } from '@sauda/contracts';
import { api } from '../../api/client.ts';
import { API_BASE } from '../../api/http.ts';
import { getAccessToken } from '../../api/session.ts';

export type { ActionOutcome, ChatAction, ChatAnswer, ChatProduct } from '@sauda/contracts';

export interface StreamHandlers {
  /** A piece of the reply text, as it is produced. */
  onDelta(text: string): void;
}

/** Sends one message; the reply streams into `onDelta`, the whole answer resolves at the end. */
export async function sendMessage(
  body: { message: string; sessionId?: string; language: string },
  handlers: StreamHandlers,
  signal?: AbortSignal,
): Promise<ChatAnswer> {
  const token = await getAccessToken();
  const response = await fetch(`${API_BASE}/assistant/chat`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok || !response.body) throw new Error(`assistant answered ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let answer: ChatAnswer | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event || data === undefined) continue;
      if (event === 'delta') handlers.onDelta((JSON.parse(data) as { text: string }).text);
      if (event === 'done') answer = JSON.parse(data) as ChatAnswer;
      if (event === 'error') throw new Error('assistant stream failed');
    }
  }
  if (!answer) throw new Error('assistant stream ended early');
  return answer;
}

/** Confirms a proposed action (it runs once, as the signed-in customer or this browser's guest cart). */
export const confirmAction = (id: string) => api.post<ActionOutcome>(`/assistant/actions/${id}/confirm`);

/** Adds a product to the cart: its given variant, else the cheapest one of its page. */
export async function addProductToCart(productId: string, variantId?: string): Promise<void> {
  let variant = variantId;
  if (!variant) {
    const product = await api.get<Product>(`/products/${productId}`);
    variant = [...(product.variants ?? [])].sort((a, b) => a.price.amount - b.price.amount)[0]?.id;
  }
  if (!variant) throw new Error('no variant to add');
  await api.post('/cart/items', { variantId: variant, quantity: 1 });
}
