import { describe, expect, it } from 'vitest';
import { ActionQueue, type KeyValueStore, type QueuedAction } from './offline-queue.ts';

function memory(): KeyValueStore {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

class Offline extends Error {}

function harness() {
  let online = false;
  let n = 0;
  const received: QueuedAction[] = [];
  const rejected: string[] = [];
  const store = memory();
  const make = () =>
    new ActionQueue({
      store,
      newKey: () => `key-${++n}`,
      classify: (error) => (error instanceof Offline ? 'offline' : 'rejected'),
      onRejected: (action) => rejected.push(action.key),
      send: (action) => {
        if (!online) return Promise.reject(new Offline());
        received.push(action);
        if (action.path.endsWith('/bad')) return Promise.reject(new Error('409'));
        return Promise.resolve({ ok: true });
      },
    });
  return { make, received, rejected, goOnline: () => (online = true), goOffline: () => (online = false) };
}

describe('the driver outbox', () => {
  it('keeps actions while offline (surviving a reload) and replays them in order with their keys', async () => {
    const h = harness();
    const queue = h.make();
    expect(await queue.enqueue('/driver/rounds/r/start', {})).toBe('queued');
    expect(await queue.enqueue('/driver/stops/s/deliver', { pin: '1234' })).toBe('queued');
    const reloaded = h.make();
    expect(reloaded.pending().map((a) => a.key)).toEqual(['key-1', 'key-2']);
    h.goOnline();
    await reloaded.flush();
    expect(h.received.map((a) => [a.key, a.path])).toEqual([
      ['key-1', '/driver/rounds/r/start'],
      ['key-2', '/driver/stops/s/deliver'],
    ]);
    expect(reloaded.pending()).toEqual([]);
  });

  it('drops an action the server refuses and goes on with the next', async () => {
    const h = harness();
    h.goOnline();
    const queue = h.make();
    expect(await queue.enqueue('/driver/stops/s/bad', {})).toBe('sent');
    expect(await queue.enqueue('/driver/stops/s/arrive', {})).toBe('sent');
    expect(h.rejected).toEqual(['key-1']);
    expect(queue.pending()).toEqual([]);
  });

  it('sends a flushed action once even when flush is called twice at the same time', async () => {
    const h = harness();
    const queue = h.make();
    await queue.enqueue('/driver/stops/s/arrive', {});
    h.goOnline();
    await Promise.all([queue.flush(), queue.flush()]);
    expect(h.received).toHaveLength(1);
  });
});
