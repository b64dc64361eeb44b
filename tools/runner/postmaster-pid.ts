/** What a data directory's postmaster.pid says about the PostgreSQL that wrote it. */
export type PostmasterState =
  { kind: 'absent' } | { kind: 'stale'; pid: number | undefined } | { kind: 'running'; pid: number };

/**
 * Classifies postmaster.pid. `commandOf(pid)` returns the command line of a live process, or
 * undefined when no such process runs.
 */
export function classifyPostmaster(
  pidFile: string | undefined,
  pgDir: string,
  commandOf: (pid: number) => string | undefined,
): PostmasterState {
  if (pidFile === undefined) return { kind: 'absent' };
  const pid = Number(pidFile.split('\n', 1)[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'stale', pid: undefined };
  const command = commandOf(pid);
  // After a reboot or in a fresh container the PID is often reused, even by another postgres (the
  // system one): only a postgres started on *this* directory counts as ours.
  const ours = command !== undefined && /\bpostgres\b/.test(command) && command.includes(pgDir);
  return ours ? { kind: 'running', pid } : { kind: 'stale', pid };
}
