/**
 * Checks rendered manifests: built-in kinds against the Kubernetes OpenAPI schemas (kubernetes-models),
 * the custom resources we use (KEDA, Prometheus operator, CloudNativePG) against a structural check of
 * the fields their controllers require.
 */
import { parseAllDocuments } from 'yaml';

/** A parsed manifest with enough shape to route it to a check. */
export interface Parsed {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Every document of a YAML text (multi-document files included); empty documents are skipped. */
export function parseManifests(text: string): Parsed[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('; '));
      return doc.toJSON() as Parsed | null;
    })
    .filter((doc): doc is Parsed => doc !== null);
}

type Validatable = new (data: never) => { validate(): void };

/** Validates one manifest; returns the problems (empty when it is valid). */
export async function validateManifest(manifest: Parsed): Promise<string[]> {
  const { apiVersion, kind } = manifest;
  const name = `${String(kind)} ${String(manifest.metadata?.name)}`;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [`${name}: no apiVersion/kind`];
  if (typeof manifest.metadata?.name !== 'string') return [`${name}: no metadata.name`];
  const custom = CUSTOM[`${apiVersion}/${kind}`];
  if (custom) return custom(manifest.spec ?? {}).map((problem) => `${name}: ${problem}`);
  const model = await modelOf(apiVersion, kind);
  if (!model)
    return [`${name}: ${apiVersion} ${kind} is neither a Kubernetes kind nor a known custom resource`];
  try {
    new model(manifest as never).validate();
    return [];
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
}

async function modelOf(apiVersion: string, kind: string): Promise<Validatable | undefined> {
  // `v1` is the core group; `apps/v1`, `networking.k8s.io/v1`, … are the package's folders too.
  try {
    const module = (await import(`kubernetes-models/${apiVersion}`)) as Record<
      string,
      Validatable | undefined
    >;
    return module[kind];
  } catch {
    return undefined;
  }
}

type Check = (spec: Record<string, unknown>) => string[];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const need = (ok: boolean, problem: string): string[] => (ok ? [] : [problem]);
const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const numeric = (v: unknown) => typeof v === 'string' && /^\d+(\.\d+)?$/.test(v);

const KEDA_TRIGGER_FIELDS: Record<string, string[]> = {
  cpu: ['value'],
  prometheus: ['serverAddress', 'query', 'threshold'],
  'nats-jetstream': ['natsServerMonitoringEndpoint', 'account', 'stream', 'consumer', 'lagThreshold'],
};

const CUSTOM: Record<string, Check> = {
  'keda.sh/v1alpha1/ScaledObject': (spec) => {
    const target = spec['scaleTargetRef'];
    const triggers = spec['triggers'];
    const problems = [
      ...need(isRecord(target) && typeof target['name'] === 'string', 'spec.scaleTargetRef.name is required'),
      ...need(Array.isArray(triggers) && triggers.length > 0, 'spec.triggers must not be empty'),
      ...need(
        spec['minReplicaCount'] === undefined || Number.isInteger(spec['minReplicaCount']),
        'spec.minReplicaCount must be an integer',
      ),
      ...need(positiveInt(spec['maxReplicaCount']), 'spec.maxReplicaCount must be a positive integer'),
    ];
    for (const [i, trigger] of (Array.isArray(triggers) ? triggers : []).entries()) {
      const type = isRecord(trigger) ? String(trigger['type']) : '';
      const required = KEDA_TRIGGER_FIELDS[type];
      const metadata = isRecord(trigger) && isRecord(trigger['metadata']) ? trigger['metadata'] : {};
      if (!required) problems.push(`spec.triggers[${i}]: unknown trigger type "${type}"`);
      for (const field of required ?? [])
        if (typeof metadata[field] !== 'string' || metadata[field] === '')
          problems.push(`spec.triggers[${i}].metadata.${field} must be a non-empty string`);
      for (const field of ['value', 'threshold', 'lagThreshold'])
        if (field in metadata && !numeric(metadata[field]))
          problems.push(`spec.triggers[${i}].metadata.${field} must be a number written as a string`);
    }
    return problems;
  },
  'monitoring.coreos.com/v1/ServiceMonitor': (spec) => {
    const endpoints = spec['endpoints'];
    return [
      ...need(isRecord(spec['selector']), 'spec.selector is required'),
      ...need(Array.isArray(endpoints) && endpoints.length > 0, 'spec.endpoints must not be empty'),
      ...(Array.isArray(endpoints) ? endpoints : []).flatMap((e, i) =>
        need(
          isRecord(e) && (typeof e['port'] === 'string' || typeof e['targetPort'] !== 'undefined'),
          `spec.endpoints[${i}].port is required`,
        ),
      ),
    ];
  },
  'monitoring.coreos.com/v1/PrometheusRule': (spec) => {
    const groups = spec['groups'];
    if (!Array.isArray(groups) || groups.length === 0) return ['spec.groups must not be empty'];
    return groups.flatMap((group: unknown, i) => {
      if (!isRecord(group) || typeof group['name'] !== 'string')
        return [`spec.groups[${i}].name is required`];
      const rules = Array.isArray(group['rules']) ? group['rules'] : [];
      return rules.flatMap((rule: unknown, j) => {
        const r = isRecord(rule) ? rule : {};
        return [
          ...need(typeof r['expr'] === 'string', `groups[${i}].rules[${j}].expr is required`),
          ...need(
            (typeof r['alert'] === 'string') !== (typeof r['record'] === 'string'),
            `groups[${i}].rules[${j}] needs exactly one of alert and record`,
          ),
        ];
      });
    });
  },
  'postgresql.cnpg.io/v1/Cluster': (spec) => {
    const storage = spec['storage'];
    const bootstrap = spec['bootstrap'];
    const initdb = isRecord(bootstrap) ? bootstrap['initdb'] : undefined;
    return [
      ...need(positiveInt(spec['instances']), 'spec.instances must be a positive integer'),
      ...need(isRecord(storage) && typeof storage['size'] === 'string', 'spec.storage.size is required'),
      ...need(
        isRecord(initdb) && typeof initdb['database'] === 'string' && typeof initdb['owner'] === 'string',
        'spec.bootstrap.initdb.database and owner are required',
      ),
    ];
  },
};
