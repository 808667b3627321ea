// Splits a TCP byte stream into whole wire messages using the length prefix of each header.
import { MAX_MESSAGE_SIZE } from './opcodes.ts';

export class MessageFramer {
  #chunks: Buffer[] = [];
  #buffered = 0;

  /** Adds received bytes and returns every message now complete, in order. */
  push(chunk: Buffer): Buffer[] {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      const message = this.#next();
      if (!message) return messages;
      messages.push(message);
    }
  }

  #next(): Buffer | undefined {
    if (this.#buffered < 4) return undefined;
    const size = this.#peekLength();
    if (size < 16 || size > MAX_MESSAGE_SIZE) throw new Error(`invalid wire message length ${size}`);
    if (this.#buffered < size) return undefined;
    const first = this.#chunks[0]!;
    if (first.length >= size) {
      const message = first.subarray(0, size);
      if (first.length === size) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(size);
      this.#buffered -= size;
      return message;
    }
    const all = Buffer.concat(this.#chunks, this.#buffered);
    const message = all.subarray(0, size);
    this.#chunks = all.length > size ? [all.subarray(size)] : [];
    this.#buffered -= size;
    return message;
  }

  #peekLength(): number {
    const first = this.#chunks[0]!;
    if (first.length >= 4) return first.readInt32LE(0);
    return Buffer.concat(this.#chunks, this.#buffered).readInt32LE(0);
  }
}
