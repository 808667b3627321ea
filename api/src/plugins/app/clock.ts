// The server's clock as `app.clock`: every route and job asks it for `now`, so development mode can move time
// (POST /dev/clock) and tests can fix it, without a Date.now() anywhere else.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface Clock {
  now(): Date;
  /** Development and tests only: a fixed instant, or null to follow real time again. */
  set(now: Date | null): void;
  readonly frozen: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
  }
}

/** A clock that follows real time until set; a set clock stays at that instant until set again. */
export function createClock(initial: Date | null = null): Clock {
  let fixed = initial;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set: (now) => {
      fixed = now ? new Date(now) : null;
    },
    get frozen() {
      return fixed !== null;
    },
  };
}

async function clock(app: FastifyInstance, options: { clock?: Clock }): Promise<void> {
  app.decorate('clock', options.clock ?? createClock());
}

export default fp(clock, { name: 'clock' });
