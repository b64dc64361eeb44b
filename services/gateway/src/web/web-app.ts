/** Serves the built web app: hashed assets cached for a year, every other page answered by index.html. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '@sauda/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Registers the static files and the single-page-app fallback; does nothing when the build is missing. */
export async function registerWebApp(app: App, dist: string | undefined): Promise<boolean> {
  if (!dist || !existsSync(join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web app build not found; serving the API only');
    return false;
  }
  // serve: false — one route below answers every page and asset, so it declares its access like any other.
  await app.register(fastifyStatic, { root: dist, serve: false });
  const page = {
    config: { auth: { access: 'public', owns: 'the public web app' } },
    schema: { hide: true },
  } as const;
  const serve = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    // A missing asset is a 404, not the app: a stale page must not execute HTML as a script.
    if (/\.[a-z0-9]+$/i.test(path)) {
      const immutable = path.startsWith('/assets/');
      return reply.sendFile(path.slice(1), { maxAge: immutable ? 31_536_000_000 : 0, immutable });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  app.get('/', page, serve);
  app.get('/*', page, serve);
  return true;
}
