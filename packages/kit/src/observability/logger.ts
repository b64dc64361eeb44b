/** pino logger options: JSON lines with service, request id and trace ids; pretty in a terminal on demand. */
import type { LoggerOptions } from 'pino';
import { activeTraceIds } from './tracing.ts';

export interface LoggerConfig {
  service: string;
  level: string;
  format: 'json' | 'pretty';
}

/** Options for Fastify's pino: trace ids on every line, secrets redacted. */
export function loggerOptions(config: LoggerConfig): LoggerOptions {
  return {
    level: config.level,
    base: { service: config.service },
    mixin: () => activeTraceIds(),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        'refreshToken',
        'accessToken',
        '*.password',
        '*.card',
        '*.number',
        '*.cvc',
      ],
      censor: '[redacted]',
    },
    ...(config.format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'HH:MM:ss.l' } } }
      : {}),
  };
}
