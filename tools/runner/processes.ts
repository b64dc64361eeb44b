import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const HAS_PROC = existsSync('/proc/self/cmdline');

/** The command line of a live process, or undefined when none runs under that PID (zombies included). */
export function commandOf(pid: number): string | undefined {
  if (HAS_PROC) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      return command === '' ? undefined : command;
    } catch {
      return undefined;
    }
  }
  try {
    // No /proc (macOS): ask ps, which exits non-zero for an unknown PID.
    const command = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return command === '' ? undefined : command;
  } catch {
    return undefined;
  }
}

/** Sends a signal, ignoring a process that is already gone. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Asks a process to stop, then kills it if it still runs after `graceMs`. */
export async function terminate(pid: number, isStillOurs: () => boolean, graceMs: number): Promise<void> {
  if (!isStillOurs()) return;
  signal(pid, 'SIGTERM');
  for (let waited = 0; waited < graceMs; waited += 100) {
    await sleep(100);
    if (!isStillOurs()) return;
  }
  signal(pid, 'SIGKILL');
}
