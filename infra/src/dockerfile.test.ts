// The Dockerfile for hosts other than App Service: multi-stage, production dependencies only, non-root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA_DIR } from './bicep-source.ts';

const repo = path.resolve(INFRA_DIR, '..');
const dockerfile = readFileSync(path.join(repo, 'Dockerfile'), 'utf8');
const ignore = readFileSync(path.join(repo, '.dockerignore'), 'utf8').split('\n');
const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)\s+AS\s+(\w+)/gm)].map((m) => ({
  image: m[1],
  name: m[2],
}));
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('Dockerfile', () => {
  it('builds in stages on Node 24, and the runtime stage is the last', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    for (const stage of stages) expect(stage.image).toMatch(/^node:24[-.]/);
  });

  it('installs production dependencies with npm ci --omit=dev from the lock file', () => {
    expect(dockerfile).toMatch(/RUN npm ci --omit=dev/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });

  it('runs as the unprivileged node user, the same entry point as App Service', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('CMD ["node", "api/src/main.ts"]');
    expect(runtime).toContain('NODE_ENV=production');
  });

  it('checks health on /readyz', () => {
    expect(runtime).toMatch(/HEALTHCHECK[\s\S]*\/readyz/);
  });

  it('keeps local installs, builds, data and secrets out of the build context', () => {
    expect(ignore).toEqual(
      expect.arrayContaining(['**/node_modules', '.git', '.data', '.env', 'env/*.user']),
    );
  });
});
