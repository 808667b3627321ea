// Append-only journal file with group commit: records arriving while an fsync is in flight share the next one.
import { close, closeSync, fdatasync, openSync, write } from 'node:fs';
import { promisify } from 'node:util';
import { fsyncDirectory } from './fsync-directory.ts';

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);
const closeAsync = promisify(close);

type Waiter = { resolve: () => void; reject: (error: Error) => void };

export class JournalWriter {
  readonly path: string;
  #fd: number;
  #pending: Buffer[] = [];
  #waiters: Waiter[] = [];
  #flushing: Promise<void> | undefined;
  #failure: Error | undefined;
  #bytes: number;

  private constructor(path: string, fd: number, bytes: number) {
    this.path = path;
    this.#fd = fd;
    this.#bytes = bytes;
  }

  /** Creates a new segment and makes its directory entry durable before any record relies on it. */
  static create(path: string, directory: string): JournalWriter {
    const fd = openSync(path, 'wx');
    fsyncDirectory(directory);
    return new JournalWriter(path, fd, 0);
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Set once a write or fsync failed; memory may then be ahead of the disk. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Resolves once the records are on disk (written and fdatasync'ed). */
  append(records: Buffer[]): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    for (const record of records) {
      this.#pending.push(record);
      this.#bytes += record.length;
    }
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    // Deferred to the end of this I/O phase so that every command read in it joins the same fsync.
    this.#flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.#drain());
    return done;
  }

  /** Waits for every appended record, then closes the file. */
  async close(): Promise<void> {
    await this.#flushing;
    await closeAsync(this.#fd);
    this.#fd = -1;
  }

  /** Synchronous close for emergency exits; drops nothing that was acknowledged. */
  closeNow(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
      const waiters = this.#waiters;
      this.#pending = [];
      this.#waiters = [];
      try {
        await writeAll(this.#fd, batch);
        await fdatasyncAsync(this.#fd);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        // A failed journal write leaves memory ahead of disk: refuse all further writes.
        this.#failure = new Error(`journal write to ${this.path} failed: ${(error as Error).message}`);
        for (const waiter of [...waiters, ...this.#waiters]) waiter.reject(this.#failure);
        this.#pending = [];
        this.#waiters = [];
      }
    }
    this.#flushing = undefined;
  }
}

async function writeAll(fd: number, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await writeAsync(fd, data, offset, data.length - offset, null);
    offset += bytesWritten;
  }
}
