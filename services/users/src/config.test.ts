import { describe, expect, it } from 'vitest';
import { ConfigError } from '@sauda/kit';
import { parseConfig } from './config.ts';

const DATABASE_URL = 'postgres://localhost/users';

describe('users configuration', () => {
  it('needs no signing keys in embedded mode: they are generated into JWT_PRIVATE_KEYS_DIR', () => {
    const config = parseConfig({ DATABASE_URL });
    expect(config.SAUDA_MODE).toBe('embedded');
    expect(config.PORT).toBe(8101);
    expect(config.JWT_PRIVATE_KEYS).toBeUndefined();
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('refuses to start in cluster mode without JWT_PRIVATE_KEYS (no default secret)', () => {
    expect(() => parseConfig({ DATABASE_URL, SAUDA_MODE: 'cluster' })).toThrow(ConfigError);
    expect(() => parseConfig({ DATABASE_URL, SAUDA_MODE: 'cluster' })).toThrow(/JWT_PRIVATE_KEYS/);
    const secrets = 'orders:orders-secret-0123456789';
    expect(
      parseConfig({
        DATABASE_URL,
        SAUDA_MODE: 'cluster',
        JWT_PRIVATE_KEYS: '{"keys":[]}',
        SERVICE_CLIENT_SECRETS: secrets,
      }).SAUDA_MODE,
    ).toBe('cluster');
  });

  it('never seeds the demo accounts (public password) outside embedded mode', () => {
    const env = { DATABASE_URL, SAUDA_MODE: 'cluster', JWT_PRIVATE_KEYS: '{"keys":[]}', DEMO_SEED: 'true' };
    expect(() => parseConfig(env)).toThrow(/DEMO_SEED/);
    expect(parseConfig({ DATABASE_URL, DEMO_SEED: 'true' }).DEMO_SEED).toBe(true);
  });

  it('refuses to start without a database', () => {
    expect(() => parseConfig({})).toThrow(/DATABASE_URL: is required/);
  });
});
