/**
 * CPU time per process over a benchmark round, read from /proc (Linux): the services' processes and the
 * PostgreSQL backends serving their databases. Divided by the confirmed orders, it says what one order costs
 * each part of the system, a figure that holds on a busy machine where throughput does not.
 */
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';

const TICKS_PER_SECOND = 100;

async function cpuTicks(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

export type CpuSnapshot = Map<string, Map<number, number>>;

/** Ticks by group (`node:<service>`, `pg:<service>`) and pid. */
export async function snapshotCpu(
  services: ReadonlyMap<string, number>,
  adminUrl: string,
  databasePrefix: string,
): Promise<CpuSnapshot> {
  const groups: CpuSnapshot = new Map();
  const add = async (group: string, pid: number) => {
    const ticks = await cpuTicks(pid);
    if (ticks === undefined) return;
    const pids = groups.get(group) ?? new Map<number, number>();
    pids.set(pid, ticks);
    groups.set(group, pids);
  };
  for (const [name, pid] of services) await add(`node:${name}`, pid);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const backends = await admin<{ pid: number; datname: string }[]>`
      select pid, datname from pg_stat_activity where datname like ${`${databasePrefix}_%`}`;
    for (const b of backends) await add(`pg:${b.datname.slice(databasePrefix.length + 1)}`, b.pid);
  } finally {
    await admin.end();
  }
  return groups;
}

/** Milliseconds of CPU per group between two snapshots (pids present in both, or new ones from zero). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, pids] of after) {
    let ticks = 0;
    for (const [pid, end] of pids) ticks += end - (before.get(group)?.get(pid) ?? end);
    out[group] = (ticks / TICKS_PER_SECOND) * 1000;
  }
  return out;
}
