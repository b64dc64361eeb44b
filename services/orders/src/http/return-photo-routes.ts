/** Return photos: one image per multipart upload; served back to the people who may see the return. */
import multipart from '@fastify/multipart';
import { Uuid } from '@sauda/contracts';
import { hasRole, principalOf, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { OrdersContext } from '../context.ts';
import { PhotoInvalid } from '../errors.ts';
import { readPhoto, storePhoto } from '../returns/store-photo.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** Registers multipart and the photo routes. */
export async function returnPhotoRoutes(app: App, ctx: OrdersContext): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 2 } });
  app.post(
    '/orders/returns/photos',
    {
      config: { auth: { access: ['customer'], owns: "the caller's own return photos" } },
      schema: {
        tags: ['returns'],
        summary: 'Upload one photo for a return (multipart field "file"; JPEG, PNG or WebP up to 10 MB)',
        response: { 201: Type.Object({ photoId: Uuid, url: Type.String() }) },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: MAX_BYTES, files: 1 } }).catch(() => undefined);
      if (!part) throw new PhotoInvalid();
      const bytes = await part.toBuffer().catch(() => {
        throw new PhotoInvalid();
      });
      return reply.status(201).send(await storePhoto(ctx, principalOf(request).id, bytes));
    },
  );
  app.get(
    '/orders/returns/photos/:id',
    {
      config: {
        auth: { access: 'authenticated', owns: 'photos of returns the caller made, sells or handles' },
      },
      schema: { tags: ['returns'], summary: 'A return photo (WebP)', params: Type.Object({ id: Uuid }) },
    },
    async (request, reply) => {
      const caller = principalOf(request);
      const staff = hasRole(caller, 'admin') || hasRole(caller, 'support');
      const bytes = await readPhoto(ctx, { id: caller.id, staff }, request.params.id);
      return reply.type('image/webp').header('cache-control', 'private, max-age=3600').send(bytes);
    },
  );
}
