import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { ImportKind, Plugin } from 'esbuild';

/** Workspace packages are bundled from source; everything else comes from node_modules at run time. */
export function isExternalImport(specifier: string): boolean {
  // Relative and absolute paths and package.json "imports" (#x) belong to the code being bundled.
  if (/^[./#]/.test(specifier) || /^[A-Za-z]:[\\/]/.test(specifier)) return false;
  return !specifier.startsWith('@sauda/');
}

/** Whether Node loads `file` as CommonJS: by extension, else by the nearest package.json "type". */
export function isCommonJsFile(file: string, packageType: (dir: string) => string | undefined): boolean {
  if (/\.(cjs|cts|node|json)$/.test(file)) return true;
  if (/\.(mjs|mts)$/.test(file)) return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const type = packageType(dir);
    if (type !== undefined) return type !== 'module';
    if (dir === dirname(dir)) return true;
  }
}

/**
 * Leaves every bare import except `@sauda/*` to node_modules, as seen from the bundle in `outDir`.
 * - CommonJS packages are loaded with require(), so `import { Ajv } from 'ajv'` works as it does under
 *   tsx and vitest, where Node's stricter named-export detection for CommonJS would refuse it.
 * - A package that a workspace package has in its own node_modules (another version than the root's)
 *   is imported by its path relative to the bundle, since a bare name would find the root's copy.
 */
export function externalDependencies(outDir: string): Plugin {
  return {
    name: 'sauda-external-dependencies',
    setup(build) {
      const resolve = (path: string, kind: ImportKind, resolveDir: string) =>
        build.resolve(path, { kind, resolveDir, pluginData: RESOLVING });
      build.onResolve({ filter: /^[^./#]/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === RESOLVING || !isExternalImport(args.path))
          return;
        if (args.kind === 'require-call' || isBuiltin(args.path)) return { path: args.path, external: true };
        const [fromImporter, fromBundle] = await Promise.all([
          resolve(args.path, args.kind, args.resolveDir),
          resolve(args.path, args.kind, outDir),
        ]);
        if (fromImporter.errors.length > 0) return { path: args.path, external: true };
        const sameCopy = fromBundle.errors.length === 0 && fromBundle.path === fromImporter.path;
        const specifier = sameCopy ? args.path : relativeSpecifier(outDir, fromImporter.path);
        if (!isCommonJsFile(fromImporter.path, packageType)) return { path: specifier, external: true };
        return { path: specifier, namespace: 'sauda-require' };
      });
      build.onLoad({ filter: /.*/, namespace: 'sauda-require' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      // The require() inside those stubs is resolved by Node at run time, from the bundle's location.
      build.onResolve({ filter: /.*/, namespace: 'sauda-require' }, (args) => ({
        path: args.path,
        external: true,
      }));
    },
  };
}

function relativeSpecifier(fromDir: string, file: string): string {
  const path = relative(fromDir, file).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

const RESOLVING = Symbol('resolving an external import');
const packageTypes = new Map<string, string | undefined>();

// "" when the directory holds a package.json without "type" (CommonJS), undefined when none at all.
function packageType(dir: string): string | undefined {
  if (!packageTypes.has(dir)) {
    let type: string | undefined;
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: unknown };
      type = typeof pkg.type === 'string' ? pkg.type : '';
    } catch {
      type = undefined;
    }
    packageTypes.set(dir, type);
  }
  return packageTypes.get(dir);
}
