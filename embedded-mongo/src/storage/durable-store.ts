// Durability for the catalog: recovery (snapshot + journal replay), group-committed journaling of every
// change, and compaction into a fresh snapshot when the journal grows.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Catalog } from '../engine/catalog.ts';
import type { StoreOp } from '../engine/store-op.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { journalPath, listDataFiles, snapshotPath } from './data-files.ts';
import { fsyncDirectory } from './fsync-directory.ts';
import { JournalWriter } from './journal-writer.ts';
import { decodeRecords, encodeRecord } from './record-codec.ts';
import { captureSnapshot, readSnapshotFile, writeSnapshotFile } from './snapshot-file.ts';

export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

export type RecoveryReport = { snapshot: number | null; journalRecords: number; tornBytes: number };

export class DurableStore {
  readonly directory: string;
  readonly recovery: RecoveryReport;
  readonly #catalog: Catalog;
  readonly #lock: DataDirLock;
  readonly #compactAfterBytes: number;
  #journal: JournalWriter;
  #sequence: number;
  /** Journal bytes written since the last snapshot, across segments. */
  #journalBytes: number;
  #nextCompactionAt: number;
  #retiring: Promise<void> = Promise.resolve();

  private constructor(directory: string, catalog: Catalog, lock: DataDirLock, compactAfterBytes: number) {
    this.directory = directory;
    this.#catalog = catalog;
    this.#lock = lock;
    this.#compactAfterBytes = compactAfterBytes;
    this.#nextCompactionAt = compactAfterBytes;
    try {
      const recovered = recover(directory, catalog);
      this.recovery = recovered.report;
      this.#journalBytes = recovered.journalBytes;
      this.#sequence = recovered.lastSequence + 1;
      this.#journal = JournalWriter.create(journalPath(directory, this.#sequence), directory);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Locks the directory and loads its contents into `catalog`. */
  static open(
    directory: string,
    catalog: Catalog,
    compactAfterBytes = DEFAULT_COMPACT_AFTER_BYTES,
  ): DurableStore {
    mkdirSync(directory, { recursive: true });
    return new DurableStore(directory, catalog, lockDataDir(directory), compactAfterBytes);
  }

  /** Why the store can no longer be trusted (a failed journal write), if it cannot. */
  get failure(): Error | undefined {
    return this.#journal.failure;
  }

  /** Journals one command's changes; resolves when they are on disk. */
  commit(ops: StoreOp[]): Promise<void> {
    const records = ops.map((op) => encodeRecord(op));
    const durable = this.#journal.append(records);
    for (const record of records) this.#journalBytes += record.length;
    if (this.#journalBytes >= this.#nextCompactionAt) this.#compactSafely();
    return durable;
  }

  // Compaction only saves space and restart time: when it fails, keep journaling and try again later.
  #compactSafely(): void {
    try {
      this.compact();
    } catch (error) {
      this.#nextCompactionAt = this.#journalBytes + this.#compactAfterBytes;
      console.error(`embedded-mongo: compaction of ${this.directory} failed, will retry later:`, error);
    }
  }

  /**
   * Starts a new journal segment and writes the state as of this instant as a snapshot with the same
   * number. The new segment comes first: if the snapshot cannot be written, the old segments (still on
   * disk) plus the new one replay to the same state. Old files go only once the snapshot is in place.
   */
  compact(): void {
    if (this.failure) return;
    const sequence = this.#sequence + 1;
    const image = captureSnapshot(this.#catalog, sequence);
    const retired = this.#journal;
    this.#journal = JournalWriter.create(journalPath(this.directory, sequence), this.directory);
    this.#sequence = sequence;
    this.#journalBytes = 0;
    this.#nextCompactionAt = this.#compactAfterBytes;
    let written = false;
    try {
      writeSnapshotFile(this.directory, snapshotPath(this.directory, sequence), image);
      written = true;
    } finally {
      this.#retiring = this.#retiring.then(async () => {
        await retired.close().catch(() => undefined);
        if (written) removeOlderThan(this.directory, sequence);
      });
    }
  }

  async close(): Promise<void> {
    await this.#journal.close();
    await this.#retiring;
    this.#lock.release();
  }
}

type Recovered = { report: RecoveryReport; journalBytes: number; lastSequence: number };

function recover(directory: string, catalog: Catalog): Recovered {
  const { journals, snapshots, temps } = listDataFiles(directory);
  for (const temp of temps) rmSync(temp, { force: true });
  const snapshot = snapshots.at(-1);
  if (snapshot) for (const op of readSnapshotFile(snapshot.path)) catalog.apply(op);
  const base = snapshot?.sequence ?? 0;
  let journalRecords = 0;
  let tornBytes = 0;
  let journalBytes = 0;
  for (const journal of journals) {
    if (journal.sequence < base) continue;
    const data = readFileSync(journal.path);
    const { records, validBytes } = decodeRecords(data);
    // Only the tail of a segment can be torn (a crash mid-append); what follows it was never acknowledged.
    tornBytes += data.length - validBytes;
    journalBytes += validBytes;
    for (const record of records) catalog.apply(record as StoreOp);
    journalRecords += records.length;
  }
  catalog.takeOps();
  removeOlderThan(directory, base);
  const lastSequence = Math.max(base, journals.at(-1)?.sequence ?? 0);
  return {
    report: { snapshot: snapshot?.sequence ?? null, journalRecords, tornBytes },
    journalBytes,
    lastSequence,
  };
}

function removeOlderThan(directory: string, sequence: number): void {
  const { journals, snapshots } = listDataFiles(directory);
  let removed = false;
  for (const file of [...journals, ...snapshots]) {
    if (file.sequence >= sequence) continue;
    rmSync(file.path, { force: true });
    removed = true;
  }
  if (removed) fsyncDirectory(directory);
}
