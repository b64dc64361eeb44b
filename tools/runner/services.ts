import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from './errors.ts';

/** One runnable service, as declared by the `sauda` field of its package.json. */
export interface ServiceSpec {
  name: string;
  dir: string;
  /** The bundle the runner starts (built by tools/build). */
  main: string;
  port: number;
  database: boolean;
  order: number;
  /** Set on the second and later replicas of a service (`npm start -- --replicas shop=2`): its name. */
  replicaOf?: string;
}

/** A package.json whose `sauda` field cannot be used; the message names the file and the field. */
export class ManifestError extends StartupError {}

// Names become database names, environment variable names and log prefixes.
const NAME = /^[a-z][a-z0-9-]*$/;

/** Reads one service's runner settings; undefined when the package has no `sauda` field yet. */
export function parseServiceManifest(name: string, dir: string, pkg: unknown): ServiceSpec | undefined {
  const where = `${join(dir, 'package.json')}`;
  if (!isRecord(pkg)) throw new ManifestError(`${where} is not a JSON object`);
  const sauda = pkg['sauda'];
  if (sauda === undefined) return undefined;
  if (!isRecord(sauda)) throw new ManifestError(`${where}: "sauda" must be an object`);
  if (!NAME.test(name)) throw new ManifestError(`${where}: folder name "${name}" must match ${NAME}`);
  const { port, database, order } = sauda;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ManifestError(`${where}: "sauda.port" must be an integer port number`);
  }
  if (typeof database !== 'boolean')
    throw new ManifestError(`${where}: "sauda.database" must be true or false`);
  if (typeof order !== 'number' || !Number.isFinite(order)) {
    throw new ManifestError(`${where}: "sauda.order" must be a number`);
  }
  return { name, dir, main: join(dir, 'dist', 'main.js'), port, database, order };
}

/** Every service under `servicesDir` in start order, plus the folders skipped for lack of a `sauda` field. */
export async function discoverServices(
  servicesDir: string,
): Promise<{ services: ServiceSpec[]; skipped: string[] }> {
  const entries = await readdir(servicesDir, { withFileTypes: true });
  const services: ServiceSpec[] = [];
  const skipped: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const dir = join(servicesDir, entry.name);
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    const spec = text === undefined ? undefined : parseServiceManifest(entry.name, dir, parseJson(text, dir));
    if (spec) services.push(spec);
    else skipped.push(entry.name);
  }
  assertDistinctPorts(services);
  return { services: services.sort(byStartOrder), skipped: skipped.sort() };
}

/** Services grouped by `order`, lowest first; a group's members do not depend on each other and start together. */
export function startGroups(services: readonly ServiceSpec[]): ServiceSpec[][] {
  const groups = new Map<number, ServiceSpec[]>();
  for (const service of [...services].sort(byStartOrder)) {
    groups.set(service.order, [...(groups.get(service.order) ?? []), service]);
  }
  return [...groups.values()];
}

function byStartOrder(a: ServiceSpec, b: ServiceSpec): number {
  return a.order - b.order || a.name.localeCompare(b.name);
}

function assertDistinctPorts(services: readonly ServiceSpec[]): void {
  const byPort = new Map<number, string>();
  for (const service of services) {
    const other = byPort.get(service.port);
    if (other)
      throw new ManifestError(`services "${other}" and "${service.name}" both declare port ${service.port}`);
    byPort.set(service.port, service.name);
  }
}

function parseJson(text: string, dir: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${join(dir, 'package.json')} is not valid JSON: ${(error as Error).message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
