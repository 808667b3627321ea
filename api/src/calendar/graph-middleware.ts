// The Graph client's middleware chain: our base URL comes from configuration (a local fake in tests), so the
// token is attached to every request (the stock handler only trusts https Graph hosts), and 429/503 are
// retried after Retry-After in this one place.
import { type Context, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import { isRetryableStatus, type RetryPolicy, retryDelayMs } from './provider-errors.ts';

/** Every Graph request reads times in UTC (the zone of the event comes from originalStartTimeZone). */
const PREFER = 'outlook.timezone="UTC", odata.maxpagesize=100';

function setHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else context.options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}

class TokenMiddleware implements Middleware {
  readonly #accessToken: () => Promise<string>;
  #next: Middleware | undefined;

  constructor(accessToken: () => Promise<string>) {
    this.#accessToken = accessToken;
  }

  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer ${await this.#accessToken()}`);
    setHeader(context, 'Prefer', PREFER);
    await this.#next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }
}

class ThrottleMiddleware implements Middleware {
  readonly #policy: RetryPolicy;
  #next: Middleware | undefined;

  constructor(policy: RetryPolicy) {
    this.#policy = policy;
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await this.#next?.execute(context);
      const response = context.response;
      if (!response || !isRetryableStatus(response.status) || attempt + 1 >= this.#policy.attempts) return;
      const delay = retryDelayMs(
        response.headers.get('retry-after'),
        response.headers.get('date'),
        attempt,
        this.#policy,
      );
      await response.body?.cancel().catch(() => {});
      await this.#policy.wait(delay);
      context.response = undefined;
    }
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }
}

export function graphMiddleware(accessToken: () => Promise<string>, policy: RetryPolicy): Middleware {
  const token = new TokenMiddleware(accessToken);
  const throttle = new ThrottleMiddleware(policy);
  token.setNext(throttle);
  throttle.setNext(new HTTPMessageHandler());
  return token;
}
