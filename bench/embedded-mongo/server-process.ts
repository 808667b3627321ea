// Starts the embedded-mongo CLI in its own process, so the benchmark client does not share its CPU.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.resolve('embedded-mongo')));

export type ServerProcess = { uri: string; stop(): Promise<void> };

export function startServerProcess(args: string[]): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (mongodb:\/\/\S+)/.exec(output);
      if (!match) return;
      resolve({
        uri: match[1]!,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    exited.then(() => reject(new Error(`embedded-mongo exited before listening: ${output}`)));
  });
}
