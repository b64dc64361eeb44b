/**
 * The deployment description of every service: the `sauda` block of `services/<name>/package.json`,
 * the same one the local runner reads. Every deployment file is generated from this, never copied.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverServices, ManifestError } from '../runner/services.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** One deployable, as the generator sees it. */
export interface ServiceDescription {
  name: string;
  port: number;
  database: boolean;
  /** `http` serves requests (probes, HPA on request rate); `worker` only consumes events. */
  kind: 'http' | 'worker';
  /** Services it calls over HTTP (besides `users`' JWKS, which every service may fetch). */
  calls: string[];
  /** Durable consumers (`<service>.<name>`) and the event types each one handles. */
  consumes: Record<string, string[]>;
  /** Uses the shared Redis (rate limits, caches). */
  redis: boolean;
  /** Calls the internet (card provider, mail relay). */
  internet: boolean;
  /** Receives traffic from the ingress (only the gateway). */
  public: boolean;
  /** Persistent writable folders: volume name → mount path (a ReadWriteMany claim in Kubernetes). */
  volumes: Record<string, string>;
  /** Non-secret settings specific to the service. */
  env: Record<string, string>;
  /** CPU and memory request per replica; limits are derived. */
  resources: { cpu: string; memory: string };
  /** Autoscaling in production: replica bounds and the request rate one replica is sized for. */
  scaling: { min: number; max: number; requestsPerPod: number };
}

const DEFAULT_RESOURCES = { cpu: '250m', memory: '256Mi' };
const DEFAULT_SCALING = { min: 2, max: 10, requestsPerPod: 200 };

/** Reads every service folder that has a `sauda` block, sorted by name. */
export async function readDescriptions(servicesDir = join(REPO, 'services')): Promise<ServiceDescription[]> {
  const { services } = await discoverServices(servicesDir);
  const described = await Promise.all(
    services.map(async (spec) => {
      const pkg = JSON.parse(await readFile(join(spec.dir, 'package.json'), 'utf8')) as {
        sauda: Record<string, unknown>;
      };
      return describe(spec.name, spec.port, spec.database, pkg.sauda);
    }),
  );
  const names = new Set(described.map((s) => s.name));
  for (const service of described) {
    for (const target of service.calls) {
      if (!names.has(target))
        throw new ManifestError(`${service.name}: "sauda.calls" names unknown "${target}"`);
    }
  }
  return described.sort((a, b) => a.name.localeCompare(b.name));
}

/** Validates and fills defaults for the optional deployment fields of one `sauda` block. */
export function describe(
  name: string,
  port: number,
  database: boolean,
  sauda: Record<string, unknown>,
): ServiceDescription {
  const where = `services/${name}/package.json "sauda"`;
  const kind = sauda['kind'] ?? 'http';
  if (kind !== 'http' && kind !== 'worker')
    throw new ManifestError(`${where}.kind must be "http" or "worker"`);
  return {
    name,
    port,
    database,
    kind,
    calls: strings(sauda['calls'], `${where}.calls`),
    consumes: stringLists(sauda['consumes'], `${where}.consumes`),
    redis: flag(sauda['redis'], `${where}.redis`),
    internet: flag(sauda['internet'], `${where}.internet`),
    public: flag(sauda['public'], `${where}.public`),
    volumes: stringMap(sauda['volumes'], `${where}.volumes`),
    env: stringMap(sauda['env'], `${where}.env`),
    resources: { ...DEFAULT_RESOURCES, ...stringMap(sauda['resources'], `${where}.resources`) },
    scaling: { ...DEFAULT_SCALING, ...numberMap(sauda['scaling'], `${where}.scaling`) },
  };
}

function flag(value: unknown, where: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new ManifestError(`${where} must be true or false`);
  return value;
}

function strings(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new ManifestError(`${where} must be a list of strings`);
  return [...value].sort();
}

function stringLists(value: unknown, where: string): Record<string, string[]> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ManifestError(`${where} must be an object`);
  return Object.fromEntries(
    Object.entries(value).map(([key, list]) => [key, strings(list, `${where}.${key}`)]),
  );
}

function stringMap(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string'))
    throw new ManifestError(`${where} must map names to strings`);
  return value as Record<string, string>;
}

function numberMap(value: unknown, where: string): Record<string, number> {
  if (value === undefined) return {};
  if (!isRecord(value) || !Object.values(value).every((v) => Number.isInteger(v)))
    throw new ManifestError(`${where} must map names to integers`);
  return value as Record<string, number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
