/** `GET /api/admin/operations`: the live load and health of every service and replica (admin, support). */
import { OperationsReport } from '@sauda/contracts';
import type { App } from '@sauda/kit';

/** Registers the route on the gateway. */
export function registerOperations(app: App, monitor: { collect(): Promise<OperationsReport> }): void {
  app.get(
    '/api/admin/operations',
    {
      config: { auth: { access: ['admin', 'support'], owns: 'service load figures only, no personal data' } },
      schema: {
        tags: ['operations'],
        summary: 'Live load of every service: requests per second, p99, errors, instances, lag, backlog',
        response: { 200: OperationsReport },
      },
    },
    async (_request, reply) => {
      // Figures change every scrape; nothing in between may keep them.
      void reply.header('cache-control', 'no-store');
      return monitor.collect();
    },
  );
}
