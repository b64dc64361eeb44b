import { createServer } from 'node:net';
import { StartupError } from './errors.ts';
import type { ServiceSpec } from './services.ts';

/** Whether nothing listens on host:port yet (a listener on 0.0.0.0 counts as taken). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is unused right now (for side-by-side systems in tests). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS gave no free port'))));
    });
  });
}

/** Where each service listens: the manifest's ports (checked free) or, with 'free', unused ones. */
export async function assignPorts(
  services: readonly ServiceSpec[],
  mode: 'fixed' | 'free',
  gatewayPort: number | undefined,
): Promise<Map<string, number>> {
  const ports = new Map<string, number>();
  // The OS may hand out a port it just gave (each probe releases it): never give one out twice.
  const unused = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (![...ports.values()].includes(port)) return port;
    }
  };
  for (const service of services) {
    const wanted = service.name === 'gateway' ? gatewayPort : undefined;
    // A second replica cannot share the manifest's port: it takes any free one.
    const free = mode === 'free' || service.replicaOf !== undefined;
    ports.set(service.name, wanted ?? (free ? await unused() : service.port));
  }
  const owners = new Map<number, string>();
  for (const [name, port] of ports) {
    const other = owners.get(port);
    if (other) throw new StartupError(`port ${port} would be used by both ${other} and ${name}`);
    owners.set(port, name);
    if (!(await isPortFree(port))) throw new StartupError(portTakenMessage(name, port));
  }
  return ports;
}

function portTakenMessage(name: string, port: number): string {
  if (name === 'gateway') {
    return (
      `port ${port} is already in use, so the gateway cannot listen on it. Is Sauda already running? ` +
      `Stop it, or choose another port: npm start -- --port ${port + 1}`
    );
  }
  return `port ${port}, needed by ${name}, is already in use by another program (see: ss -ltnp 'sport = :${port}')`;
}
