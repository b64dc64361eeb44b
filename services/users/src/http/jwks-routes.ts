/** The public keys every service verifies access tokens with, and the sessions whose tokens it must refuse. */
import { Type } from '@sinclair/typebox';
import { Timestamp, Uuid } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import type { UsersContext } from '../context.ts';
import { listRevokedSessions } from '../sessions/list-revoked-sessions.ts';
import type { SigningKeys } from '../tokens/load-signing-keys.ts';

const PublicJwk = Type.Object({
  kty: Type.String(),
  crv: Type.String(),
  x: Type.String(),
  y: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String(),
});

export function jwksRoutes(app: App, keys: SigningKeys): void {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { auth: { access: 'public', owns: 'nothing private: the public halves of the signing keys' } },
      schema: {
        tags: ['auth'],
        summary: 'JSON Web Key Set of the access-token signing keys',
        response: { 200: Type.Object({ keys: Type.Array(PublicJwk) }) },
      },
    },
    async (_request, reply) => {
      // Caching briefly is safe: verifiers refetch at once when a token names a kid they do not know.
      void reply.header('cache-control', 'public, max-age=300');
      return keys.jwks;
    },
  );
}

/** Ended sessions (logout, blocked account, password change) for the kit's verifiers to poll (ADR 0008). */
export function revokedSessionRoutes(app: App, ctx: UsersContext): void {
  app.get(
    '/.well-known/revoked-sessions.json',
    {
      // Polled every 5 s by every verifying process: not a line per request in the logs.
      logLevel: 'warn',
      config: {
        auth: {
          access: 'public',
          owns: 'nothing private: random session ids, useless without a token signed for them',
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sessions ended within the access-token lifetime, whose tokens every service refuses',
        querystring: Type.Object(
          { since: Type.Optional(Type.String({ format: 'date-time' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            asOf: Timestamp,
            windowSeconds: Type.Integer(),
            sessions: Type.Array(Type.Object({ id: Uuid, revokedAt: Timestamp })),
          }),
        },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const { since } = request.query;
      return listRevokedSessions(ctx, since === undefined ? undefined : new Date(since));
    },
  );
}
