// The deploy staging (scripts/stage-app.ts) on a small fixture repository: runtime files in, tests and dev
// tooling out, every workspace's package.json kept so `npm ci --omit=dev` accepts the lock file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNTIME_CONTENT, stageApp } from '../scripts/stage-app.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'stage-app-'));
const source = path.join(scratch, 'repo');
const out = path.join(scratch, 'out');

function write(relative: string, text = '') {
  const file = path.join(source, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

write('package.json', JSON.stringify({ workspaces: ['api', 'tab', 'e2e', 'manifest'] }));
write('package-lock.json', '{}');
write('api/package.json', '{}');
write('api/src/main.ts', 'main');
write('api/src/routes/health.ts', 'health');
write('api/src/routes/health.test.ts', 'test');
write('api/vitest.config.ts', 'config');
write('tab/package.json', '{}');
write('tab/src/app.tsx', 'source');
write('tab/dist/index.html', 'built');
write('e2e/package.json', '{}');
write('e2e/tests/flow.test.ts', 'test');
write('manifest/package.json', '{}');
write('manifest/web/addin/icon-16.png', 'png');
write('manifest/appPackage/manifest.json', '{}');
stageApp(out, source);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const staged = (relative: string) => existsSync(path.join(out, relative));

describe('stage-app (the upload for App Service and the Docker image)', () => {
  it('keeps the server sources, the built tab and the add-in icons', () => {
    expect(staged('api/src/main.ts')).toBe(true);
    expect(staged('api/src/routes/health.ts')).toBe(true);
    expect(readFileSync(path.join(out, 'tab/dist/index.html'), 'utf8')).toBe('built');
    expect(staged('manifest/web/addin/icon-16.png')).toBe(true);
  });

  it('leaves out tests, test config, tab sources and non-runtime workspaces', () => {
    expect(staged('api/src/routes/health.test.ts')).toBe(false);
    expect(staged('api/vitest.config.ts')).toBe(false);
    expect(staged('tab/src/app.tsx')).toBe(false);
    expect(staged('e2e/tests')).toBe(false);
    expect(staged('manifest/appPackage')).toBe(false);
  });

  it('keeps the lock file and every workspace package.json, so npm ci accepts the tree', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      ...['api', 'tab', 'e2e', 'manifest'].map((w) => `${w}/package.json`),
    ]) {
      expect({ file, staged: staged(file) }).toEqual({ file, staged: true });
    }
  });

  it('refuses to stage a tab that was not built', () => {
    rmSync(path.join(source, 'tab/dist'), { recursive: true });
    expect(() => stageApp(path.join(scratch, 'again'), source)).toThrow(
      'tab/dist is missing: run `npm run build` first',
    );
  });

  it('ships the workspaces the server runs from', () => {
    expect(Object.keys(RUNTIME_CONTENT).sort()).toEqual(['api', 'bot', 'embedded-mongo', 'manifest', 'tab']);
  });
});
