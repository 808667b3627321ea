// Conformance at the byte level: OP_QUERY handshake, OP_MSG document sequences, moreToCome,
// checksums and message framing across TCP segments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opMsg, opQuery, RawConnection } from './support/raw-wire.ts';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
let wire: RawConnection;
beforeAll(async () => {
  target = await openTarget('wire');
  wire = await RawConnection.open(target.uri);
});
afterAll(async () => {
  wire.close();
  await target.close();
});

const dbName = () => target.db.databaseName;

describe('wire protocol', () => {
  it('answers a legacy OP_QUERY isMaster with OP_REPLY', async () => {
    const { bytes, requestId } = opQuery('admin.$cmd', { isMaster: 1 });
    wire.write(bytes);
    const reply = await wire.next();
    expect(reply.opCode).toBe(1);
    expect(reply.responseTo).toBe(requestId);
    expect(reply.doc.ismaster).toBe(true);
    expect(reply.doc.maxWireVersion).toBeGreaterThanOrEqual(21);
    expect(reply.doc.setName).toBeUndefined();
  });

  it('merges an OP_MSG kind-1 document sequence into the command', async () => {
    const insert = opMsg([
      { kind: 0, doc: { insert: 'seq', $db: dbName() } },
      { kind: 1, id: 'documents', docs: [{ _id: 1 }, { _id: 2 }] },
    ]);
    wire.write(insert.bytes);
    const reply = await wire.next();
    expect(reply.opCode).toBe(2013);
    expect(reply.responseTo).toBe(insert.requestId);
    expect(reply.doc).toMatchObject({ n: 2, ok: 1 });
    expect(await target.coll('seq').countDocuments()).toBe(2);
  });

  it('sends no reply for moreToCome (w:0) messages but applies them', async () => {
    const unacknowledged = opMsg(
      [{ kind: 0, doc: { insert: 'w0', documents: [{ _id: 'x' }], writeConcern: { w: 0 }, $db: dbName() } }],
      2,
    );
    const ping = opMsg([{ kind: 0, doc: { ping: 1, $db: dbName() } }]);
    wire.write(unacknowledged.bytes);
    wire.write(ping.bytes);
    const reply = await wire.next();
    expect(reply.responseTo).toBe(ping.requestId);
    expect(await target.coll('w0').countDocuments()).toBe(1);
  });

  it('accepts a message carrying a CRC-32C checksum', async () => {
    const ping = opMsg([{ kind: 0, doc: { ping: 1, $db: dbName() } }], 0, true);
    wire.write(ping.bytes);
    expect((await wire.next()).doc.ok).toBe(1);
  });

  it('frames messages split across segments and several messages in one segment', async () => {
    const first = opMsg([{ kind: 0, doc: { ping: 1, $db: dbName() } }]);
    const second = opMsg([{ kind: 0, doc: { ping: 1, $db: dbName() } }]);
    const both = Buffer.concat([first.bytes, second.bytes]);
    wire.write(both.subarray(0, 3));
    wire.write(both.subarray(3, first.bytes.length + 5));
    wire.write(both.subarray(first.bytes.length + 5));
    expect((await wire.next()).responseTo).toBe(first.requestId);
    expect((await wire.next()).responseTo).toBe(second.requestId);
  });

  it('refuses transactions as a standalone server does', async () => {
    const begin = opMsg([
      {
        kind: 0,
        doc: {
          find: 'seq',
          filter: {},
          txnNumber: 1,
          startTransaction: true,
          autocommit: false,
          $db: dbName(),
        },
      },
    ]);
    wire.write(begin.bytes);
    const reply = await wire.next();
    expect(reply.doc.ok).toBe(0);
    expect(reply.doc.code).toBe(20);
  });
});
