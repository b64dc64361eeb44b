import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from './errors.ts';
import { commandOf, terminate } from './processes.ts';

interface RunnerState {
  pid: number;
  children: Record<string, { pid: number; main: string }>;
}

/**
 * `<dataDir>/runner.json`: which runner owns the data directory and which service PIDs it started,
 * so the next run can clean up after a runner that was killed with SIGKILL.
 */
export class DataDirLock {
  private readonly state: RunnerState = { pid: process.pid, children: {} };
  /** Services a killed runner had left running, stopped by claim(). */
  readonly leftovers: string[] = [];
  private readonly file: string;

  private constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'runner.json');
  }

  /** Takes the data directory, refusing one a live runner uses and stopping services a dead one left behind. */
  static async claim(dataDir: string): Promise<DataDirLock> {
    const lock = new DataDirLock(dataDir);
    const previous = lock.read();
    if (previous && previous.pid !== process.pid && commandOf(previous.pid)?.includes('node')) {
      throw new StartupError(
        `another Sauda runner (pid ${previous.pid}) is using ${dataDir}; stop it first (Ctrl-C in its terminal)`,
      );
    }
    for (const [name, child] of Object.entries(previous?.children ?? {})) {
      // Only a process still running that bundle is ours: its PID may have been reused since.
      const isOurs = () => commandOf(child.pid)?.includes(child.main) ?? false;
      if (!isOurs()) continue;
      lock.leftovers.push(name);
      await terminate(child.pid, isOurs, 10_000);
    }
    lock.save();
    return lock;
  }

  /** Remembers a started service process. */
  record(name: string, pid: number, main: string): void {
    this.state.children[name] = { pid, main };
    this.save();
  }

  /** Writes the state (again, e.g. after --reset emptied the directory). */
  save(): void {
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(this.file, `${JSON.stringify(this.state, null, 2)}\n`);
  }

  /** Gives the directory up after a clean stop. */
  release(): void {
    rmSync(this.file, { force: true });
  }

  private read(): RunnerState | undefined {
    try {
      const value = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<RunnerState>;
      return typeof value.pid === 'number' ? { pid: value.pid, children: value.children ?? {} } : undefined;
    } catch {
      return undefined;
    }
  }
}
