// Runs the real product for browser tests and benchmarks: builds the tab into a private directory, starts the
// server (serve-app.ts: what main.ts starts) in development mode on a free port with a fresh data directory,
// and stops it again.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within 90 s:\n${log()}`);
}

/** The caller's environment minus anything that would point the server elsewhere (always the embedded database). */
function serverEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  delete env.MONGODB_URI;
  delete env.NODE_ENV;
  delete env.PUBLIC_URL;
  return env;
}

export interface RunningServer {
  baseUrl: string;
  /** The tab build it serves. */
  tabDir: string;
  stop: () => Promise<void>;
}

/** Builds the tab as it is in the work tree (never a stale dist) into a fresh directory; returns it. */
function buildTab(): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'e2e-tab-'));
  const build = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    {
      cwd: path.join(root, 'tab'),
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`Building the tab failed:\n${build.stdout}\n${build.stderr}`);
  return outDir;
}

/** Builds the tab, then starts the server on it; `stop` removes the build and the data again. */
export async function startServer(): Promise<RunningServer> {
  const tabDir = buildTab();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-data-'));
  let output = '';
  const server = spawn(process.execPath, [path.join(root, 'e2e/support/serve-app.ts'), tabDir], {
    cwd: root,
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH_MODE: 'dev',
      LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, server, () => output);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(tabDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    tabDir,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(tabDir, { recursive: true, force: true });
    },
  };
}
