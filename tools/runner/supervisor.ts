import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { crashStreak, restartDelay } from './backoff.ts';
import { signal } from './processes.ts';
import type { ServiceSpec } from './services.ts';

/** What a supervised service reports to the rest of the runner. */
export interface SupervisorHooks {
  line(name: string, line: string): void;
  notice(name: string, message: string, level: 'info' | 'warn'): void;
  spawned(name: string, pid: number): void;
}

const TAIL_LINES = 40;

/**
 * Runs one service as a child process and restarts it with backoff when it dies, once it has
 * started successfully; a death before that is a start-up failure and is left to the caller.
 */
export class Supervisor {
  private child: ChildProcess | undefined;
  private startedAt = 0;
  private crashes = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private established = false;
  private readonly recent: string[] = [];
  /** Why the service died before it was established; set once, never restarted. */
  failure: string | undefined;

  constructor(
    readonly service: ServiceSpec,
    /** The port it was told to listen on. */
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly hooks: SupervisorHooks,
  ) {}

  /** The running process's id (benchmarks read its CPU time or cap it); undefined between restarts. */
  get pid(): number | undefined {
    const child = this.child;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  /** Starts the process. */
  start(): void {
    const { service } = this;
    // Own process group: Ctrl-C reaches only the runner, which stops services before PostgreSQL.
    // SAUDA_NODE_ARGS adds Node flags NODE_OPTIONS refuses (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
    const extra = process.env.SAUDA_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, ['--enable-source-maps', ...extra, service.main], {
      cwd: service.dir,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    this.startedAt = Date.now();
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => this.onLine(line));
    }
    child.once('error', (error) => this.onLine(`failed to start: ${error.message}`));
    child.once('close', (code, sig) => this.onClose(child, code, sig));
    if (child.pid !== undefined) this.hooks.spawned(service.name, child.pid);
  }

  /** The service passed its start-up checks: from now on a crash means restart. */
  markEstablished(): void {
    this.established = true;
  }

  /** The last lines the service printed, for start-up error messages. */
  tail(): string {
    return this.recent.join('\n');
  }

  /** SIGTERM, then SIGKILL after `graceMs`; no restart afterwards. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const closed = once(child, 'close');
    signal(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      this.hooks.notice(this.service.name, `still running ${graceMs / 1000}s after SIGTERM; killed`, 'warn');
      if (child.pid !== undefined) signal(-child.pid, 'SIGKILL');
    }, graceMs);
    await closed;
    clearTimeout(timer);
  }

  /** A planned restart (rolling restarts): stop gracefully, then start again; not counted as a crash. */
  async restart(graceMs: number): Promise<void> {
    await this.stop(graceMs);
    this.stopping = false;
    this.start();
  }

  /**
   * Chaos testing: SIGKILL the running process as a crash would (no shutdown hooks run); the supervisor
   * then restarts it like any crash. False when no process was running.
   */
  crash(): boolean {
    const child = this.child;
    if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
      return false;
    signal(-child.pid, 'SIGKILL');
    return true;
  }

  /** Synchronous last resort for `process.on('exit')`. */
  killNow(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const pid = this.child?.pid;
    if (pid !== undefined && this.child?.exitCode === null && this.child.signalCode === null)
      signal(-pid, 'SIGKILL');
  }

  private onLine(line: string): void {
    this.recent.push(line);
    if (this.recent.length > TAIL_LINES) this.recent.shift();
    this.hooks.line(this.service.name, line);
  }

  private onClose(child: ChildProcess, code: number | null, sig: NodeJS.Signals | null): void {
    if (child !== this.child || this.stopping) return;
    const how = sig ? `was killed by ${sig}` : `exited with code ${code}`;
    if (!this.established) {
      this.failure = `${this.service.name} ${how} while starting`;
      return;
    }
    this.crashes = crashStreak(this.crashes, Date.now() - this.startedAt);
    const delay = restartDelay(this.crashes);
    this.hooks.notice(this.service.name, `${how}; restarting in ${delay / 1000}s`, 'warn');
    this.restartTimer = setTimeout(() => {
      this.start();
      this.hooks.notice(this.service.name, `restarted (pid ${this.child?.pid ?? '?'})`, 'info');
    }, delay);
  }
}
