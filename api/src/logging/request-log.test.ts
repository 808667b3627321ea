// SPEC.md "Privacy": no credential in any log line, including the stream's token in its query string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test-support/fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { redactUrl } from './request-log.ts';

const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    config: { logLevel: 'info' },
    deps: { logStream: { write: (line: string) => lines.push(line) } },
  });
});
afterAll(() => t.close());

describe('request log lines', () => {
  it('redact the access_token of the live stream URL', () => {
    expect(redactUrl('/api/v1/meetings/1/stream?access_token=Bearer%20eyJ.abc&x=1')).toBe(
      '/api/v1/meetings/1/stream?access_token=[redacted]&x=1',
    );
  });

  it('never carry a token, whether sent as a header or in the query string', async () => {
    const user = await createUser(t.app);
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer secret-header-token' },
    });
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/meetings/665f00000000000000000001/stream?access_token=${encodeURIComponent(`Dev ${user.id}`)}`,
    });
    const log = lines.join('\n');
    expect(log).toContain('access_token=[redacted]');
    expect(log).not.toContain('secret-header-token');
    expect(log).not.toContain(encodeURIComponent(`Dev ${user.id}`));
  });
});
