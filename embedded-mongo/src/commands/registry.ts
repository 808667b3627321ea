// The command table, and dispatch that turns any failure into a MongoDB error reply.
import type { Document } from 'bson';
import { CommandError, ErrorCode } from '../errors.ts';
import { aggregateCommands } from './aggregate.ts';
import type { CommandContext, CommandHandler } from './command-context.ts';
import { countDistinctCommands } from './count-distinct.ts';
import { findAndModifyCommands } from './find-and-modify.ts';
import { findCommands } from './find-commands.ts';
import { handshakeCommands } from './handshake.ts';
import { indexCommands } from './index-commands.ts';
import { namespaceCommands } from './namespace-commands.ts';
import { writeCommands } from './write-commands.ts';

const commands = new Map<string, CommandHandler>(
  Object.entries({
    ...handshakeCommands,
    ...writeCommands,
    ...findCommands,
    ...findAndModifyCommands,
    ...countDistinctCommands,
    ...aggregateCommands,
    ...indexCommands,
    ...namespaceCommands,
  }),
);

export function runCommand(command: Document, context: CommandContext): Document {
  const name = Object.keys(command)[0] ?? '';
  const handler = commands.get(name);
  if (!handler) {
    return new CommandError(ErrorCode.CommandNotFound, `no such command: '${name}'`).toReply();
  }
  // A standalone mongod refuses transactions (and retryable writes) rather than ignoring them.
  if (
    command.txnNumber !== undefined ||
    command.startTransaction !== undefined ||
    command.autocommit !== undefined
  ) {
    return new CommandError(
      ErrorCode.IllegalOperation,
      'Transaction numbers are only allowed on a replica set member or mongos',
    ).toReply();
  }
  try {
    return handler(command, context);
  } catch (error) {
    if (error instanceof CommandError) return error.toReply();
    const message = error instanceof Error ? error.message : String(error);
    return new CommandError(
      ErrorCode.InternalError,
      `embedded-mongo internal error in ${name}: ${message}`,
    ).toReply();
  }
}
