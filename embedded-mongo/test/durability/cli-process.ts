// Runs the embedded-mongo CLI as a child process, as a crash test needs a process it can SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export type CliProcess = { uri: string; child: ChildProcess; exited: Promise<number | null> };

export function startCli(dataDir: string, extraArgs: string[] = []): Promise<CliProcess> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (mongodb:\/\/\S+)/.exec(stdout);
      if (match) resolve({ uri: match[1]!, child, exited });
    });
    exited.then((code) =>
      reject(new Error(`embedded-mongo exited with ${code} before listening: ${stderr}`)),
    );
  });
}
