/**
 * Every translation key the code asks for exists (issue 11): `t('…')` with a literal key must name a
 * message of the namespace its `useTranslation(…)` binds, and `t(`prefix.${…}`)` must name a group of
 * messages. The compiler checks most literal keys already; this also covers built keys and casts.
 * Completeness of ru and kk against en is i18n.test.ts's job.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AREA_LIST } from '../areas/registry.ts';
import { resources } from './languages.ts';

type Messages = { [key: string]: string | Messages };

const SRC = fileURLToPath(new URL('..', import.meta.url));
const PLURAL_SUFFIXES = ['', '_zero', '_one', '_two', '_few', '_many', '_other'];
const english = resources.en as unknown as Record<string, Messages>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The value at a dotted path of a namespace: a message, a group, or undefined. */
function lookup(namespace: string, path: string): string | Messages | undefined {
  let node: string | Messages | undefined = english[namespace];
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

function hasMessage(namespace: string, key: string): boolean {
  const dot = key.lastIndexOf('.');
  const group = dot < 0 ? english[namespace] : lookup(namespace, key.slice(0, dot));
  const leaf = key.slice(dot + 1);
  return (
    typeof group === 'object' &&
    PLURAL_SUFFIXES.some((suffix) => typeof group[`${leaf}${suffix}`] === 'string')
  );
}

/** `const { t: tRoot } = useTranslation('cart')` binds tRoot to cart; bare `useTranslation()` to the app's messages. */
interface Binding {
  name: string;
  namespace: string;
  at: number;
}

function bindings(source: string): Binding[] {
  return [...source.matchAll(/\{\s*t(?:\s*:\s*(\w+))?[^}]*\}\s*=\s*useTranslation\(\s*(?:'([^']+)')?/g)].map(
    (match) => ({ name: match[1] ?? 't', namespace: match[2] ?? 'translation', at: match.index }),
  );
}

interface Use {
  file: string;
  key: string;
  namespaces: string[];
  /** A built key (`status.${…}`): its prefix must be a group of messages. */
  prefix: boolean;
}

function usesIn(file: string): Use[] {
  const source = readFileSync(file, 'utf8');
  const bound = bindings(source);
  // A `t` handed in as a parameter belongs to the file's namespaces; with none bound here, to any.
  const fallback = bound.length > 0 ? [...new Set(bound.map((b) => b.namespace))] : Object.keys(english);
  // A call belongs to the nearest binding of its name above it: the component it sits in.
  const namespacesAt = (name: string, at: number): string[] => {
    const binding = bound.filter((b) => b.name === name && b.at < at).at(-1);
    return binding ? [binding.namespace] : fallback;
  };
  const uses: Use[] = [];
  for (const name of new Set(['t', ...bound.map((b) => b.name)])) {
    const literal = new RegExp(`(?<![\\w.])${name}\\(\\s*'([^'$]+)'`, 'g');
    for (const match of source.matchAll(literal)) {
      const [ns, key] = match[1]?.includes(':') ? match[1].split(':', 2) : [undefined, match[1]];
      uses.push({
        file,
        key: key ?? '',
        namespaces: ns ? [ns] : namespacesAt(name, match.index),
        prefix: false,
      });
    }
    const built = new RegExp(`(?<![\\w.])${name}\\(\\s*\`([\\w.-]+)\\.\\$\\{`, 'g');
    for (const match of source.matchAll(built))
      uses.push({ file, key: match[1] ?? '', namespaces: namespacesAt(name, match.index), prefix: true });
  }
  return uses;
}

const uses = sourceFiles(SRC).flatMap(usesIn);

describe('the keys the code uses', () => {
  it('are found in the sources (the scan works)', () => {
    expect(uses.filter((use) => !use.prefix).length).toBeGreaterThan(500);
    expect(uses.filter((use) => use.prefix).length).toBeGreaterThan(10);
  });

  it('name an English message in the namespace they are looked up in', () => {
    const missing = uses
      .filter((use) => !use.prefix && !use.namespaces.some((ns) => hasMessage(ns, use.key)))
      .map((use) => `${relative(SRC, use.file)}: ${use.namespaces.join('|')}:${use.key}`);
    expect(missing).toEqual([]);
  });

  it('build keys only under a group of messages', () => {
    const missing = uses
      .filter((use) => use.prefix && !use.namespaces.some((ns) => typeof lookup(ns, use.key) === 'object'))
      .map((use) => `${relative(SRC, use.file)}: ${use.namespaces.join('|')}:${use.key}.*`);
    expect(missing).toEqual([]);
  });
});

describe('the catalogues', () => {
  it('are all registered: every area with messages is one i18n namespace', () => {
    const areas = readdirSync(join(SRC, 'areas'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .filter((entry) => readdirSync(join(SRC, 'areas', entry.name)).includes('messages'));
    const registered = new Set(AREA_LIST.map((area) => JSON.stringify(area.messages.en)));
    const unregistered = areas
      .filter((entry) => {
        const en = readFileSync(join(SRC, 'areas', entry.name, 'messages', 'en.json'), 'utf8');
        return !registered.has(JSON.stringify(JSON.parse(en)));
      })
      .map((entry) => entry.name);
    expect(unregistered).toEqual([]);
  });
});
