/** The assistant's configuration: the only reader of process.env. */
import { hostname } from 'node:os';
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, dataConfig, loadConfig } from '@sauda/kit';

const url = (fallback: string) => Type.String({ minLength: 1, default: fallback });

export const AssistantConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8108 }),
  SHOP_URL: url('http://127.0.0.1:8102'),
  ORDERS_URL: url('http://127.0.0.1:8103'),
  SHIPPING_URL: url('http://127.0.0.1:8106'),
  /** Each replica keeps its own index, so each one follows shop's events under its own consumer name. */
  REPLICA_ID: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_-]+$' }),
  /** How long a proposed action (add to cart, cancel, return, ticket) waits for the customer's confirmation. */
  ACTION_TTL_MS: Type.Integer({ minimum: 1000, default: 15 * 60_000 }),
  /** Optional LLM planner on an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM); offline engine when unset. */
  ASSISTANT_LLM_URL: Type.Optional(Type.String({ minLength: 1 })),
  ASSISTANT_LLM_KEY: Type.Optional(Type.String()),
  ASSISTANT_LLM_MODEL: Type.String({ default: 'gpt-4o-mini' }),
  ASSISTANT_LLM_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 20_000 }),
});

/** Reads and freezes the configuration once (the replica id defaults to the host name). */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const replica = (env['REPLICA_ID'] ?? hostname()).replace(/[^A-Za-z0-9_-]/g, '-');
  return loadConfig(AssistantConfig, { ...env, REPLICA_ID: replica });
}
export type AssistantConfig = ReturnType<typeof readConfig>;
