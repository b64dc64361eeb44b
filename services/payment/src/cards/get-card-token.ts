/** A card token's metadata, for its owner only (users stores saved methods by asking with the customer's token). */
import type { CardToken } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { CardTokenNotFound } from '../errors.ts';

/** Token row as stored. */
export interface TokenRow {
  token: string;
  customer_id: string;
  provider: string;
  provider_token: string;
  brand: CardToken['brand'];
  last4: string;
  exp_month: number;
  exp_year: number;
}

/** Loads a token owned by `customerId`; another customer's token is "not found", not "forbidden". */
export async function findOwnToken(db: Queryable, token: string, customerId: string): Promise<TokenRow> {
  const [row] = await db<
    TokenRow[]
  >`select * from card_tokens where token = ${token} and customer_id = ${customerId}`;
  if (!row) throw new CardTokenNotFound();
  return row;
}

/** The metadata of the caller's own token. */
export async function getCardToken(db: Queryable, token: string, customerId: string): Promise<CardToken> {
  const row = await findOwnToken(db, token, customerId);
  return {
    token: row.token,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
  };
}
