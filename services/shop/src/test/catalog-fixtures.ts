/** Callers and helpers the catalog tests share: two sellers, a customer, an admin, multipart bodies. */
import type { Product } from '@sauda/contracts';
import sharp from 'sharp';
import type { ShopTestApp } from './shop-test-app.ts';

export interface Callers {
  alice: string;
  bob: string;
  customer: string;
  admin: string;
  aliceId: string;
  bobId: string;
}

/** Bearer headers for two sellers, a customer and an admin. */
export async function callers(t: ShopTestApp): Promise<Callers> {
  const aliceId = '01940000-0000-7000-8000-0000000000a1';
  const bobId = '01940000-0000-7000-8000-0000000000b2';
  const bearer = async (
    id: string,
    roles: Parameters<ShopTestApp['tokens']['sign']>[0]['roles'],
    name: string,
  ) => `Bearer ${await t.tokens.sign({ id, roles, name })}`;
  return {
    alice: await bearer(aliceId, ['seller'], 'Alice Crafts'),
    bob: await bearer(bobId, ['seller'], 'Bob Goods'),
    customer: await bearer('01940000-0000-7000-8000-0000000000c3', ['customer'], 'Cus'),
    admin: await bearer('01940000-0000-7000-8000-0000000000d4', ['admin'], 'Admin'),
    aliceId,
    bobId,
  };
}

/** Creates a product as `authorization` and returns it. */
export async function createAs(t: ShopTestApp, authorization: string, body: object): Promise<Product> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/seller/products',
    payload: body,
    headers: { authorization },
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json<Product>();
}

/** A multipart/form-data body with one file field (and optional text fields). */
export function multipart(
  file: { name: string; type: string; body: Buffer },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----sauda-test-boundary';
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
    ),
    file.body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small real PNG. */
export async function pngImage(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();
}
