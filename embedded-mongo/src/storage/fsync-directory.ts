// fsync of a directory, so that created, renamed and deleted entries survive a crash.
import { closeSync, fsyncSync, openSync } from 'node:fs';

export function fsyncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
