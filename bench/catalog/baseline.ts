/**
 * The catalog baseline: bare Fastify + PostgreSQL, one indexed query returning 20 rows of the same
 * products table the shop serves — the floor our stack is compared with. argv: port, database URL.
 */
import Fastify from 'fastify';
import postgres from 'postgres';

const sql = postgres(process.argv[3] ?? '', { max: 10 });
const app = Fastify({ logger: false });
app.get(
  '/',
  async () =>
    sql`select id, slug, title, price_amount, currency, image_url, rating, created_at from products
      where status = 'active' order by created_at desc limit 20`,
);
await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.on('SIGTERM', () => void app.close().then(() => sql.end()));
