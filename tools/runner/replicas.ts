/** Several replicas of a service on one machine: `npm start -- --replicas shop=2,stock=2`. */
import { StartupError } from './errors.ts';
import type { ServiceSpec } from './services.ts';

const MAX_REPLICAS = 8;

/** Reads `name=count` pairs (comma-separated, or the flag given several times). */
export function parseReplicas(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pair of values
    .flatMap((v) => v.split(','))
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)=(\d+)$/.exec(pair);
    const count = Number(match?.[2]);
    if (!match?.[1] || !Number.isInteger(count) || count < 1 || count > MAX_REPLICAS)
      throw new StartupError(`--replicas: "${pair}" must be <service>=<1…${MAX_REPLICAS}>, e.g. shop=2`);
    counts[match[1]] = count;
  }
  return counts;
}

/**
 * The services plus their extra replicas (`shop-2`, `shop-3`, …). A replica starts right after its
 * first instance is live (migrations applied, demo seeded), so it never races them.
 */
export function withReplicas(
  services: readonly ServiceSpec[],
  counts: Record<string, number>,
): ServiceSpec[] {
  const names = new Set(services.map((s) => s.name));
  for (const name of Object.keys(counts))
    if (!names.has(name)) throw new StartupError(`--replicas: there is no service "${name}" to replicate`);
  if ((counts['gateway'] ?? 1) > 1)
    throw new StartupError(
      '--replicas: the gateway is the single local entry; replicate the services behind it',
    );
  const extra = services.flatMap((service) =>
    Array.from({ length: (counts[service.name] ?? 1) - 1 }, (_, i): ServiceSpec => {
      const name = `${service.name}-${i + 2}`;
      if (names.has(name)) throw new StartupError(`--replicas: "${name}" is already a service's name`);
      return { ...service, name, order: service.order + 0.5, replicaOf: service.name };
    }),
  );
  return [...services, ...extra];
}

/** The deployable a spec runs: its own name, or the service it is a replica of. */
export function serviceOf(spec: ServiceSpec): string {
  return spec.replicaOf ?? spec.name;
}

/** Every instance name of each service, first instance first. */
export function instancesByService(specs: readonly ServiceSpec[]): Map<string, string[]> {
  const instances = new Map<string, string[]>();
  for (const spec of specs)
    instances.set(serviceOf(spec), [...(instances.get(serviceOf(spec)) ?? []), spec.name]);
  return instances;
}
