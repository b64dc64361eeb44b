/** Carrier webhooks: signed, raw body, deduplicated by the carrier's event ids. */
import type { App, Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { CarrierRegistry } from '../carriers/carrier.ts';
import { ingestUpdates } from '../carriers/ingest-updates.ts';
import { CarrierNotFound } from '../errors.ts';
import type { TrackPolicy } from '../tracking/track.ts';

/** Registers `POST /shipping/carriers/:carrier/webhook`. */
export async function carrierRoutes(
  app: App,
  db: Db,
  carriers: CarrierRegistry,
  policy: TrackPolicy,
): Promise<void> {
  await app.register(async (scope) => {
    // The signature covers the exact bytes: keep the body as the string that was sent.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/shipping/carriers/:carrier/webhook',
      {
        config: { auth: { access: 'public', owns: "a carrier's reports (signature checked)" } },
        schema: {
          tags: ['carriers'],
          summary: "A carrier's signed status reports; unknown codes are kept raw",
          params: Type.Object({ carrier: Type.String({ pattern: '^[a-z0-9-]{2,40}$' }) }),
          response: {
            200: Type.Object({
              recorded: Type.Integer(),
              duplicates: Type.Integer(),
              unknownParcels: Type.Integer(),
            }),
          },
        },
      },
      async (request) => {
        // The plugin scope has no TypeBox provider; the params schema above has already validated this shape.
        const { carrier: name } = request.params as { carrier: string };
        const carrier = carriers.get(name);
        if (!carrier) throw new CarrierNotFound();
        const body = typeof request.body === 'string' ? request.body : '';
        const signature = request.headers['x-carrier-signature'];
        carrier.verifyWebhook(body, typeof signature === 'string' ? signature : undefined);
        return ingestUpdates(db, carrier, carrier.parseWebhook(body), policy);
      },
    );
  });
}
