// Per-client request limits (@fastify/rate-limit); over the limit answers 429 in the SPEC.md error shape.
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface RateLimitOptions {
  /** Requests allowed per client per window. */
  readonly max: number;
  /** Window length in milliseconds. */
  readonly timeWindowMs: number;
}

/**
 * Keyed per user: by the credentials a request carries (hashed, never stored in clear), else by client
 * IP — generous, because a whole office may reach us through one NAT address. Routes opt out with
 * `config: { rateLimit: false }` (health probes).
 */
export const defaultRateLimit: RateLimitOptions = { max: 1200, timeWindowMs: 60_000 };

async function requestLimits(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.timeWindowMs,
    keyGenerator: (request) => {
      const credentials = request.headers.authorization;
      return credentials
        ? `user:${createHash('sha256').update(credentials).digest('base64url')}`
        : `ip:${request.ip}`;
    },
  });
}

export default fp(requestLimits, { name: 'rate-limit' });
