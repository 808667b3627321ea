// The physical changes a command makes; the journal records them and recovery replays them.
// Each is idempotent given the state it was recorded on top of, which lets a snapshot overlap the journal.
import type { Document } from 'bson';
import type { IndexSpec } from './index-spec.ts';

export type StoreOp =
  | { op: 'put'; db: string; coll: string; doc: Document }
  | { op: 'delete'; db: string; coll: string; id: unknown }
  | { op: 'createCollection'; db: string; coll: string; options: Document }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string }
  | { op: 'dropDatabase'; db: string };
