/**
 * Provider webhooks: verified, deduplicated by the provider's event id, and order-independent — the body
 * only says which authorization changed; its current state is fetched from the provider and applied
 * through the transition table.
 */
import { withTransaction } from '@sauda/kit';
import type { PaymentContext } from '../context.ts';
import { findIntentByRef } from '../data/intents-repo.ts';
import { IntentNotFound } from '../errors.ts';
import { applyProviderState } from '../intents/apply-provider-state.ts';

/** Handles one webhook; answers whether it was new. An unknown reference is refused so the sender retries. */
export async function receiveWebhook(
  ctx: PaymentContext,
  providerName: string,
  rawBody: string,
  signature: string | undefined,
): Promise<{ duplicate: boolean }> {
  const provider = ctx.providers.get(providerName);
  if (!provider) throw new IntentNotFound(`no provider ${providerName}`);
  const event = provider.verifyWebhook(rawBody, signature);
  return withTransaction(ctx.db, async (tx) => {
    const fresh = await tx`
      insert into webhook_events (provider, event_id, type) values (${providerName}, ${event.eventId}, ${event.type})
      on conflict do nothing returning event_id`;
    if (fresh.length === 0) return { duplicate: true };
    const intent = await findIntentByRef(tx, providerName, event.ref, true);
    // The intent may not be committed yet (the answer raced its own webhook): refuse, the sender retries.
    if (!intent) throw new IntentNotFound('no payment for this provider reference yet');
    const state = await provider.retrieve(event.ref);
    await applyProviderState(tx, intent, state);
    return { duplicate: false };
  });
}
