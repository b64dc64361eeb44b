import { describe, expect, it } from 'vitest';
import { isCommonJsFile, isExternalImport } from './externals.ts';

describe('which imports the service bundles leave to node_modules', () => {
  it.each(['fastify', '@fastify/cors', 'pino/file', 'node:fs', 'fs', 'postgres'])(
    'keeps %s external',
    (specifier) => {
      expect(isExternalImport(specifier)).toBe(true);
    },
  );

  it.each([
    '@sauda/kit',
    '@sauda/kit/testing',
    '@sauda/contracts',
    './app.ts',
    '../config.ts',
    '/abs/file.ts',
    '#internal',
  ])('bundles %s from source', (specifier) => {
    expect(isExternalImport(specifier)).toBe(false);
  });
});

describe('which external packages are loaded with require()', () => {
  const types: Record<string, string> = {
    '/nm/ajv': '',
    '/nm/fastify': '',
    '/nm/jose': 'module',
    '/nm/jose/dist/node/cjs': 'commonjs',
  };
  const packageType = (dir: string) => types[dir];

  it('treats a package without "type" as CommonJS', () => {
    expect(isCommonJsFile('/nm/ajv/dist/ajv.js', packageType)).toBe(true);
  });

  it('treats a "type": "module" package as ESM, unless a nearer package.json says otherwise', () => {
    expect(isCommonJsFile('/nm/jose/dist/node/esm/index.js', packageType)).toBe(false);
    expect(isCommonJsFile('/nm/jose/dist/node/cjs/index.js', packageType)).toBe(true);
  });

  it('lets the file extension win over package.json', () => {
    expect(isCommonJsFile('/nm/jose/index.cjs', packageType)).toBe(true);
    expect(isCommonJsFile('/nm/ajv/index.mjs', packageType)).toBe(false);
    expect(isCommonJsFile('/nm/argon2/argon2.linux-x64-gnu.node', packageType)).toBe(true);
  });
});
