/** The event envelope every Sauda event travels in, and the way events are declared. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Timestamp, Uuid } from './primitives.ts';

/** Event names: `<service>.<entity>.<past-verb>.v<N>`. */
export const EVENT_TYPE_PATTERN = /^[a-z]+\.[a-z-]+\.[a-z_-]+\.v[0-9]+$/;

/** The envelope: id (UUIDv7, also the broker's dedup id), type, occurredAt, data, trace headers. */
export const EventEnvelope = Type.Object(
  {
    id: Uuid,
    type: Type.String({ pattern: EVENT_TYPE_PATTERN.source }),
    occurredAt: Timestamp,
    source: Type.String({ description: 'the publishing service' }),
    data: Type.Unknown(),
    headers: Type.Record(Type.String(), Type.String(), {
      description: 'W3C trace context (traceparent, tracestate) and other transport metadata',
    }),
  },
  { additionalProperties: false },
);
export type EventEnvelope = Static<typeof EventEnvelope>;

/** A declared event: its name and the schema of its data. */
export interface EventDefinition<Name extends string = string, Data extends TSchema = TSchema> {
  readonly type: Name;
  readonly schema: Data;
}

/** Declares an event once; publishers and consumers both use the returned definition. */
export function defineEvent<const Name extends string, Data extends TSchema>(
  type: Name,
  schema: Data,
): EventDefinition<Name, Data> {
  if (!EVENT_TYPE_PATTERN.test(type))
    throw new Error(`event name ${type} must be <service>.<entity>.<verb>.v<N>`);
  return { type, schema };
}

/** The data type of a declared event. */
export type EventData<E extends EventDefinition> = Static<E['schema']>;

/** An envelope whose data is typed by its definition. */
export type TypedEnvelope<E extends EventDefinition> = Omit<EventEnvelope, 'data' | 'type'> & {
  type: E['type'];
  data: EventData<E>;
};
