/** The customer cabinet: addresses, saved cards, the seller application (`/me/...`). */
import { Type } from '@sinclair/typebox';
import { Address, PaymentMethod, SellerApplication, Uuid } from '@sauda/contracts';
import { NotFound, principalOf, type App } from '@sauda/kit';
import {
  addAddress,
  editAddress,
  listAddresses,
  removeAddress,
  setDefaultAddress,
} from '../addresses/manage-addresses.ts';
import type { UsersContext } from '../context.ts';
import { latestApplication } from '../data/seller-applications.ts';
import {
  listPaymentMethods,
  removePaymentMethod,
  savePaymentMethod,
  setDefaultPaymentMethod,
} from '../payment-methods/manage-payment-methods.ts';
import { applyAsSeller } from '../sellers/apply-as-seller.ts';
import { clientOf } from './client-info.ts';
import { addressView, applicationView, paymentMethodView } from './views.ts';

const Phone = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' });
const AddressBody = Type.Object(
  {
    label: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    recipient: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    street: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    postalCode: Type.String({ minLength: 1, maxLength: 16 }),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid });
const addresses = { access: 'authenticated', owns: "the caller's own addresses" } as const;
const cards = { access: 'authenticated', owns: "the caller's own saved cards" } as const;
const application = { access: 'authenticated', owns: "the caller's own seller application" } as const;

export function cabinetRoutes(app: App, ctx: UsersContext): void {
  app.get(
    '/me/addresses',
    {
      config: { auth: addresses },
      schema: {
        tags: ['addresses'],
        summary: 'My addresses, the default first',
        response: { 200: Type.Array(Address) },
      },
    },
    async (request) => (await listAddresses(ctx, principalOf(request).id)).map(addressView),
  );
  app.post(
    '/me/addresses',
    {
      config: { auth: addresses },
      schema: {
        tags: ['addresses'],
        summary: 'Add an address (Kazakh ones: a listed city and a 6-digit postal code)',
        body: Type.Composite([AddressBody, Type.Object({ isDefault: Type.Optional(Type.Boolean()) })], {
          additionalProperties: false,
        }),
        response: { 201: Address },
      },
    },
    async (request, reply) =>
      reply.status(201).send(addressView(await addAddress(ctx, principalOf(request).id, request.body))),
  );
  app.put(
    '/me/addresses/:id',
    {
      config: { auth: addresses },
      schema: {
        tags: ['addresses'],
        summary: 'Replace an address',
        params: IdParams,
        body: AddressBody,
        response: { 200: Address },
      },
    },
    async (request) =>
      addressView(await editAddress(ctx, principalOf(request).id, request.params.id, request.body)),
  );
  app.post(
    '/me/addresses/:id/default',
    {
      config: { auth: addresses },
      schema: { tags: ['addresses'], summary: 'Make this the default address', params: IdParams },
    },
    async (request, reply) => {
      await setDefaultAddress(ctx, principalOf(request).id, request.params.id);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/me/addresses/:id',
    {
      config: { auth: addresses },
      schema: { tags: ['addresses'], summary: 'Delete an address', params: IdParams },
    },
    async (request, reply) => {
      await removeAddress(ctx, principalOf(request).id, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me/payment-methods',
    {
      config: { auth: cards },
      schema: {
        tags: ['payment-methods'],
        summary: 'My saved cards',
        response: { 200: Type.Array(PaymentMethod) },
      },
    },
    async (request) => (await listPaymentMethods(ctx, principalOf(request).id)).map(paymentMethodView),
  );
  app.post(
    '/me/payment-methods',
    {
      config: { auth: cards },
      schema: {
        tags: ['payment-methods'],
        summary:
          'Save a card by the token payment issued (brand, last four and expiry are read from payment)',
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: PaymentMethod },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      // The caller's own bearer: payment checks that the token is theirs.
      const bearer = (request.headers.authorization ?? '').replace(/^Bearer\s+/, '');
      const saved = await savePaymentMethod(
        ctx,
        { accountId: principal.id, bearer, ip: clientOf(request).ip },
        request.body.token,
      );
      return reply.status(201).send(paymentMethodView(saved));
    },
  );
  app.post(
    '/me/payment-methods/:id/default',
    {
      config: { auth: cards },
      schema: { tags: ['payment-methods'], summary: 'Make this the default card', params: IdParams },
    },
    async (request, reply) => {
      await setDefaultPaymentMethod(ctx, principalOf(request).id, request.params.id);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/me/payment-methods/:id',
    {
      config: { auth: cards },
      schema: { tags: ['payment-methods'], summary: 'Forget a saved card', params: IdParams },
    },
    async (request, reply) => {
      await removePaymentMethod(
        ctx,
        { accountId: principalOf(request).id, ip: clientOf(request).ip },
        request.params.id,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/me/seller-application',
    {
      config: { auth: application },
      schema: {
        tags: ['sellers'],
        summary: 'My latest seller application and its decision',
        response: { 200: SellerApplication },
      },
    },
    async (request) => {
      const latest = await latestApplication(ctx.db, principalOf(request).id);
      if (!latest) throw new NotFound('No seller application yet');
      return applicationView(latest);
    },
  );
  app.post(
    '/me/seller-application',
    {
      config: { auth: application },
      schema: {
        tags: ['sellers'],
        summary: 'Apply to become a seller (BIN/IIN and IBAN are checked)',
        body: Type.Object(
          {
            shopName: Type.String({ minLength: 2, maxLength: 80, pattern: '\\S' }),
            legalName: Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' }),
            bin: Type.String({ minLength: 12, maxLength: 16 }),
            iban: Type.String({ minLength: 20, maxLength: 40 }),
            contactEmail: Type.String({ format: 'email', maxLength: 254 }),
            contactPhone: Phone,
          },
          { additionalProperties: false },
        ),
        response: { 201: SellerApplication },
      },
    },
    async (request, reply) => {
      const filed = await applyAsSeller(
        ctx,
        { accountId: principalOf(request).id, ip: clientOf(request).ip },
        request.body,
      );
      return reply.status(201).send(applicationView(filed));
    },
  );
}
