/** `npm run openapi`: regenerates contracts/openapi/*.json (CI fails when they are stale). */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDocuments, OUT_DIR } from './documents.ts';

const files = await generateDocuments();
await mkdir(OUT_DIR, { recursive: true });
for (const old of await readdir(OUT_DIR)) if (!(old in files)) await rm(join(OUT_DIR, old));
for (const [name, text] of Object.entries(files)) await writeFile(join(OUT_DIR, name), text);
console.log(`openapi: wrote ${Object.keys(files).join(', ')} to contracts/openapi/`);
