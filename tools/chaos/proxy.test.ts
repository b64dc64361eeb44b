import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from './proxy.ts';

let echo: Server;
let echoPort: number;
beforeAll(async () => {
  echo = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  echo.listen(0, '127.0.0.1');
  await once(echo, 'listening');
  const address = echo.address();
  echoPort = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

async function open(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  return socket;
}

/** Resolves when the socket closes, however it closes (a reset is what some tests expect). */
function closed(socket: Socket): Promise<void> {
  socket.on('error', () => undefined);
  return new Promise((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve())));
}

/** Sends `text` and answers what came back, or 'closed' / 'silent' (nothing within `waitMs`). */
async function roundTrip(socket: Socket, text: string, waitMs = 2_000): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const timer = setTimeout(() => finish(got === '' ? 'silent' : got), waitMs);
    const finish = (answer: string) => {
      clearTimeout(timer);
      socket.off('data', onData);
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      got += chunk.toString();
      if (got.length >= text.length) finish(got);
    };
    socket.on('data', onData);
    socket.once('close', () => finish(got === '' ? 'closed' : got));
    socket.once('error', () => undefined);
    socket.write(text);
  });
}

describe('FaultProxy', () => {
  it('passes traffic through unchanged when there is no fault', async () => {
    const proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: echoPort } });
    const socket = await open(proxy.port);
    expect(await roundTrip(socket, 'hello')).toBe('hello');
    socket.destroy();
    await proxy.close();
  });

  it('adds latency to every chunk, keeping them in order', async () => {
    const proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: echoPort } });
    proxy.set({ kind: 'latency', ms: 300 });
    const socket = await open(proxy.port);
    const started = performance.now();
    expect(await roundTrip(socket, 'slow and steady', 5_000)).toBe('slow and steady');
    // Both directions are delayed: the answer cannot come back sooner than twice the latency.
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    socket.destroy();
    await proxy.close();
  });

  it('resets live connections and refuses new ones until switched back to normal', async () => {
    const proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: echoPort } });
    const live = await open(proxy.port);
    expect(await roundTrip(live, 'a')).toBe('a');
    const liveClosed = closed(live);
    proxy.set({ kind: 'reset' });
    await liveClosed;
    await closed(connect(proxy.port, '127.0.0.1'));
    proxy.set({ kind: 'none' });
    const again = await open(proxy.port);
    expect(await roundTrip(again, 'back')).toBe('back');
    again.destroy();
    expect(proxy.stats.reset).toBeGreaterThanOrEqual(2);
    await proxy.close();
  });

  it('blackholes: accepts and never answers, then closes those connections when traffic is restored', async () => {
    const proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: echoPort } });
    const before = await open(proxy.port);
    proxy.set({ kind: 'blackhole' });
    expect(await roundTrip(before, 'lost', 500)).toBe('silent');
    const during = await open(proxy.port);
    expect(await roundTrip(during, 'into the void', 500)).toBe('silent');
    const both = Promise.all([closed(before), closed(during)]);
    proxy.set({ kind: 'none' });
    await both;
    const after = await open(proxy.port);
    expect(await roundTrip(after, 'found')).toBe('found');
    after.destroy();
    await proxy.close();
  });

  it('refuses connections until it knows its target', async () => {
    const proxy = await FaultProxy.start();
    await closed(connect(proxy.port, '127.0.0.1'));
    proxy.retarget({ host: '127.0.0.1', port: echoPort });
    const socket = await open(proxy.port);
    expect(await roundTrip(socket, 'now')).toBe('now');
    socket.destroy();
    await proxy.close();
  });
});
