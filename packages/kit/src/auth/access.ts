/**
 * Every route declares who may call it (`access`) and whose data it touches (`owns`).
 * The kit refuses to register a route that does not say, and enforces the roles before the handler.
 */
import type { Role } from '@sauda/contracts';
import type { FastifyRequest } from 'fastify';
import { BadRequest, Forbidden, Unauthenticated } from '../http/errors.ts';

/** The caller, as proven by a verified access token. */
export interface Principal {
  id: string;
  roles: Role[];
  email?: string;
  name?: string;
  sessionId?: string;
  /** The depot a warehouseman works at (claim `depotId`). */
  depotId?: string;
  /** The sorting centre a driver works from (claim `sortingCentreId`). */
  sortingCentreId?: string;
}

/**
 * Who may call a route:
 * - `'public'`: anyone, signed in or not (the principal is read when a valid token is sent);
 * - `'authenticated'`: any signed-in account;
 * - a list of roles: a signed-in account holding at least one of them.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** What a route declares in its `config`. */
export interface RouteAccess {
  access: Access;
  /** Whose data the route touches, in words (e.g. "the caller's own products"); shown in OpenAPI. */
  owns: string;
}

/** Checks a principal against a route's access rule; throws the matching error. */
export function assertAccess(access: Access, principal: Principal | undefined): void {
  if (access === 'public') return;
  if (!principal) throw new Unauthenticated();
  if (access === 'authenticated') return;
  if (!access.some((role) => principal.roles.includes(role))) throw new Forbidden();
}

/** The signed-in caller of a route that required one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Unauthenticated();
  return request.principal;
}

/** Ownership: the caller must be the owner (admins act on anyone's data only where `adminMayAct`). */
export function assertOwner(
  principal: Principal,
  ownerId: string,
  options: { adminMayAct?: boolean } = {},
): void {
  if (principal.id === ownerId) return;
  if (options.adminMayAct && principal.roles.includes('admin')) return;
  throw new Forbidden('This belongs to another account');
}

/** True when the principal holds the role. */
export function hasRole(principal: Principal | undefined, role: Role): boolean {
  return principal?.roles.includes(role) ?? false;
}

/**
 * The customer a request acts for: the caller themselves, or — for a service token (ADR 0004) — the
 * customer the body names (a service acts for a customer, never as itself on customer data).
 */
export function actingCustomer(request: FastifyRequest, named: string | undefined): string {
  const caller = principalOf(request);
  if (!caller.roles.includes('service')) return caller.id;
  if (!named) throw new BadRequest('A service must name the customer it acts for (customerId)');
  return named;
}
