// Development mode: the tab follows the server's clock (POST /dev/clock), so past/future rules agree with it.

interface DevClockAnswer {
  now: string;
  frozen: boolean;
}

/** Returns `now()` at once (the local clock) and switches to the server's clock when its answer arrives. */
export function followDevClock(fetcher: typeof fetch = (...args) => fetch(...args)): () => Date {
  let read = () => new Date();
  void fetcher('/api/v1/dev/clock')
    .then(async (response) => {
      if (!response.ok) return;
      const clock = (await response.json()) as DevClockAnswer;
      const server = new Date(clock.now).getTime();
      if (clock.frozen) {
        read = () => new Date(server);
        return;
      }
      const offset = server - Date.now();
      // Within a few seconds is the same clock: keep the browser's so no drift is invented.
      if (Math.abs(offset) > 5_000) read = () => new Date(Date.now() + offset);
    })
    .catch(() => {
      // No development clock (production, or the server is down): the local clock is right.
    });
  return () => read();
}
