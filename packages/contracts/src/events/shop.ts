/** Events published by `shop`. */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';

export const ProductCreated = defineEvent(
  'shop.product.created.v1',
  Type.Object({
    productId: Uuid,
    sellerId: Uuid,
    slug: Type.String(),
    title: Type.String(),
    price: Money,
    status: Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')]),
    createdAt: Timestamp,
  }),
);
