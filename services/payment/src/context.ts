/** What the payment use cases run with: the database, the providers, and the few business settings. */
import type { Db } from '@sauda/kit';
import type { PaymentProvider, Providers } from './providers/provider.ts';
import type { SandboxBank } from './providers/sandbox-bank.ts';

export interface PaymentContext {
  db: Db;
  /** Every provider a card token may live in, by name. */
  providers: Providers;
  /** The provider new cards are tokenised with. */
  cardProvider: PaymentProvider;
  /** The sandbox bank, when it runs (it alone offers the challenge page). */
  sandbox?: SandboxBank | undefined;
  providerTimeoutMs: number;
  returnWindowDays: number;
}
