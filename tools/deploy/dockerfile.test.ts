import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDescriptions, REPO } from './description.ts';

const dockerfile = await readFile(join(REPO, 'Dockerfile'), 'utf8');
const ignored = (await readFile(join(REPO, '.dockerignore'), 'utf8')).split('\n').map((l) => l.trim());
/** The instructions of the last stage: what the image runs with. */
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('the Dockerfile', () => {
  it('builds with npm ci and npm run build, for the service named by ARG SERVICE', () => {
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/RUN npm run build\b/);
    expect(dockerfile).toMatch(/npm ci --omit=dev .*--workspace "services\/\$\{SERVICE\}"/);
  });

  it('runs a slim Node 20 as a non-root user with a health check, and only the bundle and its externals', () => {
    expect(runtime).toMatch(/^FROM \$\{NODE_IMAGE\} AS runtime/m);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20[\w.-]*-slim$/m);
    expect(runtime).toMatch(/^USER 10001:10001$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health\/live/m);
    expect(runtime).not.toMatch(/^COPY (?!--from)/m);
    expect(runtime).toMatch(/CMD \["node", "--enable-source-maps", "dist\/main\.js"\]/);
  });

  it("copies every folder a service reads beside its bundle (migrations, the assistant's data)", async () => {
    const copied = dockerfile.match(/for dir in ([\w ]+); do/)?.[1]?.split(' ') ?? [];
    for (const { name } of await readDescriptions()) {
      const folders = (await readdir(join(REPO, 'services', name), { withFileTypes: true }))
        .filter((e) => e.isDirectory() && !['src', 'dist', 'node_modules', 'e2e'].includes(e.name))
        .map((e) => e.name);
      for (const folder of folders) expect(copied, `services/${name}/${folder}`).toContain(folder);
    }
    for (const folder of copied) expect(ignored).not.toContain(folder);
  });

  it('keeps dependencies, builds and local data out of the build context', () => {
    for (const entry of ['.git', '**/node_modules', '**/dist', '.data']) expect(ignored).toContain(entry);
  });

  it('is what compose builds, with the service as the build argument', async () => {
    const compose = await readFile(join(REPO, 'deploy/local/compose.yaml'), 'utf8');
    for (const { name } of await readDescriptions()) expect(compose).toContain(`SERVICE: ${name}`);
    expect(compose).toContain('dockerfile: Dockerfile');
  });
});
