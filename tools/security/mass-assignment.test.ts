import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openObjects, undeclaredPrivileged, writeOperations, type OpenApiBodies } from './mass-assignment.ts';

const doc = JSON.parse(
  readFileSync(new URL('../../contracts/openapi/sauda.json', import.meta.url), 'utf8'),
) as OpenApiBodies;

describe('mass assignment, from the merged OpenAPI document', () => {
  it('finds the create and update operations of every service', () => {
    const operations = writeOperations(doc);
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining(['PATCH /api/me', 'POST /api/seller/products', 'POST /api/checkout']),
    );
  });

  it('closes every object of every request body (additionalProperties: false), nested ones too', () => {
    const open = writeOperations(doc).flatMap((op) =>
      openObjects(doc, op.schema).map((at) => `${op.method} ${op.path} body${at}`),
    );
    expect(open).toEqual([]);
  });

  it('reports an open object, a nested one and a $ref, and treats a typed record as closed', () => {
    const sample: OpenApiBodies = {
      paths: {},
      components: { schemas: { Money: { type: 'object', properties: { amount: { type: 'integer' } } } } },
    };
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        price: { $ref: '#/components/schemas/Money' },
        lines: { type: 'array', items: { type: 'object', properties: {} } },
        attributes: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };
    expect(openObjects(sample, schema)).toEqual(['/price', '/lines/[]']);
  });

  it('knows which privileged fields a body does not declare (a seller may set a price, not a sellerId)', () => {
    const create = writeOperations(doc).find(
      (op) => op.method === 'POST' && op.path === '/api/seller/products',
    );
    if (!create) throw new Error('POST /api/seller/products is in the document');
    const undeclared = undeclaredPrivileged(doc, create);
    expect(undeclared).toContain('sellerId');
    expect(undeclared).not.toContain('price');
  });
});
