// Starts the embedded-mongo CLI in its own process, so the benchmark client does not share its CPU.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.resolve('embedded-mongo')));

export type ServerProcess = {
  uri: string;
  /** CPU time (user + system) the server process has used, in microseconds (10 ms resolution). */
  cpuMicros(): number;
  stop(): Promise<void>;
};

const TICK_MICROS = 10_000; // Linux USER_HZ = 100

function cpuMicrosOf(pid: number): number {
  // /proc/<pid>/stat: the command name may contain spaces, so count fields after its closing paren.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MICROS;
}

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
        cpuMicros: () => cpuMicrosOf(child.pid!),
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    exited.then(() => reject(new Error(`embedded-mongo exited before listening: ${output}`)));
  });
}
