/**
 * Fault flags on the gateway (ADR 0007), registered only in dev and test runs: admins read and switch them
 * (`/api/admin/faults`), every service instance polls its own (`/internal/faults/:service`). Hidden from the
 * OpenAPI documents, which describe the production API, where these routes do not exist.
 */
import { FaultFlags, FaultPollAnswer, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { FaultState, type FaultStore } from './fault-store.ts';

const ServiceParams = Type.Object({ service: Type.String({ pattern: '^[a-z][a-z0-9-]{0,40}$' }) });
const FaultList = Type.Object({ services: Type.Array(FaultState) });
const admin = { access: ['admin'] as const, owns: 'fault flags of dev and test runs, no personal data' };

/** Registers the admin and polling routes over `store`. */
export function registerFaults(app: App, store: FaultStore): void {
  app.get(
    '/api/admin/faults',
    {
      config: { auth: admin },
      schema: { hide: true, summary: 'Fault flags of every service', response: { 200: FaultList } },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return { services: store.list() };
    },
  );
  app.put(
    '/api/admin/faults/:service',
    {
      config: { auth: admin },
      schema: {
        hide: true,
        summary: "Sets one service's fault flags",
        params: ServiceParams,
        body: FaultFlags,
        response: { 200: FaultState },
      },
    },
    async (request) => {
      const state = store.set(request.params.service, request.body);
      request.log.warn({ faults: state }, 'fault flags set');
      return state;
    },
  );
  app.delete(
    '/api/admin/faults',
    {
      config: { auth: admin },
      schema: { hide: true, summary: 'Switches every fault off', response: { 200: FaultList } },
    },
    async (request) => {
      request.log.warn('fault flags cleared');
      return { services: store.clear() };
    },
  );
  app.get(
    '/internal/faults/:service',
    {
      // Polled by every service: not a line per request in the logs.
      logLevel: 'warn',
      // Read by the services themselves, which hold no admin token; the flags say nothing private.
      config: { auth: { access: 'public', owns: "a service's fault flags in dev and test runs" } },
      schema: {
        hide: true,
        params: ServiceParams,
        querystring: Type.Object({
          instance: Type.String({ minLength: 1, maxLength: 200 }),
          version: Type.Integer({ minimum: 0, default: 0 }),
        }),
        response: { 200: FaultPollAnswer },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return store.poll(request.params.service, request.query.instance, request.query.version);
    },
  );
}
