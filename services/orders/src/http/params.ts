/** Path and query pieces every orders route table shares. */
import { Uuid } from '@sauda/contracts';
import { Type } from '@sinclair/typebox';

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};
