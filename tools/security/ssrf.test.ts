import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { callSitesIn, REVIEWED, scanCallSites } from './ssrf.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('SSRF: outgoing requests from server code', () => {
  it('makes outgoing requests only from the reviewed call sites, each to a configured target', () => {
    const found = scanCallSites(ROOT).map(({ file, kind, count }) => `${file} ${kind} ×${count}`);
    const reviewed = REVIEWED.map(({ file, kind, count }) => `${file} ${kind} ×${count}`);
    expect(found.sort()).toEqual(reviewed.sort());
    for (const site of REVIEWED) expect(site.target.length).toBeGreaterThan(10);
  });

  it('recognises fetch, undici (also renamed), node:http and reply-from, and ignores comments and methods', () => {
    const text = [
      "import { request as undiciRequest, Agent } from 'undici';",
      "import https from 'node:https';",
      '// fetch(userUrl) in a comment does not count',
      'await boss.fetch(queue);',
      'await fetch(url);',
      'await undiciRequest(url);',
      'https.get(url);',
    ].join('\n');
    expect(callSitesIn('x.ts', text)).toEqual([
      { file: 'x.ts', kind: 'fetch', count: 1 },
      { file: 'x.ts', kind: 'undici.request', count: 1 },
      { file: 'x.ts', kind: 'node:http', count: 1 },
    ]);
  });
});
