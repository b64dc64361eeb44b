/** Schema checks for event data and envelopes (TypeBox `Value`, no coercion: what is sent is what is checked). */
import { EventEnvelope } from '@sauda/contracts';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

// TypeBox's Value.Check rejects every string with an unregistered format, and the contracts use these three.
// Registered only when absent so an application-wide registration elsewhere wins.
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));
if (!FormatRegistry.Has('date')) {
  FormatRegistry.Set('date', (value) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
}
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
}

/** Event data that does not match its declared schema; thrown by `appendEvent`, so nothing bad is stored. */
export class InvalidEventData extends Error {
  constructor(
    readonly eventType: string,
    readonly problem: string,
  ) {
    super(`invalid ${eventType} data: ${problem}`);
    this.name = 'InvalidEventData';
  }
}

/** The first schema violation as `path: message`, or null when `value` matches `schema`. */
export function schemaProblem(schema: TSchema, value: unknown): string | null {
  if (Value.Check(schema, value)) return null;
  const first = Value.Errors(schema, value).First();
  return first ? `${first.path || '/'}: ${first.message}` : 'does not match the schema';
}

/** Reads an envelope off the wire: the envelope, or why it is not one. */
export function readEnvelope(message: unknown): { envelope: EventEnvelope } | { problem: string } {
  const problem = schemaProblem(EventEnvelope, message);
  return problem === null
    ? { envelope: message as EventEnvelope }
    : { problem: `not an event envelope: ${problem}` };
}

/** True when `value` is a UUID, so it may go into a uuid column. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
