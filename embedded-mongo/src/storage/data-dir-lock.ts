// One server per data directory: a lock file holding the owner's pid, taken over only when that pid is gone.
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'embedded-mongo.lock';
const heldInThisProcess = new Set<string>();

export type DataDirLock = { release(): void };

export function lockDataDir(directory: string): DataDirLock {
  const path = join(directory, LOCK_FILE);
  if (heldInThisProcess.has(path)) throw lockedError(directory, process.pid, path);
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))
      throw lockedError(directory, owner, path);
    writeFileSync(path, String(process.pid));
  }
  heldInThisProcess.add(path);
  return {
    release() {
      if (!heldInThisProcess.delete(path)) return;
      rmSync(path, { force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(directory: string, pid: number, path: string): Error {
  return new Error(
    `embedded-mongo: data directory ${directory} is in use by process ${pid} (lock file ${path}); ` +
      'stop that process or use another --data directory',
  );
}
