/**
 * `npm run deploy:rehearse`: the container images and `deploy/local/compose.yaml`, rehearsed without a
 * container engine. For each service it lays out a folder exactly as the Dockerfile's stages fill the
 * image's /app (the package.json files and lockfile, `npm ci --omit=dev --workspace services/<name>`, the
 * bundle, migrations, the web app for the gateway), makes it read-only and owned by root, then starts every
 * service from its folder as uid 10001 with the environment compose gives it (host names rewritten to this
 * machine's PostgreSQL, NATS and Redis, a fresh database per service, a private writable folder in place of
 * the tmpfs), waits until each is ready, walks the shop through the gateway, stops them with SIGTERM and
 * checks each left cleanly. What it proves: the runtime stage has every module the bundle needs, nothing
 * writes outside the writable folders, compose's wiring holds, shutdown is graceful. What it cannot: the
 * base image itself (no engine and no registry for it here).
 *
 *   npm run deploy:rehearse [-- --only shop,users] [--keep] [--out bench/results/image-rehearsal.md]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { parse } from 'yaml';
import { readDescriptions, REPO, type ServiceDescription } from './description.ts';

const IMAGE_UID = 10001;
const ROOT = '/tmp/sauda-image-rehearsal';
const PG_ADMIN = process.env['REHEARSAL_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS = process.env['REHEARSAL_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const REDIS = process.env['REHEARSAL_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

interface Row {
  service: string;
  installSeconds: number;
  appMiB: number;
  nodeModulesMiB: number;
  readySeconds?: number;
  rssMiB?: number;
  exit?: string;
  problem?: string;
}

interface ComposeService {
  environment?: Record<string, string>;
  read_only?: boolean;
  tmpfs?: string[];
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** Keeps the node_modules of a kept earlier run (only the bundle is copied again). */
    reuse: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/image-rehearsal.md' },
  },
});

const log = (line: string) => process.stdout.write(`${line}\n`);

