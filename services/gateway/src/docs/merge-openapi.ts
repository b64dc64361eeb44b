/**
 * The merged API description: each service's OpenAPI document, with its paths moved under the public
 * prefixes of the route table, combined into one document served at /openapi.json and /docs.
 */
import { ROUTES } from '../routing/route-table.ts';

type Json = Record<string, unknown>;
type Paths = Record<string, Json>;

/** Rewrites a service path (`/products/{id}`) to its public path (`/api/products/{id}`), if exposed. */
export function publicPath(service: string, path: string): string | undefined {
  const route = ROUTES.filter((r) => r.service === service).find(
    (r) => path === r.upstreamPrefix || path.startsWith(`${r.upstreamPrefix}/`),
  );
  return route ? route.prefix + path.slice(route.upstreamPrefix.length) : undefined;
}

/** Merges the documents of the services that answered; the ones that did not are listed as unavailable. */
export function mergeOpenApi(documents: Record<string, Json | undefined>, version: string): Json {
  const paths: Paths = {};
  const schemas: Json = {};
  const errorCodes = new Map<string, Json>();
  const unavailable: string[] = [];
  for (const [service, doc] of Object.entries(documents)) {
    if (!doc) {
      unavailable.push(service);
      continue;
    }
    for (const [path, item] of Object.entries((doc.paths ?? {}) as Paths)) {
      // The gateway's own routes are already public paths.
      const exposed = service === 'gateway' ? path : publicPath(service, path);
      if (!exposed) continue;
      paths[exposed] = Object.fromEntries(
        Object.entries(item).map(([method, op]) => [
          method,
          { ...(op as Json), tags: [service, ...(((op as Json).tags as string[] | undefined) ?? [])] },
        ]),
      );
    }
    Object.assign(schemas, ((doc.components as Json | undefined)?.schemas ?? {}) as Json);
    for (const code of (doc['x-error-codes'] ?? []) as Json[]) errorCodes.set(String(code.name), code);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sauda API',
      version,
      description: `The public API of the Sauda marketplace.${unavailable.length ? ` Not reachable now: ${unavailable.join(', ')}.` : ''}`,
    },
    servers: [{ url: '/' }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    'x-error-codes': [...errorCodes.values()],
  };
}
