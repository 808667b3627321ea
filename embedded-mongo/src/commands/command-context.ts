// What every command handler receives, and the handler signature (synchronous: atomic by construction).
import type { Document } from 'bson';
import type { CursorStore } from '../cursor-store.ts';
import type { Catalog } from '../engine/catalog.ts';

export type CommandContext = {
  catalog: Catalog;
  cursors: CursorStore;
  /** The `$db` the command was sent to. */
  db: string;
  connectionId: number;
  startedAt: Date;
};

export type CommandHandler = (command: Document, context: CommandContext) => Document;
