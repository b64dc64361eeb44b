/** `npm run deploy:generate`: writes deploy/ from the service descriptions and removes files it no longer makes. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { REPO } from './description.ts';
import { GENERATED_ROOTS, renderDeployment } from './render.ts';

/** Every file under the generated roots, as paths from the repository root. */
export async function existingFiles(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else found.push(relative(REPO, path));
    }
  };
  for (const root of GENERATED_ROOTS) await walk(join(REPO, root));
  return found.sort();
}

async function main(): Promise<void> {
  const files = await renderDeployment();
  for (const stale of await existingFiles()) if (!files.has(stale)) await rm(join(REPO, stale));
  for (const [path, text] of files) {
    await mkdir(dirname(join(REPO, path)), { recursive: true });
    await writeFile(join(REPO, path), text);
  }
  console.log(`deploy: wrote ${files.size} files under ${GENERATED_ROOTS.join(', ')}/`);
}

if (process.argv[1] && import.meta.url.endsWith(relative(REPO, process.argv[1]))) await main();