function run(command: string, args: string[], cwd: string): void {
  const done = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (done.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${done.stderr || done.stdout}`);
}

function mib(path: string): number {
  const out = spawnSync('du', ['-sb', path], { encoding: 'utf8' }).stdout.split('\t')[0] ?? '0';
  return Math.round((Number(out) / 2 ** 20) * 10) / 10;
}

/** Every package.json outside node_modules, with the lockfile and .npmrc: the Dockerfile's `manifests` stage. */
function copyManifests(to: string): void {
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', '.git', 'dist', '.data', 'artifacts'].includes(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'package.json') {
        const target = join(to, relative(REPO, path));
        mkdirSync(join(target, '..'), { recursive: true });
        cpSync(path, target);
      }
    }
  };
  walk(REPO);
  for (const file of ['package-lock.json', '.npmrc']) cpSync(join(REPO, file), join(to, file));
}

/** The image's /app for one service: the `deps` stage, then the `bundle` stage copied over it. */
function layOut(service: ServiceDescription, reuse: boolean): Row {
  const app = join(ROOT, service.name, 'app');
  const started = performance.now();
  if (!reuse || !existsSync(join(app, 'node_modules'))) {
    rmSync(join(ROOT, service.name), { recursive: true, force: true });
    mkdirSync(app, { recursive: true });
    copyManifests(app);
    run(
      'npm',
      ['ci', '--omit=dev', '--no-audit', '--no-fund', '--workspace', `services/${service.name}`],
      app,
    );
  }
  const installSeconds = (performance.now() - started) / 1000;
  const source = join(REPO, 'services', service.name);
  const target = join(app, 'services', service.name);
  if (!existsSync(join(source, 'dist', 'main.js')))
    throw new Error(`services/${service.name}/dist/main.js is missing: run npm run build first`);
  cpSync(join(source, 'dist'), join(target, 'dist'), { recursive: true });
  for (const dir of ['migrations', 'data']) {
    if (existsSync(join(source, dir))) cpSync(join(source, dir), join(target, dir), { recursive: true });
  }
  if (service.public) cpSync(join(REPO, 'apps/web/dist'), join(app, 'apps/web/dist'), { recursive: true });
  // Owned by root and not writable by anyone else: what `read_only: true` and `USER 10001` give the process.
  run('chmod', ['-R', 'go-w,a+rX', app], app);
  return {
    service: service.name,
    installSeconds,
    appMiB: mib(app),
    nodeModulesMiB: mib(join(app, 'node_modules')),
  };
}

/** Compose's environment for the service, pointed at this machine's servers. */
function environmentOf(
  service: ServiceDescription,
  compose: Record<string, ComposeService>,
  writable: string,
  database: string | undefined,
): Record<string, string> {
  const declared = compose[service.name]?.environment ?? {};
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(declared)) {
    env[name] = String(value)
      .replace(/^nats:\/\/nats:4222$/, NATS)
      .replace(/^redis:\/\/redis:6379$/, REDIS)
      .replace(/^http:\/\/([a-z-]+):(\d+)$/, 'http://127.0.0.1:$2')
      .replace('/var/lib/sauda', writable);
  }
  if (database) env['DATABASE_URL'] = database;
  // One stream of its own, so the rehearsal never meets another system on the same NATS server.
  env['NATS_STREAM'] = 'REHEARSAL';
  env['NATS_SUBJECT_PREFIX'] = 'rehearsal';
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    SERVICE_NAME: service.name,
    WEB_DIST: join(ROOT, service.name, 'app/apps/web/dist'),
    TMPDIR: writable,
    LOG_LEVEL: 'warn',
    ...env,
  };
}

async function waitReady(port: number, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (answer.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function rssMiB(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Math.round(Number(line[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

function stop(child: ChildProcess, seconds: number): Promise<string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(`exited early (${child.exitCode})`);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`killed after ${seconds} s`);
    }, seconds * 1000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? 'SIGTERM → 0' : `SIGTERM → ${code ?? signal}`);
    });
    child.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('the rehearsal switches to uid 10001: run it as root');
  const only = values.only?.split(',').map((s) => s.trim());
  const all = await readDescriptions();
  const services = only ? all.filter((s) => only.includes(s.name)) : all;
  const compose = (
    parse(readFileSync(join(REPO, 'deploy/local/compose.yaml'), 'utf8')) as {
      services: Record<string, ComposeService>;
    }
  ).services;
  mkdirSync(ROOT, { recursive: true });
  chmodSync(ROOT, 0o755);

  const rows: Row[] = [];
  for (const service of services) {
    const entry = compose[service.name];
    if (!entry?.read_only) throw new Error(`compose: ${service.name} is not read_only`);
    log(`laying out ${service.name}'s image folder`);
    rows.push(layOut(service, values.reuse ?? false));
  }

  const admin = postgres(PG_ADMIN, { max: 1, onnotice: () => undefined });
  const children = new Map<string, ChildProcess>();
  const logs = new Map<string, string[]>();
  try {
    for (const service of services) {
      const row = rows.find((r) => r.service === service.name);
      if (!row) continue;
      let database: string | undefined;
      if (service.database) {
        const name = `rehearsal_${service.name}`;
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.unsafe(`create database ${name}`);
        database = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
      }
      const writable = join(ROOT, service.name, 'writable');
      mkdirSync(writable, { recursive: true });
      run('chown', [`${IMAGE_UID}:${IMAGE_UID}`, writable], ROOT);
      const cwd = join(ROOT, service.name, 'app/services', service.name);
      const child = spawn(
        'setpriv',
        [
          `--reuid=${IMAGE_UID}`,
          `--regid=${IMAGE_UID}`,
          '--clear-groups',
          'node',
          '--enable-source-maps',
          'dist/main.js',
        ],
        { cwd, env: environmentOf(service, compose, writable, database), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const lines: string[] = [];
      logs.set(service.name, lines);
      const keep = (chunk: Buffer) => {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        if (lines.length > 400) lines.splice(0, lines.length - 400);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      children.set(service.name, child);
    }

    const started = performance.now();
    await Promise.all(
      services.map(async (service) => {
        const row = rows.find((r) => r.service === service.name);
        if (!row) return;
        const ready = await waitReady(service.port, 120);
        row.readySeconds = Math.round((performance.now() - started) / 100) / 10;
        if (!ready) {
          row.problem = `not ready in 120 s: ${(logs.get(service.name) ?? []).slice(-5).join(' | ')}`;
          delete row.readySeconds;
        }
        row.rssMiB = rssMiB(children.get(service.name)?.pid);
      }),
    );

    const gateway = services.find((s) => s.public);
    if (gateway && services.length === all.length) {
      const listing = await fetch(`http://127.0.0.1:${gateway.port}/api/products?limit=5`);
      const page = await fetch(`http://127.0.0.1:${gateway.port}/`);
      const body = (await listing.json()) as { items?: unknown[] };
      log(
        `gateway: GET /api/products → ${listing.status} (${body.items?.length ?? 0} items), GET / → ${page.status}`,
      );
      if (!listing.ok || !body.items?.length || !page.ok) {
        const row = rows.find((r) => r.service === gateway.name);
        if (row) row.problem = `GET /api/products ${listing.status}, GET / ${page.status}`;
      }
    }
  } finally {
    await Promise.all(
      [...children].map(async ([name, child]) => {
        const row = rows.find((r) => r.service === name);
        const exit = await stop(child, 30);
        if (row) row.exit = exit;
        await writeFile(join(ROOT, name, 'output.log'), (logs.get(name) ?? []).join('\n'));
        if (row && exit !== 'SIGTERM → 0' && !row.problem)
          row.problem = `exit: ${exit}: ${(logs.get(name) ?? []).slice(-6).join(' | ')}`;
      }),
    );
    for (const service of services) {
      if (service.database)
        await admin.unsafe(`drop database if exists rehearsal_${service.name} with (force)`);
    }
    await admin.end();
  }

  for (const row of rows) {
    const written = findWrites(join(ROOT, row.service, 'app'));
    if (written.length > 0) row.problem = `wrote into the image: ${written.slice(0, 3).join(', ')}`;
  }
  await report(rows);
  if (!values.keep) rmSync(ROOT, { recursive: true, force: true });
  const failed = rows.filter((r) => r.problem);
  for (const row of failed) log(`✗ ${row.service}: ${row.problem}`);
  if (failed.length > 0) process.exitCode = 1;
  else
    log(`✓ ${rows.length} images rehearsed: installed, started as uid ${IMAGE_UID}, ready, stopped cleanly`);
}

/** Files owned by the image user inside /app: the process wrote where a read-only root would refuse. */
function findWrites(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (statSync(full).uid === IMAGE_UID) found.push(relative(dir, full));
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
    }
  };
  walk(dir);
  return found;
}

async function report(rows: Row[]): Promise<void> {
  const lines = [
    '# Image rehearsal (no container engine)',
    '',
    "`npm run deploy:rehearse` (tools/deploy/rehearse.ts): each service's /app laid out as the Dockerfile's stages",
    'fill it (manifests → `npm ci --omit=dev --workspace services/<name>` → bundle, migrations, web app), read-only,',
    `owned by root, started as uid ${IMAGE_UID} with compose's environment (hosts → this machine's PostgreSQL, NATS,`,
    'Redis; a fresh database each), ready checked, the shop listed through the gateway, stopped with SIGTERM.',
    `Run ${new Date().toISOString()}, Node ${process.version}. The base image (node:20-slim, ≈ 200 MB) is not counted.`,
    '',
    '| service | npm ci --omit=dev s | /app MiB | of which node_modules | ready after s | RSS MiB | stop | problem |',
    '|---|---:|---:|---:|---:|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.service} | ${r.installSeconds.toFixed(1)} | ${r.appMiB} | ${r.nodeModulesMiB} | ${r.readySeconds ?? '—'} | ${r.rssMiB ?? '—'} | ${r.exit ?? '—'} | ${r.problem ?? ''} |`,
    ),
    '',
  ];
  await writeFile(join(REPO, values.out ?? 'bench/results/image-rehearsal.md'), lines.join('\n'));
  log(lines.join('\n'));
}

await main();
