// A minimal server-sent-events reader for tests: opens a stream with fetch and hands out its events one by one.

export interface SseEvent {
  event: string;
  id: string | null;
  data: unknown;
}

export interface SseClient {
  readonly status: number;
  readonly headers: Headers;
  /** The next event (comments and retry lines skipped); rejects after `withinMs` or when the stream ends. */
  next(withinMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended(withinMs?: number): Promise<void>;
  close(): void;
}

function parseEvent(block: string): SseEvent | null {
  let event = 'message';
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const [field, ...rest] = line.split(':');
    const value = rest.join(':').replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { event, id, data: JSON.parse(data.join('\n')) };
}

function bounded<T>(promise: Promise<T>, withinMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${withinMs} ms`)), withinMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function openSse(url: string): Promise<SseClient> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  const queue: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  let done = false;
  let buffer = '';
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };

  const pump = async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event) queue.push(event);
          end = buffer.indexOf('\n\n');
        }
        wake();
      }
    } catch {
      // Aborted by close(): the stream is over either way.
    } finally {
      done = true;
      wake();
    }
  };
  void pump();

  const nextEvent = async (): Promise<SseEvent> => {
    while (queue.length === 0) {
      if (done) throw new Error('the stream ended');
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return queue.shift() as SseEvent;
  };
  const whenEnded = async (): Promise<void> => {
    while (!done) await new Promise<void>((resolve) => waiters.push(resolve));
  };

  return {
    status: response.status,
    headers: response.headers,
    next: (withinMs = 5_000) => bounded(nextEvent(), withinMs, 'event'),
    ended: (withinMs = 5_000) => bounded(whenEnded(), withinMs, 'end of stream'),
    close: () => abort.abort(),
  };
}
