import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO } from './description.ts';
import { renderDeployment } from './render.ts';
import { parseManifests, validateManifest, type Parsed } from './validate.ts';

const run = promisify(execFile);
const CI = process.env['CI'] === 'true';

/** A tool the check needs: missing locally → skipped with a warning; missing under CI=true → a failure. */
function tool(path: string, install: string): boolean {
  if (existsSync(path)) return true;
  if (CI) throw new Error(`${path} is required under CI=true (${install})`);
  console.warn(`${path} is not installed: its checks are SKIPPED (${install})`);
  return false;
}

const KUBECTL = '/usr/bin/kubectl';
const PROMTOOL = '/usr/bin/promtool';
const hasKubectl = tool(KUBECTL, 'kubectl with kustomize v5');
const hasPromtool = tool(PROMTOOL, 'apt-get install -y --no-install-recommends prometheus');

async function allProblems(manifests: Parsed[]): Promise<string[]> {
  return (await Promise.all(manifests.map((m) => validateManifest(m)))).flat();
}

async function rendered(overlay: 'dev' | 'prod'): Promise<Parsed[]> {
  const { stdout } = await run(KUBECTL, ['kustomize', join(REPO, 'deploy/k8s/overlays', overlay)], {
    maxBuffer: 32 * 1024 * 1024,
  });
  return parseManifests(stdout);
}

describe('Kubernetes manifests', () => {
  it(
    'in the base and the monitoring component are valid against the schemas',
    { timeout: 180_000 },
    async () => {
      const files = await renderDeployment();
      const manifests = [...files]
        .filter(([path]) => /^deploy\/k8s\/(base|components)\/.*\.yaml$/.test(path))
        .filter(([path]) => !path.endsWith('kustomization.yaml'))
        .flatMap(([, text]) => parseManifests(text));
      expect(manifests.length).toBeGreaterThan(20);
      expect(await allProblems(manifests)).toEqual([]);
    },
  );

  it('reject a Deployment with a wrongly typed field and a ScaledObject without triggers', async () => {
    const broken: Parsed = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        selector: {},
        template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 'http' }] }] } },
      },
    };
    expect((await validateManifest(broken)).join()).toMatch(/containerPort must be integer/);
    const noTriggers: Parsed = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'x' },
      spec: { scaleTargetRef: { name: 'x' }, maxReplicaCount: 3, triggers: [] },
    };
    expect(await validateManifest(noTriggers)).toEqual(['ScaledObject x: spec.triggers must not be empty']);
  });

  for (const overlay of ['dev', 'prod'] as const) {
    it.skipIf(!hasKubectl)(
      `render with kustomize (${overlay}) into valid objects of one namespace`,
      async () => {
        const manifests = await rendered(overlay);
        expect(await allProblems(manifests)).toEqual([]);
        const namespaced = manifests.filter((m) => m.kind !== 'Namespace');
        const namespaces = new Set(namespaced.map((m) => (m.metadata as { namespace?: string }).namespace));
        expect([...namespaces]).toEqual([overlay === 'prod' ? 'sauda' : 'sauda-dev']);
        expect(manifests.some((m) => m.kind === 'Cluster')).toBe(true);
      },
    );
  }

  it.skipIf(!hasKubectl)(
    'give every pod the secure shape and a replica floor of two in prod',
    { timeout: 120_000 },
    async () => {
      const manifests = await rendered('prod');
      const deployments = manifests.filter((m) => m.kind === 'Deployment');
      expect(deployments.length).toBeGreaterThan(3);
      for (const d of deployments) {
        const name = String(d.metadata?.name);
        const spec = d.spec as { replicas: number; template: { spec: PodSpec } };
        const pod = spec.template.spec;
        const [container] = pod.containers;
        expect(spec.replicas, name).toBeGreaterThanOrEqual(2);
        expect(pod.serviceAccountName, name).toBe(name);
        expect(pod.securityContext.runAsNonRoot, name).toBe(true);
        expect(pod.securityContext.seccompProfile.type, name).toBe('RuntimeDefault');
        expect(container?.securityContext.readOnlyRootFilesystem, name).toBe(true);
        expect(container?.securityContext.allowPrivilegeEscalation, name).toBe(false);
        expect(container?.securityContext.capabilities.drop, name).toEqual(['ALL']);
        expect(container?.resources.requests, name).toHaveProperty('cpu');
        expect(container?.resources.limits, name).toHaveProperty('memory');
        expect(container?.livenessProbe.httpGet.path, name).toBe('/health/live');
        expect(container?.readinessProbe.httpGet.path, name).toBe('/health/ready');
        expect(container?.startupProbe.httpGet.path, name).toBe('/health/live');
        expect(container?.lifecycle.preStop, name).toBeDefined();
        expect(
          container?.volumeMounts.map((v) => v.mountPath),
          name,
        ).toContain('/tmp');
        expect(container?.image, name).toMatch(/^ghcr\.io\/sauda\/.+:.+/);
      }
      const names = deployments.map((d) => String(d.metadata?.name));
      const scaled = manifests.filter(
        (m) => m.kind === 'HorizontalPodAutoscaler' || m.kind === 'ScaledObject',
      );
      expect(scaled.map((m) => String(m.metadata?.name)).sort()).toEqual(names.sort());
      expect(manifests.filter((m) => m.kind === 'PodDisruptionBudget')).toHaveLength(names.length);
      expect(manifests.some((m) => m.kind === 'NetworkPolicy' && m.metadata?.name === 'default-deny')).toBe(
        true,
      );
    },
  );
});

interface PodSpec {
  serviceAccountName: string;
  securityContext: { runAsNonRoot: boolean; seccompProfile: { type: string } };
  containers: Array<{
    image: string;
    securityContext: {
      readOnlyRootFilesystem: boolean;
      allowPrivilegeEscalation: boolean;
      capabilities: { drop: string[] };
    };
    resources: { requests: Record<string, string>; limits: Record<string, string> };
    livenessProbe: { httpGet: { path: string } };
    readinessProbe: { httpGet: { path: string } };
    startupProbe: { httpGet: { path: string } };
    lifecycle: { preStop?: unknown };
    volumeMounts: Array<{ mountPath: string }>;
  }>;
}

describe('Prometheus files', () => {
  it.skipIf(!hasPromtool)('pass promtool check config and check rules', async () => {
    const config = join(REPO, 'deploy/prometheus/prometheus.yml');
    const rules = join(REPO, 'deploy/prometheus/rules/sauda.yml');
    await expect(run(PROMTOOL, ['check', 'config', '--syntax-only', config])).resolves.toBeDefined();
    const { stdout } = await run(PROMTOOL, ['check', 'rules', rules]);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });
});
