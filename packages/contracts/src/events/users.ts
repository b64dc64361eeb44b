/** Events published by `users`. */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Locale, Role, Timestamp, Uuid } from '../primitives.ts';

export const UserRegistered = defineEvent(
  'users.user.registered.v1',
  Type.Object({
    userId: Uuid,
    email: Type.String(),
    name: Type.String(),
    roles: Type.Array(Role),
    locale: Locale,
    registeredAt: Timestamp,
  }),
);
