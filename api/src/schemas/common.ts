// Shapes shared by every resource: ids, timestamps, the error body of SPEC.md "API".
import { type Static, Type } from 'typebox';

/** Every id the API hands out is a MongoDB ObjectId in hex. */
export const Id = Type.String({ pattern: '^[0-9a-f]{24}$', description: 'object id (24 hex characters)' });

/** Instants travel as ISO 8601 in UTC. */
export const IsoDateTime = Type.String({ format: 'date-time', description: 'ISO 8601 date-time (UTC)' });

/** Calendar dates (due dates, series end dates) as YYYY-MM-DD. */
export const IsoDate = Type.String({ format: 'date', description: 'ISO 8601 date' });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

/** SPEC.md: `{ "error": { "code": "...", "message": "..." } }`, with rule-specific details when useful. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** The standard 4xx answers every authenticated route can give. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  429: ErrorBody,
} as const;

export const Ok = Type.Object({ ok: Type.Literal(true) });

export const Person = Type.Object({ id: Id, displayName: Type.String() });
export type Person = Static<typeof Person>;

/** Text limits of the issue "The 1:1 domain and the REST API". */
export const limits = {
  title: 200,
  itemText: 2000,
  notes: 100_000,
  search: 100,
} as const;
