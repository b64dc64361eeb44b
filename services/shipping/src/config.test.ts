import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const base = { DATABASE_URL: 'postgres://x/y' };

describe('shipping configuration', () => {
  it('gives the carrier webhook secret a default in embedded demo mode only', () => {
    expect(readConfig({ ...base, SAUDA_MODE: 'embedded' }).KAZPOST_WEBHOOK_SECRET.length).toBeGreaterThan(16);
    expect(() => readConfig({ ...base, SAUDA_MODE: 'cluster' })).toThrow(/KAZPOST_WEBHOOK_SECRET/);
  });

  it('defaults to port 8106, three attempts and a poll a minute', () => {
    expect(readConfig(base)).toMatchObject({ PORT: 8106, MAX_DELIVERY_ATTEMPTS: 3, CARRIER_POLL_MS: 60_000 });
  });
});
