/**
 * The project's own small TCP fault proxy (Toxiproxy is not installable here): each client connection is
 * piped to the target, and a switchable fault applies to every connection — added latency, connections
 * reset, a blackhole (accepted, never forwarded) — until it is switched back to normal.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** What the proxy does to traffic right now. */
export type Fault =
  { kind: 'none' } | { kind: 'latency'; ms: number } | { kind: 'reset' } | { kind: 'blackhole' };

/** Where connections go. */
export interface Target {
  host: string;
  port: number;
}

/** What the proxy has seen, for reports and tests. */
export interface ProxyStats {
  connections: number;
  reset: number;
  blackholed: number;
}

interface Link {
  client: Socket;
  upstream: Socket | undefined;
  /** Traffic was dropped on this link: its byte stream is broken, so it is closed on recovery. */
  swallowed: boolean;
}

/** A listening fault proxy; create with `FaultProxy.start`. */
export class FaultProxy {
  #fault: Fault = { kind: 'none' };
  #target: Target | undefined;
  readonly #links = new Set<Link>();
  readonly #server: Server;
  readonly stats: ProxyStats = { connections: 0, reset: 0, blackholed: 0 };

  private constructor(target: Target | undefined) {
    this.#target = target;
    this.#server = createServer((client) => this.#accept(client));
  }

  /** Listens on 127.0.0.1 (`port` 0 or omitted: a free one); with no target yet, connections are refused. */
  static async start(options: { target?: Target; port?: number } = {}): Promise<FaultProxy> {
    const proxy = new FaultProxy(options.target);
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once('error', reject);
      proxy.#server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** The port clients connect to. */
  get port(): number {
    const address = this.#server.address();
    if (typeof address !== 'object' || !address) throw new Error('the proxy is not listening');
    return address.port;
  }

  /** The fault in force. */
  get fault(): Fault {
    return this.#fault;
  }

  /** Points new connections at another target (the service behind it got its port after the proxy started). */
  retarget(target: Target): void {
    this.#target = target;
  }

  /** Switches the fault for every connection, live and new. */
  set(fault: Fault): void {
    const previous = this.#fault;
    this.#fault = fault;
    if (fault.kind === 'reset') for (const link of [...this.#links]) this.#reset(link);
    if (fault.kind === 'blackhole') for (const link of this.#links) link.swallowed = true;
    if (previous.kind === 'blackhole' && fault.kind !== 'blackhole')
      for (const link of [...this.#links]) if (link.swallowed) this.#reset(link);
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    for (const link of [...this.#links]) this.#drop(link);
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: Socket): void {
    this.stats.connections += 1;
    const link: Link = { client, upstream: undefined, swallowed: false };
    this.#links.add(link);
    client.on('error', () => this.#drop(link));
    client.on('close', () => this.#drop(link));
    if (this.#fault.kind === 'reset' || !this.#target) return this.#reset(link);
    if (this.#fault.kind === 'blackhole') {
      // Accepted and then silence: the client's own timeouts are what is being tested.
      this.stats.blackholed += 1;
      link.swallowed = true;
      client.on('data', () => undefined);
      return;
    }
    const upstream = connect(this.#target.port, this.#target.host);
    link.upstream = upstream;
    upstream.on('error', () => this.#drop(link));
    upstream.on('close', () => this.#drop(link));
    client.on('data', (chunk: Buffer) => this.#forward(link, chunk, upstream));
    upstream.on('data', (chunk: Buffer) => this.#forward(link, chunk, client));
  }

  #forward(link: Link, chunk: Buffer, to: Socket): void {
    const fault = this.#fault;
    if (fault.kind === 'blackhole' || link.swallowed) {
      link.swallowed = true;
      return;
    }
    // Equal delays fire in the order they were set, so the byte stream stays in order.
    if (fault.kind === 'latency') setTimeout(() => to.destroyed || to.write(chunk), fault.ms);
    else to.write(chunk);
  }

  #reset(link: Link): void {
    this.stats.reset += 1;
    for (const socket of [link.client, link.upstream]) {
      if (socket && !socket.destroyed) socket.resetAndDestroy();
    }
    this.#links.delete(link);
  }

  #drop(link: Link): void {
    link.client.destroy();
    link.upstream?.destroy();
    this.#links.delete(link);
  }
}
