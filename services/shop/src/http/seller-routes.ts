/** Seller routes: a seller creates, edits, archives and lists their own products and their images. */
import { NewProduct, Product, ProductEdit, ProductImage, ProductStatus } from '@sauda/contracts';
import { principalOf, requestLocale, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { InvalidImage } from '../errors.ts';
import type { MediaStore } from '../media/media-store.ts';
import { removeImage, uploadImage } from '../media/upload-image.ts';
import { archiveProduct } from '../products/archive-product.ts';
import { createProduct } from '../products/create-product.ts';
import { editProduct } from '../products/edit-product.ts';
import { getProduct, listOwnProducts } from '../products/get-product.ts';
import { ProductNotFound } from '../errors.ts';

const sellerOnly = { auth: { access: ['seller'], owns: "the calling seller's own products" } } as const;
const ProductId = Type.Object({ id: Type.String({ format: 'uuid' }) });
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Registers the seller product routes (multipart must be registered on `app` for image uploads). */
export function sellerRoutes(app: App, db: Db, media: MediaStore): void {
  app.post(
    '/seller/products',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Create a product',
        body: NewProduct,
        response: { 201: Type.Ref(Product) },
      },
    },
    async (request, reply) => {
      const product = await createProduct(db, principalOf(request), request.body, requestLocale(request));
      return reply.status(201).header('location', `/products/${product.id}`).send(product);
    },
  );
  app.get(
    '/seller/products',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: "The seller's own products, every status (moderation shown)",
        querystring: Type.Object(
          {
            page: Type.Integer({ minimum: 1, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
            status: Type.Optional(ProductStatus),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref(Product)), total: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const { page, limit, status } = request.query;
      return listOwnProducts(db, principalOf(request), page, limit, requestLocale(request), status);
    },
  );
  app.get(
    '/seller/products/:id',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'One own product with variants, gallery and translations',
        params: ProductId,
        response: { 200: Type.Ref(Product) },
      },
    },
    async (request, reply) => {
      const seller = principalOf(request);
      const product = await getProduct(db, request.params.id, seller, requestLocale(request));
      // Another seller's active product is public, but not theirs to manage.
      if (product.sellerId !== seller.id) throw new ProductNotFound();
      reply.header('cache-control', 'private, no-store');
      return product;
    },
  );
  app.patch(
    '/seller/products/:id',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Edit an own product (fields, translations, variants, prices)',
        params: ProductId,
        body: ProductEdit,
        response: { 200: Type.Ref(Product) },
      },
    },
    async (request) =>
      editProduct(db, principalOf(request), request.params.id, request.body, requestLocale(request)),
  );
  app.post(
    '/seller/products/:id/archive',
    {
      config: sellerOnly,
      schema: { tags: ['seller'], summary: 'Archive an own product', params: ProductId },
    },
    async (request, reply) => {
      await archiveProduct(db, principalOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/seller/products/:id/images',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Upload an image (multipart field "file"; optional field "alt")',
        params: ProductId,
        response: { 201: ProductImage },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: MAX_IMAGE_BYTES, files: 1 } });
      if (!part) throw new InvalidImage('send the image as the multipart field "file"');
      const file = await part.toBuffer().catch(() => {
        throw new InvalidImage('the image is larger than 10 MB');
      });
      const altField = part.fields.alt;
      const alt = altField && 'value' in altField && typeof altField.value === 'string' ? altField.value : '';
      const image = await uploadImage(
        db,
        media,
        principalOf(request),
        request.params.id,
        file,
        alt.slice(0, 200),
      );
      return reply.status(201).send(image);
    },
  );
  app.delete(
    '/seller/products/:id/images/:imageId',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Remove an image of an own product',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          imageId: Type.String({ format: 'uuid' }),
        }),
      },
    },
    async (request, reply) => {
      await removeImage(db, media, principalOf(request), request.params.id, request.params.imageId);
      return reply.status(204).send();
    },
  );
}
