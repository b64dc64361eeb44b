/**
 * SSRF (OWASP API7): every place where server code makes an outgoing HTTP request, found by scanning the
 * service and package sources, and the reviewed list of them with where each target comes from. A new call
 * site fails the suite until it is reviewed here: no target may come from a request.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One outgoing-request call site kind in one file. */
export interface CallSite {
  file: string;
  /** `fetch`, `undici.request`, `node:http`, `reply-from`. */
  kind: string;
  count: number;
}

/** A reviewed call site and where its target comes from. */
export interface ReviewedCallSite extends CallSite {
  target: string;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'test', 'testing', 'demo', 'eval']);

/** Source files of services and packages, without tests, test helpers, demo seeds and offline evaluation. */
export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(path);
      } else if (
        /\.ts$/.test(name) &&
        !/\.(test|e2e\.test|contract\.test)\.ts$/.test(name) &&
        !/test-/.test(name)
      ) {
        files.push(path);
      }
    }
  };
  for (const top of ['services', 'packages']) {
    for (const unit of readdirSync(join(root, top))) {
      const src = join(root, top, unit, 'src');
      try {
        if (statSync(src).isDirectory()) walk(src);
      } catch {
        // A folder without src/ (not written yet) has nothing to scan.
      }
    }
  }
  return files.sort();
}

/** The outgoing-request call sites of one source text. */
export function callSitesIn(file: string, text: string): CallSite[] {
  // Comments only: a block comment opens a line, a line comment follows white space (not `http://`).
  const code = text.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const sites: CallSite[] = [];
  const add = (kind: string, count: number) => {
    if (count > 0) sites.push({ file, kind, count });
  };
  add('fetch', (code.match(/(?<![\w.])fetch\s*\(/g) ?? []).length);
  const undici = code.match(/import\s*\{([^}]*)\}\s*from\s*'undici'/);
  if (undici?.[1]) {
    const names = undici[1]
      .split(',')
      .map(
        (part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .at(-1) ?? '',
      )
      .filter((name) => /^(request|undiciRequest|stream|pipeline|connect|fetch)$/.test(name));
    const calls = names.reduce(
      (sum, name) => sum + (code.match(new RegExp(`(?<![\\w.])${name}\\s*\\(`, 'g')) ?? []).length,
      0,
    );
    add('undici.request', calls);
  }
  add(
    'node:http',
    (
      code.match(
        /\bhttps?\.(request|get)\s*\(|import\s*\{[^}]*\b(request|get)\b[^}]*\}\s*from\s*'node:https?'/g,
      ) ?? []
    ).length,
  );
  add('reply-from', /@fastify\/reply-from/.test(code) && /\breply\.from\s*\(/.test(code) ? 1 : 0);
  return sites;
}

/** Every call site under `root`, with paths relative to it. */
export function scanCallSites(root: string): CallSite[] {
  return sourceFiles(root).flatMap((path) => callSitesIn(relative(root, path), readFileSync(path, 'utf8')));
}

/** The reviewed call sites: each target is configuration (a service URL, a provider base), never input. */
export const REVIEWED: ReviewedCallSite[] = [
  {
    file: 'packages/kit/src/auth/service-tokens.ts',
    kind: 'undici.request',
    count: 1,
    target: 'USERS_URL + /auth/service-token',
  },
  {
    file: 'packages/kit/src/auth/verifier.ts',
    kind: 'fetch',
    count: 2,
    target: 'USERS_URL + /.well-known/jwks.json and /.well-known/revoked-sessions.json',
  },
  {
    file: 'packages/kit/src/client/http-client.ts',
    kind: 'undici.request',
    count: 1,
    target: 'the baseUrl a service passes from its <SERVICE>_URL; paths are built from ids, never URLs',
  },
  {
    file: 'packages/kit/src/faults/inject-faults.ts',
    kind: 'undici.request',
    count: 1,
    target: 'GATEWAY_URL + /internal/faults/<service> (dev and test only)',
  },
  {
    file: 'services/assistant/src/llm/openai-stream.ts',
    kind: 'fetch',
    count: 1,
    target: 'the configured LLM endpoint (assistant config) + /chat/completions',
  },
  {
    file: 'services/gateway/src/app.ts',
    kind: 'undici.request',
    count: 1,
    target: 'each configured upstream + /openapi.json',
  },
  {
    file: 'services/gateway/src/health/aggregate.ts',
    kind: 'undici.request',
    count: 1,
    target: 'each configured upstream + /health/ready',
  },
  {
    file: 'services/gateway/src/operations/collect-operations.ts',
    kind: 'undici.request',
    count: 2,
    target: 'each configured upstream replica + /metrics and /health/ready',
  },
  {
    file: 'services/gateway/src/routing/catalog-purge.ts',
    kind: 'undici.request',
    count: 1,
    target: 'the configured SHOP_URL replicas + /.well-known/catalog-changes.json (ADR 0009)',
  },
  {
    file: 'services/gateway/src/routing/proxy.ts',
    kind: 'reply-from',
    count: 1,
    target: 'the upstream of the route table entry the path resolves to (configured <SERVICE>_URL)',
  },
  {
    file: 'services/payment/src/providers/open-providers.ts',
    kind: 'fetch',
    count: 1,
    target: "the sandbox bank's webhook URL: payment's own route, from configuration",
  },
  {
    file: 'services/shop/src/media/s3-media-store.ts',
    kind: 'fetch',
    count: 1,
    target: 'S3_ENDPOINT + the bucket key of an uploaded file (keys are generated ids)',
  },
];
