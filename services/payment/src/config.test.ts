import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const base = { DATABASE_URL: 'postgres://x/y' };

describe('payment configuration', () => {
  it('gives the sandbox webhook secret a default in embedded demo mode only', () => {
    expect(readConfig({ ...base, SAUDA_MODE: 'embedded' }).SANDBOX_WEBHOOK_SECRET.length).toBeGreaterThan(16);
    expect(() => readConfig({ ...base, SAUDA_MODE: 'cluster' })).toThrow(/SANDBOX_WEBHOOK_SECRET/);
    expect(
      readConfig({ ...base, SAUDA_MODE: 'cluster', SANDBOX_WEBHOOK_SECRET: 'a-real-secret-of-length' })
        .SANDBOX_WEBHOOK_SECRET,
    ).toBe('a-real-secret-of-length');
  });

  it('requires the Stripe keys when Stripe is the provider', () => {
    expect(() => readConfig({ ...base, PAYMENT_PROVIDER: 'stripe' })).toThrow(
      /STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET/,
    );
  });

  it('defaults the return window to 14 days and the port to 8105', () => {
    const config = readConfig(base);
    expect(config.RETURN_WINDOW_DAYS).toBe(14);
    expect(config.PORT).toBe(8105);
  });
});
