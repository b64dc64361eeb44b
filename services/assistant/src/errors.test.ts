import { describe, expect, it } from 'vitest';
import { assistantErrors } from './errors.ts';
import { describeApi } from './openapi.ts';

describe('the error catalogue', () => {
  it('every assistant error code appears in the OpenAPI document', async () => {
    const text = JSON.stringify(await describeApi());
    for (const error of assistantErrors) expect(text, error.code).toContain(error.code);
  });
});
