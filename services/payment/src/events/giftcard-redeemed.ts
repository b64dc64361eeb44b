/** `shop.giftcard.redeemed.v1`: the redeemed amount lands in the customer's wallet, once per redemption. */
import type { GiftCardRedeemed } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { accounts } from '../ledger/post-entries.ts';
import { creditWallet } from '../wallet/wallet-ledger.ts';

/** Runs in the consumer's transaction after the inbox recorded the event; the redemption id guards again. */
export const onGiftCardRedeemed: EventHandler<typeof GiftCardRedeemed> = async (event, tx) => {
  await creditWallet(tx, {
    customerId: event.data.customerId,
    amount: event.data.amount,
    fromAccount: accounts.giftcards,
    source: 'giftcard',
    reference: event.data.redemptionId,
    memo: event.data.giftCardId,
  });
};
