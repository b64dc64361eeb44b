/** The public keys every service verifies access tokens with. */
import { Type } from '@sinclair/typebox';
import type { App } from '@sauda/kit';
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
