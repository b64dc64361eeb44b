/**
 * Measures a Vite build of apps/web from its manifest: what the first visit downloads (the entry chunk and
 * everything it imports statically, JS and CSS) and what each lazily loaded area adds on top, gzipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One record of `.vite/manifest.json`. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Gzipped bytes of a set of files, split by kind. */
export interface Weight {
  js: number;
  css: number;
  total: number;
  files: string[];
}

/** The entry's weight and each lazy chunk's own weight (files the entry already loaded are not counted again). */
export interface BundleReport {
  entry: Weight;
  lazy: Array<{ source: string } & Weight>;
}

/** Every file a chunk loads before it runs: itself, its static imports (transitively) and their CSS. */
export function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const files = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = manifest[name];
    if (!chunk) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return files;
}

/** Weighs the build in `dist` (which must have been built with `build.manifest: true`). */
export function measureBundle(
  dist: string,
  gzipped: (file: string) => number = gzipSize(dist),
): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error(`${dist}: the manifest names no entry chunk`);
  const entryFiles = closure(manifest, entryKey);
  const weigh = (files: Iterable<string>): Weight => {
    const list = [...files].sort();
    const js = list.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipped(f), 0);
    const css = list.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gzipped(f), 0);
    return { js, css, total: js + css, files: list };
  };
  const lazy = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([key, chunk]) => {
      const own = [...closure(manifest, key)].filter((file) => !entryFiles.has(file));
      return { source: chunk.src ?? key, ...weigh(own) };
    })
    .sort((a, b) => b.total - a.total);
  return { entry: weigh(entryFiles), lazy };
}

function gzipSize(dist: string): (file: string) => number {
  return (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}
