// Databases and collections: create, drop, dropDatabase, listCollections, listDatabases, stats.
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { ID_INDEX } from '../engine/collection.ts';
import { sharedOptions } from '../engine/mingo-context.ts';
import { translateMingoError } from '../engine/mingo-errors.ts';
import { CommandError, ErrorCode } from '../errors.ts';
import { collectionName, optionalDocument } from './command-arguments.ts';
import type { CommandContext, CommandHandler } from './command-context.ts';

// Options that would change behaviour we do not implement are refused rather than ignored.
const UNSUPPORTED_CREATE_OPTIONS = [
  'capped',
  'timeseries',
  'validator',
  'viewOn',
  'clusteredIndex',
  'changeStreamPreAndPostImages',
];
const IGNORED_CREATE_FIELDS = new Set([
  'create',
  '$db',
  'lsid',
  '$clusterTime',
  'writeConcern',
  'comment',
  '$readPreference',
]);

const create: CommandHandler = (command, context) => {
  const name = collectionName(command, 'create');
  for (const option of UNSUPPORTED_CREATE_OPTIONS) {
    if (command[option] !== undefined && command[option] !== false) {
      throw new CommandError(
        ErrorCode.InvalidOptions,
        `create option '${option}' is not supported by embedded-mongo`,
      );
    }
  }
  const options: Document = {};
  for (const [key, value] of Object.entries(command))
    if (!IGNORED_CREATE_FIELDS.has(key)) options[key] = value;
  context.catalog.createCollection(context.db, name, options);
  return { ok: 1 };
};

const drop: CommandHandler = (command, context) => {
  const name = collectionName(command, 'drop');
  const coll = context.catalog.collection(context.db, name);
  const nIndexesWas = coll?.indexSpecs().length ?? 0;
  context.catalog.dropCollection(context.db, name);
  return { nIndexesWas, ns: `${context.db}.${name}`, ok: 1 };
};

const dropDatabase: CommandHandler = (_command, context) => {
  context.catalog.dropDatabase(context.db);
  return { dropped: context.db, ok: 1 };
};

const listCollections: CommandHandler = (command, context) => {
  const filter = optionalDocument(command, 'filter');
  let entries = collectionEntries(context, command.nameOnly === true);
  if (filter && Object.keys(filter).length > 0) {
    try {
      const query = new Query(filter, sharedOptions);
      entries = entries.filter((entry) => query.test(entry));
    } catch (error) {
      throw translateMingoError(error);
    }
  }
  const cursor = optionalDocument(command, 'cursor');
  const batchSize = typeof cursor?.batchSize === 'number' ? cursor.batchSize : undefined;
  return context.cursors.first(`${context.db}.$cmd.listCollections`, entries, batchSize);
};

function collectionEntries(context: CommandContext, nameOnly: boolean): Document[] {
  return context.catalog.collections(context.db).map((coll) =>
    nameOnly
      ? { name: coll.name, type: 'collection' }
      : {
          name: coll.name,
          type: 'collection',
          options: coll.options,
          info: { readOnly: false },
          idIndex: ID_INDEX,
        },
  );
}

const listDatabases: CommandHandler = (command, context) => {
  const databases = context.catalog.databaseNames().map((name) => ({
    name,
    sizeOnDisk: 0,
    empty: context.catalog.collections(name).every((coll) => coll.docs.size === 0),
  }));
  const filter = optionalDocument(command, 'filter');
  const shown = filter ? databases.filter((db) => new Query(filter, sharedOptions).test(db)) : databases;
  if (command.nameOnly === true) return { databases: shown.map(({ name }) => ({ name })), ok: 1 };
  return { databases: shown, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

const dbStats: CommandHandler = (_command, context) => {
  const collections = context.catalog.collections(context.db);
  return {
    db: context.db,
    collections: collections.length,
    views: 0,
    objects: collections.reduce((sum, coll) => sum + coll.docs.size, 0),
    indexes: collections.reduce((sum, coll) => sum + coll.indexSpecs().length, 0),
    dataSize: 0,
    storageSize: 0,
    indexSize: 0,
    ok: 1,
  };
};

const serverStatus: CommandHandler = (_command, context) => ({
  host: 'localhost',
  version: '7.0.0',
  process: 'embedded-mongo',
  pid: process.pid,
  uptime: Math.floor((Date.now() - context.startedAt.getTime()) / 1000),
  localTime: new Date(),
  metrics: { cursor: { open: { total: context.cursors.size } } },
  ok: 1,
});

export const namespaceCommands: Record<string, CommandHandler> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  dbStats,
  serverStatus,
};
