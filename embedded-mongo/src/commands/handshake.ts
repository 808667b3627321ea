// Connection-level commands: hello/isMaster as a standalone server, ping, buildInfo and friends.
import type { Document } from 'bson';
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE } from '../wire/opcodes.ts';
import type { CommandContext, CommandHandler } from './command-context.ts';

export const SERVER_VERSION = '7.0.0';
const VERSION_ARRAY = [7, 0, 0, 0];

// No setName/hosts: the driver sees a standalone, so it never starts transactions or retryable writes.
// logicalSessionTimeoutMinutes makes it send (harmless) lsid fields, as against a real mongod.
function helloReply(context: CommandContext, legacy: boolean): Document {
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'embedded-mongo',
  versionArray: VERSION_ARRAY,
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ['embedded-journal'],
  modules: [],
  ok: 1,
});

const getParameter: CommandHandler = (command) => {
  const reply: Document = { ok: 1 };
  if (command.featureCompatibilityVersion !== undefined || command.getParameter === '*') {
    reply.featureCompatibilityVersion = { version: '7.0' };
  }
  return reply;
};

export const handshakeCommands: Record<string, CommandHandler> = {
  hello: (_command, context) => helloReply(context, false),
  isMaster: (_command, context) => helloReply(context, true),
  ismaster: (_command, context) => helloReply(context, true),
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  endSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  killAllSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  whatsmyuri: (_command, context) => ({ you: `127.0.0.1:${context.connectionId}`, ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['embedded-mongo'], parsed: {}, ok: 1 }),
  hostInfo: () => ({ system: { hostname: 'localhost' }, os: { type: process.platform }, extra: {}, ok: 1 }),
};
