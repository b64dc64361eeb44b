/**
 * Whether fault flags may run in this process. The kit reads its own three variables here (instead of every
 * service's `config.ts`) so that no service needs rewiring; still parsed once, typed and frozen (ADR 0007).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ConfigError, loadConfig, SaudaMode } from '../config/config.ts';

export const FaultConfig = Type.Object({
  SAUDA_MODE: SaudaMode,
  NODE_ENV: Type.Optional(Type.String()),
  /** `auto` (default): on in embedded dev and test runs, off otherwise; `on` where forbidden is refused. */
  FAULT_FLAGS: Type.Union([Type.Literal('auto'), Type.Literal('on'), Type.Literal('off')], {
    default: 'auto',
  }),
  /** Where the flags are kept (the runner gives every service the gateway's address). */
  GATEWAY_URL: Type.Optional(Type.String({ minLength: 1 })),
  FAULT_POLL_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 1000 }),
});
export type FaultConfig = Static<typeof FaultConfig>;

/** What the kit decided: whether flags exist in this process, and where to read them. */
export interface FaultSettings {
  enabled: boolean;
  gatewayUrl?: string;
  pollMs: number;
}

/**
 * Decides from the configuration: never in cluster mode or a production build (`NODE_ENV=production`, as
 * the Dockerfile sets); asking for them there is a start-up error, not a silent no.
 */
export function faultSettings(env: Record<string, string | undefined>): FaultSettings {
  const config = loadConfig(FaultConfig, env);
  const production = config.SAUDA_MODE !== 'embedded' || config.NODE_ENV === 'production';
  if (production && config.FAULT_FLAGS === 'on') {
    throw new ConfigError([
      `FAULT_FLAGS: fault flags are for dev and test runs only (SAUDA_MODE=${config.SAUDA_MODE}, NODE_ENV=${config.NODE_ENV ?? ''})`,
    ]);
  }
  const enabled = !production && config.FAULT_FLAGS !== 'off';
  // Several gateway replicas (`a,b`) share nothing: the first one is the control point.
  const gatewayUrl = config.GATEWAY_URL?.split(',')[0]?.trim().replace(/\/$/, '');
  return Object.freeze({ enabled, pollMs: config.FAULT_POLL_MS, ...(gatewayUrl ? { gatewayUrl } : {}) });
}

let fromEnvironment: FaultSettings | undefined;

/** The settings of this process, read from its environment once. */
export function processFaultSettings(): FaultSettings {
  return (fromEnvironment ??= faultSettings(process.env));
}
