/** Counts a transaction's socket writes during `work`: its round trips to the database. */
import type { Tx } from '@sauda/kit';
import { Socket } from 'node:net';
import { vi, type MockInstance } from 'vitest';

export async function countWrites(tx: Tx, work: () => Promise<unknown>): Promise<number> {
  const write = vi.spyOn(Socket.prototype, 'write');
  try {
    const socket = await ownSocket(tx, write);
    write.mockClear();
    await work();
    return write.mock.contexts.filter((context) => context === socket).length;
  } finally {
    write.mockRestore();
  }
}

/**
 * The transaction's own socket: the one that writes each time the transaction runs a statement. Other
 * pools (a background cache refresh) may write meanwhile, so a socket must be seen in every probe.
 */
async function ownSocket(tx: Tx, write: MockInstance<Socket['write']>): Promise<unknown> {
  let candidates: Set<unknown> | undefined;
  for (let probe = 0; probe < 10; probe += 1) {
    write.mockClear();
    await tx`select 1`;
    const seen = new Set<unknown>(write.mock.contexts);
    candidates = candidates ? new Set([...candidates].filter((s) => seen.has(s))) : seen;
    if (probe >= 1 && candidates.size === 1) return [...candidates][0];
  }
  throw new Error('could not tell the transaction’s socket from the others');
}
