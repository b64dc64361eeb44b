import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { schemaProblem } from './validate.ts';

describe('event data formats', () => {
  it.each([
    ['date', '2026-11-21', true],
    ['date', '2026-13-45', false],
    ['date', '2026-11-21T10:00:00Z', false],
    ['date-time', '2026-11-21T10:00:00+05:00', true],
    ['date-time', '2026-11-21', false],
    ['uuid', '01990000-0000-7000-8000-000000000000', true],
    ['uuid', 'not-a-uuid', false],
  ])('a %s field accepts %s: %s', (format, value, ok) => {
    expect(schemaProblem(Type.String({ format }), value) === null).toBe(ok);
  });
});
