// Open server cursors: materialised results handed out in batches by find/aggregate and getMore.
import { calculateObjectSize, type Document, Long } from 'bson';
import { CommandError, ErrorCode } from './errors.ts';
import { MAX_BSON_OBJECT_SIZE } from './wire/opcodes.ts';

const DEFAULT_FIRST_BATCH = 101;
// Leaves room for the reply envelope around a batch that must fit one BSON document.
const MAX_BATCH_BYTES = MAX_BSON_OBJECT_SIZE - 64 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

type OpenCursor = { id: number; ns: string; docs: Document[]; position: number; lastUsed: number };

export class CursorStore {
  readonly #open = new Map<number, OpenCursor>();
  #nextId = 1 + Math.floor(Math.random() * 2 ** 40);

  /** The first batch of `docs`, keeping the rest behind a cursor id unless all fit (or singleBatch). */
  first(ns: string, docs: Document[], batchSize: number | undefined, singleBatch = false): Document {
    const batch = takeBatch(docs, 0, batchSize || DEFAULT_FIRST_BATCH);
    let id = 0;
    if (!singleBatch && batch.length < docs.length) {
      id = this.#nextId++;
      this.#open.set(id, { id, ns, docs, position: batch.length, lastUsed: Date.now() });
    }
    return { cursor: { firstBatch: batch, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  more(id: number, ns: string, batchSize: number | undefined): Document {
    const cursor = this.#open.get(id);
    if (!cursor) throw new CommandError(ErrorCode.CursorNotFound, `cursor id ${id} not found`);
    if (cursor.ns !== ns) {
      throw new CommandError(
        ErrorCode.Unauthorized,
        `Requested getMore on namespace '${ns}', but cursor belongs to '${cursor.ns}'`,
      );
    }
    const batch = takeBatch(cursor.docs, cursor.position, batchSize || Number.MAX_SAFE_INTEGER);
    cursor.position += batch.length;
    cursor.lastUsed = Date.now();
    const exhausted = cursor.position >= cursor.docs.length;
    if (exhausted) this.#open.delete(id);
    return { cursor: { nextBatch: batch, id: Long.fromNumber(exhausted ? 0 : id), ns }, ok: 1 };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed: number[] = [];
    const notFound: number[] = [];
    for (const id of ids) (this.#open.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  /** Drops cursors left idle past mongod's default cursor timeout. */
  sweep(now: number): void {
    for (const [id, cursor] of this.#open) if (now - cursor.lastUsed > IDLE_TIMEOUT_MS) this.#open.delete(id);
  }

  get size(): number {
    return this.#open.size;
  }
}

function takeBatch(docs: Document[], from: number, max: number): Document[] {
  const end = Math.min(docs.length, from + max);
  if (end - from <= 1) return docs.slice(from, end);
  let bytes = 0;
  for (let i = from; i < end; i++) {
    bytes += calculateObjectSize(docs[i]!);
    if (bytes > MAX_BATCH_BYTES && i > from) return docs.slice(from, i);
  }
  return docs.slice(from, end);
}
