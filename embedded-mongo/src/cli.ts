#!/usr/bin/env node
// Command line: `embedded-mongo --port 27017 --data .data/mongo [--in-memory] [--host 127.0.0.1]`
// (`--compact-after-bytes N` lowers the journal compaction threshold, for crash tests).
import { parseArgs } from 'node:util';
import { startEmbeddedMongo } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    data: { type: 'string', default: '.data/mongo' },
    host: { type: 'string', default: '127.0.0.1' },
    'in-memory': { type: 'boolean', default: false },
    'compact-after-bytes': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`embedded-mongo: invalid --port ${values.port}`);
  process.exit(2);
}

try {
  const server = await startEmbeddedMongo({
    port,
    host: values.host,
    dataDir: values['in-memory'] ? null : values.data,
  });
  console.log(`listening on ${server.uri}`);
  const shutdown = (): void => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('embedded-mongo: error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
