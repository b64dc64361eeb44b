import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ConfigError, baseConfig, loadConfig } from './config.ts';

const schema = Type.Object({
  ...baseConfig,
  API_KEY: Type.String({ minLength: 1 }),
  ENABLED: Type.Boolean({ default: false }),
});

describe('loadConfig', () => {
  it('converts numbers and booleans from strings and applies defaults', () => {
    const config = loadConfig(schema, { PORT: '8101', API_KEY: 'k', ENABLED: 'true' });
    expect(config.PORT).toBe(8101);
    expect(config.ENABLED).toBe(true);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.SAUDA_MODE).toBe('embedded');
  });

  it('freezes the result so nothing changes it later', () => {
    const config = loadConfig(schema, { PORT: '1', API_KEY: 'k' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every missing or bad variable in one error', () => {
    try {
      loadConfig(schema, { PORT: 'eighty', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('API_KEY: is required');
      expect(problems).toContain('LOG_LEVEL');
    }
  });

  it('ignores unrelated environment variables', () => {
    const config = loadConfig(schema, { PORT: '1', API_KEY: 'k', HOME: '/root' });
    expect(config).not.toHaveProperty('HOME');
  });
});
